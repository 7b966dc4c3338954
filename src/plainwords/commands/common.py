"""What every command shares: exit codes, the one-line user error, and the config and linter
built from the common options.

Only click is imported at module level: ``--help`` and ``--version`` must not pay for spaCy, so
the configuration, lexicon and pipeline modules are imported when a command runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class UserError(click.ClickException):
    """An error the user can fix; printed as one line, exit 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"plainwords: {self.format_message()}", err=True)


def config_for(config_path: str | None):
    """The ``--config`` file, or the nearest configuration found; a bad one is a ``UserError``."""
    from plainwords.config import find_config, load_config
    from plainwords.yamlfile import DataError

    try:
        path = Path(config_path) if config_path else find_config()
        if config_path and not Path(config_path).is_file():
            raise UserError(f"{config_path}: configuration file not found")
        return load_config(path)
    except DataError as error:
        raise UserError(str(error)) from None


def lexicon_error(error) -> UserError:
    """Print every problem of a ``LexiconError`` but the last; the last is the ``UserError``, so a
    file with several mistakes shows them all in one run."""
    for problem in error.problems[:-1]:
        click.echo(f"plainwords: {problem}", err=True)
    return UserError(str(error.problems[-1]))


def linter_for(config, lexicons: Sequence[str], *, use_cache: bool = True):
    """The linter for a configuration and ``--lexicon`` files; a lexicon or model problem is a
    ``UserError``."""
    from plainwords.engine import ModelError
    from plainwords.lexicon import LexiconError
    from plainwords.run import build_linter

    try:
        return build_linter(config, lexicons, use_cache=use_cache)
    except LexiconError as error:
        raise lexicon_error(error) from None
    except ModelError as error:
        raise UserError(str(error)) from None
