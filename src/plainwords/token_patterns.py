"""What a lexicon's token patterns need from a run: the words they cannot match without, and the
lexical attributes they read.

Both are about speed. The prefilter keeps paragraphs that hold no lexicon word away from spaCy;
a pattern that can only match where one of a few words stands ("homeless" in "the street
homeless") gives those words, so a lexicon with patterns keeps the prefilter. And a blank pipeline
computes only a few lexical attributes per new word; a pattern that tests another (``IS_PUNCT``,
``SHAPE``) must have it computed. A pattern with no required word (every token optional, or
tested only by shape) cannot be prefiltered: ``trigger_words`` says so with ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# Attributes that compare a token's own text: their values are words the text must hold.
_TEXT_KEYS = ("LOWER", "ORTH", "TEXT")
# Token attributes the Matcher reads from the token itself rather than from the lexeme.
_NOT_LEXICAL = frozenset(
    {"ORTH", "TEXT", "OP", "SPACY", "POS", "TAG", "DEP", "LEMMA", "IS_SENT_START"}
)

Spec = Mapping[str, Any]


def _required(spec: Spec) -> bool:
    """Whether a token spec must match at least one token (not optional, not negated)."""
    op = spec.get("OP")
    if op is None or op in ("+", "1"):
        return True
    if isinstance(op, str) and op.startswith("{"):
        low = op[1:-1].split(",")[0].strip()
        return low.isdigit() and int(low) >= 1
    return False


def _words(spec: Spec) -> tuple[str, ...] | None:
    """The words a required spec accepts, or ``None`` when it accepts words not listed."""
    for key in _TEXT_KEYS:
        value = spec.get(key)
        if isinstance(value, str):
            return (value.lower(),)
        if isinstance(value, Mapping) and set(value) == {"IN"}:
            items = value["IN"]
            if isinstance(items, list) and items and all(isinstance(i, str) for i in items):
                return tuple(i.lower() for i in items)
    return None


MAX_KEYS = 200  # a run of tokens whose choices multiply past this is not spelled out


def trigger_words(pattern: Sequence[Spec]) -> tuple[str, ...] | None:
    """Phrases one of which every match of the pattern holds, or ``None`` when no token narrows
    it. Consecutive required tokens that each list their words are joined ("-" and "wide" give
    "-wide"; the prefilter ignores spaces, so "system - wide" is still looked for), and the run
    whose shortest phrase is longest is taken, then the one with the fewest phrases: short words
    ("the", "is", "poor") are in every other paragraph, long joined ones are rare."""

    def rarity(keys: tuple[str, ...]) -> tuple[int, int]:
        return (min(map(len, keys)), -len(keys))

    best: tuple[str, ...] | None = None
    run: list[tuple[str, ...]] = []
    for spec in (*pattern, None):
        words = _words(spec) if spec is not None and _required(spec) else None
        if words is not None and all(w.strip() for w in words):
            run.append(words)
            continue
        for first in range(len(run)):
            keys: tuple[str, ...] = ("",)
            for words_at in run[first:]:
                if len(keys) * len(words_at) > MAX_KEYS:
                    break
                keys = tuple(k + w for k in keys for w in words_at)
                if best is None or rarity(keys) > rarity(best):
                    best = keys
        run = []
    return best


def lexical_attributes(patterns: Iterable[Sequence[Spec]]) -> frozenset[str]:
    """The lexical attributes (``IS_PUNCT``, ``SHAPE``, …) the patterns test."""
    return frozenset(
        key for pattern in patterns for spec in pattern for key in spec if key not in _NOT_LEXICAL
    )
