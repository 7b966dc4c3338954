"""Every audit engine gives the figures of the local one: embedded Dask, a real Dask scheduler with
two worker processes, and Spark in local mode, each on the same 200-record two-team table."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audit_tables import two_team_table
from plainwords.audit.engines import run_dask, run_local, run_spark
from plainwords.audit.spec import AuditPolicy, AuditSpec
from plainwords.audit.summary import summarise

SPEC = AuditSpec("note", ("team",), "written", "quarter")
POLICY = AuditPolicy()
SRC = str(Path(__file__).resolve().parents[1] / "src")


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    return two_team_table(tmp_path_factory.mktemp("engines"))


@pytest.fixture(scope="module")
def local_groups(table):
    return summarise(run_local(str(table), SPEC, POLICY), SPEC).groups


def test_local_engine_with_two_processes_matches_one(table, local_groups):
    assert summarise(run_local(str(table), SPEC, POLICY, jobs=2), SPEC).groups == local_groups


def test_embedded_dask_cluster_matches_local(table, local_groups):
    counts = run_dask(str(table), SPEC, POLICY, workers=2, partition_bytes=4_000)
    assert summarise(counts, SPEC).groups == local_groups


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_real_dask_scheduler_and_two_workers_match_local(table, local_groups):
    """A ``dask scheduler`` and two ``dask worker`` processes, as on a cluster; always stopped."""
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    worker = [sys.executable, "-m", "distributed.cli.dask_worker"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    processes = [
        subprocess.Popen(
            [*dask, "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet
        )
    ]
    try:
        for _ in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        *worker,
                        address,
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                    ],
                    **quiet,
                )
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=60)
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        counts = run_dask(str(table), SPEC, POLICY, scheduler=address, partition_bytes=4_000)
        assert summarise(counts, SPEC).groups == local_groups
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_spark_local_mode_matches_local(table, local_groups):
    assert summarise(run_spark(str(table), SPEC, POLICY), SPEC).groups == local_groups
