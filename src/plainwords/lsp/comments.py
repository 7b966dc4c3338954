"""Where to put a suppression comment that silences one entry at one finding, in the document's
own syntax (see ``plainwords.suppressions`` for the directive words every reader understands).

- Markdown and HTML: ``<!-- plainwords-disable-line ID -->`` at the end of the finding's line, so
  no paragraph is split (an HTML comment on a line of its own would end a Markdown paragraph).
- reStructuredText has no inline comment: ``.. plainwords-disable-next-line ID`` and a blank line
  before a paragraph that starts on the finding's line; otherwise ``plainwords-disable`` before
  the paragraph and ``plainwords-enable`` after it.
- Plain text (and AsciiDoc, which ``check`` reads as text): a
  ``plainwords-disable-next-line ID`` line above, after ``//`` in AsciiDoc, where that is a
  comment.

The caller checks the edited text again before offering the edit (``actions``), so a comment that
would not silence the finding, or would silence more, is never offered.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from plainwords.document import Document
from plainwords.findings import Finding

_ASCIIDOC = {".adoc", ".asciidoc", ".asc"}


@dataclass(frozen=True)
class Insertion:
    """Text to insert at a character offset of the document."""

    offset: int
    text: str


def suppression(document: Document, finding: Finding) -> list[Insertion]:
    text, rule = document.text, finding.rule
    start, end = document.lines.line_span(finding.line, text)
    if document.kind in ("markdown", "html"):
        return [Insertion(end, f" <!-- plainwords-disable-line {rule} -->")]
    newline = _newline(text)
    if document.kind == "rst":
        first, last = _paragraph(document, finding.line)
        block_start, _ = document.lines.line_span(first, text)
        indent = _indent(text, block_start)
        if first == finding.line:
            return [
                Insertion(
                    block_start, f"{indent}.. plainwords-disable-next-line {rule}{newline}{newline}"
                )
            ]
        _, block_end = document.lines.line_span(last, text)
        return [
            Insertion(block_start, f"{indent}.. plainwords-disable {rule}{newline}{newline}"),
            Insertion(block_end, f"{newline}{newline}{indent}.. plainwords-enable {rule}"),
        ]
    indent = _indent(text, start)
    prefix = "// " if os.path.splitext(document.path)[1].lower() in _ASCIIDOC else ""
    return [Insertion(start, f"{indent}{prefix}plainwords-disable-next-line {rule}{newline}")]


def apply(text: str, insertions: list[Insertion]) -> str:
    for insertion in sorted(insertions, key=lambda i: i.offset, reverse=True):
        text = text[: insertion.offset] + insertion.text + text[insertion.offset :]
    return text


def _paragraph(document: Document, line: int) -> tuple[int, int]:
    """The first and last lines of the run of non-blank lines holding ``line``."""
    count = len(document.lines.starts)

    def blank(number: int) -> bool:
        start, end = document.lines.line_span(number, document.text)
        return not document.text[start:end].strip()

    first = line
    while first > 1 and not blank(first - 1):
        first -= 1
    last = line
    while last < count and not blank(last + 1):
        last += 1
    return first, last


def _indent(text: str, start: int) -> str:
    """The spaces and tabs that start the line at ``start``."""
    end = start
    while end < len(text) and text[end] in " \t":
        end += 1
    return text[start:end]


def _newline(text: str) -> str:
    """The document's own line break, so an inserted line never mixes styles."""
    match = re.search(r"\r\n|\r|\n", text)
    return match.group() if match else "\n"
