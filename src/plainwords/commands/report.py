"""``plainwords report PATH… -o report.html``: the documents, highlighted, in one page to share."""

from __future__ import annotations

from pathlib import Path

import click

from plainwords.commands.common import (
    CONTEXT,
    UserError,
    linter_for,
    policy_for,
    report_problems,
)
from plainwords.commands.options import lexicon_options


@click.command(
    context_settings=CONTEXT,
    short_help="Write one self-contained HTML page with the findings highlighted.",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    metavar="FILE",
    help="Where to write the HTML page ('-' for standard output).",
)
@click.option("--title", default=None, help="The page's title (default: 'plainwords report').")
@click.option(
    "--include-mentions",
    is_flag=True,
    default=None,
    help="Also show terms that are quoted or named as words.",
)
@lexicon_options
def report(paths, output, title, include_mentions, lexicons, disable, config_path) -> None:
    """Write one self-contained HTML page showing each document with its findings highlighted,
    a summary, a chart of the most frequent terms and readability figures.

    \b
    Examples:
      plainwords report strategy.md -o report.html
      plainwords report docs/ -o docs-report.html --title "Annual report: language check"

    The page makes no network requests: it opens offline and can be sent by email.
    """
    from plainwords.run import Problems, check_paths
    from plainwords.web.report import prepare, render_report

    policy = policy_for(
        config_path, lexicons=lexicons, disable=disable, include_mentions=include_mentions
    )
    if output != "-":
        _refuse_overwriting(output, paths)
    linter = linter_for(policy)
    problems = Problems()
    reports = prepare(check_paths(linter, paths, problems))
    report_problems(problems)
    if not reports:
        raise UserError("no documents to report on")
    if output != "-":
        _refuse_overwriting(output, [report.document.path for report in reports])
    page = render_report(reports, title=title or "plainwords report")
    if output == "-":
        click.echo(page, nl=False)
    else:
        _write(Path(output), page)
        count = sum(len(r.findings) for r in reports)
        click.echo(
            f"Wrote {output}: {count} {'finding' if count == 1 else 'findings'} in {len(reports)} {'document' if len(reports) == 1 else 'documents'}.",
            err=True,
        )
    raise SystemExit(2 if problems.errors else 0)


def _refuse_overwriting(output: str, inputs) -> None:
    """Refuse an output that is one of the inputs: named on the command line (checked before any
    work) or found in a folder (checked once the documents are read, before writing). A page this
    command wrote before is never an input: the HTML reader skips plainwords reports."""
    from plainwords.writing import same_file

    for given in inputs:
        if given != "-" and same_file(output, given):
            raise UserError(f"{output}: is also an input ({given}); write the report elsewhere")


def _write(path: Path, text: str) -> None:
    """Write atomically, so a half-written page never replaces a good one."""
    from plainwords.atomic import write_atomically

    if not path.resolve().parent.is_dir():
        raise UserError(f"{path}: folder does not exist")
    write_atomically(path, text.encode("utf-8"))
