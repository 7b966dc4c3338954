"""Word: paragraphs, tables, headers and footers; line is the paragraph, column the place in it."""

from __future__ import annotations

import io
import json

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from format_checks import found
from plainwords.cli import main
from plainwords.readers import ReadError, read_bytes


def word_file(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def sample(document) -> None:
    document.add_heading("Working with the homeless", level=1)
    document.add_paragraph("We work with people who are hard to reach.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Our service users"
    table.cell(0, 1).text = "Plain"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "A merged cell about addicts"
    code = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("utilise = going_forward()", style=code)
    run = document.add_paragraph("A soft").add_run()
    run.add_break()
    run.add_text("break, then in order to")
    section = document.sections[0]
    section.header.paragraphs[0].text = "Header: going forward"
    section.footer.paragraphs[0].text = "Footer about service users"


def test_paragraphs_tables_headers_and_footers_are_linted(linter):
    document = read_bytes("report.docx", word_file(sample))
    assert document.text.split("\n") == [
        "Working with the homeless",
        "We work with people who are hard to reach.",
        "Our service users",
        "Plain",
        "A merged cell about addicts",
        "utilise = going_forward()",
        "A soft break, then in order to",
        "Header: going forward",
        "Footer about service users",
    ]
    assert found(linter, document) == [
        (1, 14, "the-homeless", "the homeless"),
        (2, 29, "hard-to-reach", "hard to reach"),
        (3, 5, "service-user", "service users"),
        (5, 21, "addict", "addicts"),
        (7, 20, "in-order-to", "in order to"),
        (8, 9, "going-forward", "going forward"),
        (9, 14, "service-user", "service users"),
    ]


def test_findings_say_which_paragraph(linter):
    document = read_bytes("report.docx", word_file(sample))
    finding = linter.check(document)[1]
    assert finding.location == "paragraph 2"
    assert finding.to_dict()["location"] == "paragraph 2"


def test_json_output_carries_the_paragraph_location(tmp_path, capsys):
    path = tmp_path / "report.docx"
    path.write_bytes(
        word_file(lambda d: d.add_paragraph("Intro.") and d.add_paragraph("Some addicts."))
    )
    assert main(["check", "--format", "json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(f["line"], f["column"], f["location"]) for f in data["findings"]] == [
        (2, 6, "paragraph 2")
    ]


def test_a_file_that_is_not_a_word_document_is_an_input_error():
    with pytest.raises(ReadError, match="not a readable Word"):
        read_bytes("broken.docx", b"this is not a zip file")


def test_old_binary_doc_files_are_skipped_not_misread(tmp_path, capsys):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert main(["check", str(path)]) == 0
    assert "old.doc" in capsys.readouterr().err
