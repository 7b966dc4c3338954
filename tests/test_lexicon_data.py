"""The shipped lexicons, checked as data (the idea comes from codespell's dictionary tests):
every example behaves as labelled, no alternative is itself flagged, every term can match in
running text, every entry is complete."""

from __future__ import annotations

import pytest

from plainwords.engine import Linter
from plainwords.lexicon import builtin_lexicon_names, load_lexicon

# Every shipped lexicon, loaded together as ``plainwords audit`` loads them: a new file is held to
# the same rules without being named here.
LEXICON = load_lexicon(builtin_lexicon_names())
ENTRIES = list(LEXICON)
MIN_ENTRIES = {"stigma": 150, "jargon": 200, "casenotes": 10}


@pytest.fixture(scope="module")
def linter():
    """All shipped lexicons at once, so each example is checked against every entry."""
    return Linter(LEXICON)


def test_every_shipped_lexicon_is_checked_here():
    assert {"stigma", "jargon", "casenotes"} <= set(builtin_lexicon_names())
    assert {e.category for e in ENTRIES} >= set(MIN_ENTRIES)


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


def test_the_shipped_lexicons_pass_check_entries(linter):
    """The very check ``lexicon validate`` and ``check --lexicon`` give a team's own entries
    (``plainwords.entry_checks``): every surface form can match in running text and no
    alternative is itself flagged."""
    from plainwords.entry_checks import check_entries

    assert sum(len(forms) for forms in linter.component.forms.values()) > 1000
    assert [str(problem) for problem in check_entries(linter, ENTRIES)] == []
