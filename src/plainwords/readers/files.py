"""Getting a file's bytes safely: regular files only, never more than the size limit, and one way
of saying why a path could not be read.

- Only regular files are opened. A named pipe would wait for a writer for ever, a device such as
  /dev/zero never ends and a socket cannot be read at all: each is skipped with a note
  (``NotText``), like a binary file. The path is looked at before it is opened and the open file
  again after (opened without blocking), so one swapped in between is caught too.
- Files and standard input are read in chunks and refused as soon as they pass the limit, so an
  oversized stream costs the limit in memory, not its own size.
- Every path that cannot be read (missing, vanished during the run, a dangling symbolic link, no
  permission, a folder that cannot be listed) is a ``ReadError`` saying ``PATH: reason``: an input
  error, exit 2, and the other paths are still checked.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from typing import BinaryIO

from plainwords.errors import SizeLimitError
from plainwords.readers.decoding import NotText, ReadError

CHUNK = 1 << 20  # bytes per read


def unreadable(name: str, error: OSError) -> ReadError:
    """The one message for a path that cannot be read, whatever the reason."""
    if isinstance(error, FileNotFoundError):
        if os.path.islink(name):
            return ReadError(f"{name}: dangling symbolic link")
        return ReadError(f"{name}: no such file or directory")
    if isinstance(error, PermissionError):
        return ReadError(f"{name}: permission denied")
    if isinstance(error, IsADirectoryError):
        return ReadError(f"{name}: is a directory")
    return ReadError(f"{name}: cannot read ({error.strerror or error})")


def _kind(mode: int) -> str | None:
    """What a file that is not regular is, for the note; ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _refuse_odd(name: str, mode: int) -> None:
    kind = _kind(mode)
    if kind == "a directory":
        raise ReadError(f"{name}: is a directory")
    if kind is not None:
        raise NotText(f"{name}: {kind}, not a regular file; skipped")


def too_large(name: str, max_bytes: int, size: int | None = None) -> SizeLimitError:
    """The message for input over the limit; ``size`` when it is known (a file, not a stream)."""
    limit = f"the {max_bytes / 1e6:.0f} MB limit"
    said = (
        f"{size / 1e6:.1f} MB is larger than {limit}"
        if size is not None
        else f"larger than {limit}"
    )
    return SizeLimitError(f"{name}: {said}; raise it with --max-size or split the file")


def read_limited(stream: BinaryIO, name: str, max_bytes: int, size: int | None = None) -> bytes:
    """Read ``stream`` to its end in chunks, refusing it once it holds more than ``max_bytes``."""
    buffer = io.BytesIO()
    total = 0
    while True:
        chunk = stream.read(min(CHUNK, max_bytes + 1 - total))
        if not chunk:
            return buffer.getvalue()
        total += len(chunk)
        if total > max_bytes:
            raise too_large(
                name, max_bytes, size if size is not None and size > max_bytes else None
            )
        buffer.write(chunk)


def read_file(path: str | os.PathLike[str], name: str, max_bytes: int) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` of them."""
    try:
        _refuse_odd(name, os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise unreadable(name, error) from None
    with os.fdopen(fd, "rb") as stream:
        try:
            status = os.fstat(fd)
            _refuse_odd(name, status.st_mode)  # swapped for a pipe since it was looked at
            if status.st_size > max_bytes:
                raise too_large(name, max_bytes, status.st_size)
            return read_limited(stream, name, max_bytes)
        except OSError as error:
            if error.errno == errno.EISDIR:
                raise ReadError(f"{name}: is a directory") from None
            raise unreadable(name, error) from None
