"""The human report: ``path:line:col  severity  message``, the alternatives, and a summary."""

from __future__ import annotations

from typing import TextIO

import click

from plainwords.reporters import Run

_COLOURS = {"error": "red", "warning": "yellow", "suggestion": "cyan"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def report_text(run: Run, stream: TextIO, color: bool = False) -> None:
    def style(text: str, **kwargs) -> str:
        return click.style(text, **kwargs) if color else text

    for finding in run.findings:
        entry = finding.entry
        where = f"{finding.path}:{finding.line}:{finding.column}"
        severity = style(f"{finding.severity:<10}", fg=_COLOURS[finding.severity], bold=True)
        voice = " (mention)" if finding.mention else " (quoted)" if finding.quoted else ""
        stream.write(
            f"{style(where, bold=True)}  {severity}  “{finding.text}”{voice}{finding.repeats}: "
            f"{entry.reason}  "
            f"{style('[' + entry.id + ']', dim=True)}\n"
        )
        for label, options in (
            ("instead:", finding.alternatives),
            ("consider:", finding.consider),
            ("advice:", finding.advice),
        ):
            if options:
                stream.write(f"    {style(label, fg='green')} {' · '.join(options)}\n")
        for other in finding.also:
            stream.write(f"    {style('also:', fg='yellow')} {other.reason}  [{other.id}]\n")
    summary = run.summary()
    if run.findings:
        counts = ", ".join(_plural(n, s) for s, n in summary["by_severity"].items() if n)
        files_with = len({f.path for f in run.findings})
        stream.write(
            f"\n{_plural(len(run.findings), 'finding')} ({counts}) in "
            f"{_plural(files_with, 'file')} of {run.files} checked.\n"
        )
        stream.write("Run 'plainwords explain \"PHRASE\"' for the full story behind a finding.\n")
    else:
        stream.write(style(f"No findings in {_plural(run.files, 'file')}.", fg="green") + "\n")
