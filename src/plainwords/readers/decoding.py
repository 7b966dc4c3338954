"""Bytes to text, without losing anything a later ``--fix`` must write back.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded directly; anything else that is
not valid UTF-8 is identified by charset-normalizer (a legacy 8-bit file, typically Windows-1252)
and reported with a notice. Line endings are never touched.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

MAX_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """A file that cannot be read as asked; the message says what to do."""


class NotText(Exception):
    """A file that is not text (binary); skipped with a notice, not an error."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    bom: bool
    notice: str | None = None


def decode(data: bytes, path: str = "") -> Decoded:
    """Decode file bytes to text, keeping what is needed to encode it back identically."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, True)
            except UnicodeDecodeError as error:
                raise ReadError(
                    f"{path}: starts with a {encoding} byte-order mark but byte {error.start + len(bom)} "
                    "is not valid; re-save the file as UTF-8"
                ) from None
    if b"\x00" in data[:8192]:
        raise NotText(f"{path}: binary file (contains NUL bytes), skipped")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise NotText(f"{path}: not text in any encoding plainwords recognises, skipped")
    encoding = _prefer_windows_1252(data, codecs.lookup(best.encoding).name)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReadError(
            f"{path}: cannot decode as UTF-8 or {encoding}; re-save the file as UTF-8"
        ) from None
    return Decoded(text, encoding, False, f"{path}: not UTF-8; read as {encoding}")


def _prefer_windows_1252(data: bytes, guess: str) -> str:
    """Windows-1252 when it reads the bytes exactly as the guessed code page does.

    Short legacy files often fit several 8-bit code pages equally well (curly quotes and "é" are
    the same bytes in Windows-1250 and 1252); the notice should then name the one a UK writer's
    files are almost always in.
    """
    if guess == "cp1252":
        return guess
    try:
        return "cp1252" if data.decode("cp1252") == data.decode(guess) else guess
    except (UnicodeDecodeError, LookupError):
        return guess


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """The inverse of ``decode``: the same encoding and byte-order mark."""
    prefix = b""
    if bom:
        prefix = dict((name, mark) for mark, name in _BOMS)[encoding]
    return prefix + text.encode(encoding)
