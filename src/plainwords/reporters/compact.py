"""One line per finding, ``path:line:col: [severity] rule: message``: for editors and grep."""

from __future__ import annotations

from typing import TextIO

from plainwords.reporters import Run


def report_compact(run: Run, stream: TextIO, color: bool = False) -> None:
    for finding in run.findings:
        message = " ".join(finding.message.split())
        stream.write(
            f"{finding.path}:{finding.line}:{finding.column}: [{finding.severity}] "
            f"{finding.rule}: {message}\n"
        )
