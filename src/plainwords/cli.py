"""The command line: options in, exit code out. All the work happens in ``run`` and below.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a usage, input or
configuration error (one line on stderr, no traceback); 3 an internal error (a bug: the message
says how to report it).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence

import click

from plainwords import __version__
from plainwords.commands.common import CONTEXT
from plainwords.errors import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, PlainwordsError, messages


class Reported(click.ClickException):
    """A ``PlainwordsError`` on its way out of a command: one line per problem, its exit code.
    Every error a user can fix, from any room, is worded here and only here."""

    def __init__(self, error: PlainwordsError) -> None:
        super().__init__(str(error))
        self.error = error

    def show(self, file=None) -> None:
        for line in messages(self.error):
            click.echo(line, err=True)

    @classmethod
    def of(cls, error: PlainwordsError) -> Reported:
        """The error reported with its own exit code. Click declares ``exit_code`` a class
        variable, so each code gets its own small subclass rather than an instance attribute."""
        kind = _REPORTED.setdefault(
            error.exit_code,
            type(f"Reported{error.exit_code}", (cls,), {"exit_code": error.exit_code}),
        )
        return kind(error)


_REPORTED: dict[int, type[Reported]] = {}


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PlainwordsError as error:
            raise Reported.of(error) from None


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="plainwords")
def cli() -> None:
    """plainwords finds labels that shame the people they describe ("hard to reach",
    "service users", "addicts") and jargon that shuts them out ("wraparound", "going forward",
    "utilise"), says why, and suggests what to say instead.

    \b
    Examples:
      plainwords check report.md            check one document
      plainwords check docs/ --fail-on error   gate a folder on errors only
      plainwords check --format json notes.txt
      cat draft.txt | plainwords check -    check text from standard input

    \b
    Exit codes:
      0    nothing at or above --fail-on (fix: done; --diff: nothing to change)
      1    findings at or above --fail-on (fix --diff: changes to make)
      2    a usage, input, configuration or write error (one line on stderr)
      3    an internal error: a bug in plainwords, to report
      130  interrupted (Ctrl+C)
    """


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return the exit code, never a traceback."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="plainwords",
            standalone_mode=False,
        )
    except SystemExit as exit_:
        return int(exit_.code or 0) if not isinstance(exit_.code, str) else EXIT_USAGE
    except PlainwordsError as error:  # raised outside a command's own code
        for line in messages(error):
            click.echo(line, err=True)
        return error.exit_code
    except click.exceptions.Abort as error:
        # click turns Ctrl+C inside a command into Abort; it is still an interruption (130).
        if isinstance(error.__cause__ or error.__context__, KeyboardInterrupt):
            click.echo("plainwords: interrupted", err=True)
            return 130
        click.echo("plainwords: aborted", err=True)
        return EXIT_USAGE
    except click.exceptions.NoArgsIsHelpError as error:
        # A group run without a command: its help, once, as --help prints it.
        click.echo(error.ctx.get_help() if error.ctx else error.format_message())
        return EXIT_OK
    except click.ClickException as error:
        if isinstance(error, click.UsageError) and error.ctx is not None:
            click.echo(error.ctx.get_usage(), err=True)
            click.echo(f"Try '{error.ctx.command_path} --help' for help.\n", err=True)
        if isinstance(error, Reported):
            error.show()
            return error.exit_code
        click.echo(f"plainwords: {error.format_message()}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        click.echo("plainwords: interrupted", err=True)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            return _internal_error(error)
        # Files are written through plainwords.atomic, which names them; what is left is the
        # standard output (a full disk, a device that refuses more).
        _silence_stdout()
        click.echo(f"plainwords: cannot write the output: {error.strerror or error}", err=True)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        return _internal_error(error)
    return EXIT_OK


_OUTPUT_ERRORS = {errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EROFS}


def _internal_error(error: Exception) -> int:
    click.echo(
        f"plainwords: internal error: {type(error).__name__}: {error}\n"
        f"This is a bug in plainwords {__version__}. Please report it to the maintainers with "
        "the command you ran and, if you can, the file (set PLAINWORDS_DEBUG=1 to see the "
        "traceback).",
        err=True,
    )
    if os.environ.get("PLAINWORDS_DEBUG"):
        raise error
    return EXIT_INTERNAL


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush of whatever is
    still buffered cannot fail a second time with a traceback at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


from plainwords.commands.audit import audit  # noqa: E402 - commands register after the group exists
from plainwords.commands.check import check  # noqa: E402
from plainwords.commands.fix import fix  # noqa: E402
from plainwords.commands.init import init  # noqa: E402
from plainwords.commands.lexicon import explain, lexicon  # noqa: E402
from plainwords.commands.lsp import lsp  # noqa: E402
from plainwords.commands.report import report  # noqa: E402
from plainwords.commands.serve import serve  # noqa: E402

cli.add_command(audit)
cli.add_command(check)
cli.add_command(fix)
cli.add_command(init)
cli.add_command(lexicon)
cli.add_command(explain)
cli.add_command(lsp)
cli.add_command(report)
cli.add_command(serve)
