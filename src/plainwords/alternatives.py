"""What an entry offers instead of its term, with the shape the fixer needs to paste it.

A writer pastes an alternative into a sentence, so it has to fit there: "impacted on services"
needs "affected services", not "affect on services"; "an alcoholic" needs "a person with an
alcohol dependency". Each alternative therefore says what it is (its part of speech and number),
whether it takes an article, which prepositions it swallows, and whether it keeps the meaning
everywhere (a fix) or only in some contexts (``consider``). Text that is not words to paste
("use the person's name") is ``advice``.

A lexicon may write an alternative as plain text (the shape is then guessed from the words) or
as a mapping; both stay valid, so organisations' own lexicons keep working.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

POS = ("noun", "verb", "adjective", "adverb", "phrase")
NUMBERS = ("singular", "plural")
ARTICLES = ("keep", "none")
KEYS = frozenset({"text", "pos", "number", "article", "drops", "consider", "advice", "for"})

# Quotes, ellipses and brackets mark a hint about what to write, not words to paste.
_HINT_MARKS = '"“”‘’…()'


@dataclass(frozen=True)
class Alternative:
    """One thing to say instead of an entry's term."""

    text: str
    pos: str | None = None  # what the alternative is; None: the same as the term
    number: str | None = None  # how ``text`` is written; None: does not change with number
    article: str = "keep"  # "none": takes no article, so a/an/the before the term goes
    drops: tuple[str, ...] = ()  # prepositions after the term it makes redundant ("on")
    consider: bool = False  # keeps the meaning only in some contexts: offered, never applied
    advice: bool = False  # guidance for the writer, not words to paste
    # The entry's terms this alternative stands for (YAML ``for``); empty: every term. An entry
    # for "idiot" and "idiotic" offers a noun for one and an adjective for the other.
    applies_to: tuple[str, ...] = ()

    @classmethod
    def plain(cls, text: str) -> Alternative:
        """An alternative written as plain text: advice if it reads as a hint."""
        return cls(text=text, advice=any(mark in text for mark in _HINT_MARKS))


def parse_alternative(value: Any) -> tuple[Alternative | None, str | None]:
    """An alternative from a lexicon's YAML, or the problem with it (one line, for the writer)."""
    if isinstance(value, str):
        if not value.strip():
            return None, "an alternative must be non-empty text"
        return Alternative.plain(" ".join(value.split())), None
    if not isinstance(value, dict):
        return None, "each alternative must be text or a mapping with 'text'"
    unknown = set(map(str, value)) - KEYS
    if unknown:
        return None, (
            f"unknown key {sorted(unknown)[0]!r} in an alternative (known: {', '.join(sorted(KEYS))})"
        )
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        return None, "an alternative needs 'text'"
    for key, allowed in (("pos", POS), ("number", NUMBERS), ("article", ARTICLES)):
        if key in value and value[key] not in allowed:
            return None, f"alternative {text!r}: '{key}' must be one of {', '.join(allowed)}"
    drops = value.get("drops", [])
    if isinstance(drops, str):
        drops = [drops]
    if not isinstance(drops, list) or not all(isinstance(d, str) and d.strip() for d in drops):
        return (
            None,
            f"alternative {text!r}: 'drops' must be a list of words (quote \"on\", which YAML reads as true)",
        )
    applies_to = value.get("for", [])
    if isinstance(applies_to, str):
        applies_to = [applies_to]
    if not isinstance(applies_to, list) or not all(
        isinstance(t, str) and t.strip() for t in applies_to
    ):
        return None, f"alternative {text!r}: 'for' must list the entry's terms it replaces"
    flags = {}
    for key in ("consider", "advice"):
        flag = value.get(key, False)
        if not isinstance(flag, bool):
            return None, f"alternative {text!r}: '{key}' must be true or false"
        flags[key] = flag
    return (
        Alternative(
            text=" ".join(text.split()),
            pos=value.get("pos"),
            number=value.get("number"),
            article=value.get("article", "keep"),
            drops=tuple(d.strip().lower() for d in drops),
            applies_to=tuple(" ".join(t.lower().split()) for t in applies_to),
            **flags,
        ),
        None,
    )
