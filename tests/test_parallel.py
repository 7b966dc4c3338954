"""Runs in several processes give exactly the findings of a serial run, in the same order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plainwords import engine, parallel
from plainwords.cache import compiled_from
from plainwords.cli import main
from plainwords.engine import Linter
from plainwords.readers import read_text

SRC = str(Path(__file__).resolve().parents[1] / "src")

PARAGRAPHS = [
    "Going forward we will utilise the hall.",
    "Nothing to see in this paragraph at all.",
    "We reach hard-to-reach groups and service users; “addicts” is a word we avoid.",
    "The spare keys are on a hard to reach shelf.",
    "People who suffer from anxiety, in order to cope, utilized the drop-in.",
]


def _documents():
    docs = []
    for index in range(40):
        body = "\n\n".join(PARAGRAPHS[(index + k) % len(PARAGRAPHS)] for k in range(index % 7))
        docs.append(read_text(f"doc-{index:02d}.txt", body))
    docs.append(read_text("long.txt", "\n\n".join(PARAGRAPHS * 60)))
    docs.append(read_text("empty.txt", ""))
    return docs


def _flat(results):
    return [
        (document.path, [(f.start, f.end, f.rule, f.mention) for f in findings])
        for document, findings in results
    ]


@pytest.fixture(scope="module")
def serial(linter):
    return _flat(linter.check_many(_documents()))


@pytest.mark.parametrize("jobs", [2, 3])
def test_pools_match_serial(linter, serial, jobs, monkeypatch):
    monkeypatch.setattr(engine, "BATCH_CHARS", 500)  # many small batches in flight
    assert _flat(parallel.check_many(linter, _documents(), jobs=jobs)) == serial
    assert sum(len(f) for _, f in serial) > 100


def test_the_parent_shares_the_work_when_the_workers_are_busy(linter, serial, monkeypatch):
    where = []
    seen = []
    submit = parallel._Workers.submit

    def recording(self, texts):
        seen.append(self)
        result = submit(self, texts)
        where.append("parent" if isinstance(result, engine.Done) else "worker")
        return result

    monkeypatch.setattr(parallel._Workers, "submit", recording)
    monkeypatch.setattr(engine, "BATCH_CHARS", 300)
    monkeypatch.setattr(parallel, "IN_FLIGHT_PER_JOB", 1)
    assert _flat(parallel.check_many(linter, _documents(), jobs=2)) == serial
    assert "parent" in where and "worker" in where, where
    assert seen[0].waiting == 0


def test_the_serial_loop_gives_the_same_findings_in_any_batch_size(linter, serial, monkeypatch):
    monkeypatch.setattr(engine, "BATCH_CHARS", 50)
    assert _flat(linter.check_many(_documents())) == serial


@pytest.fixture
def started(monkeypatch):
    """The pools a test's runs start, as (worker processes, keyword arguments)."""
    starts: list[tuple[int, dict]] = []
    real = parallel._start_pool
    monkeypatch.setattr(
        parallel, "_start_pool", lambda *a, **k: starts.append((a[1], k)) or real(*a, **k)
    )
    return starts


def test_automatic_jobs_start_a_pool_only_for_enough_work(linter, serial, monkeypatch, started):
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    assert _flat(parallel.check_many(linter, _documents(), jobs=None)) == serial
    assert started == []  # a few kilobytes of text: one process
    monkeypatch.setattr(parallel, "AUTO_THRESHOLD", 2_000)
    monkeypatch.setattr(engine, "BATCH_CHARS", 1_000)
    assert _flat(parallel.check_many(linter, _documents(), jobs=None)) == serial
    # Two cores: the parent and one worker, which inherits the parent's pipeline (the first
    # window came from a short document, so the pool did not start early).
    assert started == [(1, {"build": True})]


def _long(serial):
    """The long document alone, and what a serial run finds in it."""
    documents = [d for d in _documents() if d.path == "long.txt"]
    return documents, [row for row in serial if row[0] == "long.txt"]


def _lazy(lexicon):
    """A linter as a cached run makes it: no pipeline until a candidate calls for one."""
    compiled = compiled_from(lexicon, Linter(lexicon).component)
    linter = Linter(lexicon, compiled=compiled)
    assert "nlp" not in vars(linter)
    return linter


def test_a_long_document_starts_a_worker_before_spacy_is_imported(
    lexicon, serial, monkeypatch, started
):
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(parallel, "EARLY_FROM", 5_000)  # long.txt is about 10,000 characters
    documents, expected = _long(serial)
    linter = _lazy(lexicon)
    assert _flat(parallel.check_many(linter, documents, jobs=None)) == expected
    assert started == [(1, {"build": False})]  # at the first window, before any pipeline
    assert "nlp" not in vars(linter)  # the worker built its own; this process never did


