"""What every command shares: exit codes, the one-line user error, and the policy and linter
built from the common options.

Only click is imported at module level: ``--help`` and ``--version`` must not pay for spaCy, so
the configuration, lexicon and pipeline modules are imported when a command runs. Errors from
below (a bad configuration, an unknown name, a bad lexicon, a missing model) are not caught
here: ``plainwords.cli.main`` words every ``PlainwordsError`` in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from plainwords.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, PlainwordsError

if TYPE_CHECKING:
    from plainwords.changes import Changes
    from plainwords.config import Config
    from plainwords.engine import Linter
    from plainwords.policy import Policy
    from plainwords.run import Problems

__all__ = [
    "CONTEXT",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "UserError",
    "changed_paths",
    "changes_for",
    "config_for",
    "linter_for",
    "policy_for",
    "report_problems",
]

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class UserError(PlainwordsError):
    """A mistake in how a command was called; printed as one line, exit 2."""


def config_for(config_path: str | None) -> Config:
    """The ``--config`` file, or the nearest configuration found."""
    from plainwords.config import find_config, load_config

    if config_path and not Path(config_path).is_file():
        raise UserError(f"{config_path}: configuration file not found")
    return load_config(Path(config_path) if config_path else find_config())


def policy_for(
    config_path: str | None,
    *,
    lexicons: Iterable[str] = (),
    disable: Iterable[str] = (),
    fail_on: str | None = None,
    include_mentions: bool | None = None,
    skip_quotations: bool | None = None,
    model: str | None = None,
    max_size: int | None = None,
) -> Policy:
    """The policy of a run: the configuration file with the command line's options on top
    (``None``: not given; ``max_size`` in megabytes)."""
    from plainwords.policy import Policy

    return Policy.from_config(
        config_for(config_path),
        lexicons=lexicons,
        disable=disable,
        fail_on=fail_on,
        include_mentions=include_mentions,
        skip_quotations=skip_quotations,
        model=model,
        max_bytes=max_size * 1_000_000 if max_size else None,
    )


def linter_for(
    settings: Policy | Config, lexicons: Sequence[str] = (), *, use_cache: bool = True
) -> Linter:
    """The linter for a policy (or a configuration and ``--lexicon`` files)."""
    from plainwords.run import build_linter

    return build_linter(settings, lexicons, use_cache=use_cache)


def report_problems(problems: Problems, *, quiet: bool = False, errors: Iterable[str] = ()) -> None:
    """A run's per-file problems on standard error: errors always, warnings and notes unless
    ``quiet``."""
    for message in [*problems.errors, *errors]:
        click.echo(f"plainwords: {message}", err=True)
    if quiet:
        return
    for message in problems.warnings:
        click.echo(f"plainwords: warning: {message}", err=True)
    for message in problems.skipped + problems.notices:
        click.echo(f"plainwords: note: {message}", err=True)


def changes_for(changed_since: str | None, diff_only: bool, paths: Sequence[str]) -> Changes | None:
    """What ``--changed-since REF`` or ``--diff-only`` (a diff on standard input) says changed;
    ``None`` when neither is given, and the whole run is reported. A diff's paths are read from
    the top of the repository, as git writes them (outside one, from the current folder)."""
    if changed_since is None and not diff_only:
        return None
    if changed_since is not None and diff_only:
        raise UserError("--changed-since and --diff-only cannot be combined; use one")
    if diff_only and "-" in paths:
        raise UserError("--diff-only reads the diff from standard input, so '-' cannot be a path")
    from plainwords import gitdiff
    from plainwords.changes import Changes, parse_diff

    if changed_since is not None:
        return gitdiff.changes_since(changed_since)
    import os
    import sys

    root = gitdiff.top_folder() or os.getcwd()
    return Changes(parse_diff(sys.stdin.buffer.read(), root))


def changed_paths(
    changes: Changes, paths: Sequence[str], policy: Policy, problems: Problems
) -> list[str]:
    """The documents under ``paths`` that a change touched, found as a full run finds them
    (extensions, include and exclude), so unchanged files are never read."""
    from plainwords.run import discovered

    return changes.within(discovered(paths, policy, problems))
