"""Writing a file so that it is either the old file or the new one, never half of each.

Fixed documents, the HTML report and the lexicon cache are all written here: a temporary file
beside the target, flushed to disk, then renamed over it (``os.replace`` is atomic on one file
system). A crash or a full disk leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from plainwords.errors import WriteError


def write_atomically(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data``. An existing file keeps its permission bits; a new one gets
    those of any new file (0666 less the umask), not the temporary file's 0600. Raises
    ``WriteError`` naming the path; the temporary file is always removed."""
    path = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as error:
        raise WriteError(f"{path}: cannot write ({error.strerror or error})") from None
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise WriteError(f"{path}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise WriteError(f"{path}: cannot write ({error.strerror or error})") from None
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
