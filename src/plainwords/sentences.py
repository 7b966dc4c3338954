"""Sentence bounds around a token, with or without a trained pipeline.

Conditions such as ``sentence_has`` and the use/mention rules look at "the same sentence". A blank
pipeline has no sentence splitter, and adding one to every run would cost time for a handful of
lookups, so this module cuts at sentence-final punctuation itself; where a trained pipeline has
set sentence starts, those are used instead.
"""

from __future__ import annotations

from bisect import bisect_left
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSING = frozenset({'"', "”", "’", "'", ")", "»"})
# A "sentence" without end punctuation (a long list, a table dumped as text) is cut here, so
# looking up the sentence of each of many matches never walks the whole paragraph.
MAX_REACH = 150


def sentence_bounds(doc: Doc, index: int) -> tuple[int, int]:
    """Token range [start, end) of the sentence holding token ``index``, at most ``MAX_REACH``
    tokens either side."""
    if not len(doc):
        return 0, 0
    index = min(max(index, 0), len(doc) - 1)
    # A pipeline that splits sentences marks every token True or False; a blank one leaves all but
    # the first as None. Looking at neighbours costs O(1), where doc.has_annotation scans the Doc.
    if any(doc[i].is_sent_start is not None for i in (index, index + 1) if 0 < i < len(doc)):
        sent = doc[index].sent
        return sent.start, sent.end
    ends = _sentence_ends(doc)
    position = bisect_left(ends, index)
    start = ends[position - 1] + 1 if position > 0 else 0
    end = ends[position] + 1 if position < len(ends) else len(doc)
    return max(start, index - MAX_REACH), min(end, index + MAX_REACH + 1)


# Sentence ends of each Doc, found in one pass the first time a Doc is asked about: the component
# asks once per match, and a paragraph can hold thousands of matches.
_ENDS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()


def _sentence_ends(doc: Doc) -> list[int]:
    ends = _ENDS.get(doc)
    if ends is None:
        ends = [i for i in range(len(doc)) if _ends_sentence(doc, i)]
        _ENDS[doc] = ends
    return ends


def _ends_sentence(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text in _FINAL:
        # A closing quote or bracket right after the full stop still belongs to the sentence.
        closes = i + 1 < len(doc) and not token.whitespace_ and doc[i + 1].text in _CLOSING
        return not closes or "\n" in token.whitespace_
    if (
        token.text in _CLOSING
        and i > 0
        and doc[i - 1].text in _FINAL
        and not doc[i - 1].whitespace_
    ):
        return True
    return "\n" in token.whitespace_
