"""One finding per phrase: matches of different entries over the same words become one.

"entrenched rough sleepers" can be matched by an entry for the whole phrase and by entries for
its parts. Reporting each would show a writer two or three warnings for one phrase and give the
fixer two edits for the same characters. The longest match stands for the phrase; the others
are kept on it as ``also``, so the message names every reason and nothing is fixed twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from plainwords.findings import Finding


def merge_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Findings with each run of overlapping matches folded into its longest one.

    Uses and mentions are never merged with each other; the merged finding takes the highest
    severity of those folded into it.
    """
    merged: list[Finding] = []
    groups: list[list[Finding]] = []
    ordered = sorted(findings, key=lambda f: (f.path, f.mention, f.start, -(f.end - f.start)))
    for finding in ordered:
        group = groups[-1] if groups else None
        if (
            group
            and group[0].path == finding.path
            and group[0].mention == finding.mention
            and finding.start < max(f.end for f in group)
        ):
            group.append(finding)
        else:
            groups.append([finding])
    for group in groups:
        if len(group) == 1:
            merged.append(group[0])
            continue
        longest = max(group, key=lambda f: (f.end - f.start, f.rank, -f.start))
        others = [f for f in group if f is not longest]
        also = tuple(
            dict.fromkeys(e for f in others for e in (f.entry, *f.also) if e.id != longest.entry.id)
        )
        severity = max([longest, *others], key=lambda f: f.rank).severity
        merged.append(replace(longest, also=longest.also + also, severity=severity))
    return merged
