"""Use every core when there is enough work, with findings identical to a serial run.

The parent process reads documents, cuts them into segments and prefilters them (cheap, and
where the offsets live); worker processes run only the spaCy pipeline over batches of segment
texts and send back plain match tuples, and the parent runs batches itself whenever the workers
have enough queued. The parent turns those into findings with the very same
code as a serial run (``Linter.findings_from`` and ``Linter.finish``), so the results cannot
differ, and yields documents in input order.

Work is measured as text that survived the prefilter, not as bytes read: most prose never
reaches spaCy, and a pool costs a fork and some pickling. With ``jobs=None`` (automatic) a run
stays in one process until ``AUTO_THRESHOLD`` characters have been sent to the pipeline, then
uses every available core (at most ``MAX_AUTO_JOBS``): the parent and one worker fewer.

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

BATCH_CHARS = 32_000  # segment characters per task sent to a worker
AUTO_THRESHOLD = 100_000  # characters through the pipeline before an automatic run goes parallel
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
    segments: list[Segment] = field(default_factory=list)
    matches: list[list[Match] | None] = field(default_factory=list)
    remaining: int = 0  # segments sent whose matches have not come back
    complete: bool = False  # every segment of the document has been sent


class _Done:
    """A batch processed in this process, with the same interface as an ``AsyncResult``."""

    def __init__(self, value: list[list[Match]]) -> None:
        self.value = value

    def ready(self) -> bool:
        return True

    def get(self) -> list[list[Match]]:
        return self.value


class _Run:
    """The parent cuts documents into segments and sends batches of them to the workers as it
    goes; when every worker already has ``IN_FLIGHT_PER_JOB`` batches waiting, it runs the next
    batch itself rather than wait, so ``jobs`` processes means one parent and ``jobs - 1``
    workers, all busy."""

    def __init__(self, linter: Linter, jobs: int | None) -> None:
        self.linter = linter
        self.jobs = jobs
        self.pool = None
        self.sent = 0  # characters handed to the pipeline so far
        self.waiting = 0  # batches sent to workers whose results have not been read
        self.held = 0  # characters of documents read whose findings have not been yielded

    def check(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        slots: deque[_Slot] = deque()
        flight: deque[tuple[object, list[tuple[_Slot, int]]]] = deque()
        batch: list[tuple[_Slot, int]] = []
        batch_chars = 0
        try:
            for document in documents:
                self.held += len(document.text)
                slot = _Slot(document)
                slots.append(slot)
                for segment in self.linter.segments(document):
                    batch.append((slot, len(slot.segments)))
                    slot.segments.append(segment)
                    slot.matches.append(None)
                    slot.remaining += 1
                    batch_chars += len(segment.text)
                    if batch_chars >= BATCH_CHARS:
                        flight.append(self._submit(batch))
                        batch, batch_chars = [], 0
                        yield from self._drain(flight, slots)
                slot.complete = True
                if batch and self.held > HOLD_CHARS:
                    flight.append(self._submit(batch))
                    batch, batch_chars = [], 0
                yield from self._drain(flight, slots, until_held=HOLD_CHARS)
            if batch:
                flight.append(self._submit(batch))
            yield from self._drain(flight, slots, until_held=-1)
        finally:
            if self.pool is not None:
                self.pool.terminate()
                self.pool.join()

    def _drain(
        self, flight: deque, slots: deque[_Slot], until_held: int | None = None
    ) -> Iterator[tuple[Document, list[Finding]]]:
        """Read the results that are in, in order; with ``until_held``, wait for more until no
        more than that many characters of documents are held (-1: until everything is in)."""
        while flight and (
            flight[0][0].ready() or (until_held is not None and self.held > until_held)
        ):
            self._receive(flight.popleft())
            yield from self._ready(slots)
        yield from self._ready(slots)

    def _workers(self) -> int:
        processes = self.jobs if self.jobs is not None else min(available_cores(), MAX_AUTO_JOBS)
        return max(processes - 1, 1)

    def _submit(self, batch: list[tuple[_Slot, int]]):
        texts = [slot.segments[index].text for slot, index in batch]
        self.sent += sum(map(len, texts))
        if self.pool is None and (self.jobs is not None or self.sent > AUTO_THRESHOLD):
            self.pool = _start_pool(self.linter, self._workers())
        if self.pool is None or self.waiting >= IN_FLIGHT_PER_JOB * self._workers():
            return _Done(_match(self.linter, texts)), batch
        self.waiting += 1
        return self.pool.apply_async(_work, (texts,)), batch

    def _receive(self, item) -> None:
        result, batch = item
        if not isinstance(result, _Done):
            self.waiting -= 1
        for (slot, index), matches in zip(batch, result.get(), strict=True):
            slot.matches[index] = matches
            slot.remaining -= 1

    def _ready(self, slots: deque[_Slot]) -> Iterator[tuple[Document, list[Finding]]]:
        while slots and slots[0].complete and slots[0].remaining == 0:
            slot = slots.popleft()
            self.held -= len(slot.document.text)
            findings: list[Finding] = []
            for segment, matches in zip(slot.segments, slot.matches, strict=True):
                findings.extend(self.linter.findings_from(slot.document, segment, matches or ()))
            yield slot.document, self.linter.finish(slot.document, findings)


def _match(linter: Linter, texts: list[str]) -> list[list[Match]]:
    return [linter.matches(doc) for doc in linter.docs(texts)]


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
    from plainwords.cache import compiled_from

    compiled = compiled_from(linter.lexicon, linter.component)
    return multiprocessing.get_context("spawn").Pool(
        processes,
        initializer=_init_worker,
        initargs=(linter.lexicon, linter.model, linter.options, compiled),
    )


def _init_worker(lexicon, model, options, compiled) -> None:
    global _worker_linter
    _worker_linter = Linter(lexicon, model=model, options=options, compiled=compiled)
