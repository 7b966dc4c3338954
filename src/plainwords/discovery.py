"""Which files a run looks at.

Directories are walked for known document extensions, skipping hidden and VCS folders and never
following symlinked directories (so a loop cannot trap the walk), without recursion (so no depth
of folders can exhaust the stack). Files named on the command line
are always read, whatever their extension, unless an ``exclude`` glob matches them: pre-commit
passes file names, and a team's exclusions must hold there too. Patterns mean what they mean
everywhere in a configuration (``plainwords.paths``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from plainwords.paths import matches

_SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


def discover(
    paths: Iterable[str],
    extensions: set[str],
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    on_error: Callable[[str], None] | None = None,
) -> Iterator[str]:
    """Yield file paths to check, in a stable order; missing paths are yielded too so the reader
    can report them. A folder that cannot be listed is passed to ``on_error`` as
    ``PATH: reason``, the way the reader reports a file it cannot read."""
    include, exclude = tuple(include), tuple(exclude)
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            found = []
            for path in _walk(given, on_error):
                if Path(path).suffix.lower() not in extensions:
                    continue
                relative = os.path.relpath(path)
                if include and not matches(relative, include):
                    continue
                if exclude and matches(relative, exclude):
                    continue
                found.append(os.path.normpath(path))
            for path in sorted(found):
                if path not in seen:
                    seen.add(path)
                    yield path
        else:
            relative = os.path.relpath(given) if os.path.exists(given) else given
            if exclude and matches(relative, exclude):
                continue
            if given not in seen:
                seen.add(given)
                yield given


def _walk(root: str, on_error: Callable[[str], None] | None) -> Iterator[str]:
    """Every non-hidden file under ``root``, with a stack instead of recursion (a folder a
    thousand levels deep is as easy as a flat one). Symlinked folders are not entered; anything
    else that is not a folder is yielded (a pipe or a dangling link too: the reader says what it
    is)."""
    from plainwords.readers.files import unreadable

    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            if on_error is not None:
                on_error(str(unreadable(os.path.normpath(folder), error)))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir()
                if is_folder and entry.is_symlink():
                    continue
            except OSError:
                is_folder = False
            if not is_folder:
                yield entry.path
            elif entry.name not in _SKIP_DIRS:
                stack.append(entry.path)
