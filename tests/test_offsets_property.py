"""Property: for any document in any format, every finding's text is the source at its offsets and
at its line and column. Random prose mixes lexicon terms with each format's markup, entities and
every kind of line ending, so the readers' offset bookkeeping meets the awkward cases."""

from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from format_checks import assert_exact
from plainwords.readers import read_bytes
from property_documents import READERS, documents, examples

SETTINGS = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def check_exact(linter, kind: str, text: str) -> None:
    document = READERS[kind](f"doc.{kind}", text)
    assert document.text == text
    assert_exact(document, linter.check(document))


@SETTINGS
@given(text=documents("markdown"))
def test_markdown_findings_are_exact(linter, text):
    check_exact(linter, "markdown", text)


@SETTINGS
@given(text=documents("rst"))
def test_rst_findings_are_exact(linter, text):
    check_exact(linter, "rst", text)


@SETTINGS
@given(text=documents("html"))
def test_html_findings_are_exact(linter, text):
    check_exact(linter, "html", text)


@SETTINGS
@given(text=documents("text"))
def test_text_findings_are_exact(linter, text):
    check_exact(linter, "text", text)


@settings(max_examples=examples(25), deadline=None)
@given(
    paragraphs=st.lists(
        documents("text").map(lambda t: t.replace("\r", " ").replace("\n", " ")), max_size=6
    )
)
def test_docx_findings_are_exact(linter, paragraphs):
    word = docx.Document()
    for paragraph in paragraphs:
        word.add_paragraph(paragraph)
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_bytes("doc.docx", buffer.getvalue())
    findings = linter.check(document)
    assert_exact(document, findings)
    for finding in findings:
        assert finding.location == f"paragraph {finding.line}"
