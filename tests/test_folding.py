"""Folding a text to find ASCII words in any case: sound against ``re.IGNORECASE``, offsets kept,
the same places by one ``find`` per word or by the array pass; and the senses' topic words read
through it exactly as ``finditer`` reads them."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainwords import folding
from plainwords.folding import ASCII_TWINS, folded, places
from plainwords.senses import SENSES, Sense, places_for


def test_the_twins_are_every_character_ignorecase_takes_for_an_ascii_letter():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    taken = set(re.findall("[a-z]", every, re.IGNORECASE))
    assert taken - set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == set(ASCII_TWINS)


def test_folding_keeps_one_byte_per_character_and_lowers_only_ascii():
    text = "Ça “Kernel” ÉTÉ 𝔄 Straße\r\n"
    data = folded(text)
    assert data is not None and len(data) == len(text)
    assert data == "Ça ?kernel? ÉtÉ ? straße\r\n".encode("latin-1")  # Latin-1 kept as it is
    assert folded("the ſcope") is None and folded("KELVIN \u212a") is None


@pytest.fixture(params=[False, True], ids=["finds", "arrays"])
def arrays(request, monkeypatch):
    """Run a test both ways: one find per word (short texts) and the array pass (long ones)."""
    if request.param:
        monkeypatch.setattr(folding, "ARRAY_FROM", 0)
    return request.param


KEYS = [b"odds", b"cox", b"regression", b"methods:", b"p-value", b"row", b"rows", b"aim:", b"aaaa"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["odds", "cox", "regression", "methods:", "row", "aaaaa", "x", " ", "-", "rows", "aim:"]
        ),
        max_size=40,
    )
)
def test_places_are_every_offset_where_a_key_is_written(pieces):
    data = "".join(pieces).encode()
    expected = sorted(
        {m.start() for key in KEYS for m in re.finditer(b"(?=" + re.escape(key) + b")", data)}
    )
    for array_from in (10**9, 0):
        folding.ARRAY_FROM, saved = array_from, folding.ARRAY_FROM
        try:
            assert places(data, KEYS) == expected
        finally:
            folding.ARRAY_FROM = saved


def test_a_book_length_text_is_searched_by_the_array_pass_with_the_same_places():
    text = ("In a kitchen, a shelf. " * 3000 + "The KITCHEN cupboards; drawers. ") * 2
    data = folded(text)
    keys = [b"kitchen", b"shelf", b"drawers", b"cupboards", b"pantry"]
    assert len(data) >= folding.ARRAY_FROM
    assert places(data, keys) == sorted(
        {m.start() for key in keys for m in re.finditer(re.escape(key), data)}
    )


STATISTICS = SENSES[0]
WORDS = [
    "odds ratio", "Odds\u00a0 Ratio", "logistic regression", "Logistic\nRegression", "regression",
    "REGRESSION", "p-value", "xp-value", "Cox model", "cox-model", "Kaplan-Meier", "variance",
    "varianceX", "ſtandard deviation", "Methods:", "Results:", "Aim:", "aims:", "x", "-", " ",
    "\n", "é", "\u0131", "\u0130", "\u212a", "\u017f", "the", "(", ")", "“",
]  # fmt: skip


# The fixture only chooses the way places are found, the same for every example.
@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from(SENSES[:2]))
def test_topic_words_are_read_as_finditer_reads_them(arrays, words, sense):
    text = "".join(words)
    folded.cache_clear()
    assert [m.span() for m in sense.matches(text)] == [
        m.span() for m in sense.pattern.finditer(text)
    ]


def test_a_longer_topic_word_hides_the_one_inside_it_as_finditer_does(arrays):
    """ "Logistic regression" is one topic word here, not two: the text shows only one."""
    text = "We fitted a logistic regression."
    assert [m.group() for m in STATISTICS.matches(text)] == ["logistic regression"]
    assert not STATISTICS.shown_by(text)
    assert STATISTICS.shown_by(text + " The p-value was small.")


def test_a_word_folding_cannot_prove_is_read_by_the_expression():
    sense = Sense("Greek", frozenset({"x"}), ("ΣΟΦΙΑ", "λόγος"))
    assert sense.keys is None
    assert sense.shown_by("σοφια and ΛΌΓΟΣ")
    assert STATISTICS.shown_by("Regreſſion and variance")  # a long s, read by the expression


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["table", "SQL", "rows", "kitchen", "shelf"]), max_size=25))
def test_places_found_once_for_several_senses_serve_each_sense(words):
    text = " ".join(words)
    starts = places_for(text, SENSES)
    for sense in SENSES:
        assert [m.span() for m in sense.matches(text, starts)] == [
            m.span() for m in sense.pattern.finditer(text)
        ]
    assert places_for(text, []) is None
    assert places_for(text, [Sense("Greek", frozenset({"x"}), ("λόγος",))]) is None
