"""Writing a file so that it is either the old file or the new one, never half of each.

Fixed documents, the HTML report and the lexicon cache are all written here: a temporary file
beside the target, flushed to disk, then renamed over it (``os.replace`` is atomic on one file
system). A crash or a full disk leaves the old file as it was. What a user set up around the file
survives too: a symbolic link stays a link to the file it names, hard links stay one file, and the
owner, group and mode stay as they were.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from plainwords.errors import WriteError


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to the file ``path`` names, never leaving it half-written.

    - A symbolic link is followed: the file it points at is written and the link stays a link.
    - An ordinary file is replaced by renaming a finished temporary file over it, with the old
      file's mode and (where the system allows) its owner and group; a new file gets the mode
      of any new file (0666 less the umask), not the temporary file's 0600.
    - A file with other hard links is rewritten in place, the only way all its names keep seeing
      one file; the bytes go to a temporary file beside it first, so a full disk or a read-only
      folder is found before the original is touched.
    - Something that is not a regular file (a pipe, /dev/stdout) is written into, not replaced.

    Any failure is a ``WriteError`` naming ``path``; no temporary file is left behind.
    """
    target = Path(os.path.realpath(path))
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        if status is not None and not stat.S_ISREG(status.st_mode):
            with open(target, "wb") as stream:
                stream.write(data)
            return
        temporary = _staged(target, data, status)
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        if status is not None and status.st_nlink > 1:
            os.unlink(temporary)  # the space it held is free again for the rewrite
            _overwrite(target, data)
        else:
            os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from None
        raise


def _staged(target: Path, data: bytes, status: os.stat_result | None) -> str:
    """A finished, synced temporary file beside ``target`` with the mode, owner and group the
    target has (or a new file's mode)."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if status is None:
            os.chmod(temporary, 0o666 & ~_umask())
        else:
            os.chmod(temporary, stat.S_IMODE(status.st_mode))
            if (status.st_uid, status.st_gid) != _owner(temporary):
                with contextlib.suppress(OSError):  # only root may give a file to someone else
                    os.chown(temporary, status.st_uid, status.st_gid)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _overwrite(target: Path, data: bytes) -> None:
    with open(target, "r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _owner(path: str) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_uid, status.st_gid


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _cannot_write(path: str | Path, error: OSError) -> WriteError:
    return WriteError(f"{path}: cannot write ({error.strerror or error})")