def test_the_parent_builds_a_pipeline_only_when_much_is_waiting(lexicon, serial, monkeypatch):
    """An early worker gets batches queued while it imports spaCy; the parent imports it too
    only when more is waiting than that import would take to match."""
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(parallel, "EARLY_FROM", 5_000)
    monkeypatch.setattr(engine, "BATCH_CHARS", 1_000)  # long.txt makes about ten batches
    # One batch in flight would do for a worker that has its pipeline; one still importing
    # spaCy may hold HELP_AFTER before this process imports it too.
    monkeypatch.setattr(parallel, "IN_FLIGHT_PER_JOB", 1)
    documents, expected = _long(serial)
    patient = _lazy(lexicon)
    assert _flat(parallel.check_many(patient, documents, jobs=None)) == expected
    assert "nlp" not in vars(patient)
    monkeypatch.setattr(parallel, "HELP_AFTER", 3)
    helping = _lazy(lexicon)
    assert _flat(parallel.check_many(helping, documents, jobs=None)) == expected
    assert "nlp" in vars(helping)


def test_without_fork_a_pool_still_waits_for_enough_work(linter, serial, monkeypatch):
    started = []
    monkeypatch.setattr(parallel.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(parallel, "_start_pool", lambda *a, **k: started.append(a[1]))
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(parallel, "EARLY_FROM", 5_000)
    assert _flat(parallel.check_many(linter, _documents(), jobs=None)) == serial
    assert started == []  # spawning a worker builds a pipeline there: only for enough work


def test_one_job_is_the_serial_engine(linter, serial):
    assert _flat(parallel.check_many(linter, _documents(), jobs=1)) == serial


def test_memory_bound_drains_held_documents(linter, serial, monkeypatch):
    monkeypatch.setattr(engine, "HOLD_CHARS", 100)
    monkeypatch.setattr(engine, "BATCH_CHARS", 10_000_000)
    assert _flat(parallel.check_many(linter, _documents(), jobs=2)) == serial


def test_cli_jobs_output_is_identical(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(tmp_path / "cache"))
    for document in _documents():
        (tmp_path / document.path).write_text(document.text, encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        assert main(["check", "--jobs", jobs, "-f", "json", str(tmp_path)]) == 1
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]["findings"]) > 100
    assert main(["check", "--jobs", "0", str(tmp_path)]) == 2


def test_spawned_workers_build_the_pipeline_once_and_match_serial(linter, serial, monkeypatch):
    """Where fork is unavailable, workers are spawned and rebuilt from the compiled lexicon."""
    monkeypatch.setattr(parallel.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(engine, "BATCH_CHARS", 2_000)
    assert _flat(parallel.check_many(linter, _documents(), jobs=2)) == serial


# Runs an early pool whose worker fails while building the pipeline, three ways, and says what
# the parent raised. Before the pool came from ``concurrent.futures``, the first two waited for
# ever on the lost batch.
FAILING_WORKER = """
import os, sys
from plainwords import engine, parallel
from plainwords.cache import compiled_from
from plainwords.engine import Linter
from plainwords.lexicon import load_lexicon
from plainwords.readers import read_text

class Odd(Exception):
    def __init__(self, a, b):  # pickles, but cannot be rebuilt from its pickled form
        super().__init__(a)

def odd(*args, **kwargs):
    raise Odd("cannot build", 2)

def killed(*args, **kwargs):
    os._exit(3)

def plain(*args, **kwargs):
    raise ValueError("no pipeline here")

lexicon = load_lexicon(["stigma", "jargon"])
compiled = compiled_from(lexicon, Linter(lexicon).component)
parallel.EARLY_FROM = 5_000
parallel.available_cores = lambda: 2
text = "We will reach hard to reach groups going forward.\\n\\n" * 300
for name, build in [("odd", odd), ("killed", killed), ("plain", plain)]:
    engine.build_pipeline = build
    linter = Linter(lexicon, compiled=compiled)
    try:
        list(parallel.check_many(linter, [read_text("long.txt", text)], jobs=None))
        print(name, "finished")
    except Exception as error:
        print(name, type(error).__name__, "nlp" in vars(linter))
"""


def test_a_worker_that_fails_building_the_pipeline_ends_the_run_with_an_error(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", FAILING_WORKER],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,  # a hang fails the test instead of the suite
    )
    assert result.stdout.splitlines() == [
        "odd WorkerError False",  # an error that cannot travel back: the pool breaks, and says so
        "killed WorkerError False",  # a worker gone (the system's memory killer, say)
        "plain ValueError False",  # an ordinary error arrives as itself
    ], result.stderr
