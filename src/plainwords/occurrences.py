"""Repetition: which time a label is used in a document, and acronyms the document spells out.

A report that uses one label forty times needs one finding and a count, not forty equal ones:
every finding carries its ``occurrence`` (1 for the first use of that entry in the document) and
the ``occurrences`` of the entry there, so a reporter can show the first only, with the count.

An acronym the document spells out ("Did Not Attend (DNA)") is explained to its reader from then
on, so its findings from that point are suggestions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from plainwords.document import Document
from plainwords.findings import Finding

_DEFINED = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL = frozenset({"of", "and", "the", "for", "to", "in", "on", "a", "an", "at", "by", "with"})


def number_occurrences(findings: Sequence[Finding]) -> list[Finding]:
    """Number each finding among its entry's findings in the same document (in order)."""
    totals = Counter((f.path, f.rule) for f in findings)
    seen: Counter[tuple[str, str]] = Counter()
    numbered = []
    for f in sorted(findings, key=lambda f: (f.path, f.start, f.end, f.rule)):
        key = (f.path, f.rule)
        seen[key] += 1
        numbered.append(replace(f, occurrence=seen[key], occurrences=totals[key]))
    return numbered


def spelled_out(text: str) -> dict[str, int]:
    """Acronyms the text defines, with where each is first defined: "(DNA)" after words whose
    initials spell it ("Did Not Attend", "Looked After Children"; small words may be skipped)."""
    defined: dict[str, int] = {}
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        letters = [c for c in acronym.lower() if c.isalpha()]
        words = _WORD.findall(text[max(0, match.start() - 150) : match.start()])
        if _spells(words, letters) and acronym not in defined:
            defined[acronym] = match.start()
    return defined


def _spells(words: list[str], letters: list[str]) -> bool:
    """The last words' initials spell the letters, with or without the small words."""
    for keep_small in (False, True):
        kept = [w for w in words if keep_small or w.lower() not in _SMALL]
        initials = [w[0].lower() for w in kept[-len(letters) :]]
        if len(initials) == len(letters) and initials == letters:
            return True
    return False


def soften_defined_acronyms(document: Document, findings: Sequence[Finding]) -> list[Finding]:
    """Findings of an acronym at or after the place the document spells it out, as suggestions."""
    acronyms = {f.text for f in findings if f.text.isupper() and len(f.text) >= 2}
    if not acronyms:
        return list(findings)
    defined = spelled_out(document.text)
    return [
        replace(f, severity="suggestion")
        if f.text in defined and f.start >= defined[f.text] and f.severity != "suggestion"
        else f
        for f in findings
    ]
