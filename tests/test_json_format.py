"""The JSON report is a contract (docs/json-format.md): real output validates against the
published schema, and every alternative replaces exactly the fix span it is given for."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from plainwords.cli import main

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "docs" / "json-format.schema.json").read_text(encoding="utf-8")
)

DOCUMENT = """\
# Plan

Her father was an alcoholic. The cuts impacted on services.
We target entrenched rough sleepers and utilise the hub.
Outreach workers met 14 rough sleepers. Case closed due to non-engagement.
The word "addicts" is one we avoid. I will liaise with the housing team.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("json") / "plan.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path, DOCUMENT


def run_json(capsys, *args):
    main(["check", "--format", "json", *args])
    return json.loads(capsys.readouterr().out)


def test_real_output_validates_against_the_schema(report, capsys):
    path, _ = report
    data = run_json(capsys, "--include-mentions", str(path))
    jsonschema.validate(data, SCHEMA)
    fields = {key for finding in data["findings"] for key in finding}
    assert {"alternatives", "fix_start", "fix_end", "consider", "advice", "also"} <= fields


def test_every_alternative_replaces_the_fix_span_and_reads_as_text(report, capsys):
    path, text = report
    data = run_json(capsys, str(path))
    widened = 0
    for finding in data["findings"]:
        start, end = finding["start"], finding["end"]
        fix_start, fix_end = finding["fix_start"], finding["fix_end"]
        assert text[start:end] == finding["text"]
        assert fix_start <= start < end <= fix_end
        widened += (fix_start, fix_end) != (start, end)
        for option in finding["alternatives"] + finding["consider"]:
            pasted = text[:fix_start] + option + text[fix_end:]
            assert pasted.count("\n") == text.count("\n")
    assert widened >= 2  # "an alcoholic" and "impacted on" reach past the flagged words


def test_the_schema_rejects_a_report_without_the_contract(report, capsys):
    path, _ = report
    data = run_json(capsys, str(path))
    del data["findings"][0]["fix_start"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_sarif_carries_the_same_options(report, capsys):
    path, _ = report
    main(["check", "--format", "sarif", str(path)])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    alcoholic = next(r for r in results if r["ruleId"] == "alcoholic")
    assert alcoholic["properties"]["alternatives"][0] == "a person with an alcohol problem"
    assert "fixStart" in alcoholic["properties"]


def test_the_web_api_gives_the_fix_span_in_javascript_offsets(linter):
    from plainwords.web.server import finding_json, utf16_offsets

    text = "🙂 Her father was an alcoholic."
    (finding,) = linter.check_text(text)
    offsets = utf16_offsets(text, [finding.start, finding.end, finding.fix_start, finding.fix_end])
    data = finding_json(finding, offsets)
    as_js = text.encode("utf-16-le")
    span = as_js[2 * data["fix_start"] : 2 * data["fix_end"]].decode("utf-16-le")
    assert span == "an alcoholic" and data["alternatives"][0] == "a person with an alcohol problem"


def test_quoted_uses_and_repeats_are_in_the_contract(tmp_path, capsys):
    path = tmp_path / "news.md"
    path.write_text(
        "'We see the homeless in the doorway every morning,' a shopkeeper said.\n"
        "The council says the homeless need homes, not fines.\n",
        encoding="utf-8",
    )
    data = run_json(capsys, str(path))
    jsonschema.validate(data, SCHEMA)
    speech, writer = data["findings"]
    assert (speech["text"], speech["quoted"], speech["severity"]) == (
        "the homeless",
        True,
        "suggestion",
    )
    assert (writer["quoted"], writer["severity"]) == (False, "error")
    assert [(f["occurrence"], f["occurrences"]) for f in data["findings"]] == [(1, 2), (2, 2)]
    skipped = run_json(capsys, "--skip-quotations", str(path))["findings"]
    assert [(f["line"], f["quoted"]) for f in skipped] == [(2, False)]
