"""Project configuration end to end: discovery, --config, validation, globs, overrides, and the
command line overriding the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plainwords.cli import main
from plainwords.config import find_config

TEXT = "Our service users are not hard to reach. Going forward we will utilise plain words.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_json(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["check", "--format", "json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)["findings"] if out.strip() else []


def rule_set(findings) -> set[str]:
    return {f["rule"] for f in findings}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with a document, as the working directory."""
    write(tmp_path / "docs" / "guide.md", TEXT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_pyproject_that_disables_jargon_leaves_only_stigma_findings(project, capsys):
    write(
        project / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.plainwords]\ndisable = ["jargon"]\n',
    )
    code, findings = run_json(capsys, "docs")
    assert code == 1
    assert {f["category"] for f in findings} == {"stigma"}
    assert rule_set(findings) == {"service-user", "hard-to-reach"}


def test_discovery_walks_up_from_the_working_directory(project, capsys, monkeypatch):
    write(project / ".plainwords.toml", 'disable = ["stigma"]\n')
    monkeypatch.chdir(project / "docs")
    assert find_config() == (project / ".plainwords.toml").resolve()
    _, findings = run_json(capsys, "guide.md")
    assert rule_set(findings) == {"going-forward", "utilise"}


def test_a_pyproject_without_a_plainwords_table_is_passed_over(project, capsys, monkeypatch):
    write(project / ".plainwords.yaml", "disable: [jargon]\n")
    write(project / "docs" / "pyproject.toml", '[project]\nname = "docs"\n')
    monkeypatch.chdir(project / "docs")
    assert find_config() == (project / ".plainwords.yaml").resolve()


def test_the_plainwords_file_wins_over_pyproject_in_the_same_folder(project):
    write(project / "pyproject.toml", "[tool.plainwords]\nfail_on = 'error'\n")
    write(project / ".plainwords.toml", "fail_on = 'never'\n")
    assert find_config(project).name == ".plainwords.toml"


def test_config_names_a_file_explicitly(project, capsys):
    config = write(project / "elsewhere" / "team.toml", 'disable = ["jargon", "service-user"]\n')
    _, findings = run_json(capsys, "--config", str(config), "docs")
    assert rule_set(findings) == {"hard-to-reach"}


def test_a_missing_config_file_is_a_usage_error(project, capsys):
    assert main(["check", "--config", "nope.toml", "docs"]) == 2
    assert "nope.toml: configuration file not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (".plainwords.toml", "disabel = ['jargon']\n", "disabel: unknown setting"),
        (
            ".plainwords.toml",
            "fail_on = 'sometimes'\n",
            "fail_on: must be one of error, warning, suggestion, never",
        ),
        (".plainwords.toml", "[severity]\njargon = 'loud'\n", "severity: 'jargon' must be one of"),
        (".plainwords.toml", "exclude = 3\n", "exclude: must be a list of text"),
        (
            ".plainwords.toml",
            "[[overrides]]\ndisable = ['jargon']\n",
            "overrides: each override needs 'paths'",
        ),
        (
            ".plainwords.toml",
            "[[overrides]]\npaths = ['a']\nfoo = 1\n",
            "overrides: unknown setting 'foo'",
        ),
        (
            "pyproject.toml",
            "[tool.plainwords]\nmodle = 'x'\n",
            "[tool.plainwords] modle: unknown setting",
        ),
        (
            ".plainwords.yaml",
            "allow: [ok]\nlexicon: x.yaml\n",
            ".plainwords.yaml:2: lexicon: unknown setting",
        ),
        (".plainwords.toml", "disable = [\n", "invalid TOML"),
    ],
)
def test_unknown_keys_and_bad_values_exit_2_naming_the_key(project, capsys, name, content, message):
    write(project / name, content)
    assert main(["check", "docs"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_include_and_exclude_globs_choose_the_files_of_a_folder_check(project, capsys):
    write(project / "docs" / "drafts" / "draft.md", "The addicts.\n")
    write(project / "notes" / "n.md", "The homeless.\n")
    write(project / ".plainwords.toml", 'include = ["docs/**"]\nexclude = ["docs/drafts/**"]\n')
    _, findings = run_json(capsys, ".")
    assert {f["path"] for f in findings} == {str(Path("docs/guide.md"))}


def test_exclude_applies_to_files_named_on_the_command_line(project, capsys):
    write(project / "vendor" / "third.md", "The addicts.\n")
    write(project / ".plainwords.toml", 'exclude = ["vendor/**", "*.txt"]\n')
    write(project / "notes.txt", "The addicts.\n")
    code, findings = run_json(capsys, "vendor/third.md", "notes.txt", "docs/guide.md")
    assert code == 1
    assert {f["path"] for f in findings} == {"docs/guide.md"}


def test_overrides_apply_per_path(project, capsys):
    write(project / "legal" / "terms.md", TEXT)
    write(
        project / ".plainwords.toml",
        '[[overrides]]\npaths = ["legal/**"]\ndisable = ["jargon"]\nallow = ["service users"]\n'
        '[overrides.severity]\nhard-to-reach = "error"\n',
    )
    _, findings = run_json(capsys, "docs", "legal")
    by_path = {}
    for finding in findings:
        by_path.setdefault(finding["path"], []).append((finding["rule"], finding["severity"]))
    assert sorted(by_path[str(Path("legal/terms.md"))]) == [("hard-to-reach", "error")]
    assert ("hard-to-reach", "warning") in by_path[str(Path("docs/guide.md"))]
    assert len(by_path[str(Path("docs/guide.md"))]) == 4


def test_allow_severity_and_extra_lexicons(project, capsys):
    write(
        project / "words" / "ours.yaml",
        "version: 1\ncategory: local\nentries:\n"
        "  - id: plain-words\n    terms: [plain words]\n    alternatives: [clear words]\n"
        "    reason: Our own test entry.\n    severity: suggestion\n"
        '    source: {name: Our style guide, url: "https://example.org/style"}\n',
    )
    write(
        project / ".plainwords.toml",
        'lexicons = ["words/ours.yaml"]\nallow = ["service users"]\n[severity]\njargon = "error"\n',
    )
    _, findings = run_json(capsys, "docs")
    assert {(f["rule"], f["severity"]) for f in findings} == {
        ("hard-to-reach", "warning"),
        ("going-forward", "error"),
        ("utilise", "error"),
        ("plain-words", "suggestion"),
    }


def test_command_line_options_override_the_file(project, capsys):
    write(project / ".plainwords.toml", 'fail_on = "never"\ndisable = ["stigma"]\n')
    assert main(["check", "docs"]) == 0
    capsys.readouterr()
    assert main(["check", "--fail-on", "suggestion", "docs"]) == 1
    capsys.readouterr()
    # --disable adds to the file's list.
    _, findings = run_json(capsys, "--disable", "utilise", "docs")
    assert rule_set(findings) == {"going-forward"}


def test_a_yaml_config_works_like_toml(project, capsys):
    write(project / ".plainwords.yaml", "disable:\n  - jargon\nfail_on: error\n")
    code, findings = run_json(capsys, "docs")
    assert rule_set(findings) == {"service-user", "hard-to-reach"}
    assert code == 0  # only warnings, and the file fails on errors
