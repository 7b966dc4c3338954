"""Cut linted text into paragraphs worth sending to spaCy, and back again.

Three jobs, all about speed and offsets: paragraphs are the unit of context (a phrase never spans a
blank line); hard-wrapped lines and masked code are folded to single spaces so "hard to⏎reach" still
reads as one phrase; and a paragraph that contains no lexicon trigger word is never tokenized.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

# A paragraph break: a line break, optional blanks, another line break.
# "\r(?!\n)": one Windows line break ("\r\n") is never read as "\r" then "\n".
_BREAK = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\f\v\u00a0]*(?:\r\n|\r|\n)\s*")
# Whitespace that spaCy would turn into a token of its own.
_FOLD = re.compile(r"[ \t\f\v\u00a0\u2028\u2029\r\n]{2,}|[\t\f\v\u00a0\u2028\u2029\r\n]")
_WORD = re.compile(r"\w+")

MAX_SEGMENT = 50_000  # characters; longer paragraphs are cut at line or sentence ends


@dataclass(frozen=True)
class Segment:
    """A paragraph of folded text; ``anchors`` map its offsets to offsets in the linted text."""

    text: str
    anchors: tuple[tuple[int, int], ...]  # (offset in text, offset in linted text), ascending

    @cached_property
    def _starts(self) -> list[int]:
        return [a[0] for a in self.anchors]

    def to_lint(self, offset: int) -> int:
        index = bisect_right(self._starts, offset) - 1
        folded, lint = self.anchors[index]
        return lint + (offset - folded)

    def to_lint_end(self, offset: int) -> int:
        return self.to_lint(offset - 1) + 1 if offset > 0 else self.to_lint(0)


def paragraphs(text: str, limit: int = MAX_SEGMENT) -> Iterator[tuple[int, str]]:
    """(start, paragraph) pairs, skipping blank ones; long paragraphs are cut near ``limit``."""
    position = 0
    for match in _BREAK.finditer(text):
        yield from _cut(text, position, match.start(), limit)
        position = match.end()
    yield from _cut(text, position, len(text), limit)


def _cut(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, str]]:
    while end - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind(" "))
        cut = cut + 1 if cut > limit // 2 else limit
        yield from _cut(text, start, start + cut, limit)
        start += cut
    if text[start:end].strip():
        yield start, text[start:end]


def fold(start: int, paragraph: str) -> Segment:
    """Fold runs of whitespace to one space, remembering where each run was."""
    if not _FOLD.search(paragraph):
        return Segment(paragraph, ((0, start),))
    parts: list[str] = []
    anchors = [(0, start)]
    folded_len = 0
    last = 0
    for match in _FOLD.finditer(paragraph):
        parts.append(paragraph[last : match.start()])
        folded_len += match.start() - last
        parts.append(" ")
        folded_len += 1
        last = match.end()
        anchors.append((folded_len, start + last))
    parts.append(paragraph[last:])
    return Segment("".join(parts), tuple(anchors))


def has_trigger(text: str, triggers: set[str] | frozenset[str]) -> bool:
    """Whether any whole word of the text (lower-cased) is a trigger word."""
    if "" in triggers:
        return True
    return not triggers.isdisjoint(_WORD.findall(text.lower()))


def segments(text: str, triggers: set[str] | frozenset[str] | None = None) -> Iterator[Segment]:
    """The paragraphs of a linted text that could contain a finding, folded for spaCy."""
    for start, paragraph in paragraphs(text):
        if triggers is None or has_trigger(paragraph, triggers):
            yield fold(start, paragraph)
