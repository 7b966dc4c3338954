"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``. GitHub reads ``%``,
carriage return and line feed as escapes in the message, and also ``:`` and ``,`` in property
values, so those are percent-encoded (``%25``, ``%0D``, ``%0A``, ``%3A``, ``%2C``).
"""

from __future__ import annotations

from typing import TextIO

from plainwords.reporters import Run

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(run: Run, stream: TextIO, color: bool = False) -> None:
    for finding in run.findings:
        properties = {
            "file": finding.path.replace("\\", "/").removeprefix("./"),
            "line": finding.line,
            "col": finding.column,
            "endLine": finding.end_line,
            # GitHub's end column is the last character's; ours is one past it.
            "endColumn": max(finding.end_column - 1, 1),
            "title": f"plainwords: {finding.rule}",
        }
        joined = ",".join(
            f"{key}={escape_property(str(value))}" for key, value in properties.items()
        )
        message = " ".join(filter(None, [finding.message, finding.instead()]))
        if finding.location:
            message = f"({finding.location}) {message}"
        stream.write(f"::{COMMANDS[finding.severity]} {joined}::{escape_data(message)}\n")
