"""Word (.docx): paragraphs, tables, headers and footers, read with python-docx.

A Word file has no lines, so the document's text is its paragraphs joined with "\\n": a finding's
``line`` is the paragraph's number and its ``column`` the position in that paragraph, and messages
say "paragraph 12". Body paragraphs (with table cells in reading order) come first, so their numbers
match the body as a writer scrolls through it; headers and footers follow. A soft line break inside
a paragraph is read as a space, so paragraph numbers stay true. Paragraphs in a code style
("Code", "HTML Preformatted", …) are not linted.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator

from plainwords.document import Document
from plainwords.readers.decoding import ReadError
from plainwords.readers.paragraphs import paragraphs_document


def read_docx(path: str, data: bytes) -> Document:
    try:
        from docx import Document as open_docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import LxmlError

        word = open_docx(io.BytesIO(data))
        style_name = _style_names(word)
        pairs = [(paragraph.text, style_name(paragraph)) for paragraph in _paragraphs(word)]
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, LxmlError) as error:
        raise ReadError(
            f"{path}: not a readable Word (.docx) file ({error}); re-save it from Word"
        ) from None
    return paragraphs_document(path, pairs, "docx")


def _style_names(word) -> Callable[[object], str]:
    """A paragraph's style name, from a table of the document's styles made once.

    python-docx's ``paragraph.style`` searches the styles part on every call, which made a
    20,000-paragraph file take many seconds. As there, a paragraph without a style (or naming
    one that does not exist) has the default paragraph style.
    """
    from docx.enum.style import WD_STYLE_TYPE

    names = {
        style.style_id: style.name or ""
        for style in word.styles
        if style.type == WD_STYLE_TYPE.PARAGRAPH
    }
    default = word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    fallback = (default.name or "") if default is not None else ""

    def name(paragraph) -> str:
        return names.get(paragraph._p.style, fallback)  # the pStyle id, read without a search

    return name


def _paragraphs(word) -> Iterator:
    """Every paragraph: the body in reading order, then each distinct header and footer."""
    yield from _block_paragraphs(word)
    seen: dict[int, object] = {}  # id → element, holding the element so the id stays its own
    for section in word.sections:
        parts = (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        )
        for part in parts:
            if part.is_linked_to_previous:
                continue
            element = part._element  # the header/footer XML part, to skip ones shared by sections
            if id(element) in seen:
                continue
            seen[id(element)] = element
            yield from _block_paragraphs(part)


def _block_paragraphs(container) -> Iterator:
    """Paragraphs of a body, header, footer or cell, descending into tables (merged cells once)."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen: dict[int, object] = {}  # id → cell element, held so the id stays its own
            for row in block.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen[id(cell._tc)] = cell._tc
                    yield from _block_paragraphs(cell)
        else:
            yield block
