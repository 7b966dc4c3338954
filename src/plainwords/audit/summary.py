"""Combining the counts of every partition into the figures an audit reports.

Partitions return sums (``plainwords.audit.counting``); here they are summed once more per group
and turned into ``Group`` values, plus one ``Group`` for the whole table. Nothing here knows which
engine counted them.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plainwords.audit.spec import AuditSpec

if TYPE_CHECKING:
    import pandas as pd

TOP_ENTRIES = 10
SEVERITY_ORDER = ("error", "warning", "suggestion")


@dataclass(frozen=True)
class Group:
    """The figures for one group of records (or, with an empty key, the whole table)."""

    key: dict[str, str]
    records: int
    records_flagged: int
    words: int
    findings: int
    entries: tuple[tuple[str, int], ...]  # every entry seen, most frequent first
    severity: dict[str, int]
    examples: tuple[dict, ...] = ()

    @property
    def rate(self) -> float:
        """Findings per 1,000 words, the figure that compares groups writing different amounts."""
        return round(1000 * self.findings / self.words, 3) if self.words else 0.0

    @property
    def top(self) -> tuple[tuple[str, int], ...]:
        return self.entries[:TOP_ENTRIES]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": dict(self.key),
            "records": self.records,
            "records_flagged": self.records_flagged,
            "words": self.words,
            "findings": self.findings,
            "rate_per_1000_words": self.rate,
            "top_entries": [{"entry": e, "count": c} for e, c in self.top],
            "severity": {s: self.severity.get(s, 0) for s in SEVERITY_ORDER},
        }
        if self.examples:
            data["examples"] = list(self.examples)
        return data


@dataclass(frozen=True)
class Summary:
    """Every group (sorted by key) and the whole table."""

    key_names: tuple[str, ...]
    groups: tuple[Group, ...]
    total: Group
    engine: str = "local"
    lexicons: tuple[str, ...] = field(default_factory=tuple)

    def by_rate(self) -> list[Group]:
        """Groups from the highest rate to the lowest, as the terminal table lists them."""
        return sorted(self.groups, key=lambda g: (-g.rate, -g.findings, _sort_key(g.key)))


def _sort_key(key: dict[str, str]) -> tuple[str, ...]:
    return tuple(key.values())


def summarise(
    counts: pd.DataFrame,
    spec: AuditSpec,
    *,
    engine: str = "local",
    lexicons: tuple[str, ...] = (),
    examples: dict[str, list[dict]] | None = None,
) -> Summary:
    """Sum a long table of counts (from any number of partitions) into a ``Summary``."""
    by_group: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for group, kind, name, value in counts.itertuples(index=False, name=None):
        by_group[group][kind, name] += int(value)
    groups = []
    for group_json in sorted(by_group):
        values = json.loads(group_json)
        key = dict(zip(spec.key_names, values, strict=True))
        groups.append(_group(key, by_group[group_json], (examples or {}).get(group_json, [])))
    whole: Counter[tuple[str, str]] = Counter()
    for counter in by_group.values():
        whole.update(counter)
    return Summary(
        key_names=spec.key_names,
        groups=tuple(groups),
        total=_group({}, whole, []),
        engine=engine,
        lexicons=lexicons,
    )


def _group(key: dict[str, str], counts: Counter[tuple[str, str]], examples: list[dict]) -> Group:
    entries = sorted(
        ((name, n) for (kind, name), n in counts.items() if kind == "entry"),
        key=lambda item: (-item[1], item[0]),
    )
    return Group(
        key=key,
        records=counts["records", ""],
        records_flagged=counts["records_flagged", ""],
        words=counts["words", ""],
        findings=counts["findings", ""],
        entries=tuple(entries),
        severity={name: n for (kind, name), n in counts.items() if kind == "severity"},
        examples=tuple(examples),
    )
