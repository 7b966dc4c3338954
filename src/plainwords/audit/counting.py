"""Counting one partition of records: findings in, a small table of sums out.

Every engine calls ``count_partition`` on its share of the table and combines the results by
summing ``value`` over (``group``, ``kind``, ``name``), so the figures cannot depend on how the
table was split. The result holds counts only: no record text and no identifiers.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING

from plainwords.audit import adapter
from plainwords.audit.spec import MISSING, AuditPolicy, AuditSpec

if TYPE_CHECKING:
    import pandas as pd

# The long table every partition returns; ``meta`` for Dask and the schema for Spark.
COLUMNS = ("group", "kind", "name", "value")
SPARK_SCHEMA = "group string, kind string, name string, value long"
# kinds: one row each per group for the totals, one per entry and per severity seen
TOTALS = ("records", "records_flagged", "words", "findings")
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def empty_counts() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            "group": pd.Series(dtype="object"),
            "kind": pd.Series(dtype="object"),
            "name": pd.Series(dtype="object"),
            "value": pd.Series(dtype="int64"),
        }
    )


def words_in(text: str) -> int:
    """Words for the rate per 1,000 words: runs of letters or digits, hyphens and apostrophes
    inside a word kept ("drug-seeking" is one word)."""
    return len(_WORD.findall(text))


def period_label(value: object, every: str) -> str:
    """ "2024-03", "2024-Q1" or "2024" for a date; ``MISSING`` for an empty or unreadable one."""
    import pandas as pd

    if value is None or (isinstance(value, float) and value != value) or str(value).strip() == "":
        return MISSING
    stamp = pd.to_datetime(str(value), errors="coerce")
    if stamp is pd.NaT or stamp is None or stamp != stamp:
        return MISSING
    if every == "year":
        return f"{stamp.year:04d}"
    if every == "quarter":
        return f"{stamp.year:04d}-Q{(stamp.month - 1) // 3 + 1}"
    return f"{stamp.year:04d}-{stamp.month:02d}"


def key_value(value: object) -> str:
    """A grouping value as text, the same whichever reader produced it (``1`` and ``"1"``)."""
    if value is None or (isinstance(value, float) and value != value):
        return MISSING
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or MISSING


def group_of(row: dict, spec: AuditSpec) -> str:
    """A record's group as a JSON list of its key values, in ``spec.key_names`` order."""
    values = [key_value(row.get(column)) for column in spec.by]
    if spec.period_column:
        values.append(period_label(row.get(spec.period_column), spec.every))
    return json.dumps(values, ensure_ascii=False)


def count_partition(
    frame: pd.DataFrame,
    spec: AuditSpec,
    policy: AuditPolicy,
    *,
    jobs: int | None = 1,
    examples: dict[str, list[dict]] | None = None,
    examples_per_group: int = 0,
) -> pd.DataFrame:
    """The counts for one partition of records (see the module docstring).

    ``examples`` (local runs only) collects up to ``examples_per_group`` sentences around
    findings per group, in memory, for ``--show-examples``.
    """
    import pandas as pd

    missing = [c for c in spec.columns if c not in frame.columns]
    if missing:
        from plainwords.audit.spec import AuditError

        raise AuditError(f"no column named {missing[0]!r} in the table")
    linter = adapter.linter_for(policy)
    rows = frame.to_dict("records")
    counts: Counter[tuple[str, str, str]] = Counter()
    groups = [group_of(row, spec) for row in rows]

    def documents():
        for index, row in enumerate(rows):
            text = row.get(spec.text_column)
            text = "" if text is None or (isinstance(text, float) and text != text) else str(text)
            yield adapter.record(text, index)

    for index, (document, findings) in enumerate(
        adapter.findings_of(linter, documents(), jobs=jobs)
    ):
        group = groups[index]
        counts[group, "records", ""] += 1
        counts[group, "words", ""] += words_in(document.text)
        if not findings:
            continue
        counts[group, "records_flagged", ""] += 1
        counts[group, "findings", ""] += len(findings)
        for finding in findings:
            counts[group, "entry", finding.rule] += 1
            counts[group, "severity", finding.severity] += 1
        if examples is not None and len(examples.setdefault(group, [])) < examples_per_group:
            from plainwords.audit.examples import example

            for finding in findings:
                if len(examples[group]) >= examples_per_group:
                    break
                identifier = rows[index].get(spec.id_column) if spec.id_column else None
                examples[group].append(example(document.text, finding, identifier))
    if not counts:
        return empty_counts()
    return pd.DataFrame(
        [(g, k, n, v) for (g, k, n), v in counts.items()], columns=list(COLUMNS)
    ).astype({"value": "int64"})
