"""reStructuredText: prose is linted where it stands; literal blocks, code, roles' targets,
URLs, comments and targets never are."""

from __future__ import annotations

import pytest

from format_checks import found
from plainwords.readers import read_bytes
from plainwords.readers.rst import read_rst


def rst(text: str):
    return read_rst("doc.rst", text)


def test_titles_paragraphs_lists_and_definitions_are_prose(linter):
    text = (
        "Working with the homeless\n"
        "=========================\n"
        "\n"
        "We reach people who are hard to reach.\n"
        "\n"
        "* Our service users\n"
        "* Going forward, more\n"
        "\n"
        "Term\n"
        "   A definition that says utilise.\n"
        "\n"
        "| A line block about addicts\n"
    )
    assert found(linter, rst(text)) == [
        (1, 14, "the-homeless", "the homeless"),
        (4, 25, "hard-to-reach", "hard to reach"),
        (6, 7, "service-user", "service users"),
        (7, 3, "going-forward", "Going forward"),
        (10, 27, "utilise", "utilise"),
        (12, 22, "addict", "addicts"),
    ]


def test_literal_blocks_and_code_directives_are_never_flagged(linter):
    text = (
        "An example::\n"
        "\n"
        "    addicts = 'service users'\n"
        "\n"
        ".. code-block:: python\n"
        "\n"
        "   utilise = going_forward\n"
        "\n"
        ".. code:: text\n"
        "\n"
        "   the homeless\n"
        "\n"
        ".. sourcecode:: text\n"
        "\n"
        "   in order to\n"
        "\n"
        ">>> hard to reach\n"
    )
    assert found(linter, rst(text)) == []


def test_inline_literals_and_code_roles_are_blanked(linter):
    text = "Set ``service users`` and :code:`addicts` or :kbd:`the homeless` then in order to.\n"
    assert found(linter, rst(text)) == [(1, 71, "in-order-to", "in order to")]


def test_a_role_with_an_explicit_title_lints_the_title_not_the_target(linter):
    text = "See :ref:`advice for the homeless <addicts-page>` and :doc:`service-users`.\n"
    assert found(linter, rst(text)) == [(1, 22, "the-homeless", "the homeless")]


def test_prose_roles_are_linted(linter):
    text = "An :abbr:`HTR (hard to reach)` group and *emphasised addicts*.\n"
    assert [rule for *_, rule, _ in found(linter, rst(text))] == ["hard-to-reach", "addict"]


def test_urls_and_embedded_targets_are_blanked_but_link_text_is_not(linter):
    text = (
        "Read `guidance on service users <https://example.org/addicts>`_ and "
        "https://example.org/the-homeless or `named`_.\n"
        "\n"
        ".. _named: https://example.org/hard-to-reach\n"
    )
    assert found(linter, rst(text)) == [(1, 19, "service-user", "service users")]


def test_comments_targets_and_substitution_definitions_are_not_linted(linter):
    text = (
        ".. A comment about addicts.\n"
        "\n"
        ".. _the-homeless:\n"
        "\n"
        ".. |sub| replace:: service users\n"
        "\n"
        "Plain text.\n"
    )
    assert found(linter, rst(text)) == []


def test_admonitions_tables_and_footnotes_are_prose(linter):
    text = (
        ".. note:: Going forward we will talk to people.\n"
        "\n"
        "=====  ===============\n"
        "A      B\n"
        "=====  ===============\n"
        "x      in order to go\n"
        "=====  ===============\n"
        "\n"
        "Text [#]_.\n"
        "\n"
        ".. [#] A note about the homeless.\n"
    )
    assert found(linter, rst(text)) == [
        (1, 11, "going-forward", "Going forward"),
        (6, 8, "in-order-to", "in order to"),
        (11, 21, "the-homeless", "the homeless"),
    ]


def test_unknown_directives_are_skipped_whole(linter):
    text = ".. toctree::\n   :maxdepth: 2\n\n   addicts\n\nAfter that, addicts.\n"
    assert found(linter, rst(text)) == [(6, 13, "addict", "addicts")]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_offsets_hold_with_windows_line_endings(linter, newline):
    text = newline.join(["Title", "=====", "", "We met service", "users and addicts.", ""])
    assert found(linter, rst(text)) == [
        (4, 8, "service-user", f"service{newline}users"),
        (5, 11, "addict", "addicts"),
    ]


def test_rst_files_are_read_as_rst():
    assert read_bytes("guide.rst", b"Text.\n").kind == "rst"
    assert read_bytes("guide.rest", b"Text.\n").kind == "rst"


def test_repeated_text_is_found_at_each_place_not_twice_at_the_first(linter):
    # The definition is lower-case: two capitalised words in a row read as a name.
    text = "Addicts\n-------\nAddicts\n\nAddicts\n   addicts\n"
    assert found(linter, rst(text)) == [
        (1, 1, "addict", "Addicts"),
        (3, 1, "addict", "Addicts"),
        (5, 1, "addict", "Addicts"),
        (6, 4, "addict", "addicts"),
    ]
