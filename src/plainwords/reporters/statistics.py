"""``--statistics``: how often each entry was found, most frequent first.

A team deciding what to fix first, or which entries to disable, wants the shape of a corpus
rather than every line of it.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from plainwords.reporters import Run


def report_statistics(run: Run, stream: TextIO) -> None:
    counts = Counter(f.rule for f in run.findings)
    if not counts:
        stream.write("Statistics: no findings.\n")
        return
    severities = {f.rule: f.entry.severity for f in run.findings}
    width = max(len(rule) for rule in counts)
    stream.write("Statistics (findings per entry):\n")
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        stream.write(f"{count:>6}  {rule:<{width}}  {severities[rule]}\n")
    stream.write(f"{sum(counts.values()):>6}  total\n")
