"""The pure side of autofix: what replaces a finding, and how edits are applied."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainwords.document import Document, Suppression
from plainwords.engine import Linter
from plainwords.fix import (
    Edit,
    apply_edits,
    fix_document,
    is_writable,
    match_case,
    replacement,
    swap,
)
from plainwords.lexicon import load_lexicon
from plainwords.readers import read_bytes


def fixed(linter, text: str, path: str = "a.md") -> str:
    document = read_bytes(path, text.encode("utf-8"))
    return fix_document(document, linter.check(document)).text


@pytest.fixture(scope="module")
def custom(tmp_path_factory):
    """A small lexicon with cases the seed does not have: a noun swap and an unsafe entry."""
    path = tmp_path_factory.mktemp("lexicon") / "custom.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            version: 1
            category: jargon
            entries:
              - id: end-user
                terms: [end user]
                alternatives: [reader]
                reason: Say who they are.
                severity: suggestion
                autofix: true
                source: {name: Test, url: "https://example.org/guide"}
              - id: leverage
                terms: [leverage]
                alternatives: [use, build on]
                reason: A buzzword for using something.
                severity: suggestion
                inflect: both
                autofix: true
                source: {name: Test, url: "https://example.org/guide"}
              - id: stakeholder
                terms: [stakeholder]
                alternatives: [partner, person involved]
                reason: Vague; name the people.
                severity: suggestion
                source: {name: Test, url: "https://example.org/guide"}
            """
        ),
        encoding="utf-8",
    )
    return Linter(load_lexicon([path]))


@pytest.mark.parametrize(
    ("matched", "alternative", "expected"),
    [
        ("utilise", "use", "use"),
        ("Utilise", "use", "Use"),
        ("UTILISE", "use", "USE"),
        ("In order to", "to", "To"),
        ("Service users", "the person's name", "The person's name"),
        ("service users", "people we support", "people we support"),
    ],
)
def test_replacement_keeps_the_case_of_the_original(matched, alternative, expected):
    assert match_case(matched, alternative) == expected


@pytest.mark.parametrize(
    ("matched", "expected"),
    [
        ("utilise", "use"),
        ("utilised", "used"),
        ("utilising", "using"),
        ("utilises", "uses"),
        ("utilized", "used"),  # American spelling, from spelling_variants
        ("Utilising", "Using"),
    ],
)
def test_replacement_agrees_with_the_verb_form(linter, matched, expected):
    (finding,) = [f for f in linter.check_text(f"They {matched} it.") if f.rule == "utilise"]
    assert finding.text == matched
    assert replacement(finding) == expected


@pytest.mark.parametrize(
    ("matched", "entry_id", "alternative", "expected"),
    [
        ("utilised", "utilise", "use", "used"),
        ("utilizing", "utilise", "use", "using"),
        ("Utilises", "utilise", "use", "Uses"),
        ("suffered from", "suffer-from", "has", "had"),
        ("suffers from", "suffer-from", "lives with", "lives with"),
        (
            "The homeless",
            "the-homeless",
            "people experiencing homelessness",
            "People experiencing homelessness",
        ),
        ("hard-to-reach", "hard-to-reach", "seldom heard", "seldom heard"),
    ],
)
def test_swap_keeps_form_and_case(lexicon, matched, entry_id, alternative, expected):
    assert swap(matched, lexicon.get(entry_id), alternative) == expected


def test_swap_declines_what_is_not_straightforward(lexicon):
    # A plural label and a multi-word singular alternative would not agree: leave it to a person.
    assert swap("addicts", lexicon.get("addict"), "person who uses drugs") is None
    assert swap("service user", lexicon.get("service-user"), "the person's name") is None


def test_a_closed_up_spelling_takes_the_alternative_as_written(linter):
    (finding,) = [f for f in linter.check_text("Priorto the meeting.") if f.rule == "prior-to"]
    assert swap(finding.text, finding.entry, "before") is None
    assert replacement(finding) == "Before"


def test_noun_heads_are_inflected(custom):
    entry = custom.lexicon.get("end-user")
    assert swap("end users", entry, "reader") == "readers"
    assert swap("end user", entry, "reader") == "reader"
    assert fixed(custom, "Ask the End users first.\n") == "Ask the Readers first.\n"


