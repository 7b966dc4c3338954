"""OpenDocument text (.odt): paragraphs and headings, tables and lists, headers and footers, read
with odfdo.

Numbered like Word (see ``paragraphs``): body paragraphs in reading order, then each page style's
header and footer. A footnote's text is read where its citation stands in the sentence, once.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from plainwords.document import Document
from plainwords.readers.decoding import ReadError
from plainwords.readers.paragraphs import paragraphs_document

# Outermost paragraphs and headings only: an inner one (a footnote's body) is part of its parent's
# text already.
_BLOCKS = "descendant::*[self::text:p or self::text:h][not(ancestor::text:p or ancestor::text:h)]"


def read_odt(path: str, data: bytes) -> Document:
    try:
        import odfdo

        document = odfdo.Document(io.BytesIO(data))
        body = document.body
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        raise ReadError(
            f"{path}: not a readable OpenDocument text (.odt) file ({error}); re-save it"
        ) from None
    except Exception as error:  # noqa: BLE001 - odfdo and lxml raise many kinds on bad input
        raise ReadError(
            f"{path}: not a readable OpenDocument text file ({type(error).__name__})"
        ) from None
    return paragraphs_document(path, _paragraphs(document, body), "odt")


def _paragraphs(document, body) -> Iterator[tuple[str, str]]:
    yield from _blocks(body)
    for master in document.get_styles(family="master-page"):
        for part in (master.get_page_header(), master.get_page_footer()):
            if part is not None:
                yield from _blocks(part)


def _blocks(container) -> Iterator[tuple[str, str]]:
    for element in container.get_elements(_BLOCKS):
        yield str(element).removesuffix("\n"), element.style or ""
