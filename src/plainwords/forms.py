"""Every written form of a lexicon term, generated from its base form.

Writers inflect ("addicts", "suffered from"), hyphenate ("hard-to-reach") and spell the American
way ("utilize"). Expanding the lexicon once, at load time, keeps the matcher a plain phrase lookup:
no lemmatiser has to run over every token of every document (measured in benchmarks/).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plainwords.lexicon import Entry

_NOUN_TAGS = ("NN", "NNS")
_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")

# British ↔ American endings, applied only where an entry asks (``spelling_variants: true``).
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1"),
        (r"iz(e|ed|es|ing|ation|ations|er|ers)$", r"is\1"),
        (r"ys(e|ed|es|ing)$", r"yz\1"),
        (r"yz(e|ed|es|ing)$", r"ys\1"),
        (r"our(s|ed|ing|able|ite|ites)?$", r"or\1"),
        (r"([^o])or(s|ed|ing|able|ite|ites)?$", r"\1our\2"),
        (r"([^aeiou])tre(s)?$", r"\1ter\2"),
        (r"([^aeiou])ter(s)?$", r"\1tre\2"),
        (r"ogue(s)?$", r"og\1"),
        (r"ence$", r"ense"),
    )
)


def surface_forms(entry: Entry) -> set[str]:
    """All forms of an entry's terms that the matcher should find (case is handled by matching)."""
    forms: set[str] = set()
    for term in entry.terms:
        for spelled in spellings(term) if entry.spelling_variants else (term,):
            for inflected in inflections(spelled, entry.inflect):
                forms.update(joinings(inflected))
    return forms


def spellings(term: str) -> set[str]:
    """The term with each word in British and American spelling."""
    variants = {term}
    for index, word in enumerate(term.split(" ")):
        for current in list(variants):
            words = current.split(" ")
            for pattern, replacement in _SPELLING_RULES:
                if pattern.search(word):
                    words_copy = list(words)
                    words_copy[index] = pattern.sub(replacement, word)
                    variants.add(" ".join(words_copy))
    return variants


def inflections(term: str, how: str) -> set[str]:
    """The term with its head inflected: the last word as a noun, the first word as a verb."""
    words = term.split(" ")
    results = {term}
    if how in ("noun", "both"):
        for form in word_forms(words[-1], "NOUN"):
            results.add(" ".join([*words[:-1], form]))
    if how in ("verb", "both"):
        for form in word_forms(words[0], "VERB"):
            results.add(" ".join([form, *words[1:]]))
    return results


def word_forms(word: str, upos: str) -> tuple[str, ...]:
    """Inflected forms of one word; a hyphenated word inflects its last (noun) or first (verb) part."""
    if "-" in word:
        parts = word.split("-")
        index = -1 if upos == "NOUN" else 0
        return tuple(
            "-".join([*parts[:index], form] if index == -1 else [form, *parts[1:]])
            for form in word_forms(parts[index], upos)
        )
    if not word.isalpha():
        return (word,)
    if word.isupper() and len(word) > 1:
        # Acronyms: "DNA" → "DNAs" as a noun; no verb forms guessed.
        return (word, word + "s") if upos == "NOUN" else (word,)
    return _lemminflect_forms(word.lower(), upos)


@cache
def _lemminflect_forms(word: str, upos: str) -> tuple[str, ...]:
    from plainwords import inflections as lemminflect

    tags = _NOUN_TAGS if upos == "NOUN" else _VERB_TAGS
    table = lemminflect.getAllInflections(word, upos=upos) or lemminflect.getAllInflectionsOOV(
        word, upos=upos
    )
    forms = {word}
    for tag in tags:
        forms.update(table.get(tag, ()))
    return tuple(sorted(forms))


def joinings(term: str) -> set[str]:
    """Spaced, hyphenated and (for two-part compounds) closed forms of a multi-word term."""
    parts = re.split(r"[ -]", term)
    if len(parts) == 1:
        return {term}
    variants = {term, " ".join(parts), "-".join(parts)}
    if len(parts) == 2:
        variants.add("".join(parts))
    return variants
