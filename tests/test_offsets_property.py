"""Property: for any document in any format, every finding's text is the source at its offsets and
at its line and column. Random prose mixes lexicon terms with each format's markup, entities and
every kind of line ending, so the readers' offset bookkeeping meets the awkward cases."""

from __future__ import annotations

import io
import os

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from format_checks import assert_exact
from plainwords.readers import read_bytes
from plainwords.readers.html import read_html
from plainwords.readers.markdown import read_markdown
from plainwords.readers.rst import read_rst
from plainwords.readers.text import read_text

TERMS = [
    "hard to reach",
    "Hard-to-reach",
    "service users",
    "Service User",
    "addicts",
    "addict",
    "utilise",
    "Utilised",
    "going forward",
    "the homeless",
    "suffer from",
    "suffers from",
    "in order to",
    "hard to\nreach",
    "service\r\nusers",
    "the\rhomeless",
]
WORDS = [
    "we",
    "people",
    "groups",
    "are",
    "not",
    "our",
    "and",
    "café",
    "😀",
    "—",
    ".",
    ",",
    "’",
    "'",
    '"',
]
SPACE = [" ", " ", " ", "\n", "\r\n", "\r", "\n\n", "\t", "\u00a0"]
MARKUP = {
    "markdown": [
        "**",
        "_",
        "`",
        "``",
        "# ",
        "> ",
        "- ",
        "1. ",
        "| ",
        " |",
        "|---|",
        "[",
        "](https://x.org/addicts)",
        "<https://x.org/the-homeless>",
        "![",
        "<!-- plainwords-disable-next-line -->",
        "<!-- plainwords-disable-line addict -->",
        "<b>",
        "</b>",
        "&amp;",
        "```\n",
        "~~~\n",
        "    ",
        "---\n",
        "title: ",
        '"',
        "'",
        ": ",
        "[ref]: https://x.org/service-users\n",
        "\\",
    ],
    "rst": [
        "``",
        ":code:`",
        ":ref:`",
        "`",
        "`_",
        " <https://x.org/addicts>`_",
        "::\n\n    ",
        ".. ",
        ".. plainwords-disable-next-line\n\n",
        ".. code-block:: python\n\n   ",
        "=====\n",
        "-----\n",
        "* ",
        "| ",
        "*",
        "**",
        "[#]_",
        ".. _target:\n",
        ".. note:: ",
        "|sub|",
        "\\",
        "   ",
        "+---+\n",
    ],
    "html": [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<em>",
        "</em>",
        "&amp;",
        "&nbsp;",
        "&#32;",
        "&#x20;",
        "&bogus;",
        "&",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<code>",
        "</code>",
        "<pre>",
        "</pre>",
        "<!--",
        "-->",
        "<!-- plainwords-disable-line -->",
        '<img alt="',
        "\" title='",
        "'>",
        "<br>",
        '<a href="https://x.org/addicts">',
        "</a>",
        "<",
        ">",
        "<div",
        " class=x>",
        "</div>",
    ],
    "text": [
        "# plainwords-disable-line",
        "// plainwords-disable-next-line addict\n",
        "plainwords-disable",
        "plainwords-enable",
        "#",
        "//",
        "\\",
    ],
}
READERS = {"markdown": read_markdown, "rst": read_rst, "html": read_html, "text": read_text}


def documents(kind: str):
    piece = st.one_of(
        st.sampled_from(TERMS),
        st.sampled_from(WORDS),
        st.sampled_from(SPACE),
        st.sampled_from(MARKUP[kind]),
    )
    return st.lists(piece, max_size=60).map("".join)


# Raise for a longer hunt: PLAINWORDS_PROPERTY_EXAMPLES=2000 pytest tests/test_offsets_property.py
EXAMPLES = int(os.environ.get("PLAINWORDS_PROPERTY_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
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


@settings(max_examples=25, deadline=None)
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
