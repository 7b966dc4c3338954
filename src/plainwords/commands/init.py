"""``plainwords init``: write a commented starter ``.plainwords.toml``.

A team's first configuration should show every setting with a word on what it does, so the file
itself is the documentation; every active line holds the default, so writing it changes nothing
until someone edits it. An existing file is never overwritten without ``--force``.
"""

from __future__ import annotations

from pathlib import Path

import click

from plainwords.atomic import write_atomically
from plainwords.commands.common import UserError

STARTER = """\
# plainwords configuration. Every setting is optional: delete what you do not need.
# All the settings are described in docs/configuration.md.

# Extra lexicon files of your own, relative to this file.
# lexicons = ["docs/our-words.yaml"]

# Entry ids, categories ("stigma", "jargon") or topics to switch off.
disable = []

# Terms your team has decided to keep, for example a service's own name.
allow = []

# The lowest severity that fails a run (exit 1): error, warning, suggestion or never.
fail_on = "warning"

# Which files a folder check reads. exclude also applies to files named on the command line.
# include = ["docs/**", "*.md"]
exclude = []

# Report quoted or named terms ("we no longer say 'service users'") as suggestions.
include_mentions = false

# A trained spaCy pipeline you have installed, for sharper context (optional).
# model = "en_core_web_sm"

# Change the severity of an entry id, category or topic: error, warning or suggestion.
[severity]
# jargon = "suggestion"

# Settings for some paths only: disable, allow and severity, as above.
# [[overrides]]
# paths = ["docs/legal/**"]
# disable = ["jargon"]
"""

FILENAME = ".plainwords.toml"


def write_starter(directory: Path, *, force: bool = False) -> Path:
    """Write the starter file into ``directory``; ``FileExistsError`` if one is there already."""
    target = directory / FILENAME
    if target.exists() and not force:
        raise FileExistsError(str(target))
    write_atomically(target, STARTER.encode("utf-8"))
    return target


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite an existing .plainwords.toml.")
def init(directory: str, force: bool) -> None:
    """Write a commented starter .plainwords.toml into DIRECTORY (default: here)."""
    folder = Path(directory)
    if not folder.is_dir():
        raise UserError(f"{directory}: no such directory")
    try:
        target = write_starter(folder, force=force)
    except FileExistsError:
        raise UserError(
            f"{folder / FILENAME} already exists; use --force to overwrite it"
        ) from None
    click.echo(f"wrote {target}")
