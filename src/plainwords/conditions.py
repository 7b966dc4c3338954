"""Context conditions from the lexicon (``when`` / ``unless``), compiled once and checked per match.

Entries state innocent senses as data: "hard to reach" unless followed by "shelf"; "deliver" when
followed by "outcomes". These are pure functions over a Doc's tokens, so the same entries work on a
blank pipeline and on a trained one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from plainwords.forms import inflections, joinings
from plainwords.lexicon import Conditions

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class CompiledConditions:
    followed_by: frozenset[Phrase]
    preceded_by: frozenset[Phrase]
    near: frozenset[Phrase]
    window: int
    capitalised: bool | None


def compile_conditions(conditions: Conditions | None, tokenize) -> CompiledConditions | None:
    """Turn phrases into lower-case token tuples, with plurals and hyphen variants of each."""
    if conditions is None:
        return None

    def phrases(items: tuple[str, ...]) -> frozenset[Phrase]:
        result = set()
        for item in items:
            for form in inflections(item, "noun"):
                for joined in joinings(form):
                    result.add(tuple(t.lower_ for t in tokenize(joined)))
        return frozenset(result)

    return CompiledConditions(
        followed_by=phrases(conditions.followed_by),
        preceded_by=phrases(conditions.preceded_by),
        near=phrases(conditions.near),
        window=conditions.window,
        capitalised=conditions.capitalised,
    )


def _words(doc: Doc, start: int, end: int) -> list[str]:
    return [doc[i].lower_ for i in range(max(start, 0), min(end, len(doc)))]


def _starts_with(words: list[str], phrases: frozenset[Phrase]) -> bool:
    return any(tuple(words[: len(p)]) == p for p in phrases)


def _ends_with(words: list[str], phrases: frozenset[Phrase]) -> bool:
    return any(len(words) >= len(p) and tuple(words[len(words) - len(p) :]) == p for p in phrases)


def _contains(words: list[str], phrases: frozenset[Phrase]) -> bool:
    return any(
        tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1)
    )


def _is_capitalised(doc: Doc, start: int, end: int) -> bool:
    """Title Case mid-sentence, or every content word capitalised: the sign of a proper name."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words:
        return False
    content = [t for t in words if len(t) > 3 or t is words[0]]
    if not all(t.text[0].isupper() for t in content):
        return False
    if len(content) > 1:
        return True
    # One capitalised word: a name only if it does not start a sentence or line.
    previous = doc[start - 1] if start > 0 else None
    if previous is None or previous.text in {".", "!", "?", ":", "•", "-", "*", "#"} or "\n" in previous.whitespace_ or previous.is_space:
        return False
    return not (previous.text in {'"', "“", "‘", "'", "("} and start < 2)


def holds(conditions: CompiledConditions, doc: Doc, start: int, end: int, *, every: bool) -> bool:
    """Whether the conditions hold around tokens [start, end).

    ``every=True`` (a ``when`` block) needs each stated condition; ``every=False`` (an ``unless``
    block) needs any one of them.
    """
    checks: list[bool] = []
    longest = max((len(p) for p in conditions.followed_by | conditions.preceded_by), default=0)
    if conditions.followed_by:
        after = [w for w in _words(doc, end, end + longest + 1)]
        checks.append(_starts_with(after, conditions.followed_by))
    if conditions.preceded_by:
        before = _words(doc, start - longest, start)
        checks.append(_ends_with(before, conditions.preceded_by))
    if conditions.near:
        around = _words(doc, start - conditions.window, start) + ["\0"] + _words(
            doc, end, end + conditions.window
        )
        checks.append(_contains(around, conditions.near))
    if conditions.capitalised is not None:
        checks.append(_is_capitalised(doc, start, end) == conditions.capitalised)
    return all(checks) if every else any(checks)
