"""``plainwords lexicon list|validate`` and ``plainwords explain``: the lexicons, browsed and checked.

Both read the same lexicon ``check`` would use (built-in files, the team's own files from the
configuration, ``--lexicon`` extras, minus what is disabled), so what they show is what runs.
"""

from __future__ import annotations

import json
import sys
import textwrap

import click

from plainwords.commands.common import CONTEXT, policy_for
from plainwords.commands.options import lexicon_option

_WIDTH = 88


def _lexicon(config_path: str | None, extra: tuple[str, ...]):
    """The lexicon ``check`` would use with the same configuration and files."""
    from plainwords.run import build_lexicon

    return build_lexicon(policy_for(config_path, lexicons=extra))


_config_option = click.option(
    "--config",
    "config_path",
    default=None,
    metavar="FILE",
    help="Configuration file (default: the nearest one).",
)
_format_option = click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)


@click.group(context_settings=CONTEXT)
def lexicon() -> None:
    """List the lexicon entries in use, or validate lexicon files.

    \b
    Examples:
      plainwords lexicon list --category stigma
      plainwords lexicon list --topic homelessness --format json
      plainwords lexicon validate our-words.yaml
    """


@lexicon.command("list", context_settings=CONTEXT)
@click.option(
    "--category", "categories", multiple=True, metavar="C", help="Only this category (repeatable)."
)
@click.option("--topic", "topics", multiple=True, metavar="T", help="Only this topic (repeatable).")
@_format_option
@lexicon_option
@_config_option
def list_entries(categories, topics, output_format, lexicons, config_path) -> None:
    """List every entry: its terms, what to say instead, severity and source."""
    from plainwords.explanations import entry_dict

    loaded = _lexicon(config_path, lexicons)
    wanted_topics = {t.lower() for t in topics}
    entries = [
        e
        for e in loaded
        if (not categories or e.category in categories)
        and (not wanted_topics or (e.topic or "").lower() in wanted_topics)
    ]
    if output_format == "json":
        json.dump(
            {"entries": [entry_dict(e) for e in entries]}, sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
        return
    if not entries:
        click.echo("No entries match.")
        return
    width = max(len(e.id) for e in entries)
    category = None
    for entry in entries:
        if entry.category != category:
            category = entry.category
            count = sum(1 for e in entries if e.category == category)
            click.echo(
                f"{'' if entry is entries[0] else chr(10)}{category} ({count} {'entry' if count == 1 else 'entries'})"
            )
        terms = ", ".join(entry.terms) or "(patterns)"
        topic = f"  [{entry.topic}]" if entry.topic else ""
        click.echo(
            f"  {entry.id:<{width}}  {entry.severity:<10}  {terms} → {entry.alternatives[0]}{topic}"
        )
    click.echo(f"\n{len(entries)} {'entry' if len(entries) == 1 else 'entries'}.")


@lexicon.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path())
@_config_option
def validate(files, config_path) -> None:
    """Check lexicon FILES: every problem as file:line: message (exit 2), or a count (exit 0).

    The files are checked exactly as 'plainwords check --lexicon FILE' would load them, beside
    the lexicons the configuration uses: every field, every term matchable in running text, no
    alternative itself flagged.
    """
    from plainwords.errors import LexiconError
    from plainwords.lexicon import load_lexicon
    from plainwords.run import build_linter

    paths = [f if f.endswith((".yaml", ".yml")) or "/" in f else f"./{f}" for f in files]
    try:
        loaded = load_lexicon(paths)
        build_linter(policy_for(config_path, lexicons=paths))
    except LexiconError as error:
        for problem in error.problems:
            click.echo(str(problem).removeprefix("./"), err=True)
        count = len(error.problems)
        click.echo(f"plainwords: {count} {'problem' if count == 1 else 'problems'} found", err=True)
        raise SystemExit(2) from None
    n, f = len(loaded), len(files)
    click.echo(
        f"{n} {'entry' if n == 1 else 'entries'} in {f} {'file' if f == 1 else 'files'}: valid."
    )


@click.command(
    context_settings=CONTEXT,
    short_help="Explain a phrase: why it matters, what to say instead, the source.",
)
@click.argument("phrase", nargs=-1, required=True)
@_format_option
@lexicon_option
@_config_option
def explain(phrase, output_format, lexicons, config_path) -> None:
    """Explain a PHRASE: why it matters, what to say instead, the source, and an example.

    \b
    Examples:
      plainwords explain "hard to reach"
      plainwords explain utilised
      plainwords explain service-user --format json

    Exit status: 0 explained, 1 not in any lexicon in use.
    """
    from plainwords.engine import Linter, Options
    from plainwords.explanations import entry_dict, examples, find_entries

    text = " ".join(phrase)
    loaded = _lexicon(config_path, lexicons)
    linter = Linter(loaded, options=Options(include_mentions=True))
    entries = find_entries(text, linter)
    if output_format == "json":
        data = {
            "phrase": text,
            "entries": [
                {**entry_dict(e), "examples": [x.to_dict() for x in examples(e, linter)]}
                for e in entries
            ],
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not entries:
        click.echo(f"“{text}” is not in any plainwords lexicon.")
        click.echo("See every entry with 'plainwords lexicon list'.")
    else:
        for index, entry in enumerate(entries):
            if index:
                click.echo("\n" + "─" * 40 + "\n")
            click.echo(_explanation(text, entry, examples(entry, linter)))
    raise SystemExit(0 if entries else 1)


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def _explanation(phrase: str, entry, entry_examples) -> str:
    """The text ``explain`` prints for one entry."""
    about = " · ".join(x for x in (entry.category, entry.topic, entry.severity) if x)
    lines = [click.style(f"“{phrase}”", bold=True) + f"  [{entry.id}]  {about}", ""]
    lines += ["Why it matters", _wrap(entry.reason)]
    if entry.note:
        lines += [_wrap(f"Note: {entry.note}")]
    lines += ["", "Say instead"]
    lines += [f"  • {alternative}" for alternative in entry.alternatives]
    if entry.terms:
        lines += [
            "",
            "Flagged forms",
            _wrap(
                ", ".join(entry.terms)
                + (" and their other forms" if entry.inflect != "none" else "")
            ),
        ]
    for example in entry_examples:
        lines += ["", "Example", _wrap(f"Before: {example.before}")]
        if example.after:
            lines += [_wrap(f"After:  {example.after}")]
    lines += ["", "Source", f"  {entry.source.name}", f"  {entry.source.url}"]
    if entry.autofix:
        lines += ["", "'plainwords fix' can make this change for you."]
    return "\n".join(lines)
