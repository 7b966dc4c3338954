"""Sentence bounds around a token, with or without a trained pipeline.

Conditions such as ``sentence_has`` and the use/mention rules look at "the same sentence". A blank
pipeline has no sentence splitter, and adding one to every run would cost time for a handful of
lookups, so this module cuts at sentence-final punctuation itself; where a trained pipeline has
set sentence starts, those are used instead.
"""

from __future__ import annotations

from spacy.tokens import Doc

_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSING = frozenset({'"', "”", "’", "'", ")", "»"})
# A "sentence" without end punctuation (a long list, a table dumped as text) is cut here, so
# looking up the sentence of each of many matches never walks the whole paragraph.
MAX_REACH = 150


def sentence_bounds(doc: Doc, index: int) -> tuple[int, int]:
    """Token range [start, end) of the sentence holding token ``index``."""
    if not len(doc):
        return 0, 0
    index = min(max(index, 0), len(doc) - 1)
    # A pipeline that splits sentences marks every token True or False; a blank one leaves all but
    # the first as None. Looking at neighbours costs O(1), where doc.has_annotation scans the Doc.
    if any(doc[i].is_sent_start is not None for i in (index, index + 1) if 0 < i < len(doc)):
        sent = doc[index].sent
        return sent.start, sent.end
    start = index
    floor = max(index - MAX_REACH, 0)
    while start > floor and not _ends_sentence(doc, start - 1):
        start -= 1
    end = index
    ceiling = min(index + MAX_REACH, len(doc) - 1)
    while end < ceiling and not _ends_sentence(doc, end):
        end += 1
    return start, end + 1


def _ends_sentence(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text in _FINAL:
        # A closing quote or bracket right after the full stop still belongs to the sentence.
        closes = i + 1 < len(doc) and not token.whitespace_ and doc[i + 1].text in _CLOSING
        return not closes or "\n" in token.whitespace_
    if token.text in _CLOSING and i > 0 and doc[i - 1].text in _FINAL and not doc[i - 1].whitespace_:
        return True
    return "\n" in token.whitespace_
