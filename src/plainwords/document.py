"""A document as plainwords sees it: the original text, the text to lint, and the map between them.

Offsets are sacred: every finding must point at the exact characters a person will edit. Readers
that can keep the linted text the same length as the original (masking code and markup with spaces)
use the identity map; readers that decode (HTML entities) or rebuild text (Word) record pieces.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Piece:
    """A stretch of linted text [lint_start, lint_end) that came from source [source_start, source_end).

    Where the two lengths are equal the mapping inside is one to one; otherwise (a decoded entity)
    the piece maps as a whole.
    """

    lint_start: int
    lint_end: int
    source_start: int
    source_end: int


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in linted text back to the source. No pieces means the identity."""

    pieces: tuple[Piece, ...] = ()

    @cached_property
    def _starts(self) -> list[int]:
        return [p.lint_start for p in self.pieces]

    def _piece(self, offset: int) -> Piece | None:
        if not self.pieces:
            return None
        index = max(bisect_right(self._starts, offset) - 1, 0)
        return self.pieces[index]

    def start(self, offset: int) -> int:
        piece = self._piece(offset)
        if piece is None:
            return offset
        if piece.lint_end - piece.lint_start == piece.source_end - piece.source_start:
            return piece.source_start + (offset - piece.lint_start)
        return piece.source_start

    def end(self, offset: int) -> int:
        """Map an exclusive end offset: the end of the character before it."""
        if offset <= 0:
            return self.start(offset)
        piece = self._piece(offset - 1)
        if piece is None:
            return offset
        if piece.lint_end - piece.lint_start == piece.source_end - piece.source_start:
            return piece.source_start + (offset - piece.lint_start)
        return piece.source_end


class LineIndex:
    """Offset → (line, column), both 1-based, counting characters; ``\\r\\n``, ``\\r`` and ``\\n``
    each end a line."""

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        else:  # the usual case, three times faster: each line starts after the previous one
            self.starts = list(
                accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0)
            )

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        """Start and end (before the line break) of a 1-based line."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end


@dataclass(frozen=True)
class Suppression:
    """A comment that silences findings: on lines [first_line, last_line], for the named rules
    (entry ids or categories; empty means all)."""

    first_line: int
    last_line: int
    rules: tuple[str, ...] = ()
    line: int = 0  # where the comment itself is, for --report-unused-suppressions
    kind: str = "disable-line"

    def covers(self, line: int, rule: str, category: str) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return not self.rules or rule in self.rules or category in self.rules


@dataclass(frozen=True)
class Document:
    """One readable document.

    ``text`` is the source as decoded (line endings untouched); ``lint_text`` is what the pipeline
    sees; ``offsets`` maps ``lint_text`` offsets into ``text``.
    """

    path: str
    text: str
    lint_text: str
    kind: str = "text"
    offsets: OffsetMap = field(default_factory=OffsetMap)
    encoding: str = "utf-8"
    bom: bool = False
    suppressions: tuple[Suppression, ...] = ()
    notices: tuple[str, ...] = ()
    # For documents without real lines (Word): what a "line" is called in messages.
    line_label: str | None = None

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def source_range(self, lint_start: int, lint_end: int) -> tuple[int, int]:
        return self.offsets.start(lint_start), self.offsets.end(lint_end)

    def location(self, line: int) -> str | None:
        return f"{self.line_label} {line}" if self.line_label else None


def masked(
    text: str, ranges: Sequence[tuple[int, int]], *, inline: Sequence[tuple[int, int]] = ()
) -> str:
    """Blank out ranges of a text, keeping its length and line breaks.

    Block ranges become spaces. Inline ranges (code inside a sentence) become spaces with a
    middle dot at their centre, so the words either side are not read as one phrase.
    """
    chars = list(text)
    for start, end in ranges:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    for start, end in inline:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
        if end > start:
            middle = (start + end - 1) // 2
            if chars[middle] not in "\r\n":
                chars[middle] = "·"
    return "".join(chars)
