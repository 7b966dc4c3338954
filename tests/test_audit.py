"""``plainwords audit`` on this machine: figures, formats, the JSON schema, privacy and errors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
import tomllib

from audit_tables import SPEC_ARGS, two_team_records, two_team_table
from plainwords.cli import main

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "src/plainwords/audit/schema.json").read_text()
)


def audit(capsys, *args) -> tuple[int, str, str]:
    code = main(["audit", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def audit_json(capsys, *args) -> dict:
    code, out, err = audit(capsys, *args, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    return report


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    return two_team_table(tmp_path_factory.mktemp("audit"))


def test_groups_count_every_record_and_add_up_to_the_whole_table(table, capsys):
    report = audit_json(capsys, table, *SPEC_ARGS)
    assert isinstance(report["groups"], list) and len(report["groups"]) == 8
    assert {tuple(g["key"]) for g in report["groups"]} == {("team", "period")}
    total = report["total"]
    assert total["records"] == 200
    for field in ("records", "records_flagged", "words", "findings"):
        assert sum(g[field] for g in report["groups"]) == total[field]
    assert sum(total["severity"].values()) == total["findings"]
    assert total["rate_per_1000_words"] == round(1000 * total["findings"] / total["words"], 3)


def test_figures_match_a_count_made_record_by_record(table, capsys, linter):
    """The audit's numbers, checked against ``check`` run on each record by hand."""
    from plainwords.audit.counting import words_in
    from plainwords.engine import Linter
    from plainwords.lexicon import load_lexicon

    full = Linter(load_lexicon(["stigma", "jargon", "casenotes"]))
    report = audit_json(capsys, table, "--text-column", "note", "--by", "team")
    for group in report["groups"]:
        rows = [r for r in two_team_records() if r["team"] == group["key"]["team"]]
        found = [full.check_text(r["note"]) for r in rows]
        assert group["records"] == len(rows)
        assert group["records_flagged"] == sum(1 for f in found if f)
        assert group["findings"] == sum(map(len, found))
        assert group["words"] == sum(words_in(r["note"]) for r in rows)
        counts: dict[str, int] = {}
        for f in (f for fs in found for f in fs):
            counts[f.rule] = counts.get(f.rule, 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        assert [(e["entry"], e["count"]) for e in group["top_entries"]] == top[:10]


def test_casenotes_is_on_by_default_and_leaves_review_of_symptoms_alone(tmp_path, capsys):
    notes = tmp_path / "notes.jsonl"
    rows = [
        {"team": "A", "note": "Patient denies chest pain. Denies any shortness of breath."},
        {"team": "A", "note": "She denies drinking since Friday."},
        {"team": "B", "note": "He claims Universal Credit."},
    ]
    notes.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = audit_json(capsys, notes, "--text-column", "note", "--by", "team")
    a, b = report["groups"]
    assert a["findings"] == 1 and a["top_entries"] == [{"entry": "denies-account", "count": 1}]
    assert b["findings"] == 0 and b["records"] == 1
    assert "casenotes" in report["lexicons"]


def test_parquet_and_csv_give_the_same_figures(table, tmp_path, capsys):
    parquet = tmp_path / "notes.parquet"
    pd.read_csv(table, dtype=str).to_parquet(parquet)
    assert (
        audit_json(capsys, parquet, *SPEC_ARGS)["groups"]
        == audit_json(capsys, table, *SPEC_ARGS)["groups"]
    )


def test_periods_by_month_quarter_and_year(table, capsys):
    for every, example in (("month", "2024-03"), ("quarter", "2024-Q1"), ("year", "2024")):
        report = audit_json(
            capsys, table, "--text-column", "note", "--period", "written", "--every", every
        )
        assert example in {g["key"]["period"] for g in report["groups"]}


def test_no_record_text_in_any_report_unless_examples_are_asked_for(table, tmp_path, capsys):
    sentences = {r["note"] for r in two_team_records()} | {"failed to take"}
    for output_format in ("table", "json", "csv", "html"):
        code, out, _ = audit(capsys, table, *SPEC_ARGS, "--format", output_format)
        assert code == 0
        assert not any(s in out for s in sentences)
        assert "R0000" not in out  # no record identifiers either


def test_examples_are_the_sentence_around_a_finding_with_its_id(table, capsys):
    report = audit_json(
        capsys,
        table,
        "--text-column",
        "note",
        "--by",
        "team",
        "--id-column",
        "id",
        "--show-examples",
        "2",
    )
    by_id = {r["id"]: r["note"] for r in two_team_records()}
    for group in report["groups"]:
        assert 1 <= len(group["examples"]) <= 2
        for example in group["examples"]:
            assert example["sentence"] in by_id[example["id"]]
            assert example["text"] in example["sentence"]
            assert (
                example["sentence"] != by_id[example["id"]] or by_id[example["id"]].count(".") == 1
            )


def test_nothing_from_the_records_is_written_to_disk(table, tmp_path, capsys, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(cache))
    monkeypatch.chdir(tmp_path)
    assert audit(capsys, table, *SPEC_ARGS)[0] == 0
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"R00000" not in data and b"tablets" not in data, path


def test_terminal_table_is_sorted_by_rate_and_html_has_a_bar_per_group(table, capsys):
    _, out, _ = audit(capsys, table, *SPEC_ARGS)
    lines = out.splitlines()[2:-2]
    report = audit_json(capsys, table, *SPEC_ARGS)
    expected = sorted(report["groups"], key=lambda g: -g["rate_per_1000_words"])
    assert len(lines) == len(expected) == 8
    for group, line in zip(expected, lines, strict=True):
        assert f"{group['rate_per_1000_words']:.2f}" in line
    _, page, _ = audit(capsys, table, *SPEC_ARGS, "--format", "html")
    assert page.count('class="bar"') == 8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.csv", "--text-column", "note"], "no such file"),
        (["notes.txt", "--text-column", "note"], ".csv, .jsonl or .parquet"),
    ],
)
def test_bad_tables_are_one_line_errors(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("x")
    code, _, err = audit(capsys, *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_an_unknown_column_is_named(table, capsys):
    code, _, err = audit(capsys, table, "--text-column", "body")
    assert code == 2 and "no column named 'body'" in err


def test_a_missing_extra_names_the_pip_command(monkeypatch):
    import importlib.util

    from plainwords.audit import engines
    from plainwords.audit.spec import AuditError

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "pyspark" else real(name)
    )
    with pytest.raises(AuditError, match=r"pip install 'plainwords\[spark\]'"):
        engines.require("spark")


def test_base_install_pulls_neither_dask_nor_spark():
    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())[
        "project"
    ]
    base = " ".join(project["dependencies"]).lower()
    assert "dask" not in base and "spark" not in base and "distributed" not in base
    extras = project["optional-dependencies"]
    assert any("dask" in d for d in extras["dask"]) and any("pyspark" in d for d in extras["spark"])
    [everything] = extras["all"]
    assert {"dask", "spark"} <= set(everything.removeprefix("plainwords[").rstrip("]").split(","))
    assert "plainwords[dask,spark]" in extras["test"]


