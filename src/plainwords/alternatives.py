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

import re
from dataclasses import dataclass
from typing import Any

POS = ("noun", "verb", "adjective", "adverb", "phrase")
NUMBERS = ("singular", "plural")
ARTICLES = ("keep", "none")
KEYS = frozenset({"text", "pos", "number", "article", "drops", "consider", "advice", "for", "when"})
WHEN_KEYS = frozenset({"after", "sentence_has", "window"})

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
    # Where the alternative keeps the meaning only in one setting (YAML ``when``): words that must
    # come soon after the match ("deliver *the plan*" → "carry out") or in its sentence ("A&E").
    # Where they do not, the alternative is offered as ``consider``, for a person to choose.
    after: tuple[str, ...] = ()
    sentence_has: tuple[str, ...] = ()
    window: int = 4

    @property
    def conditional(self) -> bool:
        return bool(self.after or self.sentence_has)

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
    when, problem = _parse_when(text, value.get("when", {}))
    if problem:
        return None, problem
    flags: dict[str, Any] = dict(when)
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


def _parse_when(text: str, when: Any) -> tuple[dict[str, Any], str | None]:
    """An alternative's ``when`` block: ``after`` and ``sentence_has`` (lists of words or
    phrases) and ``window`` (how many words ``after`` looks at, 1 to 50)."""
    if not isinstance(when, dict):
        return {}, f"alternative {text!r}: 'when' must be a mapping"
    unknown = set(map(str, when)) - WHEN_KEYS
    if unknown:
        return {}, (
            f"alternative {text!r}: unknown condition {sorted(unknown)[0]!r} in 'when'"
            f" (an alternative's 'when' takes {', '.join(sorted(WHEN_KEYS))})"
        )
    parsed: dict[str, Any] = {}
    for key in ("after", "sentence_has"):
        words = when.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            return {}, f"alternative {text!r}: '{key}' in 'when' must be a list of words"
        if words:
            parsed[key] = tuple(" ".join(w.lower().split()) for w in words)
    window = when.get("window", 4)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 50:
        return {}, f"alternative {text!r}: 'window' in 'when' must be a whole number from 1 to 50"
    if "window" in when:
        parsed["window"] = window
    return parsed, None


_WORD = re.compile(r"[\w&'’-]+")
_SENTENCE_END = re.compile(r"[.!?\n]")
_REACH = 300  # characters read either side of a match: a sentence, never the whole document


def holds_around(alternative: Alternative, text: str, start: int, end: int) -> bool:
    """Whether an alternative's ``when`` holds around the match ``text[start:end]``: one of its
    ``after`` words within ``window`` words after the match, and one of its ``sentence_has`` words
    in the match's sentence (outside the match). An alternative without ``when`` always holds."""
    before = text[max(0, start - _REACH) : start]
    ahead = text[end : end + _REACH]
    opened = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    closed = _SENTENCE_END.search(ahead)
    before = before[opened:]
    ahead = ahead[: closed.start()] if closed else ahead
    following = [w.lower() for w in _WORD.findall(ahead)]
    if alternative.after and not _has_phrase(following, alternative.after, alternative.window):
        return False
    sentence = [w.lower() for w in _WORD.findall(before)] + following
    return not alternative.sentence_has or _has_phrase(sentence, alternative.sentence_has)


def _has_phrase(words: list[str], phrases: tuple[str, ...], opening: int | None = None) -> bool:
    """Whether one of ``phrases`` occurs in ``words`` (its last word also in the plural), starting
    within the first ``opening`` words where that is given."""
    for phrase in phrases:
        wanted = phrase.split(" ")
        last = len(words) - len(wanted) + 1
        for at in range(max(0, min(last, opening if opening is not None else last))):
            seen = words[at : at + len(wanted)]
            if seen[:-1] == wanted[:-1] and seen[-1] in (
                wanted[-1],
                wanted[-1] + "s",
                wanted[-1] + "es",
            ):
                return True
    return False
