"""GitLab Code Quality: the JSON a GitLab CI job publishes as ``artifacts:reports:codequality``,
shown in merge requests beside the changed lines.

GitLab compares a merge request's report with the target branch's by ``fingerprint``; a
fingerprint without the line number (path, entry, words and which occurrence they are) keeps a
finding the same finding when lines above it move.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TextIO

from plainwords.reporters import Run

SEVERITIES = {"error": "critical", "warning": "major", "suggestion": "info"}


def report_gitlab(run: Run, stream: TextIO, color: bool = False) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for finding in run.findings:
        key = (finding.path, finding.rule, finding.text.lower())
        seen[key] += 1
        fingerprint = hashlib.sha256("\0".join([*key, str(seen[key])]).encode()).hexdigest()
        issues.append(
            {
                "type": "issue",
                "check_name": f"plainwords/{finding.rule}",
                "description": " ".join(filter(None, [finding.message, finding.instead()])),
                "categories": ["Style"],
                "severity": SEVERITIES[finding.severity],
                "fingerprint": fingerprint,
                "location": {
                    "path": finding.path.replace("\\", "/").removeprefix("./"),
                    "lines": {"begin": finding.line, "end": finding.end_line},
                },
            }
        )
    json.dump(issues, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
