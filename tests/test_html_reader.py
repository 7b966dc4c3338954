"""HTML: text, alt and title are linted with exact source positions, entities included; scripts,
styles, code and comments never are."""

from __future__ import annotations

import pytest

from format_checks import found
from plainwords.readers import read_bytes
from plainwords.readers.html import read_html


def page(text: str):
    return read_html("page.html", text)


def test_text_content_is_linted_at_its_source_position(linter):
    text = "<html><body>\n<h1>Service users</h1>\n<p>We help <b>the homeless</b> and addicts.</p>\n</body></html>\n"
    assert found(linter, page(text)) == [
        (2, 5, "service-user", "Service users"),
        (3, 15, "the-homeless", "the homeless"),
        (3, 36, "addict", "addicts"),
    ]


def test_scripts_styles_code_and_form_text_are_never_flagged(linter):
    text = (
        "<script>const addicts = 'service users';</script>\n"
        "<style>.the-homeless { color: red }</style>\n"
        "<pre>in order to</pre>\n"
        "<p>Type <kbd>utilise</kbd> or <code>going forward</code>.</p>\n"
        "<textarea>hard to reach</textarea>\n"
        "<!-- addicts in a comment -->\n"
    )
    assert found(linter, page(text)) == []


def test_alt_and_title_attributes_are_linted_and_other_attributes_are_not(linter):
    text = (
        '<img src="https://example.org/addicts.png" alt="The homeless at a hostel">\n'
        "<a href='https://example.org/service-users' title='going forward' class=addicts>a link</a>\n"
    )
    assert found(linter, page(text)) == [
        (1, 49, "the-homeless", "The homeless"),
        (2, 52, "going-forward", "going forward"),
    ]


def test_entities_are_decoded_and_the_finding_quotes_the_source(linter):
    text = '<p>Our service&nbsp;users &amp; the&#32;homeless.</p>\n<p title="hard&#x20;to reach">x</p>\n'
    document = page(text)
    assert "service\u00a0users & the homeless" in document.lint_text
    assert found(linter, document) == [
        (1, 8, "service-user", "service&nbsp;users"),
        (1, 33, "the-homeless", "the&#32;homeless"),
        (2, 11, "hard-to-reach", "hard&#x20;to reach"),
    ]


def test_a_phrase_across_inline_tags_is_one_finding(linter):
    text = "<p>People <em>hard</em> to <a href='#x'>reach</a>.</p>"
    assert found(linter, page(text)) == [
        (1, 15, "hard-to-reach", "hard</em> to <a href='#x'>reach")
    ]


def test_block_elements_keep_phrases_apart(linter):
    text = "<p>hard to</p><p>reach</p><li>going</li><li>forward</li><td>in order</td><td>to</td>"
    assert found(linter, page(text)) == []


def test_whitespace_between_an_inline_and_a_block_element_still_separates(linter):
    text = "<b>hard to</b>\n<div>reach</div>\n<span>going</span>\n<br>\n<p>forward</p>"
    assert found(linter, page(text)) == []


def test_inline_code_keeps_the_words_either_side_apart(linter):
    assert found(linter, page("<p>hard to <code>x</code> reach</p>")) == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_offsets_hold_for_every_line_ending(linter, newline):
    text = newline.join(
        ["<html>", "<p>", "We met service", "users &amp; addicts.", "</p>", "</html>"]
    )
    assert found(linter, page(text)) == [
        (3, 8, "service-user", f"service{newline}users"),
        (4, 13, "addict", "addicts"),
    ]


def test_broken_html_still_maps_exactly(linter):
    text = "<p>Unclosed <b>addicts <i>and the homeless\n<div>in order to"
    assert [rule for *_, rule, _ in found(linter, page(text))] == [
        "addict",
        "the-homeless",
        "in-order-to",
    ]


def test_html_and_htm_files_are_read_as_html():
    assert read_bytes("a.html", b"<p>x</p>").kind == "html"
    assert read_bytes("a.HTM", b"<p>x</p>").kind == "html"
