"""The one place the audit calls the linting engine: a policy in, a ready linter out.

Each process (the local run, a Dask worker, a Spark Python worker) keeps one linter per policy in
a module-level cache, so a worker builds the spaCy pipeline once and every partition after the
first reuses it; the task graph carries only the small frozen policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from plainwords.audit.spec import AuditPolicy

if TYPE_CHECKING:
    from plainwords.document import Document
    from plainwords.engine import Linter
    from plainwords.findings import Finding

_LINTERS: dict[AuditPolicy, Linter] = {}


def linter_for(policy: AuditPolicy) -> Linter:
    """This process's linter for ``policy``, built on first use."""
    linter = _LINTERS.get(policy)
    if linter is None:
        from plainwords.config import Config
        from plainwords.run import build_linter

        config = Config(
            builtin=policy.builtin,
            lexicons=policy.lexicons,
            disable=policy.disable,
            allow=policy.allow,
            severity=dict(policy.severity),
            model=policy.model,
        )
        linter = _LINTERS[policy] = build_linter(config)
    return linter


def findings_of(
    linter: Linter, documents: Iterable[Document], jobs: int | None = 1
) -> Iterator[tuple[Document, list[Finding]]]:
    """Findings per record, in order, through the same parallel path as ``plainwords check``."""
    from plainwords.parallel import check_many

    return check_many(linter, documents, jobs)


def record(text: str, index: int) -> Document:
    """A record's text as a document; records are plain text, never files."""
    from plainwords.readers import read_text

    return read_text(f"record {index}", text)
