"""``plainwords lexicon list|validate`` and ``plainwords explain``, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plainwords.cli import main
from plainwords.lexicon import load_lexicon

GOOD = """\
version: 1
category: house
entries:
  - id: blue-sky-thinking
    terms: [blue sky thinking]
    alternatives: [fresh ideas]
    reason: A buzzword for new ideas.
    severity: suggestion
    topic: buzzwords
    inflect: none
    source: {name: Our style guide, url: "https://example.org/style"}
    examples:
      flag: ["We need some blue sky thinking."]
      rewrite:
        - {before: "We need some blue sky thinking.", after: "We need some fresh ideas."}
"""

BAD = """\
version: 1
category: house
entries:
  - id: Not Kebab
    terms: [thing]
    alternatives: [other]
    reason: Because.
    severity: catastrophic
    source: {name: Guide, url: "https://example.org"}
  - id: no-source
    terms: [widget]
    alternatives: [tool]
    reason: Because.
    severity: warning
"""


@pytest.fixture
def house(tmp_path: Path) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_project_config(tmp_path, monkeypatch):
    """Run from an empty folder so no configuration file of the repository is picked up."""
    monkeypatch.chdir(tmp_path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_has_every_field_of_every_entry(capsys, lexicon):
    code, out, _ = run(capsys, "lexicon", "list", "--format", "json")
    assert code == 0
    entries = json.loads(out)["entries"]
    assert [e["id"] for e in entries] == [e.id for e in lexicon]
    for item in entries:
        assert set(item) == {
            "id",
            "category",
            "topic",
            "topics",
            "kind",
            "terms",
            "alternatives",
            "reason",
            "severity",
            "source",
            "note",
            "autofix",
        }
        assert item["alternatives"] and item["reason"] and item["source"]["url"].startswith("http")
    utilise = next(e for e in entries if e["id"] == "utilise")
    assert utilise["autofix"] is True and utilise["category"] == "jargon"


def test_list_filters_by_category_and_topic(capsys):
    _, out, _ = run(capsys, "lexicon", "list", "--category", "jargon", "-f", "json")
    assert {e["category"] for e in json.loads(out)["entries"]} == {"jargon"}
    _, out, _ = run(capsys, "lexicon", "list", "--topic", "Homelessness", "-f", "json")
    homelessness = [e for e in load_lexicon(["stigma", "jargon"]) if e.topic == "homelessness"]
    assert len(homelessness) > 1
    assert [e["id"] for e in json.loads(out)["entries"]] == [e.id for e in homelessness]


def test_list_text_groups_by_category_and_counts(capsys, lexicon):
    code, out, _ = run(capsys, "lexicon", "list")
    assert code == 0
    assert "stigma (" in out and "jargon (" in out
    assert "hard-to-reach" in out and "seldom heard" in out
    assert out.rstrip().endswith(f"{len(lexicon)} entries.")


def test_list_includes_extra_lexicons_from_option_and_config(capsys, house, tmp_path):
    _, out, _ = run(capsys, "lexicon", "list", "--lexicon", str(house), "--category", "house")
    assert "blue-sky-thinking" in out
    (tmp_path / ".plainwords.toml").write_text(
        f'lexicons = ["{house.name}"]\ndisable = ["jargon"]\n'
    )
    _, out, _ = run(capsys, "lexicon", "list", "-f", "json")
    ids = [e["id"] for e in json.loads(out)["entries"]]
    assert "blue-sky-thinking" in ids and "utilise" not in ids


def test_validate_counts_entries_of_a_good_file(capsys, house):
    code, out, err = run(capsys, "lexicon", "validate", str(house))
    assert code == 0
    assert out.strip() == "1 entry in 1 file: valid."
    assert err == ""


def test_validate_reports_every_problem_with_file_and_line(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    code, out, err = run(capsys, "lexicon", "validate", str(bad))
    assert code == 2
    lines = err.strip().splitlines()
    assert f"{bad}:4: entry 'Not Kebab': 'id' must be kebab-case, like 'hard-to-reach'" in lines
    assert any(line.startswith(f"{bad}:8: ") and "'severity'" in line for line in lines)
    assert any(
        line.startswith(f"{bad}:10: entry 'no-source': ") and "'source' is required" in line
        for line in lines
    )
    assert lines[-1] == "plainwords: 3 problems found"


def test_validate_reports_a_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "lexicon", "validate", str(tmp_path / "missing.yaml"))
    assert code == 2 and "missing.yaml" in err


def test_explain_finds_an_entry_through_the_pipeline(capsys):
    code, out, _ = run(capsys, "explain", "hard-to-reach")
    assert code == 0
    assert "[hard-to-reach]" in out
    assert "Puts the difficulty on the people" in out
    assert "• seldom heard" in out
    assert "https://www.brook.org.uk/" in out
    assert "Before: We want to hear from hard-to-reach groups." in out
    assert "After:  We want to hear from seldom heard groups." in out


def test_explain_takes_inflected_and_american_forms(capsys):
    code, out, _ = run(capsys, "explain", "utilized")
    assert code == 0 and "[utilise]" in out
    assert "After:  We will use the hall for the drop-in." in out
    # Another flagged example is shown, but with no untested "After" made up for it.
    assert "Before: The grant was utilized in full." in out
    assert "After:  The grant was used in full." not in out


def test_explain_falls_back_to_ids_and_terms(capsys):
    # "service-user" as an id; a bare term the pipeline would leave alone in context.
    code, out, _ = run(capsys, "explain", "service-user")
    assert code == 0 and "[service-user]" in out
    code, out, _ = run(capsys, "explain", "the", "homeless", "services")
    assert code == 1  # the innocent sense is not a finding, and not a term either


def test_explain_not_found_exits_1_with_a_clear_message(capsys):
    code, out, _ = run(capsys, "explain", "frobnicate")
    assert code == 1
    assert "“frobnicate” is not in any plainwords lexicon" in out


def test_explain_json(capsys):
    code, out, _ = run(capsys, "explain", "The homeless", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["phrase"] == "The homeless"
    [entry] = data["entries"]
    assert entry["id"] == "the-homeless"
    assert entry["examples"][0] == {
        "before": "The shelter feeds the homeless every night.",
        "after": "The shelter feeds people experiencing homelessness every night.",
        "flagged": "the homeless",
    }
    code, out, _ = run(capsys, "explain", "nothing here", "--format", "json")
    assert code == 1 and json.loads(out)["entries"] == []


def test_explain_respects_extra_lexicons(capsys, house):
    code, out, _ = run(capsys, "explain", "blue-sky thinking", "--lexicon", str(house))
    assert code == 0
    assert "[blue-sky-thinking]" in out and "After:  We need some fresh ideas." in out
