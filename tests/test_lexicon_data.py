"""The shipped lexicons, checked as data (the idea comes from codespell's dictionary tests):
every example behaves as labelled, no alternative is itself flagged, every term can match in
running text, every entry is complete."""

from __future__ import annotations

import pytest

from plainwords.lexicon import load_lexicon

LEXICON = load_lexicon(["stigma", "jargon"])
ENTRIES = list(LEXICON)
MIN_ENTRIES = {"stigma": 150, "jargon": 200}


def _ids(entries):
    return [e.id for e in entries]


def test_lexicons_hold_enough_entries():
    for category, minimum in MIN_ENTRIES.items():
        assert sum(e.category == category for e in ENTRIES) >= minimum


def test_ids_are_unique():
    ids = _ids(ENTRIES)
    assert len(ids) == len(set(ids))


def test_no_term_is_in_two_entries():
    seen: dict[str, str] = {}
    for entry in ENTRIES:
        for term in entry.terms:
            key = term.lower()
            assert seen.setdefault(key, entry.id) == entry.id, (
                f"{term!r} in {seen[key]} and {entry.id}"
            )


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_entry_is_complete(entry):
    assert (
        entry.reason
        and entry.alternatives
        and entry.source.name
        and entry.source.url.startswith("http")
    )
    assert entry.examples.flag, "every entry shows at least one sentence it flags"


def _reported(linter, sentence):
    """Every entry a sentence is flagged for, including those merged into a longer finding."""
    return [e.id for f in linter.check_text(sentence) for e in (f.entry, *f.also)]


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_examples_behave_as_labelled(entry, linter):
    for sentence in entry.examples.flag:
        assert entry.id in _reported(linter, sentence), f"not flagged: {sentence!r}"
    for sentence in entry.examples.ok:
        assert entry.id not in _reported(linter, sentence), f"flagged: {sentence!r}"


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_alternatives_pass_clean(entry, linter):
    for alternative in entry.alternatives:
        assert linter.check_text(alternative) == [], (
            f"alternative {alternative!r} is itself flagged"
        )


def test_every_shipped_form_can_match_in_running_text(linter):
    """The check own lexicons get when compiled (``plainwords.matchable``), over every surface
    form of every shipped entry."""
    from plainwords.matchable import unmatchable

    assert sum(len(forms) for forms in linter.component.forms.values()) > 1000
    assert unmatchable(linter.nlp.tokenizer, ENTRIES, linter.component.forms) == []
