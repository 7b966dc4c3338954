"""Documents without lines (Word, OpenDocument): paragraphs joined with "\\n", numbered as lines.

A finding's ``line`` is then the paragraph's number and its ``column`` the position in that
paragraph, and messages say "paragraph 12". A line break inside a paragraph is read as a space so
the numbering stays true; paragraphs in a code style are kept in the text but not linted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plainwords.document import Document, OffsetMap, Piece, masked

CODE_STYLE = re.compile(r"code|preformatted|source|console|verbatim", re.IGNORECASE)
_BREAKS = re.compile(r"[\r\n\v\f\u2028\u2029]")


def paragraphs_document(path: str, paragraphs: Iterable[tuple[str, str]], kind: str) -> Document:
    """Build a Document from (paragraph text, style name) pairs in reading order."""
    texts: list[str] = []
    blank: list[tuple[int, int]] = []
    offset = 0
    for text, style in paragraphs:
        text = _BREAKS.sub(" ", text)
        if style and CODE_STYLE.search(style):
            blank.append((offset, offset + len(text)))
        texts.append(text)
        offset += len(text) + 1
    text = "\n".join(texts)
    lint_text, offsets = _separated(masked(text, blank) if blank else text)
    return Document(
        path=path,
        text=text,
        lint_text=lint_text,
        offsets=offsets,
        kind=kind,
        encoding=kind,
        line_label="paragraph",
    )


def _separated(text: str) -> tuple[str, OffsetMap]:
    """The linted text with a blank line between paragraphs, and the map back to ``text``.

    Each paragraph is a unit of its own, like a paragraph in a text file: a heading must not read
    on into the paragraph below it ("Working with the homeless" / "People who…").
    """
    pieces = []
    lint = 0
    source = 0
    for paragraph in text.split("\n"):
        pieces.append(Piece(lint, lint + len(paragraph) + 1, source, source + len(paragraph) + 1))
        lint += len(paragraph) + 2
        source += len(paragraph) + 1
    return "\n\n".join(text.split("\n")), OffsetMap(tuple(pieces))
