"""Findings as the protocol shows them: diagnostics on the flagged words and a hover that
explains them.

A diagnostic's range is the finding's exact characters in the client's position units; its
``code`` is the entry id, linked (``codeDescription``) to the entry's source; its severity maps
error, warning and suggestion to Error, Warning and Information, and a mention (the words quoted
or named, not used) to Hint, with "Mention of" leading the message.
"""

from __future__ import annotations

from lsprotocol import types

from plainwords.findings import Finding
from plainwords.lsp.positions import Positions

SOURCE = "plainwords"

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "suggestion": types.DiagnosticSeverity.Information,
}


def span(positions: Positions, start: int, end: int) -> types.Range:
    """The protocol range of the characters [start, end)."""
    return types.Range(
        types.Position(*positions.position(start)), types.Position(*positions.position(end))
    )


def diagnostic(finding: Finding, positions: Positions) -> types.Diagnostic:
    entry = finding.entry
    return types.Diagnostic(
        range=span(positions, finding.start, finding.end),
        message=finding.message,
        severity=types.DiagnosticSeverity.Hint if finding.mention else SEVERITY[finding.severity],
        code=entry.id,
        code_description=types.CodeDescription(href=entry.source.url),
        source=SOURCE,
        data={"rule": entry.id, "mention": finding.mention, "category": entry.category},
    )


def hover_text(finding: Finding) -> str:
    """What a hover over the flagged words says, in Markdown: what and why (every entry merged
    into the finding), what to write instead, what to consider, advice, and whose guidance it
    is."""
    entry = finding.entry
    kind = "Mention of" if finding.mention else "Flagged"
    lines = [
        f"**{kind} “{_escape(finding.text)}”** · {finding.severity} · {entry.category}"
        f" · `{entry.id}`",
    ]
    for reason in (entry.reason, *(other.reason for other in finding.also)):
        lines += ["", _escape(reason)]
    for label, options in (
        ("Instead", finding.alternatives),
        ("Consider", finding.consider),
        ("Advice", finding.advice),
    ):
        if options:
            lines += ["", f"**{label}:** " + "; ".join(_escape(o) for o in options)]
    if entry.note:
        lines += ["", _escape(entry.note)]
    sources = [entry.source, *(other.source for other in finding.also)]
    for source in dict.fromkeys(sources):
        lines += ["", f"Source: [{_escape(source.name)}]({source.url})"]
    return "\n".join(lines)


def hover(finding: Finding, positions: Positions) -> types.Hover:
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(finding)),
        range=span(positions, finding.start, finding.end),
    )


def _escape(text: str) -> str:
    """Text shown as written, not as Markdown (a term with an asterisk or underscore)."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)
