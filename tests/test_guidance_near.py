"""Guidance structure read only around findings must be what a reading of every line gives.

``listed_near`` reads from the last line before each finding's line that ends any list; the
tables of swaps are the runs of rows holding a finding; lines are made as they are asked for. Each
is compared here with the reading of the whole text, on documents built at random from the
pieces guides are made of (cues, items, rows, headings, prose, blank lines, odd line ends), and
at the edges: lists at the start and end of the file, findings on the first and last line.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plainwords.guidance import (
    _MORE_THAN_SHORT,
    _WORD,
    SHORT,
    Covering,
    _split,
    _tables_around,
    lines_of,
    listed_near,
    listed_ranges,
)

PIECES = [
    "",
    "   ",
    "Words to avoid",
    "Words to avoid:",
    "## Avoid",
    "# Background",
    "Glossary",
    "Don't say | Say instead",
    "| Avoid | Use |",
    "|---|---|",
    "| addict | person who uses drugs |",
    "| junkie, addict | person with an addiction |",
    "addict\tperson who uses drugs",
    "- addict",
    "* junkie – a word that hurts people who hear it",
    "1. service user",
    "a) rough sleeper: a phrase that we no longer use in our reports or letters",
    "Service user: a term used for people who use services.",
    "addict, junkie, psycho",
    "Instead of",
    "The team met people who were once called addicts, and we listened to them all afternoon.",
    "She said it was hard to reach them.",
    "Avoid these words in our letters, which go to the people we serve and their families:",
]
LINE_ENDS = ["\n", "\n", "\n", "\r\n", "\r", "\u2028", "\x0c", "\n\n"]


@st.composite
def documents(draw) -> str:
    lines = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30))
    ends = draw(st.lists(st.sampled_from(LINE_ENDS), min_size=len(lines), max_size=len(lines)))
    text = "".join(line + end for line, end in zip(lines, ends, strict=True))
    return text if draw(st.booleans()) else text.rstrip("\n")


def on_lines(lines, ranges, numbers):
    """The ranges that fall on the given lines (a range never crosses a line end)."""
    wanted = {(lines[n].start, lines[n].end) for n in numbers}
    return sorted(
        {(s, e) for s, e in ranges for a, b in wanted if a <= s and e <= b and (s, e) != (a, a)}
    )


@settings(max_examples=400, deadline=None)
@given(documents(), st.data())
def test_listed_near_finds_on_each_line_what_the_whole_reading_does(text, data):
    lines = lines_of(text)
    numbers = (
        data.draw(st.sets(st.integers(0, len(lines) - 1), min_size=1)) if len(lines) else set()
    )
    whole = listed_ranges(lines_of(text))
    assert on_lines(lines, listed_near(lines, numbers), numbers) == on_lines(lines, whole, numbers)


def whole_tables(lines):
    """Every run of lines cut into two or more cells, read line by line from the top."""
    tables, block = [], []
    for i in range(len(lines)):
        if len(_split(lines[i])) >= 2:
            block.append(i)
        elif block:
            tables.append(block)
            block = []
    return [*tables, block] if block else tables


@settings(max_examples=300, deadline=None)
@given(documents(), st.data())
def test_the_tables_around_findings_are_the_whole_tables_that_hold_them(text, data):
    lines = lines_of(text)
    numbers = data.draw(st.sets(st.integers(0, len(lines) - 1))) if len(lines) else set()
    around = [[line.start for line, _ in block] for block in _tables_around(lines, numbers)]
    expected = [
        [lines[i].start for i in block] for block in whole_tables(lines) if numbers & set(block)
    ]
    assert around == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1_'’- ,.\n\té", max_size=120))
def test_more_than_short_counts_words_as_findall_does(text):
    assert bool(_MORE_THAN_SHORT.match(text)) == (len(_WORD.findall(text)) > SHORT)


@settings(max_examples=200, deadline=None)
@given(documents())
def test_lines_are_the_text_cut_as_splitlines_cuts_it(text):
    lines = lines_of(text)
    pieces = text.splitlines(keepends=True)
    assert len(lines) == len(pieces)
    start = 0
    for i, piece in enumerate(pieces):
        body = piece.rstrip("\r\n")
        assert (lines[i].start, lines[i].end, lines[i].text) == (start, start + len(body), body)
        assert text[lines[i].start : lines[i].end] == lines[i].text
        start += len(piece)
    assert [line.text for line in lines] == [p.rstrip("\r\n") for p in pieces]
    assert lines[-1:] == ([lines[len(lines) - 1]] if lines else [])


def test_a_list_at_the_start_of_the_file_and_a_finding_on_the_first_line():
    text = "Words to avoid\n- addict\n- junkie"
    lines = lines_of(text)
    assert [text[s:e] for s, e in listed_near(lines, [1])] == ["- addict", "- junkie"]
    assert on_lines(lines, listed_near(lines, [0]), [0]) == []  # the cue itself is no entry
    text = "- addict\n- junkie\n"
    assert listed_near(lines_of(text), [0, 1]) == []  # no cue before them


def test_a_list_at_the_end_of_the_file_and_a_finding_on_the_last_line():
    text = "We listened to people.\n\nWords to avoid:\n\n- addict\n\n- junkie"
    lines = lines_of(text)
    last = len(lines) - 1
    assert [text[s:e] for s, e in listed_near(lines, [last])] == ["- addict", "- junkie"]
    assert listed_near(lines, [last]) == listed_ranges(lines)


def test_a_long_list_is_read_from_its_cue_for_a_finding_far_below_it():
    items = [f"- word {n}" for n in range(500)]
    text = (
        "Glossary\n" + "\n".join(items) + "\n\nSome prose after the list, long enough to end it.\n"
    )
    lines = lines_of(text)
    assert [text[s:e] for s, e in listed_near(lines, [400])][399] == "- word 399"


def test_a_line_of_prose_between_lists_starts_a_fresh_reading():
    text = (
        "Words to avoid:\n- addict\n"
        "The team met people who were once called addicts, and we listened to them all day.\n"
        "- junkie\n"
    )
    lines = lines_of(text)
    assert [text[s:e] for s, e in listed_near(lines, [1, 3])] == ["- addict"]


def test_blank_lines_before_an_item_continue_the_list_however_many():
    text = "Words to avoid\n- addict\n" + "\n" * 300 + "- junkie\n\nA sentence to end it.\n"
    lines = lines_of(text)
    assert [text[s:e] for s, e in listed_near(lines, [302])] == ["- addict", "- junkie"]
    assert lines.filled(2) is lines[302] and lines.filled(303) is lines[304]
    assert lines.filled(len(lines)) is None


def test_a_cue_line_anywhere_makes_the_document_a_guide_without_making_lines():
    text = "A sentence.\n" * 1000 + "Words to avoid\n"
    lines = lines_of(text)
    assert lines.any_cue()
    assert not lines_of("A sentence.\n" * 1000).any_cue()
    assert re.fullmatch(r"Words to avoid", lines[1000].text) and lines[1000].cue


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40))),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_covering_says_what_asking_every_range_says(ranges, start, end):
    expected = any(s <= start and end <= e for s, e in ranges)
    assert Covering.of(ranges).covers(start, end) == expected
