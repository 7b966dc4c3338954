"""Markdown: prose in every block is linted at its exact place; code, URLs, HTML and front-matter
keys never are."""

from __future__ import annotations

import pytest

from format_checks import found, rules
from plainwords.readers.markdown import read_markdown


def md(text: str):
    return read_markdown("doc.md", text)


def test_headings_lists_and_block_quotes_are_prose(linter):
    text = "# Reaching hard to reach groups\n\n- Our service users\n- 1. nested addicts\n\n> We utilise\n"
    assert found(linter, md(text)) == [
        (1, 12, "hard-to-reach", "hard to reach"),
        (3, 7, "service-user", "service users"),
        (4, 13, "addict", "addicts"),
        (6, 6, "utilise", "utilise"),
    ]


def test_a_phrase_wrapped_inside_a_block_quote_is_found_across_the_markers(linter):
    text = "> We work with people\n> who are hard to\n> reach by services.\n"
    assert found(linter, md(text)) == [(2, 11, "hard-to-reach", "hard to\n> reach")]


def test_nested_quote_markers_are_not_read_as_words(linter):
    document = md("> > in order to\n> > go\n")
    assert document.lint_text.startswith("    in order to")
    assert rules(linter, document) == ["in-order-to"]


def test_table_cells_are_linted_and_code_in_cells_is_not(linter):
    text = (
        # Headed "Team | Plan", not "Term | Use instead": a guide's table of terms is a mention.
        "| Team | Plan        |\n"
        "|------|-------------|\n"
        "| `addicts` | support for the homeless |\n"
        "| `x` and `y` | `service users` then going forward |\n"
    )
    assert found(linter, md(text)) == [
        (3, 27, "the-homeless", "the homeless"),
        (4, 38, "going-forward", "going forward"),
    ]


def test_link_text_is_linted_and_urls_are_not(linter):
    text = (
        "See [advice for service users](https://example.org/addicts-and-the-homeless) and "
        "<https://example.org/hard-to-reach>.\n\n"
        '![The homeless at a hostel](img/addicts.png "in order to")\n\n'
        "Read [the guide][addicts] too.\n\n"
        '[addicts]: https://example.org/service-users "utilise"\n'
    )
    assert found(linter, md(text)) == [
        (1, 17, "service-user", "service users"),
        (3, 3, "the-homeless", "The homeless"),
    ]


def test_code_spans_fences_and_indented_code_are_never_flagged(linter):
    text = (
        "Use `hard to reach` as a string.\n\n"
        "```python\naddicts = 'service users'\n```\n\n"
        "    going forward = utilise()\n\n"
        "~~~\nthe homeless\n~~~\n"
    )
    assert found(linter, md(text)) == []


def test_inline_code_keeps_the_words_either_side_apart(linter):
    # "hard to `x` reach" must not read as "hard to reach".
    assert rules(linter, md("People hard to `x` reach.\n")) == []


def test_html_blocks_and_inline_html_are_not_linted(linter):
    text = '<div class="addicts">\nservice users\n</div>\n\nText <span title="the homeless">ok</span>.\n'
    assert found(linter, md(text)) == []


def test_front_matter_values_are_prose_and_keys_and_urls_are_not(linter):
    text = (
        "---\n"
        "title: Working with hard to reach groups\n"
        'description: "Support for addicts"\n'
        "url: https://example.org/service-users\n"
        "image: /img/the-homeless.png\n"
        "service users: 3\n"
        "going forward: yes\n"
        "tags: [the homeless, policy]\n"
        "summary: |\n"
        "  We utilise the data.\n"
        "---\n"
        "Body text.\n"
    )
    assert found(linter, md(text)) == [
        (2, 21, "hard-to-reach", "hard to reach"),
        (3, 27, "addict", "addicts"),
        (8, 8, "the-homeless", "the homeless"),
        (10, 6, "utilise", "utilise"),
    ]


def test_quoted_front_matter_values_are_uses_not_mentions(linter):
    document = md("---\ntitle: 'Our work with service users'\n---\n")
    findings = linter.check(document)
    assert [(f.rule, f.mention) for f in findings] == [("service-user", False)]


def test_invalid_front_matter_is_left_out_whole(linter):
    text = "---\ntitle: [hard to reach\n---\nThe homeless.\n"
    assert found(linter, md(text)) == [(4, 1, "the-homeless", "The homeless")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_offsets_hold_for_every_line_ending(linter, newline):
    text = newline.join(
        ["---", "title: The homeless", "---", "", "# Going forward", "", "- addicts", ""]
    )
    assert found(linter, md(text)) == [
        (2, 8, "the-homeless", "The homeless"),
        (5, 3, "going-forward", "Going forward"),
        (7, 3, "addict", "addicts"),
    ]


def test_mdx_and_markdown_extensions_use_the_markdown_reader(tmp_path):
    from plainwords.readers import read_path

    for name in ("a.mdx", "b.markdown", "c.MD"):
        path = tmp_path / name
        path.write_text("`addicts`\n", encoding="utf-8")
        assert read_path(path).kind == "markdown"
