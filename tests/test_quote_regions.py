"""The quotation expression is written for speed (each alternative starts with its mark, and what
must stand before the mark is asked after it); these tests hold it to the plain form, where the
conditions stand before the marks, so the two always find the same quoted stretches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plainwords.quotes import _QUOTED, LONGEST_QUOTE, quoted_regions

# The plain form: the same alternatives, with the conditions on what stands before a mark put
# before it. Python's ``re`` has to try every alternative at every character of it.
_PLAIN = re.compile(
    rf"„[^“”]{{0,{LONGEST_QUOTE}}}[“”]"
    rf"|‚[^‘’]{{0,{LONGEST_QUOTE}}}[‘’]"
    r"|“[^”]*(?:”|$)"
    rf"|‘(?:[^’‘]|’(?=\w)){{0,{LONGEST_QUOTE}}}’(?!\w)"
    r'|(?:^|(?<=[\s(\[—–-]))"(?=\S)[^"]*(?<=\S)"'
    r'|(?:^|(?<=[\s(\[—–-]))"(?=\S)[^"]*?(?=\s"\S|$)'
    rf"|(?<![\w’'])'(?=\S)(?:[^'\n]|'(?=\w)){{0,{LONGEST_QUOTE}}}?(?<=\S)'(?!\w)"
    rf"|«[^»]{{0,{LONGEST_QUOTE}}}»"
    r"|»[^«»]*«"
    rf"|‹[^›]{{0,{LONGEST_QUOTE}}}›"
)


def plain_regions(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PLAIN.finditer(text)]


# Every mark, what may stand before one (spaces, brackets, dashes, letters, apostrophes), and
# line ends, so that marks meet each other and the start and end of the text in every order.
_ALPHABET = "„‚“”‘’\"'«»‹›()[]—–- \n\tab1é_"


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_the_fast_expression_finds_what_the_plain_one_does(text):
    assert list(quoted_regions(text)) == plain_regions(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["she said ", "“", "”", '"', "'", "‘", "’", "don't ", "\n\n", "«", "»", "x"]
        ),
        max_size=30,
    )
)
def test_the_same_on_texts_built_of_words_and_marks(pieces):
    text = "".join(pieces)
    assert list(quoted_regions(text)) == plain_regions(text)


def test_the_same_where_a_closing_mark_is_further_than_the_longest_quote():
    for mark, close in [("„", "“"), ("‘", "’"), ("«", "»"), ("‹", "›"), ("'", "'")]:
        for length in (LONGEST_QUOTE - 1, LONGEST_QUOTE, LONGEST_QUOTE + 1):
            text = f"a {mark}" + "w" * length + f"{close} and “x” b"
            assert list(quoted_regions(text)) == plain_regions(text)


def test_the_expression_starts_with_the_set_of_marks():
    """What makes it fast: ``re`` can skip to the next mark (an INFO block with a charset)."""
    assert _QUOTED.pattern[0] == "„" and all(
        alternative[0] in "„‚“‘\"'«»‹" for alternative in _split_top_level(_QUOTED.pattern)
    )


def _split_top_level(pattern: str) -> list[str]:
    """The alternatives of an expression, split at the bars outside brackets and groups."""
    parts, depth, in_set, escaped, start = [], 0, False, False, 0
    for i, c in enumerate(pattern):
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_set:
            in_set = c != "]"
        elif c == "[":
            in_set = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]
