"""Reporters: one small function per output format, ``(run, stream, color) -> None``.

Machine formats (json, …) never contain colour or progress; those go to terminals only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from plainwords.findings import Finding


@dataclass(frozen=True)
class Run:
    """Everything a reporter may show about one run."""

    findings: list[Finding]
    files: int
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        by_severity = Counter(f.severity for f in self.findings)
        return {
            "files": self.files,
            "skipped": len(self.skipped),
            "findings": len(self.findings),
            "by_severity": {s: by_severity.get(s, 0) for s in ("error", "warning", "suggestion")},
            "by_category": dict(sorted(Counter(f.category for f in self.findings).items())),
            "by_rule": dict(Counter(f.rule for f in self.findings).most_common()),
        }


Reporter = Callable[[Run, TextIO, bool], None]


def reporters() -> dict[str, Reporter]:
    from plainwords.reporters.checkstyle import report_checkstyle
    from plainwords.reporters.compact import report_compact
    from plainwords.reporters.github import report_github
    from plainwords.reporters.gitlab import report_gitlab
    from plainwords.reporters.json import report_json
    from plainwords.reporters.sarif import report_sarif
    from plainwords.reporters.text import report_text

    return {
        "text": report_text,
        "json": report_json,
        "sarif": report_sarif,
        "github": report_github,
        "compact": report_compact,
        "checkstyle": report_checkstyle,
        "gitlab": report_gitlab,
    }


FORMATS = ("text", "json", "sarif", "github", "gitlab", "compact", "checkstyle")
