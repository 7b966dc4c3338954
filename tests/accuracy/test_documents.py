"""The document suite: its markers parse to exact places, the scorer's arithmetic is right, and
the linter does no worse on the suite than the floors in tests/accuracy/documents/floors.yaml.

The floors are where the suite stood when it was written, not the issue's targets; the report
(``python -m benchmarks.documents``) prints both.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import documents as bench  # noqa: E402


@pytest.fixture(scope="module")
def suite():
    return bench.load([bench.SUITE])


@pytest.fixture(scope="module")
def lexicon():
    return bench.build_lexicon()


def test_markers_become_exact_places_in_the_plain_text():
    doc = bench.parse_marked(
        "d",
        "g",
        "Staff called him an [[addict|addict]]; the {{key|sense}} and [[junkies|junkie|quoted]].",
    )
    assert doc.text == "Staff called him an addict; the key and junkies."
    (addict, junkies), (key,) = doc.expected, doc.silent
    assert doc.text[addict.start : addict.end] == "addict" and addict.entries == ("addict",)
    assert doc.text[junkies.start : junkies.end] == "junkies" and junkies.quoted
    assert doc.text[key.start : key.end] == "key" and key.kind == "sense"
    with pytest.raises(ValueError, match="unknown silent kind"):
        bench.parse_marked("d", "g", "the {{key|innocent}}")


def test_the_suite_is_big_varied_and_annotated_with_known_entries(suite, lexicon):
    assert len(suite) >= 80
    genres = {d.genre for d in suite}
    assert len(genres) >= 10
    assert len({d.id for d in suite}) == len(suite)
    known = bench.known_entries(lexicon)
    for doc in suite:
        for span in doc.expected + doc.silent:
            assert doc.text[span.start : span.end] == span.text, doc.id
        for span in doc.expected:
            unknown = [e for e in span.entries if e not in known and not e.startswith("new:")]
            assert not unknown, (
                f"{doc.id}: {unknown} is no entry (use new:NAME for a label no entry covers)"
            )
    assert sum(1 for d in suite for s in d.silent if s.kind == "avoid") >= 20


def _found(start, end, text, entry, severity="warning", quoted=False):
    return bench.Found(start, end, text, entry, severity, quoted)


def test_the_scorer_counts_hits_misses_and_each_kind_of_false_positive():
    doc = bench.parse_marked(
        "d",
        "g",
        "[[addicts|addict]] and [[tramps|tramp|quoted]] avoid {{junkie|avoid}} the {{cohort|sense}}"
        " and {{the term|mention}} and [[hard to reach|hard-to-reach]] or key",
    )
    text = doc.text
    at = text.index
    found = [
        _found(at("addicts"), at("addicts") + 7, "addicts", "addict"),  # hit, exact
        _found(at("tramps"), at("tramps") + 5, "tramp", "tramp", "suggestion", quoted=True),  # hit
        _found(at("junkie"), at("junkie") + 6, "junkie", "junkie", "error"),  # avoid-list warning
        _found(at("cohort"), at("cohort") + 6, "cohort", "cohort", "suggestion"),  # wrong sense
        _found(at("the term"), at("the term") + 3, "the", "x", "warning"),  # mention
        _found(at("hard to"), at("hard to") + 4, "hard", "other", "warning"),  # wrong entry
        _found(at("key"), at("key") + 3, "key", "key", "suggestion"),  # unmarked
    ]
    outcome = bench.score_document(doc, found)
    assert [s.text for s in outcome.hits] == ["addicts", "tramps"]
    assert [s.text for s in outcome.misses] == ["hard to reach"]
    assert outcome.exact == 1
    assert [why for _, why in outcome.wrong] == [
        "avoid",
        "sense",
        "mention",
        "wrong entry",
        "unmarked",
    ]
    s = bench.scores([outcome], serious={"addict", "hard-to-reach"})
    assert (s.documents, s.expected, s.findings, s.hits) == (1, 3, 7, 2)
    assert s.precision == pytest.approx(2 / 7)
    assert s.recall == pytest.approx(2 / 3)
    assert (s.serious, s.serious_hits) == (2, 1) and s.serious_recall == 0.5
    # warning level: addicts (hit), junkie, the-term, hard (wrong): 1 of 4
    assert (s.loud, s.loud_matched) == (4, 1) and s.warning_precision == 0.25
    assert s.wrong_sense_share == pytest.approx(1 / 7)
    assert s.mention_share == pytest.approx(2 / 7)
    assert s.avoid_warnings == 1
    assert (s.quoted, s.quoted_hits, s.quoted_marked) == (1, 1, 1)
    assert s.by_reason == {"avoid": 1, "sense": 1, "mention": 1, "wrong entry": 1, "unmarked": 1}


def test_empty_groups_score_as_perfect_rather_than_dividing_by_zero():
    s = bench.scores([], serious=set())
    assert (s.precision, s.recall, s.warning_precision, s.mention_share) == (1.0, 1.0, 1.0, 0.0)


def test_real_documents_load_from_an_annotations_file_outside_the_suite(tmp_path):
    text = "The addicts met. Addicts are people. The addicts themselves."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    last = text.rindex("addicts")
    (tmp_path / "annotations.yaml").write_text(
        yaml.safe_dump(
            {
                "documents": [
                    {
                        "file": "a.txt",
                        "genre": "news",
                        "expect": [{"text": "addicts", "entry": "addict"}],
                        "silent": [{"text": "Addicts", "kind": "mention"}],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    (doc,) = bench.load([tmp_path])
    assert [(s.start, s.text) for s in doc.expected] == [(4, "addicts"), (last, "addicts")]
    assert [(s.start, s.kind) for s in doc.silent] == [(17, "mention")]
    data = yaml.safe_load((tmp_path / "annotations.yaml").read_text())
    data["documents"][0]["expect"] = [
        {"text": "addicts", "entry": "addict", "in": "addicts themselves"}
    ]
    (tmp_path / "annotations.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    (doc,) = bench.load([tmp_path])
    assert [s.start for s in doc.expected] == [last]


def test_the_suite_does_no_worse_than_its_floors(suite, lexicon):
    floors = yaml.safe_load((bench.SUITE / "floors.yaml").read_text(encoding="utf-8"))
    outcomes = bench.evaluate(suite, lexicon)
    figures = bench.figures(bench.scores(outcomes, bench.serious_entries(lexicon)))
    below = {k: round(figures[k], 3) for k, v in floors["min"].items() if figures[k] < v}
    above = {k: round(figures[k], 3) for k, v in floors["max"].items() if figures[k] > v}
    detail = "\n".join(bench.errors(outcomes))
    assert not below and not above, f"below floor {below}, above ceiling {above}\n{detail}"


def test_the_report_runs_on_a_folder_outside_the_repository(tmp_path, capsys):
    (tmp_path / "b.txt").write_text("We fed the homeless.", encoding="utf-8")
    (tmp_path / "annotations.yaml").write_text(
        "documents:\n- file: b.txt\n  genre: blog\n  expect:\n  - {text: the homeless, entry: the-homeless}\n",
        encoding="utf-8",
    )
    assert bench.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "blog" in out and "serious" in out and "recall" in out and "MISS" not in out


def test_the_report_says_what_is_wrong_with_a_bad_path_in_one_line(tmp_path, capsys):
    assert bench.main([str(tmp_path / "missing.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.yaml" in err
