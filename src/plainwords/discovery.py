"""Which files a run looks at.

Directories are walked for known document extensions, skipping hidden and VCS folders and never
following symlinked directories (so a loop cannot trap the walk). Files named on the command line
are always read, whatever their extension, unless an ``exclude`` glob matches them: pre-commit
passes file names, and a team's exclusions must hold there too.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

_SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


def _matches(path: str, globs: Iterable[str]) -> bool:
    posix = PurePosixPath(path.replace(os.sep, "/"))
    text = str(posix).removeprefix("./")
    for glob in globs:
        pattern = glob.removeprefix("./")
        if fnmatch.fnmatch(text, pattern) or posix.match(pattern):
            return True
        if pattern.endswith("/**") and (text + "/").startswith(pattern[:-2]):
            return True
        if "/" not in pattern and any(fnmatch.fnmatch(part, pattern) for part in posix.parts):
            return True
    return False


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
                    if include and not _matches(relative, include):
                        continue
                    if exclude and _matches(relative, exclude):
                        continue
                    found.append(os.path.normpath(path))
            for path in sorted(found):
                if path not in seen:
                    seen.add(path)
                    yield path
        else:
            relative = os.path.relpath(given) if os.path.exists(given) else given
            if exclude and _matches(relative, exclude):
                continue
            if given not in seen:
                seen.add(given)
                yield given
