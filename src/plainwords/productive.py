"""Productive forms of a term: the shapes a label grows into in real writing, as token patterns.

A collective label is not one phrase. Writers say "the homeless", and also "the street homeless",
"the young homeless", "our homeless", "the hidden homeless"; "the mentally ill" also comes as
"the severely mentally ill". Listing each phrase would never end, so an entry names the shape
(``productive: [collective]``) and the component grows token patterns from its terms, matched
with the entry's own ``when`` and ``unless`` (a grown form gives way to another entry's longer
term inside it). A blank pipeline has no parts of speech, so
a shape says which words cannot stand in its slots (verbs, linking words, pronouns) rather than
which can: "the families made homeless" and "the man who was homeless" are not collective labels.

``PRODUCTIVE`` is the one declaration: each shape's name, the terms it grows, how, and the docs
text; the loader validates ``productive`` from it and docs/lexicon-format.md's table is generated
from it (``python -m plainwords.conditions docs/lexicon-format.md`` writes both tables; a test
fails when stale).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plainwords.conditions import replace_section

Pattern = list[dict[str, Any]]

# Determiners that make an adjective a noun for a group of people ("the poor", "our elderly").
COLLECTIVE_DETERMINERS = ("the", "our")
# Words that cannot describe the group inside "the … homeless": they show the label is a
# predicate or a participle ("the families made homeless", "the man who was homeless", "the
# people disabled by the change") or that the phrase has already ended.
NOT_DESCRIBING = (
    "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our",
    "their", "some", "any", "each", "every", "no", "not", "it", "they", "he", "she", "we", "you",
    "who", "whom", "whose", "which", "and", "or", "but", "nor", "of", "in", "on", "at", "to",
    "for", "with", "by", "from", "as", "than", "if", "when", "where", "while",
    "is", "are", "was", "were", "be", "been", "being", "am", "become", "became", "becomes",
    "becoming", "made", "make", "makes", "making", "left", "leave", "leaves", "leaving", "remain",
    "remains", "remained", "stay", "stays", "stayed", "found", "declared", "rendered", "get",
    "gets", "got", "getting", "go", "went", "going", "feel", "felt", "seem", "seemed", "look",
    "looked", "people", "person", "persons", "children", "child", "adults", "families", "family",
    "households", "household", "men", "man", "women", "woman", "residents", "tenants", "ones",
    "others", "number", "numbers",
    # Words about words: "the word vulnerable", "the so-called homeless" are mentions, which the
    # use/mention rules read from the words before the label.
    "word", "words", "term", "terms", "label", "labels", "phrase", "phrases", "expression",
    "name", "names", "adjective", "noun", "description", "so",
)  # fmt: skip
_WORD = re.compile(r"^[a-z]+$")


def _describing(op: str) -> dict[str, Any]:
    return {"IS_ALPHA": True, "LOWER": {"NOT_IN": list(NOT_DESCRIBING)}, "OP": op}


def collective(term: str) -> list[Pattern]:
    """A term "the X" grows "the" or "our", up to two describing words, then X; or one hyphenated
    describing word ("the long-term homeless"). Other terms grow nothing."""
    words = term.lower().split()
    if len(words) < 2 or words[0] != "the" or not all(_WORD.match(w) for w in words[1:]):
        return []
    label: Pattern = [{"LOWER": w} for w in words[1:]]
    determiner: dict[str, Any] = {"LOWER": {"IN": list(COLLECTIVE_DETERMINERS)}}
    hyphened: Pattern = [
        {"IS_ALPHA": True, "LOWER": {"NOT_IN": list(NOT_DESCRIBING)}, "SPACY": False},
        {"ORTH": "-", "SPACY": False},
        {"IS_ALPHA": True},
    ]
    return [
        [determiner, _describing("?"), _describing("?"), *label],
        [determiner, *hyphened, *label],
    ]


@dataclass(frozen=True)
class Shape:
    """One productive shape, declared once."""

    name: str
    grows: Callable[[str], list[Pattern]]  # a term → the token patterns of its grown forms
    applies_to: str  # which terms it grows, for the docs
    example: str  # for the docs


PRODUCTIVE: tuple[Shape, ...] = (
    Shape(
        "collective",
        collective,
        'terms of the form "the" + words ("the homeless", "the mentally ill")',
        "the term with *our* for *the*, and up to two describing words, or one hyphenated one, "
        'before the label: "the street homeless", "our elderly", "the severely mentally ill", '
        '"the long-term homeless". Words that end the phrase or make the label a predicate '
        '(*who*, *was*, *made*, *left*, *people*, *families*, …) cannot stand between: "the '
        "families made homeless\" is not flagged. The entry's `when` and `unless` apply as to "
        "its terms",
    ),
)
NAMES = tuple(shape.name for shape in PRODUCTIVE)


def patterns_for(names: tuple[str, ...], terms: tuple[str, ...]) -> list[Pattern]:
    """The token patterns the named shapes grow from an entry's terms."""
    shapes = [shape for shape in PRODUCTIVE if shape.name in names]
    return [pattern for shape in shapes for term in terms for pattern in shape.grows(term)]


# -- the docs -------------------------------------------------------------------------------------
DOCS_START = "<!-- productive: generated from plainwords.productive; do not edit by hand -->"
DOCS_END = "<!-- end of generated productive forms -->"


def docs_table() -> str:
    lines = [DOCS_START, "", "| shape | grows | into |", "|---|---|---|"]
    lines += [f"| `{s.name}` | {s.applies_to} | {s.example} |" for s in PRODUCTIVE]
    return "\n".join([*lines, "", DOCS_END])


def updated_docs(page: str) -> str:
    """The page with its generated table replaced by the current one."""
    return replace_section(page, DOCS_START, DOCS_END, docs_table())
