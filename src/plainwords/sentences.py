"""Sentence bounds around a token, with or without a trained pipeline.

Conditions such as ``sentence_has`` and the use/mention rules look at "the same sentence". A blank
pipeline has no sentence splitter, and adding one to every run would cost time for a handful of
lookups, so this module cuts at sentence-final punctuation itself; where a trained pipeline has
set sentence starts, those are used instead.
"""

from __future__ import annotations

from bisect import bisect_left
from weakref import WeakKeyDictionary

from spacy.attrs import ORTH, SPACY
from spacy.strings import get_string_id
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
# asks once per match, and a paragraph can hold thousands of matches. The pass works on arrays of
# token hashes, not Token objects: it runs over every token of every Doc that holds a match.
_ENDS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()
_FINAL_IDS = frozenset(get_string_id(s) for s in _FINAL)
_CLOSING_IDS = frozenset(get_string_id(s) for s in _CLOSING)
_MARK_IDS = _FINAL_IDS | _CLOSING_IDS


def _sentence_ends(doc: Doc) -> list[int]:
    ends = _ENDS.get(doc)
    if ends is None:
        ends = sentence_ends(doc)
        _ENDS[doc] = ends
    return ends


def sentence_ends(doc: Doc) -> list[int]:
    """Indices of the tokens that end a sentence: final punctuation, or the closing quote or
    bracket right after it ("Stop." she said), which then ends the sentence in its place."""
    orth = doc.to_array(ORTH).tolist()
    marks = [i for i, o in enumerate(orth) if o in _MARK_IDS]
    if not marks:
        return []
    spaced = doc.to_array(SPACY).tolist()
    last = len(orth) - 1
    ends = []
    for i in marks:
        if orth[i] in _FINAL_IDS:
            if spaced[i] or i == last or orth[i + 1] not in _CLOSING_IDS:
                ends.append(i)
        elif i and orth[i - 1] in _FINAL_IDS and not spaced[i - 1]:
            ends.append(i)  # the closing mark glued to a full stop ends the sentence in its place
    return ends
