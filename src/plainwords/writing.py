"""Writing a fixed document back: the same encoding, byte-order mark and line endings, atomically.

``fix`` only ever changes the characters of a finding, so line endings survive by construction;
this module makes sure the bytes around them do too, and that a crash or a full disk can never
leave a half-written file (a temporary file in the same directory, then ``os.replace``).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from plainwords.atomic import write_atomically
from plainwords.document import Document
from plainwords.errors import WriteError
from plainwords.readers.decoding import encode


def encoded(document: Document, text: str) -> bytes:
    """The bytes of ``text`` as the document's file stores text."""
    return encode(text, document.encoding, document.bom)


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two paths name one file: the same path once links are resolved, or the same file
    under another name (a hard link). A path that does not exist is no other path's file."""
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(first, second)
    return False


def write_fixed(path: str | Path, document: Document, text: str) -> None:
    """Replace the file at ``path`` with ``text``, encoded as the document was read.

    Refuses (``WriteError``) when the file on disk is no longer what was read, or when its text
    would not encode back to the same bytes (so a rewrite could change more than the fixes).
    """
    path = Path(path)
    try:
        current = path.read_bytes()
    except OSError as error:
        raise WriteError(
            f"{document.path}: cannot read it again to fix it ({error.strerror or error})"
        ) from None
    try:
        if encoded(document, document.text) != current:
            raise WriteError(
                f"{document.path}: changed since it was read, or does not re-encode as "
                f"{document.encoding} byte for byte; not fixed"
            )
        data = encoded(document, text)
    except UnicodeEncodeError:
        raise WriteError(
            f"{document.path}: the fix cannot be written in {document.encoding}; not fixed"
        ) from None
    write_atomically(path, data)