def test_entries_that_inflect_both_ways(custom):
    assert fixed(custom, "We leveraged it, leveraging more.\n") == "We used it, using more.\n"


def test_only_entries_marked_safe_are_fixed(linter, custom):
    assert fixed(linter, "Service users utilise the hall.\n") == "Service users use the hall.\n"
    assert fixed(custom, "Ask every stakeholder.\n") == "Ask every stakeholder.\n"


def test_code_and_markup_are_never_touched(linter):
    text = (
        "Utilise `utilise` here.\n\n```\nutilise\n```\n\n[utilise](https://example.org/utilise)\n"
    )
    expected = "Use `utilise` here.\n\n```\nutilise\n```\n\n[use](https://example.org/utilise)\n"
    assert fixed(linter, text) == expected


def test_suppressed_lines_are_never_touched(linter):
    text = "We utilise this.\nWe utilise that.\n"
    document = replace(
        read_bytes("a.txt", text.encode()), suppressions=(Suppression(first_line=2, last_line=2),)
    )
    assert fix_document(document, linter.check(document)).text == "We use this.\nWe utilise that.\n"


def test_a_fix_changes_only_the_characters_of_the_finding(linter):
    text = "Tabs\tand  spaces, “quotes” — and then: we Utilised it.\r\nMore\r\n"
    document = read_bytes("a.txt", text.encode())
    result = fix_document(document, linter.check(document))
    (change,) = result.changes
    assert result.text == text[: change.start] + "Used" + text[change.end :]
    assert change.describe() == f"a.txt:1:{text.index('Utilised') + 1}: Utilised → Used"


def test_overlapping_and_stale_edits_are_left_out(linter):
    document = read_bytes("a.txt", b"We utilise it.\n")
    (finding,) = linter.check(document)
    stale = replace(finding, text="something else")
    result = apply_edits(
        document, [Edit(finding, "use"), Edit(finding, "employ"), Edit(stale, "x")]
    )
    assert result.text == "We use it.\n"
    assert len(result.changes) == 1


def test_a_match_across_markup_is_left_alone(linter):
    text = "We met in <b>order</b> to plan.\n"
    document = read_bytes("a.txt", text.encode())
    (finding,) = linter.check(read_bytes("a.txt", b"We met in order to plan.\n"))
    across = replace(finding, end=finding.end + 7, text=text[finding.start : finding.end + 7])
    assert across.text == "in <b>order</b> to"
    assert not apply_edits(document, [Edit(across, "to")]).changed


def test_an_edit_that_changes_nothing_is_not_reported(linter):
    document = read_bytes("a.txt", b"We utilise it.\n")
    (finding,) = linter.check(document)
    assert not apply_edits(document, [Edit(finding, "utilise")]).changed


def test_word_documents_are_never_rewritten(linter):
    document = Document(
        path="report.docx",
        text="We utilise it.",
        lint_text="We utilise it.",
        line_label="paragraph",
    )
    assert not is_writable(document)
    findings = linter.check(document)
    assert findings
    assert not fix_document(document, findings).changed


_PIECES = st.sampled_from(
    [
        "utilise",
        "Utilised",
        "UTILISING",
        "in order to",
        "In order to",
        "`utilise`",
        "the",
        "hall",
        "service users",
        "use",
        "to",
        ",",
        ".",
        "\n",
        "\r\n",
        "  ",
        "**",
        "going forward",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_PIECES, max_size=14).map(" ".join))
def test_fixing_is_idempotent_and_changes_nothing_but_findings(linter, text):
    document = read_bytes("a.md", text.encode("utf-8"))
    result = fix_document(document, linter.check(document))
    once = result.text
    assert fixed(linter, once) == once
    assert [c for c in once if c in "\r\n"] == [c for c in text if c in "\r\n"]
    rebuilt, cursor = [], 0
    for change in result.changes:
        assert text[change.start : change.end] == change.before
        rebuilt += [text[cursor : change.start], change.after]
        cursor = change.end
    assert "".join(rebuilt) + text[cursor:] == once
