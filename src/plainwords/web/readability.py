"""Readability figures for a document's prose: reading ease, grade and sentence lengths.

The formulas come from textstat (a maintained library); what counts as a sentence is decided here,
on the linted text (code, URLs and markup already blanked out), so a heading or a list item is its
own sentence rather than the start of the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from plainwords.document import Document
from plainwords.segments import paragraphs

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>\s?|\|)")
_MARKUP = re.compile(r"(?m)^\s*(?:#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+|>\s?)+|[*_`~|]+|\[|\]|·")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|vs|approx)\.$", re.IGNORECASE)


@dataclass(frozen=True)
class Readability:
    """Figures for one document; ``None`` where there is no prose to measure."""

    words: int
    sentences: int
    reading_ease: float | None  # Flesch reading ease: higher is easier; 60-70 is plain English
    grade: float | None  # Flesch-Kincaid grade (US school year)
    average_sentence: float | None  # words per sentence
    longest_sentence: int  # words
    longest_text: str

    @property
    def reading_age(self) -> int | None:
        """The grade as a UK reading age (a US grade plus five years)."""
        return None if self.grade is None else max(5, round(self.grade + 5))

    @property
    def ease_label(self) -> str:
        score = self.reading_ease
        if score is None:
            return "no prose"
        for floor, label in (
            (90, "very easy"),
            (80, "easy"),
            (70, "fairly easy"),
            (60, "plain English"),
            (50, "fairly difficult"),
            (30, "difficult"),
        ):
            if score >= floor:
                return label
        return "very difficult"


def sentences(document: Document) -> list[str]:
    """The prose of a document as sentences, whitespace folded and markup removed."""
    result: list[str] = []
    markdown = document.kind == "markdown"
    for _, paragraph in paragraphs(document.lint_text):
        chunks: list[list[str]] = []
        for line in paragraph.splitlines():
            if not chunks or (markdown and _BLOCK_START.match(line)):
                chunks.append([])
            chunks[-1].append(line)
        for chunk in chunks:
            text = " ".join(" ".join(chunk).split())
            if markdown:
                text = " ".join(_MARKUP.sub(" ", text).split())
            if not _WORD.search(text):
                continue
            result.extend(_split(text))
    return result


def _split(text: str) -> list[str]:
    pieces: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if pieces and _ABBREVIATIONS.search(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return [p.strip() for p in pieces if _WORD.search(p)]


@lru_cache(maxsize=1)
def _textstat():
    """A textstat instance that never reaches the network.

    For English, textstat counts syllables with NLTK's copy of the CMU Pronouncing Dictionary and
    downloads it when it is missing. A report must work offline, so where that dictionary is not
    already installed we name the language "en-GB": textstat then keeps its English formulas and
    counts syllables with the British English hyphenation patterns (pyphen) it falls back on for
    words the dictionary lacks.
    """
    from textstat.textstat import textstatistics

    stats = textstatistics()
    try:
        import nltk

        nltk.data.find("corpora/cmudict")
        stats.set_lang("en_GB")
    except (ImportError, LookupError):
        stats.set_lang("en-GB")
    return stats


def measure(document: Document) -> Readability:
    """Reading ease, grade and sentence lengths of a document's prose."""
    textstat = _textstat()
    found = sentences(document)
    counts = [len(_WORD.findall(s)) for s in found]
    words = sum(counts)
    if not words:
        return Readability(0, 0, None, None, None, 0, "")
    # Every sentence ends with a full stop for textstat, so it counts the sentences we counted.
    prose = " ".join(s if s[-1] in ".!?…" else f"{s}." for s in found)
    longest = max(range(len(found)), key=lambda i: counts[i])
    return Readability(
        words=words,
        sentences=len(found),
        reading_ease=round(float(textstat.flesch_reading_ease(prose)), 1),
        grade=round(float(textstat.flesch_kincaid_grade(prose)), 1),
        average_sentence=round(words / len(found), 1),
        longest_sentence=counts[longest],
        longest_text=found[longest],
    )
