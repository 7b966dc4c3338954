"""Readers: one function per format, each turning a file's text into a ``Document``.

``read_path`` decodes bytes and picks the reader by extension; unknown extensions are read as
plain text. A reader never changes ``text``: it only decides what ``lint_text`` holds.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from plainwords.document import Document
from plainwords.readers.decoding import MAX_BYTES, NotText, ReadError, decode
from plainwords.readers.docx import read_docx
from plainwords.readers.files import read_file, read_limited, too_large
from plainwords.readers.html import read_html
from plainwords.readers.markdown import read_markdown
from plainwords.readers.odt import read_odt
from plainwords.readers.packages import check_package
from plainwords.readers.rst import read_rst
from plainwords.readers.text import read_text

__all__ = [
    "MAX_BYTES",
    "NotText",
    "ReadError",
    "SizeLimitError",
    "read_path",
    "read_stream",
    "read_text",
    "read_bytes",
    "TEXT_READERS",
    "KNOWN_EXTENSIONS",
]

Reader = Callable[..., Document]


# Readers of decoded text, by lower-case extension.
TEXT_READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".mdx": read_markdown,
    ".rst": read_rst,
    ".rest": read_rst,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".txt": read_text,
    ".text": read_text,
}
# Readers of raw bytes (container formats such as Word), by lower-case extension.
BYTE_READERS: dict[str, Callable[[str, bytes], Document]] = {".docx": read_docx, ".odt": read_odt}
# What each of those is called in messages.
_PACKAGE_KINDS = {".docx": "Word (.docx)", ".odt": "OpenDocument text (.odt)"}

# What ``plainwords check DIR`` picks up when walking a directory.
KNOWN_EXTENSIONS = set(TEXT_READERS) | set(BYTE_READERS)

_BINARY_EXTENSIONS = {
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".ico",
    ".pdf",
    ".zip",
    ".gz",
    ".tar",
    ".xz",
    ".7z",
    ".exe",
    ".dll",
    ".so",
    ".dylib",
    ".class",
    ".jar",
    ".pyc",
    ".woff",
    ".woff2",
    ".ttf",
    ".otf",
    ".mp3",
    ".mp4",
    ".mov",
    ".avi",
    ".wav",
    ".doc",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
}


def reader_for(path: str, kind: str | None = None) -> Reader:
    extension = f".{kind}" if kind else os.path.splitext(path)[1].lower()
    return TEXT_READERS.get(extension, read_text)


def read_bytes(path: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> Document:
    """Make a Document from a file's bytes, choosing the reader by the path's extension."""
    if len(data) > max_bytes:
        raise too_large(path, max_bytes, len(data))
    extension = os.path.splitext(path)[1].lower()
    if extension in BYTE_READERS:
        check_package(path, data, _PACKAGE_KINDS[extension], max_bytes)
        return BYTE_READERS[extension](path, data)
    if extension in _BINARY_EXTENSIONS:
        raise NotText(f"{path}: {extension} files are not text, skipped")
    decoded = decode(data, path)
    notices = (decoded.notice,) if decoded.notice else ()
    return reader_for(path)(
        path, decoded.text, encoding=decoded.encoding, bom=decoded.bom, notices=notices
    )


def read_path(
    path: str | Path, *, display: str | None = None, max_bytes: int = MAX_BYTES
) -> Document:
    """Read a regular file from disk (see ``plainwords.readers.files``); every failure a user can
    fix becomes a ``ReadError``, and a pipe, socket or device a ``NotText`` skip."""
    name = display or str(path)
    return read_bytes(name, read_file(path, name, max_bytes), max_bytes=max_bytes)


def read_stream(stream: BinaryIO, name: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a stream (standard input) in bounded chunks, refused once past ``max_bytes``."""
    return read_bytes(name, read_limited(stream, name, max_bytes), max_bytes=max_bytes)
