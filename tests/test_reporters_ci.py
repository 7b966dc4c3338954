"""The CI reporters: SARIF (checked against the official schema), GitHub workflow commands,
compact lines, Checkstyle XML, and ``--statistics``."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from plainwords.cli import main
from plainwords.readers import read_bytes
from plainwords.reporters import FORMATS, Run, reporters
from plainwords.reporters.github import escape_data, escape_property, report_github
from plainwords.reporters.sarif import artifact_uri, sarif_log

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
TEXT = "We will Utilise the hall.\nService users, addicts and going forward.\n"


@pytest.fixture(scope="module")
def run(linter):
    findings = linter.check(read_bytes("docs/plan.md", TEXT.encode()))
    assert {f.rule for f in findings} >= {"utilise", "service-user", "addict", "going-forward"}
    return Run(findings=findings, files=1)


def render(run: Run, name: str) -> str:
    stream = io.StringIO()
    reporters()[name](run, stream, False)
    return stream.getvalue()


def validate(log: dict) -> None:
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_every_format_is_registered_and_offered_by_check():
    assert set(reporters()) == set(FORMATS)
    from plainwords.commands.check import check

    option = next(p for p in check.params if p.name == "output_format")
    assert tuple(option.type.choices) == FORMATS


def test_sarif_validates_against_the_official_schema(run):
    log = json.loads(render(run, "sarif"))
    validate(log)
    assert log["version"] == "2.1.0"


def test_sarif_rules_carry_reason_alternatives_source_and_level(run):
    driver = sarif_log(run)["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert sorted(rules) == sorted({f.rule for f in run.findings})
    rule = rules["service-user"]
    assert "people who use our services" in rule["help"]["text"]
    assert rule["helpUri"].startswith("https://")
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert rules["utilise"]["defaultConfiguration"]["level"] == "note"  # a suggestion


def test_sarif_results_point_at_the_exact_characters(run):
    log = sarif_log(run)
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result, finding in zip(results, run.findings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        offset, length = region["charOffset"], region["charLength"]
        assert TEXT[offset : offset + length] == finding.text == region["snippet"]["text"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert (
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/plan.md"
        )


def test_sarif_offers_fixes_only_for_safe_entries(run):
    results = {r["ruleId"]: r for r in sarif_log(run)["runs"][0]["results"]}
    fix = results["utilise"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "Use"  # capital kept
    assert TEXT[fix["deletedRegion"]["charOffset"] :].startswith("Utilise")
    assert "fixes" not in results["service-user"]  # a label for people needs a person's judgement


def test_sarif_for_word_documents_has_no_offsets_or_fixes(run):
    finding = next(f for f in run.findings if f.rule == "utilise")
    word = replace(finding, path="report.docx", location="paragraph 1")
    log = sarif_log(Run(findings=[word], files=1))
    validate(log)
    result = log["runs"][0]["results"][0]
    assert "charOffset" not in result["locations"][0]["physicalLocation"]["region"]
    assert "fixes" not in result


def test_sarif_with_no_findings_is_valid():
    log = sarif_log(Run(findings=[], files=3))
    validate(log)
    assert log["runs"][0]["results"] == []


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("./docs/a b.md", "docs/a%20b.md"),
        ("/srv/site/index.md", "file:///srv/site/index.md"),
        ("docs\\notes.txt", "docs/notes.txt"),
    ],
)
def test_sarif_artifact_uris(path, uri):
    assert artifact_uri(path) == uri


def test_github_annotations(run):
    lines = render(run, "github").splitlines()
    assert len(lines) == len(run.findings)
    service = next(line for line in lines if "service-user" in line)
    assert service.startswith("::warning file=docs/plan.md,line=2,col=1,endLine=2,endColumn=13,")
    assert "title=plainwords%3A service-user::" in service
    assert "People who use our services" in service  # shaped: the finding starts a line
    assert any(line.startswith("::notice ") for line in lines)  # suggestions are notices


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_escapes_awkward_paths(run):
    finding = replace(run.findings[0], path="my,odd:file.md")
    stream = io.StringIO()
    report_github(Run(findings=[finding], files=1), stream)
    assert stream.getvalue().startswith("::notice file=my%2Codd%3Afile.md,line=1,")


def test_compact_lines(run):
    lines = render(run, "compact").splitlines()
    assert "docs/plan.md:1:9: [suggestion] utilise: “Utilise”: " in lines[0]
    assert any(line.startswith("docs/plan.md:2:1: [warning] service-user: ") for line in lines)
    assert len(lines) == len(run.findings)


def test_checkstyle_is_well_formed_xml(run):
    root = ET.fromstring(render(run, "checkstyle"))
    assert root.tag == "checkstyle"
    (file,) = root.findall("file")
    assert file.get("name") == "docs/plan.md"
    errors = file.findall("error")
    assert len(errors) == len(run.findings)
    assert {e.get("severity") for e in errors} <= {"error", "warning", "info"}
    assert errors[0].get("source") == "plainwords.utilise"


def test_statistics_follow_a_text_report(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Service users and service users and addicts.\n", encoding="utf-8")
    assert main(["check", "--statistics", "--no-color", str(path)]) == 1
    out = capsys.readouterr().out
    statistics = out[out.index("Statistics") :].splitlines()
    assert statistics[1].split() == ["2", "service-user", "warning"]
    assert statistics[2].split() == ["1", "addict", "error"]
    assert statistics[-1].split() == ["3", "total"]


def test_statistics_go_to_stderr_for_machine_formats(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Service users.\n", encoding="utf-8")
    assert main(["check", "--format", "sarif", "--statistics", str(path)]) == 1
    captured = capsys.readouterr()
    validate(json.loads(captured.out))
    assert "1  service-user" in captured.err


@pytest.mark.parametrize("name", [n for n in FORMATS if n != "text"])
def test_machine_formats_through_the_cli(tmp_path, capsys, name):
    path = tmp_path / "a.md"
    path.write_text("Addicts.\n", encoding="utf-8")
    assert main(["check", "--format", name, str(path)]) == 1
    out = capsys.readouterr().out
    assert "addict" in out
    assert "\x1b[" not in out


def test_gitlab_code_quality(run):
    issues = json.loads(render(run, "gitlab"))
    assert len(issues) == len(run.findings)
    service = next(i for i in issues if i["check_name"] == "plainwords/service-user")
    assert service["location"] == {"path": "docs/plan.md", "lines": {"begin": 2, "end": 2}}
    assert service["severity"] == "major"
    assert "People who use our services" in service["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_survive_moved_lines(linter):
    def fingerprints(text: str) -> list[str]:
        findings = linter.check(read_bytes("a.md", text.encode()))
        return [
            i["fingerprint"] for i in json.loads(render(Run(findings=findings, files=1), "gitlab"))
        ]

    before = fingerprints("Addicts. Addicts.\n")
    assert fingerprints("# New heading\n\nAddicts. Addicts.\n") == before
    assert len(set(before)) == 2
