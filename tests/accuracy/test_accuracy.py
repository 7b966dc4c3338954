"""Accuracy gates: recall on clear uses, and how often innocent senses and mentions are flagged.

The numbers come from benchmarks/accuracy.py over tests/accuracy/sentences.yaml; the thresholds
live in tests/accuracy/thresholds.yaml and nowhere else.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import accuracy  # noqa: E402

RUNS = accuracy.load_runs()


@pytest.fixture(scope="module")
def items():
    return accuracy.load_items()


def test_the_labelled_set_is_big_enough_and_well_formed(items):
    assert len(items) >= 320
    assert sum(1 for i in items if i.kind in ("innocent", "mention")) >= 110
    assert all(i.expect for i in items if i.kind == "use")
    for item in items:
        for expected in item.expect:
            assert expected.term.lower() in item.text.lower(), item.text
    assert len({i.text for i in items}) == len(items)


@pytest.mark.parametrize("run", RUNS, ids=[r.name for r in RUNS])
def test_accuracy_stays_at_or_above_the_thresholds(run, items):
    outcomes = accuracy.evaluate(items)
    gated = [o for o in outcomes if accuracy.in_gate(o.item, run.gate)]
    assert gated, "the gate selects no sentences"
    scores = accuracy.scores(gated)
    broken = accuracy.failures(scores, run.limits)
    detail = "\n".join(accuracy.format_errors(gated))
    assert not broken, f"{'; '.join(broken)}\n{detail}"


def test_scoring_matches_by_overlap_and_category():
    item = accuracy.Item(
        "Client DNA'd twice and addicts",
        (accuracy.Expected("DNA'd", "stigma"),),
        "use",
        "case notes",
        "DNA",
    )
    found = [accuracy.Found("DNA", "stigma", 7, 10), accuracy.Found("addicts", "stigma", 23, 30)]
    outcome = accuracy.score_item(item, found)
    assert [e.term for e in outcome.hits] == ["DNA'd"]
    assert [f.text for f in outcome.false_positives] == ["addicts"]
    wrong_category = accuracy.score_item(item, [accuracy.Found("DNA", "jargon", 7, 10)])
    assert [e.term for e in wrong_category.misses] == ["DNA'd"]


def test_the_report_runs_end_to_end(capsys):
    assert accuracy.main(["--run", RUNS[0].name, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert (
        "recall on clear uses" in out
        and "innocent senses flagged" in out
        and "thresholds: met" in out
    )
