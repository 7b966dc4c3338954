"""``plainwords serve``: a local page for workshops, checking text as it is typed."""

from __future__ import annotations

import sys

import click

from plainwords.commands.common import CONTEXT, UserError, linter_for, policy_for
from plainwords.commands.options import lexicon_options


@click.command(
    context_settings=CONTEXT,
    short_help="Run a local web page for workshops (127.0.0.1 only by default).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but this computer's own address lets other machines reach the page.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port to listen on; 0 picks a free one.",
)
@click.option(
    "--open", "open_browser", is_flag=True, help="Open the page in the default web browser."
)
@lexicon_options
@click.option("-v", "--verbose", is_flag=True, help="Log every request on standard error.")
def serve(host, port, open_browser, lexicons, disable, config_path, verbose) -> None:
    """Run a local web page for workshops: paste text, see each finding explained, apply the
    safe fixes, and search the lexicon. Needs no internet; stop it with Ctrl+C.

    \b
    Examples:
      plainwords serve
      plainwords serve --port 0 --open
    """
    from plainwords.web.server import LOOPBACK, make_server

    linter = linter_for(policy_for(config_path, lexicons=lexicons, disable=disable))
    if host not in LOOPBACK:
        click.echo(
            f"plainwords: warning: listening on {host} lets other computers on the network use this "
            "page and send it text; use the default 127.0.0.1 unless the room needs it.",
            err=True,
        )
    try:
        server = make_server(linter, host, port, verbose=verbose)
    except OSError as error:
        raise UserError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    click.echo(f"plainwords workshop page: {server.url}  (Ctrl+C to stop)")
    sys.stdout.flush()
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("plainwords: stopped", err=True)
    finally:
        server.server_close()
