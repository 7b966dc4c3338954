"""Use every core when there is enough work, with findings identical to a serial run.

The parent process reads documents, cuts them into segments and prefilters them (cheap, and
where the offsets live); worker processes run only the spaCy pipeline over batches of segment
texts and send back plain match tuples. The parent turns those into findings with the very same
code as a serial run (``Linter.findings_from`` and ``Linter.finish``), so the results cannot
differ, and yields documents in input order.

Work is measured as text that survived the prefilter, not as bytes read: most prose never
reaches spaCy, and a pool costs a fork and some pickling. With ``jobs=None`` (automatic) a run
stays in one process until ``AUTO_THRESHOLD`` characters have been sent to the pipeline, then
starts a pool of one worker per available core (at most ``MAX_AUTO_JOBS``).

Memory stays bounded: at most a few batches per worker are in flight, documents are released
as soon as their findings are yielded, and no Doc outlives the batch that made it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from plainwords.document import Document
from plainwords.engine import Linter, Match
from plainwords.findings import Finding
from plainwords.segments import Segment

BATCH_CHARS = 100_000  # segment characters per task sent to a worker
AUTO_THRESHOLD = 400_000  # characters through the pipeline before an automatic run goes parallel
MAX_AUTO_JOBS = 8
IN_FLIGHT_PER_JOB = 3
HOLD_CHARS = 8_000_000  # document text held while waiting for results, before draining

_worker_linter: Linter | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_many(
    linter: Linter, documents: Iterable[Document], jobs: int | None = None
) -> Iterator[tuple[Document, list[Finding]]]:
    """Like ``Linter.check_many``; ``jobs`` is the number of processes (``None``: automatic)."""
    if jobs == 1 or (jobs is None and available_cores() < 2):
        yield from linter.check_many(documents)
        return
    yield from _Run(linter, jobs).check(documents)


@dataclass
class _Slot:
    """One document on its way through: its segments and, as they come back, their matches."""

    document: Document
    segments: list[Segment]
    matches: list[list[Match] | None] = field(default_factory=list)
    remaining: int = 0


class _Done:
    """A batch processed in this process, with the same interface as an ``AsyncResult``."""

    def __init__(self, value: list[list[Match]]) -> None:
        self.value = value

    def get(self) -> list[list[Match]]:
        return self.value


class _Run:
    def __init__(self, linter: Linter, jobs: int | None) -> None:
        self.linter = linter
        self.jobs = jobs
        self.pool = None
        self.sent = 0  # characters handed to the pipeline so far

    def check(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        slots: deque[_Slot] = deque()
        flight: deque[tuple[object, list[tuple[_Slot, int]]]] = deque()
        batch: list[tuple[_Slot, int]] = []
        batch_chars = 0
        self.held = 0
        try:
            for document in documents:
                self.held += len(document.text)
                slot = _Slot(document, list(self.linter.segments(document)))
                slot.matches = [None] * len(slot.segments)
                slot.remaining = len(slot.segments)
                slots.append(slot)
                for index, segment in enumerate(slot.segments):
                    batch.append((slot, index))
                    batch_chars += len(segment.text)
                    if batch_chars >= BATCH_CHARS:
                        flight.append(self._submit(batch))
                        batch, batch_chars = [], 0
                if batch and self.held > HOLD_CHARS:
                    flight.append(self._submit(batch))
                    batch, batch_chars = [], 0
                while flight and (len(flight) > self._limit() or self.held > HOLD_CHARS):
                    self._receive(flight.popleft())
                    yield from self._ready(slots)
                yield from self._ready(slots)
            if batch:
                flight.append(self._submit(batch))
            while flight:
                self._receive(flight.popleft())
                yield from self._ready(slots)
            yield from self._ready(slots)
        finally:
            if self.pool is not None:
                self.pool.terminate()
                self.pool.join()

    def _limit(self) -> int:
        return 0 if self.pool is None else IN_FLIGHT_PER_JOB * self._processes()

    def _processes(self) -> int:
        return self.jobs if self.jobs is not None else min(available_cores(), MAX_AUTO_JOBS)

    def _submit(self, batch: list[tuple[_Slot, int]]):
        texts = [slot.segments[index].text for slot, index in batch]
        self.sent += sum(map(len, texts))
        if self.pool is None and (self.jobs is not None or self.sent > AUTO_THRESHOLD):
            self.pool = _start_pool(self.linter, self._processes())
        if self.pool is None:
            return _Done(_match(self.linter, texts)), batch
        return self.pool.apply_async(_work, (texts,)), batch

    @staticmethod
    def _receive(item) -> None:
        result, batch = item
        for (slot, index), matches in zip(batch, result.get(), strict=True):
            slot.matches[index] = matches
            slot.remaining -= 1

    def _ready(self, slots: deque[_Slot]) -> Iterator[tuple[Document, list[Finding]]]:
        while slots and slots[0].remaining == 0:
            slot = slots.popleft()
            self.held -= len(slot.document.text)
            findings: list[Finding] = []
            for segment, matches in zip(slot.segments, slot.matches, strict=True):
                findings.extend(self.linter.findings_from(slot.document, segment, matches or ()))
            yield slot.document, self.linter.finish(slot.document, findings)


def _match(linter: Linter, texts: list[str]) -> list[list[Match]]:
    return [
        linter.matches(doc) for doc in linter.nlp.pipe(texts, batch_size=linter.options.batch_size)
    ]


def _work(texts: list[str]) -> list[list[Match]]:
    assert _worker_linter is not None
    return _match(_worker_linter, texts)


def _start_pool(linter: Linter, processes: int):
    """Fork where the platform allows (workers inherit the built pipeline at no cost); elsewhere
    spawn, and each worker builds the pipeline once from the already compiled lexicon."""
    global _worker_linter
    if "fork" in multiprocessing.get_all_start_methods():
        _worker_linter = linter
        return multiprocessing.get_context("fork").Pool(processes)
    from plainwords.cache import Compiled

    component = linter.component
    compiled = Compiled(linter.lexicon, dict(component.forms), dict(component.conditions))
    return multiprocessing.get_context("spawn").Pool(
        processes,
        initializer=_init_worker,
        initargs=(linter.lexicon, linter.model, linter.options, compiled),
    )


def _init_worker(lexicon, model, options, compiled) -> None:
    global _worker_linter
    _worker_linter = Linter(lexicon, model=model, options=options, compiled=compiled)
