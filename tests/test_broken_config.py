"""A configuration that cannot be read stops the run loudly: a team's settings never silently
vanish, and a file saved with a byte-order mark (as Windows editors do) is read."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from plainwords.cli import main

TEXT = "Our service users are not hard to reach. Going forward we will utilise plain words.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "guide.md").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--format", "json", *args, "guide.md"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err
    return code, out, err


def test_an_invalid_pyproject_with_plainwords_settings_exits_two_naming_file_and_line(
    project, capsys
):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.plainwords]\ndisable = ["jargon"\n', encoding="utf-8"
    )
    code, out, err = _check(capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"plainwords: {project.resolve() / 'pyproject.toml'}:5: invalid TOML")
    assert err.count("\n") == 1


def test_an_invalid_pyproject_that_never_mentions_plainwords_is_passed_over(project, capsys):
    (project / "pyproject.toml").write_text('[project]\nname = "x\n', encoding="utf-8")
    code, out, _ = _check(capsys)
    assert code == 1 and json.loads(out)["findings"]


@pytest.mark.parametrize("name", ["pyproject.toml", ".plainwords.toml"])
def test_tool_that_is_not_a_table_exits_two_with_a_message(project, capsys, name):
    (project / name).write_text("tool = 5\n", encoding="utf-8")
    code, _, err = _check(capsys, "--config", name)
    assert code == 2
    expected = "'tool' must be a table" if name == "pyproject.toml" else "tool: unknown setting"
    assert expected in err and err.count("\n") == 1


def test_tool_that_is_not_a_table_is_loud_when_found_by_walking_up(project, capsys):
    (project / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    code, _, err = _check(capsys)
    assert code == 2 and "pyproject.toml:1: 'tool' must be a table" in err


def test_tool_plainwords_that_is_not_a_table_exits_two(project, capsys):
    (project / "pyproject.toml").write_text("[tool]\nplainwords = 5\n", encoding="utf-8")
    code, _, err = _check(capsys)
    assert code == 2 and "[tool.plainwords] must be a table" in err


@pytest.mark.parametrize("name", ["pyproject.toml", ".plainwords.toml", ".plainwords.yaml"])
def test_a_configuration_saved_with_a_byte_order_mark_is_read(project, capsys, name):
    content = {
        "pyproject.toml": '[tool.plainwords]\ndisable = ["jargon"]\n',
        ".plainwords.toml": 'disable = ["jargon"]\n',
        ".plainwords.yaml": "disable: [jargon]\n",
    }[name]
    Path(project / name).write_bytes(codecs.BOM_UTF8 + content.encode("utf-8"))
    code, out, err = _check(capsys)
    assert code == 1, err
    categories = {f["category"] for f in json.loads(out)["findings"]}
    assert categories == {"stigma"}
