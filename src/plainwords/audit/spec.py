"""What an audit counts and with which lexicons: small frozen values that travel to workers.

``AuditSpec`` and ``AuditPolicy`` are all a Dask task or a Spark closure carries; the pipeline is
built from the policy on each worker (see ``plainwords.audit.adapter``), never shipped.
"""

from __future__ import annotations

from dataclasses import dataclass

PERIODS = ("month", "quarter", "year")
MISSING = "(missing)"  # how an empty or absent grouping value is shown and counted


class AuditError(Exception):
    """A problem the user can fix (a missing column, an unreadable table); one line."""


@dataclass(frozen=True)
class AuditSpec:
    """The columns an audit reads and how it groups records."""

    text_column: str
    by: tuple[str, ...] = ()
    period_column: str | None = None
    every: str = "month"
    id_column: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column the audit reads; nothing else is loaded from the table."""
        wanted = [self.text_column, *self.by, self.period_column, self.id_column]
        return tuple(dict.fromkeys(c for c in wanted if c))

    @property
    def key_names(self) -> tuple[str, ...]:
        """The names in each group's key: the ``--by`` columns, then ``period``."""
        return (*self.by, "period") if self.period_column else self.by


@dataclass(frozen=True)
class AuditPolicy:
    """The lexicons and settings that decide what counts; hashable, so each worker process
    builds one pipeline per policy and reuses it for every partition."""

    builtin: tuple[str, ...] = ("stigma", "jargon", "casenotes")
    lexicons: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    model: str | None = None
