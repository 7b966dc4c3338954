"""Use every core when there is enough work: a way of calling the one loop, not a copy of it.

``engine.findings_per_document`` reads documents, cuts them into segments and prefilters them in
this process (cheap, and where the offsets live), and hands batches of segment texts to a
``submit``. Here ``submit`` sends a batch to a worker process, which runs only the spaCy pipeline
and sends back plain match tuples; when every worker already has ``IN_FLIGHT_PER_JOB`` batches
waiting, the batch is matched in this process instead, so ``jobs`` processes means this one and
``jobs - 1`` workers, all busy. Findings are made and settled by the same ``Linter.settle``
as a serial run, so the results cannot differ, and documents come back in input order.

Work is measured as text that survived the prefilter, not as bytes read: most prose never
reaches spaCy, and a pool costs a fork and some pickling. With ``jobs=None`` (automatic) a run
stays in one process until ``AUTO_THRESHOLD`` characters have been sent to the pipeline, then
uses every available core (at most ``MAX_AUTO_JOBS``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool

from plainwords.document import Document
from plainwords.engine import Done, Linter, Match, Pending, findings_per_document
from plainwords.findings import Finding

AUTO_THRESHOLD = 100_000  # characters through the pipeline before an automatic run goes parallel
MAX_AUTO_JOBS = 8
IN_FLIGHT_PER_JOB = 3

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
    workers = _Workers(linter, jobs)
    try:
        yield from findings_per_document(linter, documents, workers.submit)
    finally:
        workers.close()


class _Workers:
    """Sends batches to a pool of worker processes, started once there is enough work."""

    def __init__(self, linter: Linter, jobs: int | None) -> None:
        self.linter = linter
        self.jobs = jobs
        self.pool: Pool | None = None
        self.sent = 0  # characters handed to the pipeline so far
        self.waiting = 0  # batches sent to workers whose matches have not been read

    def processes(self) -> int:
        processes = self.jobs if self.jobs is not None else min(available_cores(), MAX_AUTO_JOBS)
        return max(processes - 1, 1)

    def submit(self, texts: list[str]) -> Pending:
        self.sent += sum(map(len, texts))
        if self.pool is None and (self.jobs is not None or self.sent > AUTO_THRESHOLD):
            self.pool = _start_pool(self.linter, self.processes())
        if self.pool is None or self.waiting >= IN_FLIGHT_PER_JOB * self.processes():
            return Done(self.linter.match_texts(texts))
        self.waiting += 1
        return _Sent(self, self.pool.apply_async(_work, (texts,)))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


class _Sent:
    """A batch a worker is matching."""

    def __init__(self, workers: _Workers, result: AsyncResult) -> None:
        self.workers = workers
        self.result = result

    def ready(self) -> bool:
        return self.result.ready()

    def get(self) -> list[list[Match]]:
        value = self.result.get()
        self.workers.waiting -= 1
        return value


def _work(texts: list[str]) -> list[list[Match]]:
    assert _worker_linter is not None
    return _worker_linter.match_texts(texts)


def _start_pool(linter: Linter, processes: int) -> Pool:
    """Fork where the platform allows (workers inherit the built pipeline at no cost); elsewhere
    spawn, and each worker builds the pipeline once from the already compiled lexicon."""
    global _worker_linter
    if "fork" in multiprocessing.get_all_start_methods():
        linter.nlp  # noqa: B018 - build the (lazy) pipeline once, before the workers inherit it
        _worker_linter = linter
        return multiprocessing.get_context("fork").Pool(processes)
    from plainwords.cache import compiled_from

    compiled = compiled_from(linter.lexicon, linter.component)
    return multiprocessing.get_context("spawn").Pool(
        processes,
        initializer=_init_worker,
        initargs=(linter.lexicon, linter.model, linter.options, linter.policy, compiled),
    )


def _init_worker(lexicon, model, options, policy, compiled) -> None:
    global _worker_linter
    _worker_linter = Linter(lexicon, model=model, options=options, policy=policy, compiled=compiled)
