"""Safe fixes for the workshop page, and the swap that gives ``explain`` its "after" sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainwords.web.fixes import apply_safe_fixes, match_case, swap
from property_documents import examples


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("utilise", "use", "use"),
        ("Utilise", "use", "Use"),
        ("UTILISE", "use", "USE"),
        ("In order to", "to", "To"),
    ],
)
def test_match_case(original, replacement, expected):
    assert match_case(original, replacement) == expected


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


def test_apply_safe_fixes_changes_only_autofix_entries(linter):
    text = "Utilised by addicts, in order to help. We UTILISE it."
    fixed, applied = apply_safe_fixes(text, linter.check_text(text))
    assert fixed == "Used by addicts, to help. We USE it."
    assert [(a.before, a.after, a.rule) for a in applied] == [
        ("Utilised", "Used", "utilise"),
        ("in order to", "to", "in-order-to"),
        ("UTILISE", "USE", "utilise"),
    ]
    assert [text[a.start : a.end] for a in applied] == ["Utilised", "in order to", "UTILISE"]


def test_apply_safe_fixes_ignores_findings_that_do_not_match_the_text(linter):
    findings = linter.check_text("We utilise it.")
    assert apply_safe_fixes("We xxxxxxx it.", findings) == ("We xxxxxxx it.", [])


@settings(max_examples=examples(40), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["We", "utilise", "the", "hall", "in order to", "addicts", "\n", "Ünïcode", "😀"]
        ),
        max_size=12,
    )
)
def test_fixing_twice_changes_nothing_more(linter, words):
    text = " ".join(words)
    once, _ = apply_safe_fixes(text, linter.check_text(text))
    twice, applied = apply_safe_fixes(once, linter.check_text(once))
    assert twice == once and applied == []
