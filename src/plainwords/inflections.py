"""lemminflect's answers, remembered: the four lookups plainwords makes, with the same names and
arguments, answered from a table when the question has been asked before.

Loading lemminflect's tables costs about half a second, more than checking a small file, and a
run needs only the inflections of the lexicon's own words. So the answers given while a lexicon
is compiled (its forms, and its alternatives shaped for each form, see ``plainwords.cache``) are
stored with the compiled lexicon and handed back with ``remember``; a question the table cannot
answer (a word next to a match, say) still goes to lemminflect, so every answer is lemminflect's.
"""

from __future__ import annotations

from typing import Any

_answers: dict[tuple[Any, ...], Any] = {}


def _ask(question: tuple[Any, ...]) -> Any:
    try:
        return _answers[question]
    except KeyError:
        pass
    import lemminflect

    name, word, *rest = question
    keywords = dict(zip(_KEYWORDS[name], rest, strict=True))
    answer = getattr(lemminflect, name)(word, **keywords)
    _answers[question] = answer
    return answer


_KEYWORDS = {
    "getAllInflections": ("upos",),
    "getAllInflectionsOOV": ("upos",),
    "getLemma": ("upos", "lemmatize_oov"),
    "getInflection": ("tag", "inflect_oov"),
}


def getAllInflections(word: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:  # noqa: N802
    return _ask(("getAllInflections", word, upos))


def getAllInflectionsOOV(word: str, upos: str) -> dict[str, tuple[str, ...]]:  # noqa: N802
    return _ask(("getAllInflectionsOOV", word, upos))


def getLemma(word: str, upos: str, lemmatize_oov: bool = True) -> tuple[str, ...]:  # noqa: N802
    return _ask(("getLemma", word, upos, lemmatize_oov))


def getInflection(lemma: str, tag: str, inflect_oov: bool = True) -> tuple[str, ...]:  # noqa: N802
    return _ask(("getInflection", lemma, tag, inflect_oov))


def answers() -> dict[tuple[Any, ...], Any]:
    """Every answer given so far in this process (to store with a compiled lexicon)."""
    return dict(_answers)


def remember(table: dict[tuple[Any, ...], Any]) -> None:
    """Take answers given in an earlier process."""
    for question, answer in table.items():
        _answers.setdefault(question, answer)
