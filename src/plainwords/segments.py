"""Cut linted text into paragraphs worth sending to spaCy, and back again.

Three jobs, all about speed and offsets: paragraphs are the unit of context (a phrase never spans a
blank line); hard-wrapped lines and masked code are folded to single spaces so "hard to⏎reach" still
reads as one phrase; and a paragraph that cannot contain any lexicon form is never tokenized.

Paragraphs longer than ``MAX_SEGMENT`` (far below spaCy's ``max_length``) are cut at whitespace into
overlapping chunks. Each chunk *owns* the stretch between two cut points and carries ``OVERLAP``
characters of context either side, so a term that straddles a cut is seen whole by the chunk that
owns its start and is reported exactly once, at its exact offset. (Context further away than
``OVERLAP``, such as a quotation opened thousands of characters earlier, is not seen across a cut.)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from plainwords.scanner import Prefilter

# A paragraph break: a line break, optional blanks, another line break ("\r\n" is one break).
_BREAK = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\f\v\u00a0]*(?:\r\n|\r(?!\n)|\n)\s*")
# Whitespace that spaCy would turn into a token of its own.
_FOLD = re.compile(r"[ \t\f\v\u00a0\u2028\u2029\r\n]{2,}|[\t\f\v\u00a0\u2028\u2029\r\n]")
_SPACE = re.compile(r"\s")

MAX_SEGMENT = 50_000  # characters; longer paragraphs are cut into overlapping chunks
OVERLAP = 2_000  # characters of context a chunk carries past each cut (terms are a few words)
FIRST_BLOCK = 16_000  # characters scanned before the first windows are sent (see ``_blocks``)
BLOCK = 256_000


@dataclass(frozen=True)
class Segment:
    """A paragraph (or chunk) of folded text; ``anchors`` map its offsets to offsets in the linted
    text. ``owned`` is the [start, end) range of linted offsets whose matches this segment reports
    (``None``: all of them); chunks of a long paragraph overlap, and only the owner reports."""

    text: str
    anchors: tuple[tuple[int, int], ...]  # (offset in text, offset in linted text), ascending
    owned: tuple[int, int] | None = None

    @cached_property
    def _starts(self) -> list[int]:
        return [a[0] for a in self.anchors]

    def to_lint(self, offset: int) -> int:
        index = bisect_right(self._starts, offset) - 1
        folded, lint = self.anchors[index]
        return lint + (offset - folded)

    def to_lint_end(self, offset: int) -> int:
        return self.to_lint(offset - 1) + 1 if offset > 0 else self.to_lint(0)

    def owns(self, lint_offset: int) -> bool:
        return self.owned is None or self.owned[0] <= lint_offset < self.owned[1]


def paragraphs(text: str, limit: int = MAX_SEGMENT) -> Iterator[tuple[int, str]]:
    """(start, paragraph) pairs, skipping blank ones; long paragraphs are cut at whitespace into
    consecutive pieces of at most ``limit`` characters (no overlap)."""
    for start, end in _paragraph_bounds(text):
        for cut_start, cut_end in _cuts(text, start, end, limit):
            if text[cut_start:cut_end].strip():
                yield cut_start, text[cut_start:cut_end]


Chunk = tuple[int, str, tuple[int, int] | None]  # (start, text, owned range or None)


def chunks(text: str, limit: int = MAX_SEGMENT, overlap: int = OVERLAP) -> Iterator[Chunk]:
    """(start, chunk, owned range) for every non-blank paragraph; a paragraph longer than ``limit``
    becomes overlapping chunks of at most ``limit`` characters, each owning the stretch between
    two whitespace cut points."""
    for start, end in _paragraph_bounds(text):
        yield from _paragraph_chunks(text, start, end, limit, overlap)


def _paragraph_chunks(text: str, start: int, end: int, limit: int, overlap: int) -> Iterator[Chunk]:
    overlap = min(overlap, limit // 4)
    if end - start <= limit:
        if text[start:end].strip():
            yield start, text[start:end], None
        return
    for own_start, own_end in _cuts(text, start, end, limit - 2 * overlap):
        left = (
            start
            if own_start - overlap <= start
            else _snap_forward(text, own_start - overlap, own_start)
        )
        right = end if own_end + overlap >= end else _snap_back(text, own_end + overlap, own_end)
        if text[own_start:own_end].strip():
            yield left, text[left:right], (own_start, own_end)


def _paragraph_bounds(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for match in _BREAK.finditer(text):
        yield position, match.start()
        position = match.end()
    yield position, len(text)


def _cuts(text: str, start: int, end: int, step: int) -> Iterator[tuple[int, int]]:
    """Consecutive [start, end) pieces of at most ``step`` characters, each cut just after a
    whitespace character (a line end or sentence end when one is near), never inside a word."""
    while end - start > step:
        window = text[start : start + step]
        cut = max(window.rfind("\n"), window.rfind(". ") + 1)
        if cut <= step // 2:
            cut = _last_space(window)
        cut = cut + 1 if cut > step // 2 else step  # no whitespace at all: a hard cut
        yield start, start + cut
        start += cut
    yield start, end


def _last_space(window: str) -> int:
    position = window.rfind(" ")
    if position > len(window) // 2:
        return position
    # Rare: no plain space in the second half; look for any other whitespace.
    for match in _SPACE.finditer(window, len(window) // 2):
        position = match.start()
    return position


def _snap_forward(text: str, position: int, limit: int) -> int:
    """The first offset after whitespace at or after ``position`` (not past ``limit``)."""
    match = _SPACE.search(text, position, limit)
    return match.end() if match else position


def _snap_back(text: str, position: int, limit: int) -> int:
    """The last whitespace offset at or before ``position`` (not before ``limit``)."""
    window = text[limit:position]
    index = max(window.rfind(" "), window.rfind("\n"))
    return limit + index if index > 0 else position


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


Filter = Prefilter | Callable[[str], bool] | None


def segments(text: str, triggers: Filter = None) -> Iterator[Segment]:
    """The paragraphs (or chunks) of a linted text that could contain a finding, folded for spaCy.

    ``triggers`` is a ``Prefilter`` (or any text → bool test), or ``None`` to send every
    paragraph."""
    if isinstance(triggers, Prefilter) and not triggers.always:
        for block in _blocks(text):
            yield from _scanned(text, block, triggers)
        return
    test = triggers
    if test is not None and not test(text):
        return  # one pass settles the many texts that hold no phrase at all
    for start, chunk, owned in chunks(text, MAX_SEGMENT, OVERLAP):
        if test is None or test(chunk):
            yield _segment(start, chunk, owned)


def _segment(start: int, chunk: str, owned: tuple[int, int] | None) -> Segment:
    segment = fold(start, chunk)
    return segment if owned is None else Segment(segment.text, segment.anchors, owned)


def _blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """The paragraphs' bounds in runs of ``FIRST_BLOCK`` characters or so, then ``BLOCK``.

    A long text is scanned a block at a time, so its first windows reach the pipeline (and a
    worker starts importing spaCy, see ``plainwords.parallel``) after a few thousand characters
    are read, not after the whole book. A match never crosses a paragraph break (windows are
    paragraphs), so a block cut there loses no candidate that could match."""
    size = FIRST_BLOCK
    block: list[tuple[int, int]] = []
    for start, end in _paragraph_bounds(text):
        block.append((start, end))
        if end - block[0][0] >= size:
            yield block
            block, size = [], BLOCK
    if block:
        yield block


def _scanned(text: str, block: list[tuple[int, int]], scanner: Prefilter) -> Iterator[Segment]:
    """The chunks of a block's paragraphs that hold at least one place where a phrase may start."""
    first = block[0][0]
    hits = scanner.hits(text[first : block[-1][1]])  # offsets from ``first``
    if hits == []:
        return
    for start, end in block:
        for chunk_start, chunk, owned in _paragraph_chunks(text, start, end, MAX_SEGMENT, OVERLAP):
            if hits is None:  # lower-casing changed the length: test the chunk itself
                wanted = scanner(chunk)
            else:
                index = bisect_left(hits, chunk_start - first)
                wanted = index < len(hits) and hits[index] < chunk_start - first + len(chunk)
            if wanted:
                yield _segment(chunk_start, chunk, owned)
