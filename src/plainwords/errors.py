"""The errors a user can fix, with their exit codes, and the one place that words them.

Each is raised where the problem is found (the configuration reader, the lexicon loader, a
reader, the writer) and travels up unchanged; ``plainwords.cli.main`` prints ``messages(error)``
and returns ``error.exit_code``. So every command reports a bad configuration, a bad lexicon or an
unreadable file the same way: one line per problem on standard error, no traceback.

This module imports nothing but the standard library: the lowest rooms raise these errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import get_close_matches
from typing import Any

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class PlainwordsError(Exception):
    """A problem the user can fix. ``problems`` holds one line per problem (a file with several
    mistakes shows them all in one run); the message is those lines joined."""

    exit_code = EXIT_USAGE

    def __init__(self, problems: str | Sequence[object]) -> None:
        self.problems: list[Any] = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(PlainwordsError):
    """A configuration file, or a command-line setting, that cannot be used as written. Each
    problem is a ``DataError`` (``file:line: key: message``) or a line of text."""


class UnknownNameError(ConfigError):
    """Entry ids, categories, topics or lexicons named in a setting that nothing loaded has."""


class LexiconError(PlainwordsError):
    """Every problem found in one or more lexicon files, each a ``DataError`` (``file:line``)."""


class ReadError(PlainwordsError):
    """A document that cannot be read (missing, a directory, no permission, not decodable)."""


class SizeLimitError(ReadError):
    """A document larger than the size limit (``--max-size``)."""


class WriteError(PlainwordsError):
    """A file that could not be written; the message says why, and the file is untouched."""


class WorkerError(PlainwordsError):
    """A worker process of a parallel run stopped before returning its batch (killed by the
    system, or failing in a way it could not report). Not the user's doing; the message says
    how to run without workers."""

    exit_code = EXIT_INTERNAL


class ChangesError(PlainwordsError):
    """``--changed-since`` or ``--diff-only`` cannot say what changed: not a git repository, an
    unknown ref, git missing, or a diff that cannot be read. The message says what to do."""


class ModelError(PlainwordsError):
    """A ``--model`` that cannot be loaded; the message says how to install it."""


def messages(error: PlainwordsError) -> list[str]:
    """The lines to print for an error: each problem as ``plainwords: …``."""
    return [f"plainwords: {problem}" for problem in error.problems] or ["plainwords: error"]


def nearest(name: str, known: Iterable[str]) -> str | None:
    """The known name closest in spelling to ``name``, if any is close enough to suggest."""
    found = get_close_matches(name, sorted(set(known)), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the nearest known name, or nothing."""
    suggestion = nearest(name, known)
    return f"; did you mean {suggestion!r}?" if suggestion else ""
