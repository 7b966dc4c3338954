"""A project as the editor sees it: the configuration ``check`` would use for a file, the linter
built for it (once, then kept warm), and the one call into the engine.

``check`` is the only function here that knows how the engine is driven (configuration, reader,
linter, per-path settings), so a change to that wiring is a change to one function.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from plainwords.config import CONFIG_FILES, Config, find_config
from plainwords.document import Document
from plainwords.engine import Linter
from plainwords.findings import Finding, at_or_above
from plainwords.lexicon import SEVERITIES

# The reader for a buffer whose name has no extension we read ("untitled:Untitled-1", "README"),
# by what the editor calls its language; anything else (AsciiDoc too) is read as plain text, as
# ``check`` reads it.
LANGUAGE_KINDS = {
    "markdown": "md",
    "restructuredtext": "rst",
    "rst": "rst",
    "html": "html",
}


class ProjectError(Exception):
    """A configuration or lexicon the user must fix; the message is one line."""


@dataclass(frozen=True)
class Project:
    """A configuration and its linter."""

    config: Config
    linter: Linter
    root: Path  # the configuration's folder (or the workspace's): per-path settings are from here

    @property
    def watched(self) -> frozenset[Path]:
        """The files whose change means this project must be loaded again."""
        files = {Path(name).resolve() for name in self.config.lexicons}
        if self.config.path:
            files.add(Path(self.config.path).resolve())
        return frozenset(files)


def config_path(folder: Path) -> Path | None:
    """The configuration file ``check`` would find when run in ``folder``."""
    return find_config(folder)


def load_project(config_file: Path | None, root: Path) -> Project:
    """Read the configuration (none: the defaults), decide its policy and build its linter; a
    problem is a ``ProjectError`` of one line."""
    from plainwords.commands.common import linter_for
    from plainwords.config import load_config
    from plainwords.errors import PlainwordsError
    from plainwords.policy import Policy

    try:
        config = load_config(config_file)
        linter = linter_for(Policy.from_config(config))
    except PlainwordsError as error:
        raise ProjectError("; ".join(str(p) for p in error.problems)) from None
    return Project(config, linter, config_file.parent if config_file else root)


def check(
    project: Project, path: str, text: str, kind: str | None = None
) -> tuple[Document, list[Finding]]:
    """Read a buffer's text in the format its name (or ``kind``) says and check it as ``check``
    would the file named on its command line: an excluded path has no findings, and the
    policy's per-path settings apply."""
    from plainwords.discovery import discover
    from plainwords.readers import reader_for

    document = reader_for(path, kind)(path, text)
    if not any(discover([path], set(), exclude=project.linter.policy.exclude)):
        return document, []
    return document, project.linter.check(document)


def buffer_path(file: Path | None, root: Path, name: str) -> str:
    """The path a buffer is checked under: relative to the project root where it lies inside it,
    so ``exclude`` and override globs match as they do for ``check`` run there."""
    if file is None:
        return name.replace("/", "_").replace(":", "_") or "untitled"
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def reader_kind(path: str, language: str | None) -> str | None:
    """The reader for a buffer, where its extension does not name one: by its language."""
    from plainwords.readers import TEXT_READERS

    if PurePosixPath(path).suffix.lower() in TEXT_READERS:
        return None
    return LANGUAGE_KINDS.get(language or "")


def is_settings_file(path: Path) -> bool:
    """Whether a file's name is one a configuration can have (its change may change any
    project)."""
    return path.name in CONFIG_FILES


@dataclass(frozen=True)
class ClientSettings:
    """What the editor's own settings (``workspace/configuration``, section ``plainwords``) ask
    for: the lowest severity to show and which categories to show (none named: all)."""

    severity: str = "suggestion"
    categories: tuple[str, ...] = ()

    @classmethod
    def from_client(cls, raw: object) -> tuple[ClientSettings, list[str]]:
        """Settings from the client's JSON, and a message for each value ignored as invalid."""
        problems: list[str] = []
        if not isinstance(raw, dict):
            return cls(), problems
        severity = raw.get("severity", "suggestion")
        if severity not in SEVERITIES:
            problems.append(
                f"plainwords.severity: {severity!r} is not one of {', '.join(SEVERITIES)}"
            )
            severity = "suggestion"
        categories = raw.get("categories") or ()
        if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
            problems.append("plainwords.categories: must be a list of category names")
            categories = ()
        return cls(severity, tuple(categories)), problems

    def shown(self, findings: Iterable[Finding]) -> list[Finding]:
        kept = at_or_above(findings, self.severity)
        if self.categories:
            kept = [f for f in kept if f.category in self.categories]
        return kept


def file_of(uri: str) -> Path | None:
    """The local file a ``file:`` URI names, or ``None`` for any other scheme."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and path[2:3] == ":":  # pragma: no cover
        path = path[1:]
    return Path(path)
