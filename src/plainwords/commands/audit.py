"""``plainwords audit TABLE``: counts per team, service or period; the work is in
``plainwords.audit``."""

from __future__ import annotations

import click

from plainwords.commands.common import CONTEXT, EXIT_OK, UserError, config_for
from plainwords.commands.options import lexicon_options


@click.command(context_settings=CONTEXT)
@click.argument("table", type=click.Path())
@click.option(
    "--text-column", required=True, metavar="COL", help="The column holding each record's text."
)
@click.option(
    "--id-column",
    default=None,
    metavar="COL",
    help="Record identifiers, shown only with --show-examples.",
)
@click.option("--by", "by", multiple=True, metavar="COL", help="Group by this column (repeatable).")
@click.option(
    "--period",
    "period_column",
    default=None,
    metavar="COL",
    help="A date column to group by period.",
)
@click.option(
    "--every",
    type=click.Choice(["month", "quarter", "year"]),
    default="month",
    show_default=True,
    help="The period length for --period.",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "csv", "html"]),
    default="table",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="FILE",
    help="Write the report here instead of standard output.",
)
@click.option(
    "--engine", type=click.Choice(["local", "dask", "spark"]), default="local", show_default=True
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for --engine local (default: one).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Workers of the embedded Dask cluster.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="URL",
    help="Use the Dask cluster at this address (tcp://host:port).",
)
@click.option("--master", default=None, metavar="URL", help="Spark master (default local[2]).")
@click.option(
    "--show-examples",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Show up to N sentences around findings per group (record text!).",
)
@lexicon_options
def audit(
    table,
    text_column,
    id_column,
    by,
    period_column,
    every,
    output_format,
    output,
    engine,
    jobs,
    workers,
    scheduler,
    master,
    show_examples,
    lexicons,
    disable,
    config_path,
) -> int:
    """Count how a table of records (CSV, JSON Lines, Parquet) talks about people, per group.

    \b
    Private by default: the report holds counts only, never record text, unless
    --show-examples N is given (and then only the sentence around a finding).

    \b
    Examples:
      plainwords audit notes.csv --text-column note --by team
      plainwords audit notes.parquet --text-column note --by service --period written --every quarter -f html -o audit.html
      plainwords audit notes.jsonl --text-column note --engine dask --workers 4
    """
    from plainwords.audit.engines import run_dask, run_local, run_spark
    from plainwords.audit.report import render
    from plainwords.audit.spec import AuditError, AuditPolicy, AuditSpec
    from plainwords.audit.summary import summarise
    from plainwords.lexicon import LexiconError

    if show_examples and engine != "local":
        raise UserError("--show-examples works with --engine local only")
    config = config_for(config_path)
    builtin = tuple(dict.fromkeys([*config.builtin, "casenotes"]))
    policy = AuditPolicy(
        builtin=builtin,
        lexicons=(*config.lexicons, *lexicons),
        disable=(*config.disable, *disable),
        allow=config.allow,
        severity=tuple(sorted(config.severity.items())),
        model=config.model,
    )
    spec = AuditSpec(text_column, tuple(by), period_column, every, id_column)
    examples: dict[str, list[dict]] | None = {} if show_examples else None
    try:
        if engine == "dask":
            counts = run_dask(table, spec, policy, workers=workers, scheduler=scheduler)
        elif engine == "spark":
            counts = run_spark(table, spec, policy, master=master)
        else:
            counts = run_local(
                table, spec, policy, jobs=jobs, examples=examples, examples_per_group=show_examples
            )
    except AuditError as error:
        raise UserError(str(error)) from None
    except LexiconError as error:
        raise UserError(str(error.problems[-1])) from None
    summary = summarise(
        counts, spec, engine=engine, lexicons=(*policy.builtin, *policy.lexicons), examples=examples
    )
    text = render(summary, output_format)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)
    return EXIT_OK
