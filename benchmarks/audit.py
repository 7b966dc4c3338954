"""Audit speed: generated case notes, the local engine against Dask with one and two workers.

    python benchmarks/audit.py --records 100000            # the comparison docs/audit.md reports
    python benchmarks/audit.py --records 1000000 --engines dask1,dask2

Records are one to five short sentences; about one in five holds a term from the casenotes or
stigma lexicons (some in the neutral clinical wording the lexicon leaves alone). Prints records per
second and the peak resident memory of each worker process.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PLAIN = [
    "Visited at home with the support worker.",
    "We talked about the tenancy and the rent arrears.",
    "Blood pressure was checked and is stable.",
    "Next appointment booked for two weeks' time.",
    "She would like help with a housing application.",
    "He is sleeping better since the new tablets.",
    "The family attended the review together.",
    "Referral sent to the community mental health team.",
    "We discussed options for day services.",
    "Patient denies chest pain.",
    "She denies any shortness of breath.",
    "He claims Universal Credit and PIP.",
]
FLAGGED = [
    "She claims she took all of her tablets.",
    "He denied drinking since the weekend.",
    "Patient is a poor historian.",
    "He was uncooperative during the visit.",
    "She failed to take her evening medication.",
    "Mum was adamant that the bruise came from a fall.",
    "He refused his medication again.",
    "Non-compliant with the care plan.",
    "He became combative when the nurse arrived.",
]
TEAMS = ["North", "South", "East", "West"]


def records(count: int, seed: int = 20, teams: list[str] | None = None, flagged_share: float = 0.2):
    """``count`` generated records as dicts: id, team, written (a date) and note."""
    rng = random.Random(seed)
    teams = teams or TEAMS
    for index in range(count):
        sentences = [rng.choice(PLAIN) for _ in range(rng.randint(1, 5))]
        if rng.random() < flagged_share:
            sentences[rng.randrange(len(sentences))] = rng.choice(FLAGGED)
        yield {
            "id": f"R{index:07d}",
            "team": teams[index % len(teams)],
            "written": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "note": " ".join(sentences),
        }


def write_csv(path: Path, count: int, **kwargs) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "team", "written", "note"])
        writer.writeheader()
        writer.writerows(records(count, **kwargs))
    return path


def _peak_worker_memory(client) -> list[float]:
    """Peak resident memory (MB) of each Dask worker process, read from the worker itself."""

    def peak() -> float:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return sorted(client.run(peak).values())


def run(engine: str, table: Path) -> tuple[float, list[float]]:
    """Seconds for one audit and the peak memory of each process that linted."""
    from plainwords.audit.engines import run_local
    from plainwords.audit.spec import AuditPolicy, AuditSpec

    spec = AuditSpec("note", ("team",), "written", "quarter")
    policy = AuditPolicy()
    if engine == "local":
        import resource

        start = time.perf_counter()
        run_local(str(table), spec, policy, jobs=1)  # one process, as the table reports
        seconds = time.perf_counter() - start
        return seconds, [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from plainwords.audit.engines import _count, _dask_frame

    workers = int(engine.removeprefix("dask"))
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        # The clock starts with the cluster up; each worker's pipeline build is inside it.
        start = time.perf_counter()
        frame = _dask_frame(dd, str(table), "csv", spec, max(256_000, table.stat().st_size // 16))
        counted = frame.map_partitions(_count, spec, policy, meta=_meta())
        counted.groupby(["group", "kind", "name"]).value.sum().compute()
        seconds = time.perf_counter() - start
        return seconds, _peak_worker_memory(client)


def _meta():
    from plainwords.audit.counting import empty_counts

    return empty_counts()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--engines", default="local,dask1,dask2")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        table = write_csv(Path(folder) / "notes.csv", args.records)
        print(
            f"{args.records:,} records, {table.stat().st_size / 1e6:.1f} MB; cores: {os.cpu_count()}; "
            f"load average before: {os.getloadavg()[0]:.2f}"
        )
        for engine in args.engines.split(","):
            seconds, memory = run(engine, table)
            mem = ", ".join(f"{m:.0f}" for m in memory)
            print(
                f"{engine:6s} {seconds:7.1f} s  {args.records / seconds:9,.0f} records/s  "
                f"peak MB per worker: {mem}  load: {os.getloadavg()[0]:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
