"""Findings: what a reporter prints and what ``--fix`` rewrites.

The JSON fields here are a contract other tools read (docs/json-format.md): add fields, never
rename or remove them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from plainwords.document import Document
from plainwords.lexicon import SEVERITY_RANK, Entry
from plainwords.shaping import Suggestions, suggest


@dataclass(frozen=True)
class Finding:
    """One flagged use (or, with ``--include-mentions``, mention) of a lexicon term.

    ``quoted``: the use is in someone else's quoted words (speech, a headline), reported at
    suggestion level, as the writer can report it but not reword it. ``occurrence`` counts the
    findings of the same entry in the document (1 for the first), out of ``occurrences``, so a
    report can show a label used forty times once, with its count.
    """

    path: str
    start: int  # 0-based character offset in the decoded file text, inclusive
    end: int  # exclusive
    line: int  # 1-based
    column: int  # 1-based, in characters
    end_line: int
    end_column: int  # exclusive
    text: str  # exactly document.text[start:end]
    entry: Entry
    severity: str
    mention: bool = False
    location: str | None = None
    # The entry's alternatives shaped for this sentence (``make_finding`` fills it in).
    offer: Suggestions | None = None
    # Entries whose matches overlapped this one's words and were merged into it.
    also: tuple[Entry, ...] = ()

    @property
    def alternatives(self) -> tuple[str, ...]:
        """Text to paste over ``fix_start``–``fix_end``, each already fitting the sentence."""
        return self.offer.alternatives if self.offer else self.entry.alternatives

    @property
    def consider(self) -> tuple[str, ...]:
        """Pasteable, but right only in some contexts: offered, never applied unattended."""
        return self.offer.consider if self.offer else ()

    @property
    def advice(self) -> tuple[str, ...]:
        """Guidance that is not text to paste."""
        return self.offer.advice if self.offer else ()

    @property
    def fix_start(self) -> int:
        return self.offer.fix_start if self.offer else self.start

    @property
    def fix_end(self) -> int:
        return self.offer.fix_end if self.offer else self.end

    def instead(self) -> str:
        """The options in one line for reporters that print text: what to paste, what to
        consider, and advice, each named."""
        parts = []
        if self.alternatives:
            parts.append("Instead: " + "; ".join(self.alternatives) + ".")
        if self.consider:
            parts.append("Consider: " + "; ".join(self.consider) + ".")
        if self.advice:
            parts.append("Advice: " + "; ".join(self.advice) + ".")
        return " ".join(parts)

    quoted: bool = False
    occurrence: int = 1
    occurrences: int = 1
    folded: bool = False  # shown for all ``occurrences`` (``--first-only``)

    @property
    def rule(self) -> str:
        return self.entry.id

    @property
    def category(self) -> str:
        return self.entry.category

    @property
    def message(self) -> str:
        reasons = " ".join([self.entry.reason, *(e.reason for e in self.also)])
        if self.mention:
            said = f"Mention of “{self.text}”"
        elif self.quoted:
            said = f"“{self.text}” (in quoted words)"
        else:
            said = f"“{self.text}”"
        return f"{said}{self.repeats}: {reasons}"

    @property
    def repeats(self) -> str:
        """ " (12 times in this file)" for a finding that stands for all its entry's findings."""
        return f" ({self.occurrences} times in this file)" if self.folded else ""

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]

    def to_dict(self) -> dict[str, Any]:
        entry = self.entry
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": entry.id,
            "category": entry.category,
            "topic": entry.topic,
            "severity": self.severity,
            "message": self.message,
            "alternatives": list(self.alternatives),
            "fix_start": self.fix_start,
            "fix_end": self.fix_end,
            "consider": list(self.consider),
            "advice": list(self.advice),
            "reason": entry.reason,
            "source": {"name": entry.source.name, "url": entry.source.url},
            "mention": self.mention,
            "quoted": self.quoted,
            "occurrence": self.occurrence,
            "occurrences": self.occurrences,
        }
        if self.also:
            data["also"] = [
                {"rule": e.id, "category": e.category, "reason": e.reason} for e in self.also
            ]
        if entry.note:
            data["note"] = entry.note
        if self.location:
            data["location"] = self.location
        return data


def make_finding(
    document: Document,
    lint_start: int,
    lint_end: int,
    entry: Entry,
    *,
    mention: bool = False,
    quoted: bool = False,
) -> Finding:
    """Map a match in linted text back to the exact characters of the source. Mentions and
    quoted uses are suggestions, whatever the entry's severity."""
    start, end = document.source_range(lint_start, lint_end)
    return Finding(
        **placement(document, start, end),
        offer=suggest(document.text, start, end, entry),
        entry=entry,
        severity="suggestion" if mention or quoted else entry.severity,
        mention=mention,
        quoted=quoted,
    )


def placement(document: Document, start: int, end: int) -> dict[str, Any]:
    """Every field of a finding that says where it is, for source offsets [start, end): one
    definition for findings made from a match and findings moved to another text's offsets."""
    line, column = document.lines.position(start)
    end_line, end_column = document.lines.position(end)
    return {
        "path": document.path,
        "start": start,
        "end": end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "text": document.text[start:end],
        "location": document.location(line),
    }


def first_of_each(findings: Iterable[Finding]) -> list[Finding]:
    """Each entry's first finding in each file, standing for all of them (``--first-only``)."""
    return [replace(f, folded=f.occurrences > 1) for f in findings if f.occurrence == 1]


def moved(finding: Finding, document: Document, start: int, end: int) -> Finding:
    """The same finding at other offsets of ``document``, its alternatives shaped afresh."""
    from dataclasses import replace

    return replace(
        finding,
        **placement(document, start, end),
        offer=suggest(document.text, start, end, finding.entry),
    )


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.start, f.end, f.rule))


def at_or_above(findings: Iterable[Finding], threshold: str) -> list[Finding]:
    """Findings at or above a ``--fail-on`` level ("never" matches nothing)."""
    if threshold == "never":
        return []
    rank = SEVERITY_RANK[threshold]
    return [f for f in findings if f.rank >= rank]
