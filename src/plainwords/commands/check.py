"""``plainwords check PATH…``: report the findings in documents, and fail a run on them."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from plainwords.commands.common import (
    CONTEXT,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    changed_paths,
    changes_for,
    linter_for,
    policy_for,
    report_problems,
)
from plainwords.commands.options import changed_options, lexicon_options, max_size_option
from plainwords.reporters import FORMATS

if TYPE_CHECKING:
    from plainwords.document import Document
    from plainwords.findings import Finding


def use_color(option: bool | None) -> bool:
    """``--color``/``--no-color`` if given; otherwise colour a terminal, unless NO_COLOR is set."""
    if option is not None:
        return option
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "suggestion", "never"]),
    default=None,
    help="Lowest severity that makes the run fail (exit 1). Default: warning.",
)
@click.option(
    "--stdin-filename",
    default=None,
    metavar="NAME",
    help="Name (and so format) for text read from '-'.",
)
@click.option(
    "--include-mentions",
    is_flag=True,
    default=None,
    help="Also report terms that are quoted or named as words, as suggestions.",
)
@click.option(
    "--skip-quotations",
    is_flag=True,
    default=None,
    help="Leave out terms inside quoted words (speech, headlines): report only your own words.",
)
@click.option(
    "--first-only",
    is_flag=True,
    help="Show each entry's first finding in a file only, with how many times it occurs.",
)
@lexicon_options
@click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="Use an installed trained spaCy pipeline (e.g. en_core_web_sm) for sharper context.",
)
@max_size_option
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text report (default: when writing to a terminal and NO_COLOR is unset).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="After the report, count the findings per entry (on stderr for machine formats).",
)
@click.option(
    "--fix",
    "apply_fixes",
    is_flag=True,
    help="First apply the swaps lexicons mark safe (as 'plainwords fix' does), then report what is left.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only findings and errors.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Also print each file as it is checked and every notice."
)
@click.option(
    "--report-unused-suppressions",
    is_flag=True,
    help="Report suppression comments that silenced nothing (on stderr; they fail the run like warnings).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Processes to use (default: automatic, more than one only for large runs).",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the compiled-lexicon cache.")
@changed_options
def check(
    paths,
    output_format,
    fail_on,
    stdin_filename,
    include_mentions,
    skip_quotations,
    first_only,
    lexicons,
    disable,
    model,
    config_path,
    max_size,
    color,
    statistics,
    apply_fixes,
    quiet,
    verbose,
    report_unused_suppressions,
    jobs,
    no_cache,
    changed_since,
    diff_only,
) -> None:
    """Check documents for stigmatising labels and jargon.

    PATHS are files or directories (searched for known document types); '-' reads standard input.
    With no PATHS, the current directory is checked.

    \b
    Examples:
      plainwords check docs/ README.md                check documents
      plainwords check --changed-since HEAD           only lines changed since the last commit
      plainwords check --changed-since origin/main --format github
                                                      a branch's new lines, as annotations
      git diff main... | plainwords check --diff-only   only lines the diff adds

    \b
    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
    """
    from plainwords.findings import at_or_above, first_of_each, sort_findings
    from plainwords.reporters import Run, reporters
    from plainwords.run import Problems, check_paths

    changes = changes_for(changed_since, diff_only, paths)
    policy = policy_for(
        config_path,
        lexicons=lexicons,
        disable=disable,
        fail_on=fail_on,
        include_mentions=include_mentions,
        skip_quotations=skip_quotations,
        model=model,
        max_size=max_size,
    )
    linter = linter_for(policy, use_cache=not no_cache)
    problems = Problems()
    findings = []
    files = 0
    paths = paths or (".",)
    if changes is not None:
        paths = changed_paths(changes, paths, policy, problems)
    show_progress = not quiet and output_format == "text" and sys.stderr.isatty() and not verbose

    def on_file(path: str) -> None:
        if verbose:
            click.echo(f"checking {path}", err=True)

    results = check_paths(
        linter, paths, problems, stdin_filename=stdin_filename, on_file=on_file, jobs=jobs
    )
    recheck: Callable[[Document], list[Finding]] = linter.check
    if changes is not None:
        results, recheck = changes.filtered(results), changes.checker(linter.check)
    if apply_fixes:
        from plainwords.commands.fix import fixing

        results = fixing(results, recheck, problems, paths, quiet=quiet)
    if show_progress:
        with click.progressbar(results, label="Checking", file=sys.stderr, show_pos=True) as bar:
            for _, file_findings in bar:
                files += 1
                findings.extend(file_findings)
    else:
        for _, file_findings in results:
            files += 1
            findings.extend(file_findings)

    report_problems(problems, quiet=quiet)
    findings = sort_findings(findings)
    shown = first_of_each(findings) if first_only else findings
    run = Run(findings=shown, files=files, skipped=problems.skipped)
    nothing_read = problems.errors and files == 0
    if not nothing_read and not (quiet and output_format == "text" and not run.findings):
        reporters()[output_format](run, sys.stdout, use_color(color) and output_format == "text")
    if statistics and not nothing_read:
        from plainwords.reporters.statistics import report_statistics

        report_statistics(run, sys.stdout if output_format == "text" else sys.stderr)
    if problems.errors:
        raise SystemExit(EXIT_USAGE)
    if files == 0 and not problems.skipped and not quiet:
        click.echo("plainwords: note: no documents found to check", err=True)
    unused = _report_unused(linter) if report_unused_suppressions else 0
    failing = at_or_above(findings, policy.fail_on) or (
        unused and policy.fail_on in ("warning", "suggestion")
    )
    raise SystemExit(EXIT_FINDINGS if failing else EXIT_OK)


def _report_unused(linter) -> int:
    """Print suppressions that silenced nothing; they count as warnings for --fail-on."""
    from plainwords.suppressions import unused_messages

    messages = unused_messages(linter.unused_suppressions)
    for message in messages:
        click.echo(message, err=True)
    return len(messages)
