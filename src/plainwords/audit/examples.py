"""The one way record text may leave an audit: the sentence around a finding, on request.

Only ``--show-examples N`` calls this, and only the sentence holding the finding is kept, with the
record's ``--id-column`` value so a reader can find it in the source system.
"""

from __future__ import annotations

import re

from plainwords.findings import Finding

_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds [start, end): from the last sentence end before it to
    the next one after it."""
    begin = 0
    for match in _END.finditer(text, 0, start):
        begin = match.end()
    after = _END.search(text, end)
    stop = after.end() if after else len(text)
    return " ".join(text[begin:stop].split())


def example(text: str, finding: Finding, identifier: object = None) -> dict:
    data = {
        "rule": finding.rule,
        "text": finding.text,
        "sentence": sentence_around(text, finding.start, finding.end),
    }
    if identifier is not None:
        data["id"] = str(identifier)
    return data
