"""Quotation marks: where a text quotes someone, in pure functions over the text alone.

Used by the use/mention rules on each paragraph and by the document-wide rules after matching,
so kept free of spaCy.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

# -- quotation marks -------------------------------------------------------------------------------
# A straight single quote opens only after a space, bracket or dash and before a non-space, and
# closes only after a non-space and before a non-letter: so "don't", "people's" and "users'" are
# apostrophes. A curly opening quote left unclosed runs to the end of the paragraph, as quoted
# speech over several sentences often does. A quotation whose closing mark may be missing reads
# at most LONGEST_QUOTE characters ahead for it: otherwise a paragraph of thousands of unclosed
# marks would be read to its end from each of them (quadratic time).
#
# Every alternative begins with its quotation mark, and what must stand before the mark (a space or
# bracket, or not a letter) is asked after it, by a look-behind that includes the mark: so the
# expression starts with a set of marks, and ``re`` skips from mark to mark in C instead of trying
# every alternative at every character (a book's quotations are read in a hundredth of a second,
# not a fifth). ``tests/test_quote_regions.py`` holds it to the plain form, with the conditions
# before the marks, on random texts.
LONGEST_QUOTE = 2000
_STRAIGHT_OPENS = r'(?:(?<=^")|(?<=[\s(\[—–-]"))'  # after the start, a space or a bracket
_QUOTED = re.compile(
    rf"„[^“”]{{0,{LONGEST_QUOTE}}}[“”]"
    rf"|‚[^‘’]{{0,{LONGEST_QUOTE}}}[‘’]"
    r"|“[^”]*(?:”|$)"
    rf"|‘(?:[^’‘]|’(?=\w)){{0,{LONGEST_QUOTE}}}’(?!\w)"
    # Straight double quotes, read by which way they face: one opens after a space or a bracket
    # and before a word, and closes after one. News prints a long speech a paragraph at a time,
    # each opened with a quote and only the last closed, so a quote left open ends where the
    # next opens, or at the end of the paragraph.
    rf'|"{_STRAIGHT_OPENS}(?=\S)[^"]*(?<=\S)"'
    rf'|"{_STRAIGHT_OPENS}(?=\S)[^"]*?(?=\s"\S|$)'
    rf"|'(?<![\w’']')(?=\S)(?:[^'\n]|'(?=\w)){{0,{LONGEST_QUOTE}}}?(?<=\S)'(?!\w)"
    rf"|«[^»]{{0,{LONGEST_QUOTE}}}»"
    r"|»[^«»]*«"
    rf"|‹[^›]{{0,{LONGEST_QUOTE}}}›"
)
OPENERS = "\"“‘'«»‹„‚(["
CLOSERS = "\"”’'»«›“‘)]"


@lru_cache(maxsize=64)
def quoted_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of quoted stretches in a text, quote marks included."""
    return tuple(map(re.Match.span, _QUOTED.finditer(text)))


def is_quoted(text: str, start_char: int, end_char: int) -> bool:
    """Whether the characters [start_char, end_char) of ``text`` lie inside one quoted stretch."""
    return enclosing_quote(text, start_char, end_char) is not None


# Beside a quotation, these make it someone's words rather than a word held up to look at:
# a verb of saying ("…," she said / he told the paper: "…") or of labelling a person ("called
# him "X"", "was branded "X"").
_SPEECH = (
    r"(?:said|says|say|told|tells|asked|asks|added|adds|replied|replies|explained|explains|wrote|"
    r"writes|shouted|shouts|whispered|whispers|claimed|claims|insisted|insists|admitted|admits|"
    r"recalled|recalls|stated|states|argued|argues|complained|complains|warned|warns|joked|jokes|"
    r"laughed|sighed|muttered|cried|yelled|screamed|snapped|continued|agreed|commented|comments|"
    r"tweeted|posted|read|reads|according\s+to)"
)
_LABELLING = (
    r"(?:(?:call|calls|called|calling|label|labels|labelled|labeled|brand|brands|branded|dub|"
    r"dubbed|termed)(?:\s+\w+){0,2}"
    r"|(?:describe|describes|described|dismissed|written\s+off|wrote\s+\w+\s+off|known|"
    r"referred\s+to|treated|seen|regarded)(?:\s+\w+){0,2}?\s+as(?:\s+if\s+\w+\s+(?:was|were))?"
    # A copula after its subject: `He was "an addict"` (not `Is "service user" so bad?`).
    r"|\w+\s+(?:am|is|are|was|were|been|being))"
)
_ATTRIBUTED_BEFORE = re.compile(
    rf"(?:\b{_SPEECH}\b(?:\W+\w+){{0,6}}|\b{_LABELLING})[\s,:]*$", re.IGNORECASE
)
_ATTRIBUTED_AFTER = re.compile(rf"^[\s,;:—–-]*(?:[\w'’-]+\s+){{0,4}}?{_SPEECH}\b", re.IGNORECASE)


def attributed(text: str, quote: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """A verb of saying or labelling stands just before or after the quotation, in its sentence."""
    first, last = quote
    before = text[max(sentence[0], first - 80) : first]
    return bool(_ATTRIBUTED_BEFORE.search(before) or said_after(text, quote, sentence[1]))


def said_after(text: str, quote: tuple[int, int], limit: int | None = None) -> bool:
    """A verb of saying right after the quotation: `"…," she said`, `"…", according to…`."""
    last = quote[1]
    return bool(_ATTRIBUTED_AFTER.match(text[last : min(limit or len(text), last + 60)]))


_AROUND_ALONE = 64
_ARTICLES = frozenset({"", "a", "an", "the"})
_TRAILING = " \t,.;:!?…"


def enclosing_quote(text: str, start_char: int, end_char: int) -> tuple[int, int] | None:
    """The innermost quoted stretch holding [start_char, end_char), if any."""
    # Quoted stretches never overlap and come sorted, so only the last one starting before the
    # term can hold it: a bisect, not a scan (a paragraph of thousands of quotes stays linear).
    regions = quoted_regions(text)
    before = bisect_left(regions, (start_char, -1)) - 1
    if before >= 0 and end_char <= regions[before][1]:
        return regions[before]
    return None


def alone_in_quote(text: str, quote: tuple[int, int], start_char: int, end_char: int) -> bool:
    """The quotation holds the term and nothing else but an article and punctuation: a word in
    quotes (`"addicts"`, `‘the homeless’`), not speech or a headline."""
    first, last = quote
    if start_char - first > _AROUND_ALONE or last - end_char > _AROUND_ALONE:
        return False  # more than an article and marks (and never a long read per match)
    before = text[first:start_char].lstrip(OPENERS).strip().lower()
    after = text[end_char:last].rstrip(CLOSERS).strip(_TRAILING)
    return before in _ARTICLES and not after
