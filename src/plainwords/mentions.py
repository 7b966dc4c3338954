"""Use versus mention: a term in quotation marks, or introduced as a word, is talked *about*.

Language guides and training material name the very labels they warn against; a linter that flags
them is switched off. These are pure functions over a Doc, used by the component.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

# Quoted stretches: curly double, curly single, straight double, and straight single quotes that
# open after a space or bracket and close before a non-letter (so "don't" is not a quote).
_QUOTED = re.compile(
    r"“[^”]*”"
    r"|‘[^’]*’(?![A-Za-z])"
    r'|"[^"]*"'
    r"|(?<![\w’'])'[^'\n]+?'(?![A-Za-z])"
    r"|«[^»]*»"
)

# Words that introduce a term as a word ("the term X", "labels like X", "avoid X").
_INTRODUCERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "term", "terms", "word", "words", "phrase", "phrases", "label", "labels", "expression",
        "expressions", "labelled as", "labeled as", "labelled", "labeled", "such as", "like",
        "say", "saying", "said", "avoid", "avoiding", "instead of", "rather than", "replace",
        "replacing", "called", "calling", "describe as", "described as", "use of", "using",
        "the use of", "words like", "terms like", "phrases like", "labels like", "jargon like",
        "jargon such as", "not",
    )
)
# Only these make "like"/"such as"/"not"/"using" an introducer: a metalinguistic noun or verb nearby.
_META = {
    "term", "terms", "word", "words", "phrase", "phrases", "label", "labels", "language",
    "jargon", "expression", "expressions", "say", "saying", "write", "writing", "use", "using",
    "avoid", "call", "calling", "called", "describe", "describing",
}
_WEAK = {("like",), ("such", "as"), ("not",), ("using",), ("use", "of"), ("the", "use", "of")}
# What follows a mentioned term: "X is a stigmatising label", "X is jargon".
_AFTER = re.compile(
    r"^\s*[”\"’']?\s*(?:,\s*)?(?:is|are|was|were|can be|sounds?|remains?)\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+){0,3}?(?:label|labels|term|terms|word|words|phrase|phrases|jargon|euphemism|slur|"
    r"stigmatising|stigmatizing|offensive|outdated|dehumanising|dehumanizing|blaming)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def quoted_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of quoted stretches in a text (inside the quote marks)."""
    return tuple((m.start(), m.end()) for m in _QUOTED.finditer(text))


def is_quoted(text: str, start_char: int, end_char: int) -> bool:
    return any(s < start_char and end_char < e for s, e in quoted_regions(text))


def is_introduced(doc: Doc, text: str, start: int, end: int) -> bool:
    """The term is named as a word by what comes just before or just after it."""
    before = [t.lower_ for t in doc[max(0, start - 4) : start] if not t.is_punct or t.text in {"‘", "“"}]
    before = [w for w in before if w not in {"the", "a", "an", "“", "‘", "\"", "'"}] or before
    for phrase in _INTRODUCERS:
        n = len(phrase)
        if tuple(before[-n:]) == phrase:
            if phrase in _WEAK and not (set(before[:-n]) & _META):
                continue
            return True
    after = doc[end - 1].idx + len(doc[end - 1])
    after_text = text[after : after + 80]
    return bool(_AFTER.match(after_text))


def is_mention(doc: Doc, start: int, end: int, text: str | None = None) -> bool:
    """Whether the match at tokens [start, end) is talked about rather than used.

    ``text`` is ``doc.text``, passed in by callers that check many matches: spaCy rebuilds
    ``doc.text`` from every token on each access, which made long paragraphs quadratic."""
    text = doc.text if text is None else text
    span = doc[start:end]
    return is_quoted(text, span.start_char, span.end_char) or is_introduced(doc, text, start, end)
