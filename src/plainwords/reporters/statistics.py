"""``--statistics``: how often each entry was found, most frequent first.

A team deciding what to fix first, or which entries to disable, wants the shape of a corpus
rather than every line of it.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from plainwords.lexicon import SEVERITY_RANK
from plainwords.reporters import Run


def report_statistics(run: Run, stream: TextIO) -> None:
    """Counts per entry, with the severities its findings were reported at: the policy's, per
    path, so an entry raised in one folder and lowered in another shows both."""
    counts = Counter(f.rule for f in run.findings)
    if not counts:
        stream.write("Statistics: no findings.\n")
        return
    severities: dict[str, set[str]] = {}
    for finding in run.findings:
        severities.setdefault(finding.rule, set()).add(finding.severity)
    width = max(len(rule) for rule in counts)
    stream.write("Statistics (findings per entry):\n")
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        levels = sorted(severities[rule], key=lambda level: -SEVERITY_RANK[level])
        stream.write(f"{count:>6}  {rule:<{width}}  {', '.join(levels)}\n")
    stream.write(f"{sum(counts.values()):>6}  total\n")
