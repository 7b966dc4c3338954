"""Options every command that lints shares, declared once so their names and help never drift."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable)


lexicon_option = click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    metavar="FILE",
    help="An extra lexicon file (repeatable).",
)
"""``--lexicon FILE`` (repeatable), passed as ``lexicons``."""


def lexicon_options(command: F) -> F:
    """``--lexicon FILE`` (repeatable), ``--disable NAME`` (repeatable) and ``--config FILE``,
    passed to the command as ``lexicons``, ``disable`` and ``config_path``."""
    for option in reversed(
        (
            lexicon_option,
            click.option(
                "--disable",
                multiple=True,
                metavar="NAME",
                help="Disable an entry id, category or topic (repeatable).",
            ),
            click.option(
                "--config",
                "config_path",
                default=None,
                metavar="FILE",
                help="Configuration file (default: nearest .plainwords.toml/.yaml or pyproject.toml).",
            ),
        )
    ):
        command = option(command)
    return command


max_size_option = click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=None,
    metavar="MB",
    help="Refuse files larger than this many megabytes (1 MB = 1,000,000 bytes) as an input "
    "error, exit 2 (default 50).",
)
"""``--max-size MB``, passed as ``max_size``: a file larger than this is an input error (exit 2),
named on one line; the other files are still checked."""


def changed_options(command: F) -> F:
    """``--changed-since REF`` and ``--diff-only``, passed as ``changed_since`` and
    ``diff_only``: report (or fix) only what a change added (``plainwords.changes``)."""
    for option in reversed(
        (
            click.option(
                "--changed-since",
                default=None,
                metavar="REF",
                help="Only findings on lines added or changed since the git ref REF (HEAD: "
                "staged and unstaged changes); untracked files count as new. With no PATHS, "
                "the changed documents under the current directory.",
            ),
            click.option(
                "--diff-only",
                is_flag=True,
                help="Only findings on lines a unified diff read from standard input adds "
                "(for example: git diff main | plainwords check --diff-only).",
            ),
        )
    ):
        command = option(command)
    return command
