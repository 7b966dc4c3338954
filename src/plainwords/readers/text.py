"""Plain text (and any text file of an unknown kind): everything is prose.

Suppression comments are the directive words anywhere on a line, so they work after ``#``, ``//``,
``;`` or on a line of their own, whatever the file's own comment syntax is. From the directive to
the end of its line is not prose (entry ids such as ``addict`` would otherwise be flagged).
"""

from __future__ import annotations

import re

from plainwords.document import Document, masked
from plainwords.suppressions import DIRECTIVE, line_directives, resolve

_TO_LINE_END = re.compile(r"[^\r\n]*")


def _line_end(text: str, start: int) -> int:
    match = _TO_LINE_END.match(text, start)
    assert match is not None  # the pattern matches the empty string too
    return match.end()


def read_text(path: str, text: str, **kwargs) -> Document:
    if "plainwords-" not in text:
        return Document(path=path, text=text, lint_text=text, kind="text", **kwargs)
    directives = [m.start() for m in DIRECTIVE.finditer(text)]
    blank = [(start, _line_end(text, start)) for start in directives]
    return Document(
        path=path,
        text=text,
        lint_text=masked(text, blank),
        kind="text",
        suppressions=resolve(line_directives(text), text),
        **kwargs,
    )
