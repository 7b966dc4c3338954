"""``plainwords fix``: apply the swaps a lexicon marks safe, show them as a diff, or choose
alternatives one by one (``-i``).

The decisions live in ``plainwords.fix`` and the writing in ``plainwords.writing``; this module is
the conversation with the person at the terminal and the bookkeeping of files.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click

from plainwords.commands.common import (
    CONTEXT,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    UserError,
    changed_paths,
    changes_for,
    linter_for,
    policy_for,
    report_problems,
)
from plainwords.commands.options import changed_options, lexicon_options, max_size_option
from plainwords.document import Document
from plainwords.findings import Finding

if TYPE_CHECKING:
    from plainwords.fix import Edit
    from plainwords.run import Problems

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
SUGGESTION_ONLY = "suggestion only: Word and OpenDocument files are never rewritten"


class Quit(Exception):
    """The person asked to stop choosing; what they chose so far is kept."""


@dataclass
class Tally:
    """What a fix run did, for the closing line and the exit code."""

    changes: int = 0
    files: int = 0
    suggestions: int = 0
    errors: list[str] = field(default_factory=list)


def unified_diff(document: Document, text: str) -> str:
    """A unified diff of a document's text before and after fixing (line endings kept)."""
    name = document.path.replace("\\", "/").lstrip("/")
    lines = difflib.unified_diff(
        _lines(document.text),
        _lines(text),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    out = []
    for line in lines:
        out.append(
            line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        )
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines split where plainwords counts them (\\r\\n, \\r or \\n), each with its ending;
    ``str.splitlines`` would also split at form feeds and Unicode separators."""
    return _LINE.findall(text)


def candidates(findings: Iterable[Finding], offer_all: bool) -> list[Finding]:
    """Findings to ask about in ``-i``: safe swaps, and with ``--all`` any with alternatives."""
    from plainwords.fix import is_safe

    return [
        f
        for f in findings
        if is_safe(f) or (offer_all and (f.alternatives or f.consider) and not f.mention)
    ]


def ask(finding: Finding, prompt: Callable[..., str], echo: Callable[[str], None]) -> Edit | None:
    """Show one finding's alternatives as a numbered menu and return the Edit chosen, or None."""
    from plainwords.fix import Edit, is_safe, replacement

    # Shaped for this sentence (``plainwords.shaping``); options right only in some contexts last.
    options = list(
        dict.fromkeys(replacement(finding, a) for a in finding.alternatives + finding.consider)
    )
    where = finding.location or f"{finding.line}:{finding.column}"
    echo(f"\n{finding.path}:{where}  “{finding.text}”: {finding.entry.reason}  [{finding.rule}]")
    for number, option in enumerate(options, 1):
        echo(f"  {number}  {option}")
    echo("  s  skip    q  quit (keeps what you chose so far)")
    default = "1" if is_safe(finding) else "s"
    while True:
        try:
            answer = prompt("Replace with", default=default).strip().lower()
        except (click.exceptions.Abort, EOFError) as error:
            # click turns Ctrl+C into Abort too; that one stops everything, writing nothing more
            # (exit 130), while the end of input is a quiet "q".
            if isinstance(error.__context__, KeyboardInterrupt):
                raise KeyboardInterrupt from None
            raise Quit from None
        if answer == "q":
            raise Quit
        if answer == "s":
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            return Edit(finding, options[int(answer) - 1])
        echo(f"  Type a number from 1 to {len(options)}, s or q.")


def fixing(
    results: Iterable[tuple[Document, list[Finding]]],
    recheck: Callable[[Document], list[Finding]],
    problems: Problems,
    paths: Sequence[str],
    *,
    quiet: bool = False,
) -> Iterator[tuple[Document, list[Finding]]]:
    """``check --fix``: wrap a check's results so each file is fixed as it is checked;
    ``recheck`` checks a fixed text again (``Linter.check``, or only changed lines).

    Standard input cannot be rewritten, so '-' is refused before anything is read.
    """
    if "-" in paths:
        raise UserError("--fix cannot rewrite standard input; use 'plainwords fix -' instead")

    def echo(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    tally = Tally(errors=problems.errors)
    return fix_results(results, recheck, echo, tally)


def fix_results(
    results: Iterable[tuple[Document, list[Finding]]],
    recheck: Callable[[Document], list[Finding]],
    echo: Callable[[str], None],
    tally: Tally,
) -> Iterator[tuple[Document, list[Finding]]]:
    """Fix each file as it comes and yield the findings left in it.

    A fixed file is read back from the bytes written and checked again, so the report that
    follows points at the text as it now is. Changes are described through ``echo`` (standard
    error for ``check --fix``, so a JSON or SARIF report on standard output stays clean).
    """
    from plainwords.fix import fix_document, is_safe, is_writable
    from plainwords.readers import read_bytes
    from plainwords.writing import WriteError, encoded, write_fixed

    for document, findings in results:
        fixed = fix_document(document, findings, recheck)
        if not fixed.changed:
            if not is_writable(document):
                tally.suggestions += sum(1 for f in findings if is_safe(f))
            yield document, findings
            continue
        try:
            write_fixed(document.path, document, fixed.text)
        except WriteError as error:
            tally.errors.append(str(error))
            yield document, findings
            continue
        tally.files += 1
        tally.changes += len(fixed.changes)
        for change in fixed.changes:
            echo(change.describe())
        again = read_bytes(document.path, encoded(document, fixed.text))
        yield again, recheck(again)


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--diff",
    is_flag=True,
    help="Print a unified diff of the fixes instead of writing them (exit 1 if there are any).",
)
@click.option(
    "-i",
    "--interactive",
    is_flag=True,
    help="Ask, for each fixable finding, which alternative to use.",
)
@click.option(
    "--all",
    "offer_all",
    is_flag=True,
    help="With -i, also offer findings whose entries are not marked safe to swap.",
)
@click.option(
    "--stdin-filename",
    default=None,
    metavar="NAME",
    help="Name (and so format) for text read from '-'; the fixed text goes to standard output.",
)
@lexicon_options
@max_size_option
@changed_options
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def fix(
    paths,
    diff,
    interactive,
    offer_all,
    stdin_filename,
    lexicons,
    disable,
    config_path,
    max_size,
    changed_since,
    diff_only,
    quiet,
) -> None:
    """Replace terms with their first alternative where the lexicon marks the swap safe.

    Only entries with `autofix: true` are swapped unattended (plain-English swaps such as
    "utilise" → "use"); labels for people need a person's judgement, so use -i --all to choose
    for those. The replacement keeps the original's capitals and grammatical form ("Utilised" →
    "Used"). Code, markup and suppressed lines are never touched; the file keeps its encoding,
    byte-order mark and line endings, and is replaced atomically. Word (.docx) and OpenDocument
    files are never rewritten: their fixes are printed as suggestions.

    \b
    Examples:
      plainwords fix docs/                 apply safe swaps to every document
      plainwords fix --diff report.md      show what would change
      plainwords fix -i --all report.md    choose an alternative for each finding
      plainwords fix - < draft.txt         fixed text to standard output
      plainwords fix --changed-since HEAD  only on lines changed since the last commit

    \b
    Exit status: 0 done (or, with --diff, nothing to change), 1 --diff found changes,
    2 usage, input or write error.
    """
    from plainwords.fix import apply_edits, is_writable, safe_edits, settled_edits
    from plainwords.run import Problems, check_paths
    from plainwords.writing import encoded

    from_stdin = "-" in paths
    if from_stdin and (interactive or len(paths) > 1):
        raise UserError(
            "'-' must be the only path, and cannot be used with -i (answers come from the terminal)"
        )
    if offer_all and not interactive:
        raise UserError("--all only applies with -i (unsafe swaps are never made unattended)")
    changes = changes_for(changed_since, diff_only, paths)
    policy = policy_for(config_path, lexicons=lexicons, disable=disable, max_size=max_size)
    linter = linter_for(policy)
    recheck: Callable[[Document], list[Finding]] = linter.check
    problems = Problems()
    tally = Tally()
    paths = paths or (".",)
    if changes is not None:
        paths = changed_paths(changes, paths, policy, problems)
        recheck = changes.checker(linter.check)

    out = click.echo
    note = (lambda message: None) if quiet else (lambda message: click.echo(message, err=True))
    report = out if not (diff or from_stdin) else note

    results = check_paths(linter, paths, problems, stdin_filename=stdin_filename)
    if changes is not None:
        results = changes.filtered(results)
    try:
        for document, findings in results:
            if not is_writable(document):
                # Nothing to choose when nothing can be written: list the safe swaps instead.
                for edit in safe_edits(findings):
                    where = edit.finding.location or f"{edit.finding.line}:{edit.finding.column}"
                    note(
                        f"{document.path}:{where}: {edit.finding.text} → {edit.after} "
                        f"({SUGGESTION_ONLY})"
                    )
                    tally.suggestions += 1
                continue
            if interactive:
                edits = []
                try:
                    for finding in candidates(findings, offer_all):
                        chosen = ask(finding, click.prompt, out)
                        if chosen is not None:
                            edits.append(chosen)
                except Quit:
                    _finish(document, edits, diff, tally, report, out)
                    raise
            else:
                edits = settled_edits(document, findings, recheck)
            if from_stdin and not diff:  # with --diff, standard input is diffed like a file
                fixed = apply_edits(document, edits)
                sys.stdout.buffer.write(encoded(document, fixed.text))
                sys.stdout.flush()
                for change in fixed.changes:
                    note(change.describe())
                tally.changes += len(fixed.changes)
                tally.files += 1 if fixed.changed else 0
                continue
            _finish(document, edits, diff, tally, report, out)
    except Quit:
        note("Stopped; the choices made before quitting were kept.")

    report_problems(problems, quiet=quiet, errors=tally.errors)
    if not quiet and (tally.changes or tally.suggestions or not (problems.errors or tally.errors)):
        _summary(tally, diff, note if (diff or from_stdin) else out)
    if problems.errors or tally.errors:
        raise SystemExit(EXIT_USAGE)
    raise SystemExit(EXIT_FINDINGS if diff and tally.changes else EXIT_OK)


def _finish(
    document: Document,
    edits: Sequence[Edit],
    diff: bool,
    tally: Tally,
    report: Callable[[str], None],
    out: Callable[..., None],
) -> None:
    """Apply a document's edits: print a diff, or write the file and list the changes."""
    from plainwords.fix import apply_edits
    from plainwords.writing import WriteError, write_fixed

    fixed = apply_edits(document, edits)
    if not fixed.changed:
        return
    if diff:
        out(unified_diff(document, fixed.text), nl=False)
    else:
        try:
            write_fixed(document.path, document, fixed.text)
        except WriteError as error:
            tally.errors.append(str(error))
            return
        for change in fixed.changes:
            report(change.describe())
    tally.files += 1
    tally.changes += len(fixed.changes)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _summary(tally: Tally, diff: bool, echo: Callable[[str], None]) -> None:
    if tally.changes:
        verb = "Would fix" if diff else "Fixed"
        echo(f"{verb} {_plural(tally.changes, 'finding')} in {_plural(tally.files, 'file')}.")
    elif not tally.suggestions:
        echo("Nothing to fix.")
    if tally.suggestions:
        echo(
            f"{_plural(tally.suggestions, 'fix', 'fixes')} shown as suggestions ({SUGGESTION_ONLY})."
        )
