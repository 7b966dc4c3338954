"""The candidate scanner: where in a text a lexicon term could possibly be, found without spaCy.

Every phrase the matcher can match (each surface form of each entry, joined to the words its
``when`` needs beside it, see ``PlainwordsMatcher.triggers``) goes into one Aho–Corasick automaton
(pyahocorasick) over "squeezed" text: lower-cased, with every whitespace character removed. Tokens
that match a phrase have texts which, joined, lower-cased and squeezed, equal the phrase squeezed,
so a phrase the scanner does not find cannot be matched, whatever the tokenizer splits. The test
is sound in that direction only: it may say "maybe" ("addict" inside "addiction"), never "no"
where the pipeline finds something (``tests/test_scanner_sound.py`` holds it to that).

Why an automaton and not one compiled regular expression: both were measured on the shipped
lexicons (``python -m benchmarks.scanner``); Python's ``re`` tries the alternatives one by one at
every position, so its time grows with the number of phrases, while the automaton reads each
character once. See docs/speed.md for the figures.

The phrases are cached with the compiled lexicon (``plainwords.cache``), so a run can scan its
files before, and often instead of, importing spaCy. Nothing here imports spaCy; numpy is
imported only for texts long enough to pay for it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

# Every character ``str.isspace`` accepts (what ``str.split()`` removes); checked by a test.
_SPACE_CODES = tuple(
    ord(c)
    for c in "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

# Below this many characters a text is squeezed in plain Python: importing numpy costs more than
# a small file takes to scan.
ARRAY_FROM = 50_000


@lru_cache(maxsize=1)
def _space_table():
    """A lookup table: is this code point (below U+3001) whitespace to ``str.split``?"""
    import numpy

    table = numpy.zeros(max(_SPACE_CODES) + 1, dtype=bool)
    table[list(_SPACE_CODES)] = True
    return table


def squeeze(text: str) -> str:
    """Lower-case text with every whitespace character removed (and final sigma made plain).

    Tokens that match a phrase have texts which, joined, lower-cased and squeezed, equal the
    phrase squeezed: so a squeezed phrase that is not a substring of the squeezed text cannot
    match anywhere in it, whatever the tokenizer does.
    """
    squeezed = "".join(text.lower().split())
    return squeezed.replace("ς", "σ") if "ς" in squeezed else squeezed


def _squeezed_with_offsets(lowered: str) -> tuple[str, Any]:
    """The squeezed text and, for each of its characters, its offset in ``lowered``."""
    if len(lowered) < ARRAY_FROM:
        kept = [i for i, c in enumerate(lowered) if not c.isspace()]
        return "".join([lowered[i] for i in kept]), kept
    import numpy

    # Squeeze with array operations: the offsets of the kept characters come for free, and a
    # book takes a few milliseconds where splitting and joining strings takes a tenth of a second.
    codes = numpy.frombuffer(lowered.encode("utf-32-le"), dtype=numpy.uint32)
    space = numpy.zeros(len(codes), dtype=bool)
    table = _space_table()
    small = codes < len(table)
    space[small] = table[codes[small]]
    kept_array = numpy.flatnonzero(~space)  # offset in ``lowered`` of each character kept
    return codes[kept_array].tobytes().decode("utf-32-le"), kept_array


class Prefilter:
    """Says whether a text could contain any of a set of phrases, in one Aho-Corasick pass.

    A superset test (it may say yes to "addiction" for "addict"), never a subset: it only saves
    spaCy from paragraphs that cannot match. With no phrases it passes nothing; with ``always``
    (a lexicon with token patterns, which no phrase list covers) it passes everything.
    """

    def __init__(
        self, phrases: Iterable[str] | Mapping[str, Iterable[str]], *, always: bool = False
    ) -> None:
        """``phrases``: the phrases, or entry id → its phrases, for ``entries`` to answer with."""
        owners: dict[str, set[str]] = {}
        if isinstance(phrases, Mapping):
            for owner, owned in phrases.items():
                for phrase in owned:
                    owners.setdefault(squeeze(phrase), set()).add(owner)
        else:
            owners = {squeeze(p): set() for p in phrases}
        self.always = always or "" in owners
        self._automaton = None
        self._allowed: frozenset[str] | None = None  # entries looked for (``None``: every one)
        if not self.always and owners:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for key, ids in owners.items():
                # A form that starts or ends with a letter or digit can only match at a word edge.
                automaton.add_word(
                    key, (len(key), key[0].isalnum(), key[-1].isalnum(), tuple(sorted(ids)))
                )
            automaton.make_automaton()
            self._automaton = automaton

    def narrowed(self, entries: Iterable[str], *, always: bool = False) -> Prefilter:
        """The same automaton looking only for the phrases of ``entries``: a scanner built (and
        cached) once for a whole lexicon serves a project that turns some entries off, without
        building another (which costs more than the rest of a clean run)."""
        narrow = copy.copy(self)
        narrow._allowed = frozenset(entries)
        narrow.always = self.always or always
        return narrow

    def _found(self, squeezed: str) -> Iterator[tuple[int, tuple]]:
        """(end, value) for each phrase of an entry looked for, in squeezed text."""
        assert self._automaton is not None
        found = self._automaton.iter(squeezed)
        allowed = self._allowed
        if allowed is None:
            return found
        return ((end, value) for end, value in found if not allowed.isdisjoint(value[3]))

    def entries(self, text: str) -> set[str]:
        """The entry ids whose phrases ``text`` may hold (a superset, like every answer here)."""
        if self._automaton is None:
            return set()
        found = {i for _, value in self._found(squeeze(text)) for i in value[3]}
        return found if self._allowed is None else found & self._allowed

    def hits(self, text: str) -> list[int] | None:
        """Sorted offsets in ``text`` where a phrase may start, found in one pass over the whole
        text; ``None`` where offsets cannot be mapped (lower-casing changed the length), and the
        caller should test its pieces one by one instead."""
        if self._automaton is None:
            return None if self.always else []
        lowered = text.lower()
        if len(lowered) != len(text):
            return None
        squeezed, kept = _squeezed_with_offsets(lowered)
        if "ς" in squeezed:
            squeezed = squeezed.replace("ς", "σ")
        starts = set()
        last = len(lowered) - 1
        for end, (length, word_start, word_end, _) in self._found(squeezed):
            start = int(kept[end - length + 1])
            # "key" inside "monkey", "clean" inside "cleaned": not where a phrase can start.
            if word_start and start > 0 and lowered[start - 1].isalnum():
                continue
            stop = int(kept[end])
            if word_end and stop < last and lowered[stop + 1].isalnum():
                continue
            starts.add(start)
        return sorted(starts)

    def __call__(self, text: str) -> bool:
        if self.always:
            return True
        if self._automaton is None:
            return False
        return next(self._found(squeeze(text)), None) is not None  # a superset test
