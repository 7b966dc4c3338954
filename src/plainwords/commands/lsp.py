"""``plainwords lsp``: the language server, for editors (docs/editors.md).

pygls is the ``lsp`` extra, so a plain install stays light; without it the command says what
to install, in one line.
"""

from __future__ import annotations

import click

from plainwords.commands.common import CONTEXT, UserError


@click.command(context_settings=CONTEXT)
@click.option(
    "--stdio",
    is_flag=True,
    help="Talk over standard input and output (the default and only transport; accepted "
    "because editors' clients pass it).",
)
def lsp(stdio: bool) -> None:
    """Run the language server over standard input and output: diagnostics, hovers and quick
    fixes in any editor with a Language Server Protocol client. See docs/editors.md."""
    try:
        import pygls  # noqa: F401
    except ImportError:
        raise UserError("the language server needs pygls: pip install 'plainwords[lsp]'") from None
    from plainwords.lsp.server import serve

    serve()
