"""Use every core when there is enough work: a way of calling the one loop, not a copy of it.

``engine.findings_per_document`` reads documents, cuts them into segments and prefilters them in
this process (cheap, and where the offsets live), and hands batches of segment texts to a
``submit``. Here ``submit`` sends a batch to a worker process, which runs only the spaCy pipeline
and sends back plain match tuples; when every worker already has ``IN_FLIGHT_PER_JOB`` batches
waiting, the batch is matched in this process instead, so ``jobs`` processes means this one and
``jobs - 1`` workers, all busy. Findings are made and settled by the same ``Linter`` methods
as in a serial run, so the results cannot differ, and documents come back in input order.

When the pool starts, with ``jobs=None`` (automatic):

* Work is measured as text that survived the prefilter, not as bytes read: most prose never
  reaches spaCy, and a pool costs a fork and some pickling. So a run stays in one process until
  ``AUTO_THRESHOLD`` characters have been sent to the pipeline, then uses every available core
  (at most ``MAX_AUTO_JOBS``); the workers are forked from this process's built pipeline.
* Except for a long document. Where processes fork and the run's first window (the loop sends
  it at once) comes from a document of ``EARLY_FROM`` characters or more, the pool starts with
  that window, before spaCy is imported. The worker pays for the import, about three quarters
  of a second, while this process scans the rest of the document and makes findings from the
  matches that come back; the document then costs the import plus its matching, not the scan
  as well. (A short one gains nothing to set against the fork and the pickling, about 40 ms.)
  This process builds a pipeline of its own only when more batches wait than the worker would
  match in the time an import takes (``HELP_AFTER``): a book never gets there, an archive does.

The workers run under ``concurrent.futures``: a worker that dies, or fails in a way it cannot
report, ends the run with a ``WorkerError`` rather than leaving it waiting for ever.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from plainwords.document import Document
from plainwords.engine import Done, Linter, Match, Pending, findings_per_document
from plainwords.errors import WorkerError
from plainwords.findings import Finding

AUTO_THRESHOLD = 100_000  # characters through the pipeline before an automatic run goes parallel
MAX_AUTO_JOBS = 8
IN_FLIGHT_PER_JOB = 3
# Batches waiting for a forked worker before this process imports spaCy and matches as well:
# about what the worker matches in the time an import takes.
HELP_AFTER = 24
# A document at least this long, when the first window comes from it, starts the pool early.
EARLY_FROM = 500_000

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
    workers = _Workers(linter, jobs, early=jobs is None and _can_fork())
    try:
        yield from findings_per_document(linter, workers.watch(documents), workers.submit)
    except BaseException:
        workers.close(abandon=True)
        raise
    workers.close()


class _Workers:
    """Sends batches to a pool of worker processes, started once there is enough work."""

    def __init__(self, linter: Linter, jobs: int | None, *, early: bool = False) -> None:
        """``early``: fork the pool at the first batch, before the pipeline exists, if that batch
        comes from a long document (see the module's notes)."""
        self.linter = linter
        self.jobs = jobs
        self.early = early
        self.reading = 0  # characters in the document being cut into windows
        self.pool: _Pool | None = None
        self.sent = 0  # characters handed to the pipeline so far
        self.waiting = 0  # batches sent to workers whose matches have not been read

    def processes(self) -> int:
        processes = self.jobs if self.jobs is not None else min(available_cores(), MAX_AUTO_JOBS)
        return max(processes - 1, 1)

    def watch(self, documents: Iterable[Document]) -> Iterator[Document]:
        """The documents, noting the length of each as the loop takes it."""
        for document in documents:
            self.reading = len(document.text)
            yield document

    def submit(self, texts: list[str]) -> Pending:
        if self.early and self.sent == 0 and self.reading < EARLY_FROM:
            self.early = False  # the first window comes from a short document
        self.sent += sum(map(len, texts))
        if self.pool is None and (
            self.early or self.jobs is not None or self.sent > AUTO_THRESHOLD
        ):
            self.pool = _start_pool(self.linter, self.processes(), build=not self.early)
        if self.pool is None or self.waiting >= self.in_flight():
            return Done(self.linter.match_texts(texts))
        self.waiting += 1
        return _Sent(self, self.pool.submit(texts))

    def in_flight(self) -> int:
        """Batches the workers may hold before this process matches one itself."""
        most = IN_FLIGHT_PER_JOB * self.processes()
        built = "nlp" in vars(self.linter)  # ``Linter.nlp`` is a cached property
        return most if built or not self.early else max(most, HELP_AFTER)

    def close(self, *, abandon: bool = False) -> None:
        """Stop the workers: at once when the run is abandoned (an error, an interrupt, a caller
        that stopped reading), otherwise once they are done."""
        if self.pool is not None:
            self.pool.close(abandon=abandon)


class _Pool:
    """Worker processes, from ``concurrent.futures``: a worker that dies or an error that cannot
    travel back breaks the pool and raises in this process, where ``multiprocessing.Pool``
    would wait for ever on the lost batch."""

    def __init__(self, executor: ProcessPoolExecutor, *, forks: bool) -> None:
        self.executor = executor
        self.forks = forks
        self.started = False

    def submit(self, texts: list[str]) -> Future:
        if self.started or not self.forks:
            return self.executor.submit(_work, texts)
        self.started = True
        # The workers are forked on the first batch. Objects that exist then are left out of
        # their garbage collections: a worker importing spaCy collects often, and walking the
        # inherited heap (the compiled lexicon) writes to every page of it, copying each; about
        # 0.06-0.08 s of a book's run. A caller's own frozen objects are left as they are.
        freeze = gc.get_freeze_count() == 0
        if freeze:
            gc.freeze()
        try:
            return self.executor.submit(_work, texts)
        finally:
            if freeze:
                gc.unfreeze()

    def close(self, *, abandon: bool) -> None:
        self.executor.shutdown(wait=not abandon, cancel_futures=abandon)


class _Sent:
    """A batch a worker is matching."""

    def __init__(self, workers: _Workers, future: Future) -> None:
        self.workers = workers
        self.future = future

    def ready(self) -> bool:
        return self.future.done()

    def get(self) -> list[list[Match]]:
        try:
            value = self.future.result()
        except BrokenProcessPool as error:
            raise WorkerError(
                "a worker process stopped before it finished (stopped by the system, perhaps "
                "for lack of memory, or failed in a way it could not report); run again, or "
                f"with --jobs 1 to check in one process ({error})"
            ) from None
        self.workers.waiting -= 1
        return value


def _work(texts: list[str]) -> list[list[Match]]:
    assert _worker_linter is not None
    return _worker_linter.match_texts(texts)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _start_pool(linter: Linter, processes: int, *, build: bool = True) -> _Pool:
    """Fork where the platform allows, and each worker inherits the pipeline if ``build``, or
    builds its own on its first batch; elsewhere spawn, and each worker builds the pipeline once
    from the already compiled lexicon."""
    global _worker_linter
    if _can_fork():
        if build:
            linter.nlp  # noqa: B018 - build the (lazy) pipeline once, before workers inherit it
        _worker_linter = linter
        context = multiprocessing.get_context("fork")
        return _Pool(ProcessPoolExecutor(processes, mp_context=context), forks=True)
    from plainwords.cache import compiled_from

    compiled = compiled_from(linter.lexicon, linter.component)
    executor = ProcessPoolExecutor(
        processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(linter.lexicon, linter.model, linter.options, linter.policy, compiled),
    )
    return _Pool(executor, forks=False)


def _init_worker(lexicon, model, options, policy, compiled) -> None:
    global _worker_linter
    _worker_linter = Linter(lexicon, model=model, options=options, policy=policy, compiled=compiled)
