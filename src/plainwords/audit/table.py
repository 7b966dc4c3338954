"""Reading a table of records for a local audit: CSV, JSON Lines or Parquet, only the columns the
audit needs, every value as text (the distributed engines use their own readers, see
``plainwords.audit.engines``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from plainwords.audit.spec import AuditError, AuditSpec

if TYPE_CHECKING:
    import pandas as pd

KINDS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}


def table_kind(path: str) -> str:
    """The format named by a table's extension; anything else is a one-line error."""
    kind = KINDS.get(Path(path).suffix.lower())
    if kind is None:
        raise AuditError(
            f"{path}: cannot tell the table's format; name it .csv, .jsonl or .parquet"
        )
    if not Path(path).exists():
        raise AuditError(f"{path}: no such file")
    return kind


def read_table(path: str, spec: AuditSpec) -> pd.DataFrame:
    """The audit's columns of the whole table."""
    import pandas as pd

    kind = table_kind(path)
    try:
        if kind == "csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        elif kind == "jsonl":
            frame = pd.read_json(path, lines=True, dtype=False)
        else:
            frame = pd.read_parquet(path)
    except (ValueError, OSError, UnicodeDecodeError) as error:
        raise AuditError(f"{path}: cannot read the {kind} table: {error}") from None
    check_columns(path, list(frame.columns), spec)
    return frame[list(spec.columns)]


def check_columns(path: str, present: list[str], spec: AuditSpec) -> None:
    for column in spec.columns:
        if column not in present:
            known = ", ".join(map(str, present[:12])) or "none"
            raise AuditError(f"{path}: no column named {column!r} (columns: {known})")
