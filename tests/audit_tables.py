"""The small table the audit tests share: 200 generated records from two teams."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.audit import records, write_csv  # noqa: E402

SPEC_ARGS = ["--text-column", "note", "--by", "team", "--period", "written", "--every", "quarter"]


def two_team_table(folder: Path) -> Path:
    return write_csv(folder / "notes.csv", 200, teams=["Adults", "Children"])


def two_team_records() -> list[dict]:
    return list(records(200, teams=["Adults", "Children"]))
