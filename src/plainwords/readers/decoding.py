"""Bytes to text, without losing anything a later ``--fix`` must write back.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded directly, as is UTF-16 without
one when its NUL bytes give it away; anything else that is not valid UTF-8 is identified by
charset-normalizer (a legacy 8-bit file, typically Windows-1252) and reported with a notice. Line
endings are never touched.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from plainwords.errors import ReadError

MAX_BYTES = 50_000_000  # in the units of --max-size: 1 MB is 1,000,000 bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


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
        sixteen = _utf16_without_bom(data)
        if sixteen is not None:
            try:
                text = data.decode(sixteen)
            except UnicodeDecodeError:
                pass
            else:
                return Decoded(
                    text, sixteen, False, f"{path}: no byte-order mark; read as {sixteen}"
                )
        raise NotText(f"{path}: binary file (contains NUL bytes), skipped")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding is not None:
        encoding = _prefer_windows_1252(data, codecs.lookup(best.encoding).name)
    elif _plain_windows_1252(data):
        # Too little to tell (a few bytes around one curly quote): the likeliest legacy reading.
        encoding = "cp1252"
    else:
        raise NotText(f"{path}: not text in any encoding plainwords recognises, skipped")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReadError(
            f"{path}: cannot decode as UTF-8 or {encoding}; re-save the file as UTF-8"
        ) from None
    return Decoded(text, encoding, False, f"{path}: not UTF-8; read as {encoding}")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark (some exporters do), told by its NUL bytes.

    Latin text in UTF-16 has a NUL in every other byte: the high byte of each character, second
    in little-endian and first in big-endian. Binary data has NUL bytes too, but scattered over
    both halves.
    """
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 4:
        return None
    half = len(sample) // 2
    first, second = sample[0::2].count(0), sample[1::2].count(0)
    if second >= 0.7 * half and first <= 0.05 * half:
        return "utf-16-le"
    if first >= 0.7 * half and second <= 0.05 * half:
        return "utf-16-be"
    return None


def _mostly_ascii(data: bytes) -> bool:
    """Whether all but a handful of bytes, or three in four, are ASCII (a line of Cyrillic or
    Greek is not; "to—" is, though a third of its bytes are not)."""
    other = sum(byte >= 128 for byte in data)
    return other <= 3 or other <= len(data) / 4


_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def _plain_windows_1252(data: bytes) -> bool:
    """Whether the bytes read as Windows-1252 text: every byte defined, no control characters
    but tabs, line and page breaks (binary data without NUL bytes still has those)."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not _CONTROL.intersection(data)


def _prefer_windows_1252(data: bytes, guess: str) -> str:
    """Windows-1252 when it reads the bytes exactly as the guessed code page does.

    Short legacy files often fit several 8-bit code pages equally well (curly quotes and "é" are
    the same bytes in Windows-1250 and 1252); the notice should then name the one a UK writer's
    files are almost always in.

    The same goes for text that is almost all ASCII: English around one "é" or "—" fits dozens of
    code pages (even multi-byte ones) and gives detection nothing to go on, so an arbitrary one
    would read the dash as "ó" in this run and, once a fix changes the text, as "—" in the next.
    A file in another script (Cyrillic in Windows-1251) is mostly non-ASCII and keeps its guess.

    A guess of UTF-16 or UTF-32 without a byte-order mark is refused for bytes Windows-1252 can
    read: such a file of Latin text would be full of NUL bytes (and is skipped as binary before
    this), so what remains is an 8-bit file whose byte count happened to suit the guess. Taking
    the guess would turn "hard to reach" into CJK ideographs, and a fix written back would
    keep the file's bytes but the next run would lint nonsense.
    """
    if guess == "cp1252":
        return guess
    if _mostly_ascii(data) or guess.startswith(("utf-16", "utf-32")):
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return guess
        return "cp1252"
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
