"""The prefilter only ever saves work: it never drops a paragraph that holds a match."""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainwords.engine import Linter, Options
from plainwords.scanner import _SPACE_CODES, Prefilter, squeeze
from property_documents import examples


@pytest.fixture(scope="session")
def unfiltered(lexicon):
    return Linter(lexicon, options=Options(prefilter=False, include_mentions=True))


@pytest.fixture(scope="session")
def filtered(lexicon):
    return Linter(lexicon, options=Options(include_mentions=True))


def _pieces(linter):
    """Every word of every form, and of the phrases that ``when`` needs right beside a form."""
    words = set()
    for forms in linter.component.forms.values():
        for form in forms:
            words.update(form.replace("-", " - ").split())
    for when, _ in linter.component.conditions.values():
        if when is not None:
            for phrase in when.followed_by | when.preceded_by:
                words.update(phrase)
    return sorted(words)


PIECES = [
    "the",
    "people",
    "we",
    "said",
    "\n",
    "  ",
    "\t",
    "-",
    ".",
    ",",
    "“",
    "”",
    "Σ",
    "can",
    "not",
]


@st.composite
def texts(draw, words):
    tokens = draw(st.lists(st.sampled_from(words + PIECES), max_size=60))
    out = []
    for token in tokens:
        case = draw(st.sampled_from(["lower", "upper", "title"]))
        out.append(getattr(token, case)())
        out.append(draw(st.sampled_from([" ", " ", "", "\n", "\u00a0", "\r\n", "\n\n"])))
    return "".join(out)


def test_prefilter_never_drops_a_match(lexicon, filtered, unfiltered):
    words = _pieces(unfiltered)
    matched = []

    @given(text=texts(words))
    @settings(
        max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    def check(text):
        expected = [(f.start, f.end, f.rule, f.mention) for f in unfiltered.check_text(text)]
        assert [(f.start, f.end, f.rule, f.mention) for f in filtered.check_text(text)] == expected
        matched.append(bool(expected))

    check()
    # One text in thirty holds a match at the least (at 300 examples, ten).
    assert sum(matched) >= min(10, len(matched) // 30), "the generated texts should often match"


def test_prefilter_skips_text_without_any_form(filtered):
    test = filtered.prefilter
    assert test is not None and not test.always
    assert not test("The quick brown fox jumps over the lazy dog.\n\nNothing here either.")
    assert test("We will UTILISE\nthe hall")
    assert test("hard-\nto-reach")  # line breaks and hyphens do not hide a phrase


def test_an_entry_that_needs_a_neighbour_is_looked_for_with_it(filtered):
    """'drive' is flagged only before words like 'improvement', so only that pairing is sought."""
    test = filtered.prefilter
    assert test("We will drive\nimprovement across the service.")
    assert test("Staff drove up standards.")
    assert not test("She drove the minibus to the coast, and they took a drive.")
    assert filtered.check_text("She drove the minibus; we drive improvement.")[0].rule == "drive"


def test_squeeze_removes_exactly_python_whitespace():
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert squeeze("A" + spaces + "b") == "ab"
    assert sorted(map(ord, spaces)) == sorted(_SPACE_CODES)
    assert squeeze("ΟΔΟΣ") == squeeze("οδοσ")


def test_entries_with_token_patterns_disable_the_prefilter():
    assert Prefilter([], always=True)("anything")
    assert not Prefilter([])("anything")
    assert Prefilter(["", "x"])("anything")


def test_hits_map_back_to_offsets_in_the_text(filtered):
    text = "Intro.\n\nWe  Utilise\u00a0it.\n  hard-\nto-reach ΟΔΟΣ going forward"
    hits = filtered.prefilter.hits(text)
    assert text[hits[0] : hits[0] + 7] == "Utilise"
    assert text[hits[1]] == "h" and text[hits[2] : hits[2] + 5] == "going"
    assert filtered.prefilter.hits("İstanbul utilise") is None  # lower() changes the length
    assert filtered.prefilter.hits("nothing") == []


def test_a_form_that_starts_or_ends_with_a_letter_is_found_only_at_word_edges():
    prefilter = Prefilter(["key", "clean", "hard-to-reach", "hard to reach"])
    assert prefilter.hits("The monkey cleaned the keyboard.") == []
    assert prefilter.hits("A key point: stay clean.") == [2, 18]
    assert prefilter.hits("Reach hard-to-reach groups; hard to\nreach.") == [6, 28]


def test_a_scanner_given_entries_names_the_entries_a_text_may_hold():
    scanner = Prefilter({"addict": ["addict", "addicts"], "service-user": ["service users"]})
    assert scanner.entries("The Service\n users met.") == {"service-user"}
    assert scanner.entries("addiction services") == {"addict"}  # a superset: "maybe", never "no"
    assert scanner.entries("Nothing here.") == set()
    assert scanner.hits("two addicts") == [4]


def test_a_narrowed_scanner_looks_only_for_the_entries_it_is_given():
    scanner = Prefilter({"addict": ["addicts"], "service-user": ["service users"]})
    narrowed = scanner.narrowed(["service-user"])
    text = "addicts and service users"
    assert scanner.hits(text) == [0, 12]
    assert narrowed.hits(text) == [12]
    assert narrowed.entries(text) == {"service-user"}
    assert not narrowed("two addicts") and scanner("two addicts")
    assert narrowed.narrowed(["addict"], always=True).always  # token patterns: every paragraph
