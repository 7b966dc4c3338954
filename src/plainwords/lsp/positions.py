"""Offsets in a buffer's text ↔ Language Server Protocol positions.

A protocol position is a 0-based line and a column counted in the encoding the client and server
agreed at start-up: UTF-16 code units unless the client offered another (an emoji is two UTF-16
units, four UTF-8 bytes, one code point). Lines end at ``\\r\\n``, ``\\r`` or ``\\n`` only, as in
``LineIndex``, not at the other characters ``str.splitlines`` breaks on, so a form feed or a
line separator in prose never shifts a diagnostic.
"""

from __future__ import annotations

from plainwords.document import LineIndex

ENCODINGS = ("utf-8", "utf-16", "utf-32")


def units(text: str, encoding: str) -> int:
    """How many code units ``text`` is in a protocol encoding."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Positions:
    """One text's offsets and protocol positions, both ways, in one encoding."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        self.lines = LineIndex(text)

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, character) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line, column = self.lines.position(offset)
        start = offset - column + 1
        return line - 1, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The character offset of a position; past the end of a line is its end (before the
        line break), past the last line is the end of the text, as the protocol asks."""
        if line < 0:
            return 0
        if line >= len(self.lines.starts):
            return len(self.text)
        start, end = self.lines.line_span(line + 1, self.text)
        counted = 0
        for index in range(start, end):
            if counted >= character:
                return index
            counted += units(self.text[index], self.encoding)
        return end
