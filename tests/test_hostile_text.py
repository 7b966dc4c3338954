"""Property: no text takes more than linear time. A hostile shape (a run of thousands of brackets,
one sentence holding thousands of findings, thousands of quotation marks never closed) is checked
in a time bounded RELATIVE to plain prose of the same size on the same machine, so the bound holds
on a slow or busy machine too, and a quadratic part (seconds against a tenth of a second at these
sizes) cannot pass. Every finding still points at exactly its source."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from format_checks import assert_exact
from plainwords.readers import read_bytes
from plainwords.tokenizing import LONG_RUN, make_doc
from property_documents import examples

# A linear shape stays within a small multiple of prose (more findings cost more); a quadratic one
# is hundreds of times slower at these sizes.
FACTOR = 8
SIZE = 40_000  # characters


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(linter, text: str, kind: str = "txt") -> tuple[float, list]:
    """The best of two runs (a busy machine only ever makes a run slower)."""
    document = read_bytes(f"doc.{kind}", text.encode("utf-8"))
    best, findings = float("inf"), []
    for _ in range(2):
        start = time.perf_counter()
        findings = linter.check(document)
        best = min(best, time.perf_counter() - start)
    _assert_exact(document, findings)
    return best, findings


def _assert_exact(document, findings) -> None:
    """``format_checks.assert_exact`` in linear time (it splits the text once per finding)."""
    starts = [0] + [i + 1 for i, c in enumerate(document.text) if c == "\n"]
    for finding in findings:
        assert finding.text == document.text[finding.start : finding.end], finding
        assert starts[finding.line - 1] + finding.column - 1 == finding.start, finding


PROSE = "We met the team and the service users to utilise it. "

# (name, hostile text, prose to compare with: of the same size, or with as many findings)
SHAPES = [
    # spaCy strips a bracket at a time and scans the whole run for a suffix each time.
    ("opening brackets", "(" * 20_000 + " utilise", _repeat(PROSE, 20_008)),
    ("brackets and terms", _repeat("(utilise "), _repeat(PROSE)),
    ("dashes", "We utilise " + "-" * 20_000 + " it.", _repeat(PROSE, 20_015)),
    # Each finding looked back over its whole sentence, and each list item walked back again.
    (
        "findings in one sentence",
        "We utilise " + "utilise, " * 5_000 + "it.",
        "We utilise it. " * 5_000,
    ),
    ("labels in one sentence", _repeat("service users, "), _repeat("We met service users. ")),
    ("terms in quotes", _repeat('"utilise" '), _repeat(PROSE)),
    # Unclosed quotation marks: each was read to the end of its paragraph.
    ("unclosed straight quotes", _repeat("'utilise "), _repeat(PROSE)),
    ("unclosed low quotes", _repeat("„utilise "), _repeat(PROSE)),
    ("unclosed guillemets", _repeat("«utilise "), _repeat(PROSE)),
    ("one long curly quotation", _repeat("“utilise "), _repeat(PROSE)),
    # Guidance structure: a guide of thousands of listed words (each finding asked every listed
    # range: quadratic, though only twice slower than prose at this size), and a run of blank
    # lines in a list (each read ahead over the rest of the run: 40 s here before).
    (
        "a guide listing thousands of terms",
        "Words to avoid\n" + _repeat("- service users\n"),
        _repeat("We met service users.\n"),
    ),
    (
        "blank lines inside a list",
        "Words to avoid\n- utilise\n" + "\n" * SIZE + "- utilise\n",
        _repeat(PROSE),
    ),
    # A table without spaces: each bar is cut out of its word, and the pieces joined again.
    (
        "table without spaces",
        "|a|b|c|\n|---|---|---|\n" + "|service users|utilise|x|\n" * 1_500,
        "| a | b | c |\n|---|---|---|\n" + "| service users | utilise | x |\n" * 1_500,
    ),
]


@pytest.fixture(scope="module")
def warm(linter):
    linter.check_text(PROSE)
    return linter


@pytest.mark.parametrize(("name", "hostile", "prose"), SHAPES, ids=[s[0] for s in SHAPES])
def test_hostile_text_takes_time_linear_in_its_size(warm, name, hostile, prose):
    prose_time, _ = _seconds(warm, prose)
    for kind in ("txt", "md"):
        hostile_time, _ = _seconds(warm, hostile, kind)
        assert hostile_time <= FACTOR * prose_time, (
            f"{name} ({kind}): {hostile_time:.2f} s against {prose_time:.2f} s for prose"
        )


def test_findings_in_one_sentence_are_all_found(warm):
    findings = warm.check_text("We utilise " + "utilise, " * 5_000 + "it.")
    assert len(findings) == 5_001


# -- tokenizing a long run keeps the text -----------------------------------------------------------


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.text(alphabet=" ab\n", max_size=20),
    run=st.text(alphabet="([{<'\"-–.,!?:;*_/\\|)]}>ab", min_size=LONG_RUN, max_size=LONG_RUN * 3),
    after=st.text(alphabet=" ab\n", max_size=20),
)
def test_a_long_run_is_tokenized_in_pieces_with_its_text_intact(warm, before, run, after):
    text = f"{before}{run}{after}"
    doc = make_doc(warm.nlp.make_doc, text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(
        st.sampled_from(
            [
                "(",
                "((((",
                "'",
                "„",
                "«",
                "“",
                "”",
                '"',
                ", ",
                " and ",
                "utilise",
                "service users",
                "the term ",
                "avoid ",
                " ",
                "-",
                "\n",
            ]
        ),
        min_size=1,
        max_size=400,
    )
)
def test_hostile_mixtures_point_at_their_source(warm, pieces):
    text = "".join(pieces)
    for kind in ("txt", "md"):
        document = read_bytes(f"doc.{kind}", text.encode("utf-8"))
        assert_exact(document, warm.check(document))
