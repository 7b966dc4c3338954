"""CLI polish: help printed once, --diff honoured on standard input, exit codes in the help, words
spelled right, and pre-commit snippets that pin only what exists."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest

from plainwords.cli import main
from plainwords.commands.fix import Tally, _summary

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("args", [[], ["lexicon"]])
def test_a_group_without_a_command_prints_its_help_once(capsys, args):
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert out.count("Usage:") == 1 and "Commands:" in out


def test_the_help_lists_the_exit_codes(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Exit codes:" in out
    for code in ("0", "1", "2", "3", "130"):
        assert re.search(rf"^\s+{code}\s+\S", out, flags=re.M), code


def test_fix_diff_on_standard_input_prints_a_diff_not_the_text(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"We utilise it.\n")))
    code = main(["fix", "--diff", "-"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines()[:2] == ["--- a/<stdin>", "+++ b/<stdin>"]
    assert "-We utilise it." in out and "+We use it." in out
    assert "Would fix 1 finding in 1 file." in err


def test_fix_diff_on_clean_standard_input_exits_zero(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"We use it.\n")))
    assert main(["fix", "--diff", "-"]) == 0
    assert capsys.readouterr().out == ""


def test_suggestions_are_fixes_not_fixs():
    lines: list[str] = []
    _summary(Tally(suggestions=2), False, lines.append)
    assert lines[-1].startswith("2 fixes shown as suggestions")
    lines.clear()
    _summary(Tally(suggestions=1), False, lines.append)
    assert lines[-1].startswith("1 fix shown as suggestions")


def test_pre_commit_snippets_pin_only_revisions_that_exist():
    tags = subprocess.run(
        ["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    for name in ("README.md", "docs/ci.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        for rev in re.findall(r"^\s*rev:\s*(\S+)", text, flags=re.M):
            assert rev in tags or re.fullmatch(r"[0-9a-f]{40}", rev), f"{name}: rev {rev}"
    assert "repo: local" in (ROOT / "README.md").read_text(encoding="utf-8")
    maintainers = (ROOT / "docs" / "maintainers.md").read_text(encoding="utf-8")
    assert "## Releases and tags" in maintainers and "git tag -a v" in maintainers
