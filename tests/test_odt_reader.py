"""OpenDocument text: paragraphs, headings, tables, footnotes, headers and footers, numbered as
paragraphs like Word."""

from __future__ import annotations

import io

import odfdo
import pytest

from format_checks import found
from plainwords.readers import ReadError, read_bytes


def odt_file() -> bytes:
    document = odfdo.Document("text")
    body = document.body
    body.clear()
    body.append(odfdo.Header(1, "Working with the homeless"))
    wrapped = odfdo.Paragraph("People who are hard to")
    wrapped.append(odfdo.LineBreak())
    wrapped.append("reach.")
    body.append(wrapped)
    noted = odfdo.Paragraph("A claim")
    noted.append(odfdo.Note(note_id="n1", citation="1", body="Survey of service users."))
    noted.append(" about addicts.")
    body.append(noted)
    table = odfdo.Table("T", width=2, height=1)
    table.set_value((0, 0), "in order to")
    table.set_value((0, 1), "plain")
    body.append(table)
    body.append(odfdo.Paragraph("x = utilise()", style="Source Code"))
    master = document.get_styles(family="master-page")[0]
    master.set_page_header(odfdo.Paragraph("Going forward"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_odt_paragraphs_tables_notes_and_headers_are_linted(linter):
    document = read_bytes("report.odt", odt_file())
    assert document.text.split("\n") == [
        "Working with the homeless",
        "People who are hard to reach.",
        "A claim1. Survey of service users. about addicts.",
        "in order to",
        "plain",
        "x = utilise()",
        "Going forward",
    ]
    assert found(linter, document) == [
        (1, 14, "the-homeless", "the homeless"),
        (2, 16, "hard-to-reach", "hard to reach"),
        (3, 21, "service-user", "service users"),
        (3, 42, "addict", "addicts"),
        (4, 1, "in-order-to", "in order to"),
        (7, 1, "going-forward", "Going forward"),
    ]
    assert {f.location for f in linter.check(document)} >= {"paragraph 3"}


def test_a_broken_odt_is_an_input_error():
    with pytest.raises(ReadError, match="not a readable OpenDocument"):
        read_bytes("broken.odt", b"not a zip")
