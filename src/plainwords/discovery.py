"""Which files a run looks at.

Directories are walked for known document extensions, skipping hidden and VCS folders and never
following symlinked directories (so a loop cannot trap the walk). Files named on the command line
are always read, whatever their extension, unless an ``exclude`` glob matches them: pre-commit
passes file names, and a team's exclusions must hold there too. Patterns mean what they mean
everywhere in a configuration (``plainwords.paths``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from plainwords.paths import matches

_SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


def discover(
    paths: Iterable[str],
    extensions: set[str],
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> Iterator[str]:
    """Yield file paths to check, in a stable order; missing paths are yielded too so the reader
    can report them."""
    include, exclude = tuple(include), tuple(exclude)
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            found = []
            for root, dirs, files in os.walk(given, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
                for name in files:
                    if name.startswith("."):
                        continue
                    path = os.path.join(root, name)
                    if Path(name).suffix.lower() not in extensions:
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