def test_casenotes_can_be_used_by_check(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text("Patient is a poor historian.\n")
    code = main(["check", "--lexicon", "casenotes", "--format", "json", str(note)])
    out = capsys.readouterr().out
    assert code == 1 and "poor-historian" in out


def test_the_json_example_in_docs_audit_md_fits_the_schema():
    import re

    text = (Path(__file__).resolve().parents[1] / "docs/audit.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    jsonschema.validate(json.loads(example), SCHEMA)


def test_each_process_builds_one_pipeline_per_policy_and_tasks_carry_only_settings():
    """What a Dask task or Spark closure carries is the small frozen spec and policy; the linter
    is built from the policy where the partition is counted, once per process."""
    import pickle

    from plainwords.audit import adapter
    from plainwords.audit.spec import AuditPolicy, AuditSpec

    policy = AuditPolicy()
    assert adapter.linter_for(policy) is adapter.linter_for(AuditPolicy())
    assert len(pickle.dumps((AuditSpec("note", ("team",)), policy))) < 1000


def test_the_command_runs_the_dask_engine_with_the_same_figures(table, capsys):
    local = audit_json(capsys, table, *SPEC_ARGS)
    dask = audit_json(capsys, table, *SPEC_ARGS, "--engine", "dask", "--workers", "1")
    assert dask["engine"] == "dask" and dask["groups"] == local["groups"]


def test_examples_are_refused_on_distributed_engines(table, capsys):
    code, _, err = audit(capsys, table, *SPEC_ARGS, "--engine", "spark", "--show-examples", "1")
    assert code == 2 and "--engine local only" in err
