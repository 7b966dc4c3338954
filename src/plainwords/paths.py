"""How plainwords names a path and matches it against the globs of a configuration.

``include``, ``exclude`` and the ``paths`` of an override all mean the same thing by a pattern, so
they all ask ``matches``: a pattern names a file, a folder (everything inside it), or a glob; a
pattern without a slash matches any one part of the path ("drafts" is any folder called drafts,
"*.rst" any reStructuredText file), and ``folder/**`` is everything under the folder.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from pathlib import PurePosixPath


def normalise(path: str) -> str:
    """The path relative to the working directory, with forward slashes and no ``./``: the one
    form patterns are compared with. Names that are not paths ("<stdin>") come back as given."""
    if path.startswith("<") or path == "-":
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        relative = os.path.normpath(path)
    return relative.replace(os.sep, "/").removeprefix("./")


def _pattern(glob: str) -> str:
    pattern = glob.replace("\\", "/").removeprefix("./").rstrip("/")
    return pattern.removesuffix("/**") or pattern


def matches(path: str, globs: Iterable[str]) -> bool:
    """Whether any glob names the path, a folder it is in, or (without a slash) one of its parts."""
    text = normalise(path)
    parts = text.split("/")
    # The path and every folder above it, as relative paths: "a", "a/b", "a/b/c.md".
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for glob in globs:
        pattern = _pattern(glob)
        if not pattern:
            continue
        if "/" not in pattern:
            if any(fnmatch.fnmatch(part, pattern) for part in parts):
                return True
            continue
        for prefix in prefixes:
            if fnmatch.fnmatch(prefix, pattern) or PurePosixPath(prefix).match(pattern):
                return True
    return False
