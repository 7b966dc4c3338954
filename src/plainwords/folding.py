"""Where ASCII words are written in a text, in any case, found fast.

The document-wide rules ask whether a long text holds any of a few dozen words, in any case (the
topic words of ``plainwords.senses``). A case-insensitive alternation is tried by ``re`` at every
character, a tenth of a second per question on a book; so the text is folded once, to bytes
(``folded``), and the words' places are found there (``places``): one ``bytes.find`` per word in
a short text, and in a long one a single pass of array operations over its four-byte windows.

Folding keeps one byte per character, so an offset in the folded bytes is the same offset in the
text, and the caller can try its own expression there: these places are where a match may start,
never fewer (a superset, as ``tests/test_folding.py`` checks against ``re.IGNORECASE``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import lru_cache

# The characters other than ASCII letters that ``re.IGNORECASE`` matches to an ASCII letter
# (İ ı ſ and the Kelvin sign); ``tests/test_folding.py`` checks this against every code point.
ASCII_TWINS = "\u0130\u0131\u017f\u212a"

# From this many bytes, the places are found with numpy (already imported for such a text by the
# candidate scanner and spaCy) in one pass, not one pass per word.
ARRAY_FROM = 50_000
_SPREAD = 0x9E3779B1  # Knuth's multiplier: spreads four-byte windows over the table's slots
_SLOTS_BITS = 16


@lru_cache(maxsize=2)
def folded(text: str) -> bytes | None:
    """The text as one byte per character (so offsets hold): ASCII letters lower-cased, Latin-1
    kept, anything else "?". An ASCII word the text holds in any case is in these bytes,
    lower-cased, at the same offset; None when the text holds a character ``re.IGNORECASE`` takes
    for an ASCII letter that is not one (``ASCII_TWINS``), which folding would hide."""
    if any(twin in text for twin in ASCII_TWINS):
        return None
    return text.encode("latin-1", "replace").lower()


def places(data: bytes, keys: Collection[bytes]) -> list[int]:
    """Every offset in ``data`` where one of ``keys`` (non-empty) is written, sorted, once each."""
    if len(data) < ARRAY_FROM:
        return sorted({at for key in keys for at in _finds(data, key)})
    short = [key for key in keys if len(key) < 4]
    found = {at for key in short for at in _finds(data, key)}
    found.update(_windows(data, [key for key in keys if len(key) >= 4]))
    return sorted(found)


def _finds(data: bytes, key: bytes) -> Iterator[int]:
    """Every offset where ``key`` is written: one ``bytes.find`` after another."""
    at = data.find(key)
    while at >= 0:
        yield at
        at = data.find(key, at + 1)


def _windows(data: bytes, keys: list[bytes]) -> Iterator[int]:
    """Every offset where one of ``keys`` (four bytes or longer) is written, in one pass: each
    four-byte window of ``data`` (read as a 32-bit number, at each of the four alignments) is
    looked up in a table of the keys' first four bytes; the few windows that pass are checked."""
    if not keys:
        return
    import numpy

    by_start: dict[bytes, list[bytes]] = {}
    for key in keys:
        by_start.setdefault(key[:4], []).append(key)
    starts = numpy.array([int.from_bytes(s, "little") for s in by_start], dtype="<u4")
    table = numpy.zeros(1 << _SLOTS_BITS, dtype=bool)
    table[_slot(numpy, starts)] = True
    for offset in range(min(4, len(data) - 3)):  # no window at all in fewer than four bytes
        windows = numpy.frombuffer(
            data, dtype="<u4", count=(len(data) - offset) // 4, offset=offset
        )
        passed = numpy.flatnonzero(table[_slot(numpy, windows)])
        passed = passed[numpy.isin(windows[passed], starts)]  # the slot's own first four bytes
        for index in passed.tolist():
            at = index * 4 + offset
            for key in by_start.get(data[at : at + 4], ()):
                if data.startswith(key, at):
                    yield at


def _slot(numpy, values):
    """Each 32-bit value's slot in the table (the top bits of a multiplicative hash)."""
    return (values * numpy.uint32(_SPREAD)) >> numpy.uint32(32 - _SLOTS_BITS)
