"""Long paragraphs are cut into overlapping chunks; every finding keeps its exact offset."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainwords import segments
from plainwords.segments import chunks, paragraphs
from property_documents import examples

TERMS = ["hard to reach", "service users", "going forward", "in order to", "addicts"]
FILLER = ["the", "council", "will", "meet", "people", "who", "use", "our", "services", "today"]


def _owned_cover(text: str, limit: int, overlap: int) -> None:
    pieces = list(chunks(text, limit, overlap))
    owned = [o for _, _, o in pieces]
    assert all(o is not None for o in owned)
    # Owned ranges tile the paragraph: consecutive, no gaps, no overlaps.
    assert owned[0][0] == 0 and owned[-1][1] == len(text)
    for (_, end), (start, _) in zip(owned, owned[1:], strict=False):
        assert end == start
    for start, chunk, (own_start, own_end) in pieces:
        assert len(chunk) <= limit
        assert text[start : start + len(chunk)] == chunk
        assert start <= own_start and own_end <= start + len(chunk)
        # Every cut falls just after whitespace, so no word is split.
        if own_start > 0:
            assert text[own_start - 1].isspace()


@given(
    words=st.lists(st.sampled_from(FILLER + TERMS), min_size=50, max_size=300),
    limit=st.integers(min_value=60, max_value=400),
)
@settings(max_examples=examples(60), deadline=None)
def test_chunks_tile_a_long_paragraph_at_whitespace(words, limit):
    text = " ".join(words)
    if len(text) <= limit:
        return
    _owned_cover(text, limit, overlap=limit // 4)


def test_paragraphs_never_cut_inside_a_word():
    text = " ".join(["wraparound"] * 20_000)  # one 219,999-character paragraph
    pieces = list(paragraphs(text, limit=50_000))
    assert len(pieces) > 4
    assert "".join(p for _, p in pieces) == text
    for _, piece in pieces:
        assert len(piece) <= 50_000
        assert piece.startswith("wraparound")


def _places(text: str, term: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(term), text)]


def test_a_paragraph_over_a_million_characters_keeps_exact_offsets(linter):
    unit = "Residents met the team about the new plans for the park. "
    parts, expected = [], []
    length = 0
    for index in range(18_000):  # about 1,044,000 characters, no blank line anywhere
        if index % 1_500 == 7:
            expected.append(length + len("Residents met "))
            parts.append("Residents met hard to reach groups about the park. ")
        else:
            parts.append(unit)
        length += len(parts[-1])
    text = "".join(parts)
    assert len(text) > 1_000_000
    findings = linter.check_text(text)
    assert [f.start for f in findings] == expected
    assert all(f.text == "hard to reach" and text[f.start : f.end] == f.text for f in findings)


def test_terms_straddling_every_cut_are_found_once(linter, monkeypatch):
    text = " ".join(["people", "hard to reach", "in order to", "meet"] * 400)
    whole = [(f.start, f.end, f.rule) for f in linter.check_text(text)]
    assert len(whole) == 800
    for limit in (97, 150, 233):
        monkeypatch.setattr(segments, "MAX_SEGMENT", limit)
        monkeypatch.setattr(segments, "OVERLAP", limit // 4)
        cut = [(f.start, f.end, f.rule) for f in linter.check_text(text)]
        assert cut == whole, limit


@given(
    # Context within OVERLAP characters ("shelf" after "hard to reach", a word in the same short
    # sentence) is seen across a cut; a quotation or sentence longer than OVERLAP is not, so quote
    # marks are left out and a full stop ends every sixth word here.
    words=st.lists(
        st.sampled_from(FILLER + TERMS + ["\n", "shelf", "hard-to-reach"]),
        min_size=20,
        max_size=200,
    ),
    limit=st.integers(min_value=200, max_value=600),
)
@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_chunked_findings_equal_unchunked(linter, monkeypatch, words, limit):
    text = " ".join(w + (" ." if i % 6 == 5 else "") for i, w in enumerate(words))
    whole = [(f.start, f.end, f.rule) for f in linter.check_text(text)]
    with monkeypatch.context() as patch:
        patch.setattr(segments, "MAX_SEGMENT", limit)
        patch.setattr(segments, "OVERLAP", limit // 2)
        cut = [(f.start, f.end, f.rule) for f in linter.check_text(text)]
    assert cut == whole


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_folded_chunks_map_offsets_back(linter, monkeypatch, line_end):
    monkeypatch.setattr(segments, "MAX_SEGMENT", 300)
    monkeypatch.setattr(segments, "OVERLAP", 60)
    lines = [
        f"line {i} of the notes,{'  ' if i % 3 else ''} with hard to{line_end}reach groups"
        for i in range(60)
    ]
    text = line_end.join(lines)
    findings = linter.check_text(text)
    assert len(findings) == 60
    for f in findings:
        assert re.fullmatch(r"hard to\s+reach", text[f.start : f.end])
        assert f.text == text[f.start : f.end]
