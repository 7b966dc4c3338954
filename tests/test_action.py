"""The GitHub Action (``action.yml``): its inputs, and its check step run as GitHub runs it
(``bash --noprofile --norc -eo pipefail``) against a temporary git repository, with the inputs
and event fields filled in the way the runner fills them. Only the install step is left out
(it would pip-install plainwords); the step calls this checkout's plainwords instead."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import plainwords
from plainwords.commands.check import check

SOURCE = Path(plainwords.__file__).resolve().parents[1]
ROOT = SOURCE.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step.get("id"): step for step in ACTION["runs"]["steps"]}
CHECK_OPTIONS = {opt for param in check.params for opt in getattr(param, "opts", [])}


def test_inputs_and_outputs():
    inputs = ACTION["inputs"]
    assert set(inputs) == {
        "paths",
        "fail-on",
        "changed-only",
        "base",
        "sarif",
        "config",
        "python-version",
    }
    assert inputs["changed-only"]["default"] == "true"
    assert inputs["paths"]["default"] == "."
    assert inputs["fail-on"]["default"] in {"error", "warning", "suggestion", "never"}
    assert all(spec.get("description") and "default" in spec for spec in inputs.values())
    assert ACTION["outputs"]["sarif"]["value"] == "${{ steps.check.outputs.sarif }}"
    assert ACTION["runs"]["using"] == "composite"


def test_python_is_set_up_only_when_needed_and_plainwords_comes_from_the_action():
    setup = next(s for s in ACTION["runs"]["steps"] if "setup-python" in s.get("uses", ""))
    assert setup["if"] == "steps.python.outputs.setup == 'true'"
    assert '"$GITHUB_ACTION_PATH"' in STEPS["install"]["run"]
    assert "PLAINWORDS_PYTHON=" in STEPS["install"]["run"]


def test_inputs_reach_scripts_only_through_the_environment():
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("id")


def test_the_check_step_calls_real_options():
    script = STEPS["check"]["run"]
    used = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", script))
    git_options = {"--quiet", "--no-tags", "--depth"}
    assert used - git_options <= CHECK_OPTIONS, used - git_options - CHECK_OPTIONS
    assert {"--changed-since", "--format", "--fail-on", "--config"} <= used


def git(repo: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def pull_request(tmp_path) -> tuple[Path, str]:
    """A repository whose branch adds a line with a finding to a file with an old one; and
    the base commit."""
    repo = tmp_path / "work space"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "plainwords tests")
    git(repo, "config", "user.email", "tests@example.invalid")
    (repo / "docs").mkdir()
    (repo / "docs" / "notes.md").write_text("# Notes\n\nOur service users told us.\n", "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "topic")
    with (repo / "docs" / "notes.md").open("a", encoding="utf-8") as notes:
        notes.write("Addicts came, 50% of them.\n")
    git(repo, "commit", "-q", "-am", "topic")
    return repo, base


def run_step(step_id: str, repo: Path, event: dict[str, str], **given: str):
    """Run one step's script with the environment GitHub would give it."""
    step = STEPS[step_id]
    inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    inputs.update({name.replace("_", "-"): value for name, value in given.items()})
    output_file = repo.parent / "github-output"
    output_file.write_text("", encoding="utf-8")

    def fill(value: str) -> str:
        value = re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: inputs[m.group(1)], value)
        return re.sub(
            r"\$\{\{ github\.event\.([\w.]+) \}\}", lambda m: event.get(m.group(1), ""), value
        )

    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({name: fill(str(value)) for name, value in step.get("env", {}).items()})
    env.update(
        GITHUB_ACTION_PATH=str(ROOT),
        GITHUB_OUTPUT=str(output_file),
        PLAINWORDS_PYTHON=sys.executable,
        PYTHONPATH=str(SOURCE),
    )
    script = repo.parent / f"{step_id}.sh"
    script.write_text(step["run"], encoding="utf-8")
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    outputs = dict(
        line.split("=", 1) for line in output_file.read_text("utf-8").splitlines() if "=" in line
    )
    return result, outputs


def annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::") and "file=" in line]


def test_a_pull_request_gets_annotations_on_its_new_lines_only(pull_request):
    repo, base = pull_request
    result, outputs = run_step("check", repo, {"pull_request.base.sha": base})
    assert result.returncode == 1, result.stderr
    found = annotations(result.stdout)
    assert len(found) == 1, result.stdout
    assert found[0].startswith("::error file=docs/notes.md,line=4,col=1,endLine=4,endColumn=7,")
    assert ",title=plainwords%3A addict::“Addicts”" in found[0]  # ':' escaped in a property
    assert outputs["sarif"] == ""


def test_sarif_too_and_every_line_when_changed_only_is_false(pull_request):
    repo, base = pull_request
    result, outputs = run_step(
        "check",
        repo,
        {"pull_request.base.sha": base},
        changed_only="false",
        sarif="plainwords.sarif",
        fail_on="error",
    )
    assert result.returncode == 1, result.stderr
    assert len(annotations(result.stdout)) == 2
    assert outputs["sarif"] == "plainwords.sarif"
    sarif = json.loads((repo / "plainwords.sarif").read_text("utf-8"))
    rules = sorted(r["ruleId"] for r in sarif["runs"][0]["results"])
    assert rules == ["addict", "service-user"]


def test_a_push_compares_with_the_commit_before_it(pull_request):
    repo, base = pull_request
    result, _ = run_step("check", repo, {"before": base}, fail_on="never", paths="docs")
    assert result.returncode == 0, result.stderr
    assert [a.split(",")[1] for a in annotations(result.stdout)] == ["line=4"]


def test_no_base_checks_every_line_and_says_so(pull_request):
    repo, _ = pull_request
    result, _ = run_step("check", repo, {"before": "0" * 40})
    assert "::notice title=plainwords::No base" in result.stdout
    assert len(annotations(result.stdout)) == 2


def test_a_base_that_looks_like_an_option_is_refused(pull_request):
    repo, _ = pull_request
    result, _ = run_step("check", repo, {}, base="--upload-pack=touch pwned")
    assert result.returncode == 2 and not (repo / "pwned").exists()
    assert "::error title=plainwords::" in result.stdout


def test_the_python_step_finds_this_python(pull_request, monkeypatch):
    repo, _ = pull_request
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    result, outputs = run_step("python", repo, {})
    assert result.returncode == 0, result.stderr
    assert outputs["setup"] == ("false" if sys.version_info >= (3, 10) else "true")
