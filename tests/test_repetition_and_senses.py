"""Repetition (occurrence counts, --first-only, acronyms spelled out) and senses the document
decides (a statistics paper's cohort, an airline's frequent flyers)."""

from __future__ import annotations

import json

from plainwords.cli import main
from plainwords.engine import Linter
from plainwords.occurrences import spelled_out
from plainwords.readers import read_text
from plainwords.senses import Sense, drop_wrong_senses
from tiny_lexicons import entry_yaml, lexicon_of


def _linter(*entries: str) -> Linter:
    return Linter(lexicon_of(*entries))


def test_each_finding_knows_which_time_its_entry_is_used(tmp_path):
    linter = _linter(entry_yaml("addict", "[addict]"), entry_yaml("junkie", "[junkie]"))
    findings = linter.check_text("An addict met a junkie. The addict left. Another addict came.")
    assert [(f.text, f.occurrence, f.occurrences) for f in findings] == [
        ("addict", 1, 3),
        ("junkie", 1, 1),
        ("addict", 2, 3),
        ("addict", 3, 3),
    ]
    assert findings[0].to_dict()["occurrence"] == 1 and findings[0].to_dict()["occurrences"] == 3


def test_first_only_shows_each_entry_once_with_its_count_and_still_fails(tmp_path, capsys):
    page = tmp_path / "report.txt"
    page.write_text("Service users came. Service users left. Addicts stayed.\n", encoding="utf-8")
    assert main(["check", "--first-only", "--no-color", str(page)]) == 1
    out = capsys.readouterr().out
    assert out.count("[service-user]") == 1 and "(2 times in this file)" in out
    assert main(["check", "--first-only", "--format", "json", str(page)]) == 1
    rows = json.loads(capsys.readouterr().out)
    rows = rows["findings"] if isinstance(rows, dict) else rows
    assert [(r["text"], r["occurrences"]) for r in rows] == [("Service users", 2), ("Addicts", 1)]
    assert "(2 times in this file)" in rows[0]["message"]


def test_an_acronym_spelled_out_is_a_suggestion_from_there_on():
    text = "Two children Did Not Attend (DNA) in May. A DNA letter was sent."
    assert spelled_out(text) == {"DNA": text.index("(DNA)")}
    assert spelled_out("Looked After Children (LAC) and the (NHS) trust") == {"LAC": 22}
    linter = _linter(entry_yaml("dna", "[DNA]", "case_sensitive: true\ninflect: none"))
    before = linter.check_text("A DNA letter was sent. Later they Did Not Attend (DNA) again.")
    assert [f.severity for f in before] == ["warning", "suggestion"]


def test_a_statistics_paper_decides_the_sense_of_cohort():
    linter = _linter(entry_yaml("cohort", "[cohort]"))
    paper = (
        "We followed a cohort of 1,204 adults. The odds ratio was 1.4 (95% confidence interval "
        "1.1 to 1.8)."
    )
    assert linter.check_text(paper) == []
    note = "The non-engaging cohort were moved to the evening session."
    assert [f.text for f in linter.check_text(note)] == ["cohort"]


def test_a_structured_abstract_decides_the_sense_of_cohort():
    """Aim, Method, Results, Conclusions: the headings of a research abstract."""
    linter = _linter(entry_yaml("cohort", "[cohort]"))
    abstract = (
        "Aim: To compare a cohort of adults who had a care plan with one who had not.\n"
        "Method: A review of records over four years.\n"
        "Results: The cohort with a plan attended less often.\n"
        "Conclusions: Plans help."
    )
    assert linter.check_text(abstract) == []


def test_one_topic_word_is_not_enough():
    sense = Sense("air travel", frozenset({"frequent-flyer"}), ("airline", "flights"))
    assert not sense.shown_by("The airline sponsored our ward.")
    assert sense.shown_by("The Airline cut FLIGHTS again.")
    linter = _linter(entry_yaml("frequent-flyer", "[frequent flyer]"))
    document = read_text(
        "t.txt", "Our frequent flyers at A&E need a plan, said the airline's nurse."
    )
    found = linter.check(document)
    assert [f.text for f in drop_wrong_senses(document, found, (sense,))] == ["frequent flyers"]


def test_skip_quotations_in_the_configuration_leaves_quoted_uses_out(tmp_path, capsys, monkeypatch):
    page = tmp_path / "news.txt"
    page.write_text('"We see addicts every morning," a shopkeeper said.\n', encoding="utf-8")
    assert main(["check", "--format", "json", str(page)]) == 0  # a quoted use is a suggestion
    rows = json.loads(capsys.readouterr().out)
    rows = rows["findings"] if isinstance(rows, dict) else rows
    assert [(r["text"], r["quoted"], r["severity"]) for r in rows] == [
        ("addicts", True, "suggestion")
    ]
    assert main(["check", "--no-color", str(page)]) == 0
    assert "(quoted)" in capsys.readouterr().out
    (tmp_path / ".plainwords.toml").write_text("skip_quotations = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "news.txt"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert (rows["findings"] if isinstance(rows, dict) else rows) == []


def test_sarif_marks_quoted_uses_and_repeats(tmp_path, capsys):
    page = tmp_path / "news.txt"
    page.write_text('"Addicts," he said. Addicts again.\n', encoding="utf-8")
    main(["check", "--format", "sarif", str(page)])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert results[0]["properties"]["quoted"] is True
    assert results[1]["properties"]["occurrence"] == 2
    assert "quoted" not in results[1]["properties"]
