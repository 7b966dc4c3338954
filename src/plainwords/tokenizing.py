"""Tokenizing the component's texts: spaCy's tokenizer, kept linear and told where cells end.

- spaCy strips prefixes and suffixes from a space-free run one character at a time, and looks for
  each suffix with a regular expression that scans the whole run: a run of n brackets or dashes
  costs n × n (20,000 opening brackets took 53 s, against a fraction of a second for prose of the
  same size). No word is hundreds of characters long, so a run that long is cut into short pieces.
- A table written without spaces (``|service users|x|``) glues its bars to the words, and spaCy
  reads ``|service`` as one token, hiding every term in the table. A bar touching a word is cut
  off as a token of its own, as a bar between spaces already is.

Each piece is tokenized on its own and the Docs are joined again: the text, and so every offset,
is exactly the text given; only tokens at the cuts can differ from spaCy's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from spacy.attrs import SENT_START
from spacy.tokens import Doc

# Space-free runs at least this long are cut; URLs and long compounds stay well under it.
LONG_RUN = 400
# The pieces a long run is cut into: each costs about PIECE × PIECE regex steps at worst.
PIECE = 32

_LONG = re.compile(rf"\S{{{LONG_RUN},}}")
# A bar with a non-space on at least one side, and the spaces after it (they stay with the bar).
_GLUED_BAR = re.compile(r"(?<=\S)\|\s*|\|(?=[^\s|])")


def make_doc(tokenize: Callable[[str], Doc], text: str) -> Doc:
    """The Doc of ``text``: ``tokenize(text)``, unless the text holds a long space-free run or a
    bar touching a word, which are cut out and tokenized apart."""
    cuts = _cuts(text)
    if not cuts:
        return tokenize(text)
    bounds = [0, *sorted(cuts), len(text)]
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    doc = Doc.from_docs([tokenize(piece) for piece in pieces], ensure_whitespace=False)
    # Joining marks each piece's first token as a sentence start; the pieces are not sentences.
    # (Through the array: setting ``token.is_sent_start`` scans the whole Doc each time.)
    starts = doc.to_array([SENT_START])
    starts[1:] = 0
    doc.from_array([SENT_START], cast("Any", starts))  # one attribute: a column, as spaCy gives it
    if doc.text != text:  # offsets are sacred: never a Doc that says another text
        return tokenize(text)
    return doc


def _cuts(text: str) -> set[int]:
    cuts: set[int] = set()
    if "|" in text:
        for bar in _GLUED_BAR.finditer(text):
            cuts.update((bar.start(), bar.end()))
    for run in _LONG.finditer(text):
        cuts.update(range(run.start(), run.end(), PIECE))
        cuts.add(run.end())
    cuts.discard(0)
    cuts.discard(len(text))
    return cuts
