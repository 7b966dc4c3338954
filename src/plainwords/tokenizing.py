"""Tokenizing in linear time, whatever the text.

spaCy's tokenizer strips prefixes and suffixes from a space-free run one character at a time, and
looks for each suffix with a regular expression that scans the whole run: a run of n brackets or
dashes costs n × n (20,000 opening brackets took 38 s, against a fraction of a second for prose of
the same size). No word is hundreds of characters long, so a run that long is cut into short
pieces, each tokenized on its own, and the Docs are joined again: the text, and so every offset,
is exactly the text given; only the tokens inside such a run may differ from spaCy's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

# Space-free runs at least this long are cut; URLs and long compounds stay well under it.
LONG_RUN = 400
# The pieces a long run is cut into: each costs about PIECE × PIECE regex steps at worst.
PIECE = 32

_LONG = re.compile(rf"\S{{{LONG_RUN},}}")


def make_doc(tokenize: Callable[[str], Doc], text: str) -> Doc:
    """The Doc of ``text``: ``tokenize(text)``, unless the text holds a long space-free run."""
    if _LONG.search(text) is None:
        return tokenize(text)
    pieces: list[str] = []
    cursor = 0
    for run in _LONG.finditer(text):
        if run.start() > cursor:
            pieces.append(text[cursor : run.start()])
        pieces.extend(
            text[at : min(at + PIECE, run.end())] for at in range(run.start(), run.end(), PIECE)
        )
        cursor = run.end()
    if cursor < len(text):
        pieces.append(text[cursor:])
    doc = Doc.from_docs([tokenize(piece) for piece in pieces], ensure_whitespace=False)
    assert doc.text == text  # offsets are sacred
    return doc
