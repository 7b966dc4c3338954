"""Suppression comments: the same words in every format's own comment syntax, silencing exactly
what they name; and --report-unused-suppressions."""

from __future__ import annotations

import pytest

from plainwords.cli import main
from plainwords.document import Suppression
from plainwords.readers.html import read_html
from plainwords.readers.markdown import read_markdown
from plainwords.readers.rst import read_rst
from plainwords.readers.text import read_text
from plainwords.suppressions import describe, line_directives, parse_directive, resolve

# --- the shared words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("plainwords-disable", ("disable", ())),
        ("plainwords-enable", ("enable", ())),
        (" plainwords-disable-line addict ", ("disable-line", ("addict",))),
        (
            "plainwords-disable-next-line hard-to-reach, jargon",
            ("disable-next-line", ("hard-to-reach", "jargon")),
        ),
        ("plainwords-disable-line addict -- quoting a survey", ("disable-line", ("addict",))),
        ("<!-- plainwords-disable-next-line addict -->", ("disable-next-line", ("addict",))),
        ("/* plainwords-disable utilise */", ("disable", ("utilise",))),
        ("plainwords-disabled", None),
        ("xplainwords-disable", None),
        ("no directive here", None),
    ],
)
def test_parse_directive(comment, expected):
    assert parse_directive(comment) == expected


def test_resolve_turns_directives_into_line_ranges():
    text = "a\nplainwords-disable-next-line addict\n\n\nb\nplainwords-disable jargon\nc\nplainwords-enable\nd\n"
    assert resolve(line_directives(text), text) == (
        Suppression(5, 5, ("addict",), 2, "disable-next-line"),
        Suppression(6, 8, ("jargon",), 6, "disable"),
    )


def test_a_region_never_enabled_runs_to_the_end():
    text = "plainwords-disable\na\nb\n"
    (suppression,) = resolve(line_directives(text), text)
    assert (suppression.first_line, suppression.last_line) == (1, 4)


def test_enable_with_names_ends_only_the_matching_region():
    text = "plainwords-disable addict\nplainwords-disable jargon\nplainwords-enable jargon\nx\nx\n"
    regions = {s.rules: (s.first_line, s.last_line) for s in resolve(line_directives(text), text)}
    assert regions == {("jargon",): (2, 3), ("addict",): (1, 6)}


def test_next_line_at_the_end_covers_nothing():
    text = "x\nplainwords-disable-next-line\n\n"
    (suppression,) = resolve(line_directives(text), text)
    assert suppression.first_line > 3


def test_describe():
    assert (
        describe(Suppression(1, 1, ("addict", "jargon"), 1, "disable-line"))
        == "plainwords-disable-line addict jargon"
    )


# --- each format's comment syntax ------------------------------------------------------------

LINES = ["Our service users and addicts.", "Going forward, addicts again."]


def rules_of(linter, document):
    return [(f.line, f.rule) for f in linter.check(document)]


CASES = {
    "markdown": (
        read_markdown,
        "<!-- plainwords-disable-next-line addict -->\n{0}\n{1}\n",
        "{0} <!-- plainwords-disable-line -->\n{1}\n",
        "<!-- plainwords-disable stigma -->\n{0}\n<!-- plainwords-enable -->\n{1}\n",
    ),
    "html": (
        read_html,
        "<!-- plainwords-disable-next-line addict -->\n<p>{0}</p>\n<p>{1}</p>\n",
        "<p>{0}</p> <!-- plainwords-disable-line -->\n<p>{1}</p>\n",
        "<!-- plainwords-disable stigma -->\n<p>{0}</p>\n<!-- plainwords-enable -->\n<p>{1}</p>\n",
    ),
    "rst": (
        read_rst,
        ".. plainwords-disable-next-line addict\n\n{0}\n\n{1}\n",
        None,  # a reST comment is a block of its own; there is no same-line form
        ".. plainwords-disable stigma\n\n{0}\n\n.. plainwords-enable\n\n{1}\n",
    ),
    "text": (
        read_text,
        "# plainwords-disable-next-line addict\n{0}\n{1}\n",
        "{0}  # plainwords-disable-line\n{1}\n",
        "// plainwords-disable stigma\n{0}\n// plainwords-enable\n{1}\n",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_disable_next_line_silences_exactly_the_named_rule_on_the_next_line(linter, name):
    reader, template, _, _ = CASES[name]
    text = template.format(*LINES)
    result = rules_of(linter, reader(f"doc.{name}", text))
    lines = {line for line, _ in result}
    first, second = sorted(lines)
    # Line one: addicts silenced, service users kept. Line two: untouched.
    assert [rule for line, rule in result if line == first] == ["service-user"]
    assert sorted(rule for line, rule in result if line == second) == ["addict", "going-forward"]


@pytest.mark.parametrize("name", ["markdown", "html", "text"])
def test_disable_line_silences_everything_on_its_line(linter, name):
    reader, _, template, _ = CASES[name]
    result = rules_of(linter, reader(f"doc.{name}", template.format(*LINES)))
    assert sorted(rule for _, rule in result) == ["addict", "going-forward"]
    assert {line for line, _ in result} == {2}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_region_silences_a_category_until_enabled(linter, name):
    reader, _, _, template = CASES[name]
    result = rules_of(linter, reader(f"doc.{name}", template.format(*LINES)))
    assert sorted(rule for _, rule in result) == ["addict", "going-forward"]


def test_a_directive_inside_a_code_span_or_fence_is_not_a_comment(linter):
    text = (
        "`<!-- plainwords-disable -->`\n\n```\n<!-- plainwords-disable -->\n```\n\nThe addicts.\n"
    )
    assert rules_of(linter, read_markdown("doc.md", text)) == [(7, "addict")]


def test_a_multi_line_comment_covers_the_line_after_it_ends(linter):
    text = "<!--\n  plainwords-disable-next-line addict\n-->\nThe addicts.\nThe addicts.\n"
    assert rules_of(linter, read_markdown("doc.md", text)) == [(5, "addict")]


# --- --report-unused-suppressions ------------------------------------------------------------


def test_unused_suppressions_are_reported_and_fail_the_run(tmp_path, capsys):
    path = tmp_path / "doc.md"
    path.write_text(
        "<!-- plainwords-disable-next-line addict -->\nThe addicts.\n\n"
        "<!-- plainwords-disable-next-line hard-to-reach -->\nNothing to see.\n",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 0
    assert "unused" not in capsys.readouterr().err
    assert main(["check", "--report-unused-suppressions", str(path)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{path}:4: unused-suppression: 'plainwords-disable-next-line hard-to-reach' silenced nothing"
        in err
    )
    assert ":1: unused" not in err


def test_unused_suppressions_do_not_fail_when_fail_on_is_error(tmp_path, capsys):
    path = tmp_path / "doc.txt"
    path.write_text("Nothing here. # plainwords-disable-line\n", encoding="utf-8")
    assert main(["check", "--report-unused-suppressions", "--fail-on", "error", str(path)]) == 0
    assert "doc.txt:1: unused-suppression: 'plainwords-disable-line'" in capsys.readouterr().err
