"""Markdown tables written without spaces (``|service users|x|``): every cell is checked as it is
in a table written with spaces, with exact offsets, and cells never run into each other."""

from __future__ import annotations

import spacy

from format_checks import assert_exact
from plainwords.readers import read_bytes
from plainwords.tokenizing import make_doc

GLUED = (
    "Our services\n\n"
    "|Team|Notes|\n|---|---|\n"
    "|Outreach|We reach the hard to reach and service users.|\n"
    "|Hub|utilise the space|\n\n"
    "|Don't say|Say|\n|---|---|\n"
    "|addict|person who uses drugs|\n"
    "|hard|to reach|\n"
)
SPACED = (
    "Our services\n\n"
    "| Team | Notes |\n|---|---|\n"
    "| Outreach | We reach the hard to reach and service users. |\n"
    "| Hub | utilise the space |\n\n"
    "| Don't say | Say |\n|---|---|\n"
    "| addict | person who uses drugs |\n"
    "| hard | to reach |\n"
)


def _found(linter, text: str, kind: str = "md"):
    document = read_bytes(f"doc.{kind}", text.encode("utf-8"))
    findings = linter.check(document)
    assert_exact(document, findings)
    return findings


def test_every_cell_of_a_table_without_spaces_is_checked(linter):
    found = [(f.text, f.line, f.column) for f in _found(linter, "|service users|x|\n|x|utilise|\n")]
    assert found == [("service users", 1, 2), ("utilise", 2, 4)]


def test_a_table_finds_the_same_whatever_its_spacing(linter):
    def summary(text):
        return [(f.text, f.rule, f.mention, f.line) for f in _found(linter, text)]

    assert summary(GLUED) == summary(SPACED)
    assert [f.text for f in _found(linter, GLUED)] == ["hard to reach", "service users", "utilise"]


def test_cells_never_join_into_one_phrase(linter):
    assert _found(linter, "|hard|to reach|\n|---|---|\n|hard|to reach|\n") == []


def test_bars_glued_to_words_outside_tables_are_cut_too(linter):
    assert [f.text for f in _found(linter, "teams|service users|utilise\n", "txt")] == [
        "service users",
        "utilise",
    ]


def test_text_without_glued_bars_is_tokenized_as_spacy_does():
    nlp = spacy.blank("en")
    for text in ["We met | them.", "| a | b |\n| x | y |", "Plain prose, no bars."]:
        ours, theirs = make_doc(nlp.make_doc, text), nlp.make_doc(text)
        assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]


def test_cut_pieces_are_not_sentences():
    nlp = spacy.blank("en")
    doc = make_doc(nlp.make_doc, "|service users|x|")
    assert doc.text == "|service users|x|"
    assert [t.text for t in doc] == ["|", "service", "users", "|", "x", "|"]
    assert [t.is_sent_start for t in doc[1:]] == [None] * 5
