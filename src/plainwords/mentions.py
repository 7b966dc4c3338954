"""Use versus mention: a term introduced as a word is talked *about*; a term in quoted speech is used.

Language guides and training material name the very labels they warn against ("avoid the term
'hard to reach'"); reports and news quote people in their own words ("'We see the homeless in the
doorway,' a shopkeeper said"). The first is a *mention*, not reported by default; the second is a
*quoted use*: someone applied the label, so it is a finding, marked as quoted. Each match gets one
of three voices, by pure functions over a Doc:

- a **mention** when what comes just before names it as a word: "the term X", "labels like X",
  "don't say X", "avoid X", "instead of X", "rather than X", "we replaced X with Y", "…, not X"
  after a preferred term; each item of a list after such an introducer ("phrases like X, Y and Z")
  counts too; or when what comes after talks about it as a word: "X is a stigmatising label",
  "X refers to…", "X should be avoided", a glossary line "X – say Y instead"; or when a quotation
  holds the term alone (a word in quotes, `Is "service user" so bad?`), unless a verb of saying or
  labelling stands beside that quotation;
- a **quoted use** when it sits inside quotation marks of any kind (straight, curly, single,
  double, „low-high", «guillemets» and ‹single guillemets›) and is not a mention: speech, a
  headline, a sign; apostrophes ("don't", "people's", "users'") never open or close a quote;
- a **use** otherwise, including a label reported with a verb of labelling ("staff described him
  as an addict", "she was branded a scrounger", "neighbours called them junkies"): the label is
  applied to a person. Only a word that names the term as a word (the word, the term, the label)
  or a piece of advice (avoid, instead of, don't say) makes a mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from plainwords.quotes import (
    CLOSERS,
    OPENERS,
    alone_in_quote,
    attributed,
    enclosing_quote,
    quoted_regions,
)
from plainwords.sentences import sentence_bounds
from plainwords.voices import MENTION, QUOTED, USE

# How far around a match its voice is looked for: a list of a dozen terms after "words like"
# fits in LOOK_BACK; an introducer and its separators fit in TAIL ("…, not X" looks eight words
# back); "replaced X with Y" finds its "with" within LOOK_AHEAD.
LOOK_BACK = 1000
LOOK_AHEAD = 200
TAIL = 240

# -- introducers -----------------------------------------------------------------------------------
_META_NOUN = (
    r"(?:term|terms|word|words|phrase|phrases|label|labels|expression|expressions|euphemism|"
    r"euphemisms|slur|slurs|description|descriptions|acronym|acronyms|jargon|language|name|names|"
    r"buzzword|buzzwords|cliché|clichés|cliche|cliches)"
)
_PEOPLE = (
    r"(?:people|them|someone|somebody|anyone|a\s+person|him|her|children|clients|families|"
    r"residents|patients|groups|communities|others)"
)
_SAY = (
    r"(?:say|saying|use|using|write|writing|(?:call|calling|label|labelling|labeling|brand|branding)"
    rf"\s+{_PEOPLE}|describe\s+(?:\w+\s+)?as|refer\s+to\s+(?:\w+\s+)?as)"
)
# Introducers after which a list may hold any short items ("words like X, Y or Z").
_STRONG = re.compile(
    r"(?:"
    rf"\b(?:the|this|that|these|those|a|an|such|our|its)\s+(?:[\w-]+\s+){{0,2}}?{_META_NOUN}"
    rf"|\b{_META_NOUN}\s+(?:[\w-]+\s+){{0,2}}?(?:like|such\s+as|including|e\.g\.?|for\s+example|to\s+avoid)"
    r"|\b(?:things|something)\s+like"
    r"|\bavoid\s+(?:[\w-]+\s+){0,3}?(?:such\s+as|including|like)"
    r"|\b(?:avoid|don['’]t\s+use|do\s+not\s+use|never\s+use)\s*:"
    rf"|\b{_META_NOUN}\s+(?:we|you|staff|people)\s+(?:\w+\s+){{0,3}}?(?:avoid|use|say)\s*:"
    r")[\s,:\-–—]*$",
    re.IGNORECASE,
)
# Introducers that name only the item right after them, or a list of other flagged terms: advice
# about the word. Verbs of labelling on their own ("described as", "branded", "called them") are
# not here: they report a label applied to a person, which is a use.
_WEAK = re.compile(
    r"(?:"
    rf"\b(?:don['’]t|do\s+not|never|please\s+don['’]t|stop|no\s+longer|not|avoid|try\s+not\s+to)\s+{_SAY}"
    r"|\bavoid(?:s|ed|ing)?(?:\s+(?:the\s+)?(?:use\s+of|using|saying|writing))?"
    rf"|\bavoid(?:s|ed)?\s+(?:calling|labelling|labeling|describing|branding)\s+{_PEOPLE}(?:\s+as)?"
    r"|\b(?:instead\s+of|rather\s+than|in\s+place\s+of)"
    rf"(?:\s+(?:calling|describing|labelling|labeling|branding|referring\s+to)\s+{_PEOPLE}"
    r"(?:\s+as)?(?:\s+(?:an?|the))?)?"
    r"|\bso-?called"
    r")[\s,:\-–—]*$",
    re.IGNORECASE,
)
_REPLACE = re.compile(
    r"\b(?:replace[sd]?|replacing|swap(?:ped|s|ping)?|exchange[sd]?)"
    rf"(?:\s+(?:the\s+)?{_META_NOUN})?[\s,:]*$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:['’]s?)(?!\w)")
_REPLACE_AFTER = re.compile(r"\b(?:with|by|for)\b", re.IGNORECASE)
# "…, not X" or "(not X)" once a preferred wording or a verb of saying has come first.
_NOT = re.compile(
    r"(?:,|\(|\band|\bbut|^|\s)\s*(?:and\s+|but\s+)?(?:not|never)[\s,:]*$", re.IGNORECASE
)
# ...and what comes before "not" must end with a quotation, or hold a verb of saying in its last
# eight words: `We say "people who use our services", not …`, `Write people first, not …`.
_NOT_CONTEXT = re.compile(
    r"(?:[\"”’'»]\s*,?\s*$)|\b(?:say|write|use|prefer|call)\b(?:\W+\w+){0,8}\W*$", re.IGNORECASE
)
# One list separator at the end of a prefix: ", " ", and " " or " "/".
_SEPARATOR = re.compile(r"(?:\s*,\s*(?:and|or|nor)?|\s+(?:and|or|nor|&)|\s*/)\s*$", re.IGNORECASE)
_ITEM = re.compile(r"(?:[\w'’-]+\s+){0,3}[\w'’-]+")
_WORD_END = re.compile(r"(?<![\w'’-])[\w'’-]+")

# -- what comes after ------------------------------------------------------------------------------
_LEAD = r"^[\s\"”’'»)\]]*,?\s*"
_VERDICT = (
    r"(?:label|labels|term|terms|word|words|phrase|phrases|jargon|euphemism|euphemisms|slur|slurs|"
    r"stigmatising|stigmatizing|offensive|outdated|old-fashioned|dehumanising|dehumanizing|"
    r"judgemental|judgmental|problematic|pejorative|derogatory|unhelpful|insulting|hurtful|"
    r"meaningless|acronym|shorthand|buzzword|buzzwords|cliché|cliche|patronising|patronizing|"
    r"othering|wordy|long-winded|longwinded|verbose|padding|filler|clunky)"
    # "was offensive to staff", "were insulting towards her": said of people, not of words.
    r"(?!\s+(?:to|towards|toward|with|at|about)\b)"
)
_AFTER = re.compile(
    _LEAD
    + r"(?:"
    + r"(?:is|are|was|were|can\s+be|could\s+be|may\s+be|sounds?|seems?|remains?|has\s+become|"
    r"(?:is|are)\s+(?:often\s+|widely\s+|now\s+)?(?:seen|considered|regarded|felt)\s+(?:as|to\s+be)?)\s+"
    r"(?:(?:an?|the|now|often|widely|still|also|very|quite|deeply|so|too|just|another|more|really|"
    r"increasingly|seen\s+as)\s+)*(?:[\w-]+\s+){0,2}?" + _VERDICT + r"\b"
    r"|(?:should|must|ought\s+to)\s+(?:be\s+avoided|not\s+be\s+used|never\s+be\s+used|be\s+replaced)"
    r"|(?:is|are|was|were|has\s+been|have\s+been)\s+(?:best\s+avoided|no\s+longer\s+used|replaced|"
    r"being\s+replaced|out\s+of\s+date|falling\s+out\s+of\s+use)"
    r"|(?:[-–—:→=|]+|->|=>)\s*(?:say|use|try|write|prefer|instead|better|consider)\b"
    r"|\((?:say|use|try|write|prefer|better)\b"
    r"|(?:→|->|=>)"
    r")",
    re.IGNORECASE,
)


def _sentence_chars(doc: Doc, start: int) -> tuple[int, int]:
    first, last = sentence_bounds(doc, start)
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1])


def is_introduced(
    doc: Doc, start: int, end: int, others: Sequence[tuple[int, int]] = (), text: str | None = None
) -> bool:
    """The term is named as a word by what comes just before it in its sentence.

    ``others`` are the character ranges of the other matches in the Doc: a list after a verbal
    introducer ("avoid X, Y and Z") continues only through other matches or quoted items, while a
    list after a metalinguistic noun ("words like X, Y or Z") may hold any short items.
    """
    text = doc.text if text is None else text
    first_char, last_char = _sentence_chars(doc, start)
    start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    # Only the last LOOK_BACK characters before the match, and LOOK_AHEAD after it, are read:
    # each match then costs the same however long its sentence, so a sentence of thousands of
    # matches takes linear time, not quadratic.
    first_char = max(first_char, start_char - LOOK_BACK)
    prefix = text[first_char:start_char].rstrip().rstrip(OPENERS).rstrip()
    rest = text[end_char : min(last_char, end_char + LOOK_AHEAD)]
    if _POSSESSIVE.match(rest):
        # "Do not use service users' names": the term names people here, whatever the verb.
        return _ending(_tail(prefix))[0]
    if _introducer(prefix, rest):
        return True
    # Walk back over list items: "phrases like X, Y and <match>".
    # Only matches and quotes inside this sentence matter; both lists are sorted by start, so a
    # bisect keeps many matches in one paragraph from costing a scan each.
    ends = {e - first_char: s - first_char for s, e in _within(others, first_char, start_char)}
    quotes = {
        e - first_char: s - first_char
        for s, e in _within(quoted_regions(text), first_char, start_char)
    }
    return _listed(prefix, rest, ends, quotes, only_flagged=True, depth=12)


def _within(ranges: Sequence[tuple[int, int]], first: int, last: int) -> Sequence[tuple[int, int]]:
    """The (start, end) ranges, sorted by start, that start in [first, last]."""
    return ranges[bisect_left(ranges, (first, -1)) : bisect_right(ranges, (last, float("inf")))]


def _listed(
    text: str,
    rest: str,
    ends: dict[int, int],
    quotes: dict[int, int],
    *,
    only_flagged: bool,
    depth: int,
) -> bool:
    """Whether ``text`` ends with "<introducer> item, item and", trying each way to cut an item."""
    separator = _separator(_tail(text))
    if separator is None or depth == 0:
        return False
    text = text[: len(text) - len(_tail(text)) + separator].rstrip()
    cuts: list[
        tuple[int, bool]
    ] = []  # (where the item starts, whether it is a flagged/quoted term)
    if len(text) in quotes:
        cuts.append((quotes[len(text)], True))
    bare = len(text.rstrip(CLOSERS))
    if bare in ends:
        cuts.append((ends[bare], True))
    if not cuts:
        offset = len(text) - len(_tail(text))
        words = list(_WORD_END.finditer(_tail(text)))
        cuts = [
            (offset + m.start(), False)
            for m in words[-1:-5:-1]
            if _ITEM.fullmatch(text[offset + m.start() :])
        ]
    for start, flagged in cuts:
        before = text[:start].rstrip().rstrip(OPENERS).rstrip()
        still_flagged = only_flagged and flagged
        strong, advice, replacing = _ending(_tail(before))
        if strong or (still_flagged and (advice or (replacing and _REPLACE_AFTER.search(rest)))):
            return True
        if _listed(before, rest, ends, quotes, only_flagged=still_flagged, depth=depth - 1):
            return True
    return False


def _negated(prefix: str) -> bool:
    """ "…, not X" after a preferred wording: `Say disabled people, not X`."""
    prefix = _tail(prefix)
    negated = _NOT.search(prefix)
    return bool(negated and _NOT_CONTEXT.search(prefix[: negated.start() + 1].rstrip("( ")))


def _introducer(prefix: str, rest: str) -> bool:
    strong, advice, replacing = _ending(_tail(prefix))
    return strong or advice or (replacing and bool(_REPLACE_AFTER.search(rest)))


def _tail(text: str) -> str:
    """The end of a prefix, where an introducer must stand: the patterns above all end in ``$``,
    and a search tries every position, so searching only the tail keeps each search short."""
    return text[-TAIL:]


# Matches in one list share their prefixes: the walk back from each match meets the endings the
# walk from the match before it met, so what each ending says is remembered, not searched again.
@lru_cache(maxsize=4096)
def _ending(tail: str) -> tuple[bool, bool, bool]:
    """What the end of a prefix is: a strong introducer ("words like"), advice about the next
    word ("avoid", "…, not"), a replacing verb ("we replaced", wanting "with" after the term)."""
    return (
        bool(_STRONG.search(tail)),
        bool(_WEAK.search(tail)) or _negated(tail),
        bool(_REPLACE.search(tail)),
    )


@lru_cache(maxsize=4096)
def _separator(tail: str) -> int | None:
    """Where the list separator ending ``tail`` starts (", ", " and ", "/"), if one does."""
    found = _SEPARATOR.search(tail)
    return found.start() if found else None


# A definition: "X refers to…", "X means…", "X is a term for…", "X is used to describe…", right
# after the term ("…assault from service users, means that…" is not one).
_DEFINED = re.compile(
    r"^[\s\"”’'»)\]]*(?:refers?\s+to|means|is\s+(?:a|the)\s+(?:\w+\s+)?(?:term|word|phrase|name)\s+"
    r"(?:for|used)|(?:is|are)\s+(?:often\s+|sometimes\s+)?used\s+to\s+(?:describe|mean|refer))\b",
    re.IGNORECASE,
)
_MEANS = re.compile(r"^[\s\"”’'»)\]]*means\b", re.IGNORECASE)
# "A dirty sample means the prescription is reviewed" states a consequence of a thing; a glossary
# defines the bare word ("Dirty sample means…", "'Hard to reach' means…").
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "our",
        "your",
        "its",
        "my",
        "any",
        "every",
        "each",
        "one",
        "no",
    ]
)


def is_described(doc: Doc, end: int, text: str | None = None, start: int | None = None) -> bool:
    """What follows the match talks about it as a word: "X is jargon", "X – say Y instead"."""
    text = doc.text if text is None else text
    _, last_char = _sentence_chars(doc, end - 1)
    end_char = doc[end - 1].idx + len(doc[end - 1])
    after = text[end_char : min(last_char + 1, end_char + 100)]
    if _AFTER.match(after):
        return True
    if not _DEFINED.match(after):
        return False
    determined = start is not None and start > 0 and doc[start - 1].lower_ in _DETERMINERS
    return not (determined and _MEANS.match(after))


def voice(
    doc: Doc, start: int, end: int, others: Sequence[tuple[int, int]] = (), text: str | None = None
) -> str:
    """``MENTION``, ``QUOTED`` (a use in someone's quoted words) or ``USE`` for the match at
    tokens [start, end).

    ``others``: character ranges of the other matches in the Doc (for lists of terms).
    ``text``: ``doc.text``, passed in by callers that check many matches, because spaCy rebuilds
    ``doc.text`` from every token on each access (a long paragraph would turn quadratic).
    """
    text = doc.text if text is None else text
    if is_introduced(doc, start, end, others, text) or is_described(doc, end, text, start):
        return MENTION
    start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    quote = enclosing_quote(text, start_char, end_char)
    if quote is None:
        return USE
    if alone_in_quote(text, quote, start_char, end_char) and not attributed(
        text, quote, _sentence_chars(doc, start)
    ):
        return MENTION
    return QUOTED


def is_mention(
    doc: Doc, start: int, end: int, others: Sequence[tuple[int, int]] = (), text: str | None = None
) -> bool:
    """Whether the match at tokens [start, end) is talked about rather than used (see ``voice``)."""
    return voice(doc, start, end, others, text) == MENTION
