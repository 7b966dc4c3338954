"""``--changed-since REF`` and ``--diff-only``: only the findings a change introduced, in real
git repositories made for each test.

Each case compares with the full run: the findings kept are the full run's (same offsets, lines
and columns), only fewer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest

from plainwords.cli import main
from plainwords.reporters import FORMATS

OLD = "# Notes\n\nOur service users told us.\nThe forms were fine.\n"


def git(repo: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A repository with one commit (``notes.md``: a finding on line 3), as the current folder."""
    path = tmp_path / "repo"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "plainwords tests")
    git(path, "config", "user.email", "tests@example.invalid")
    git(path, "config", "commit.gpgsign", "false")
    (path / "notes.md").write_text(OLD, encoding="utf-8")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(path)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def findings(capsys, *args: str) -> list[dict]:
    code, out, err = run(capsys, "check", "--format", "json", *args)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def where(found: list[dict]) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["text"]) for f in found]


def test_only_the_changed_lines_are_reported(repo, capsys):
    (repo / "notes.md").write_text(
        OLD + "Addicts came.\nWe will utilise the hall.\n", encoding="utf-8"
    )
    everything = findings(capsys, "notes.md")
    changed = findings(capsys, "--changed-since", "HEAD")
    assert where(everything) == [
        ("notes.md", 3, "service users"),
        ("notes.md", 5, "Addicts"),
        ("notes.md", 6, "utilise"),
    ]
    assert changed == everything[1:]  # the very same findings, offsets and all


def test_a_changed_word_in_an_old_line_counts_and_its_neighbours_do_not(repo, capsys):
    (repo / "notes.md").write_text(OLD.replace("told us", "told the addicts"), encoding="utf-8")
    assert where(findings(capsys, "--changed-since", "HEAD")) == [
        ("notes.md", 3, "service users"),
        ("notes.md", 3, "addicts"),
    ]


def test_staged_and_unstaged_changes_both_count(repo, capsys):
    (repo / "notes.md").write_text(OLD + "Addicts came.\n", encoding="utf-8")
    git(repo, "add", "notes.md")
    (repo / "notes.md").write_text(OLD + "Addicts came.\nWe will utilise it.\n", encoding="utf-8")
    assert [f["line"] for f in findings(capsys, "--changed-since", "HEAD")] == [5, 6]


def test_an_untracked_file_counts_as_wholly_changed_and_ignored_ones_do_not(repo, capsys):
    (repo / "draft.md").write_text("Service users.\n\nAddicts.\n", encoding="utf-8")
    (repo / ".gitignore").write_text("scratch.md\n", encoding="utf-8")
    (repo / "scratch.md").write_text("Addicts.\n", encoding="utf-8")
    assert where(findings(capsys, "--changed-since", "HEAD")) == [
        ("draft.md", 1, "Service users"),
        ("draft.md", 3, "Addicts"),
    ]


def test_a_renamed_file_reports_only_its_edited_lines(repo, capsys):
    git(repo, "mv", "notes.md", "minutes.md")
    assert findings(capsys, "--changed-since", "HEAD") == []  # a pure rename adds no line
    (repo / "minutes.md").write_text(OLD + "Addicts came.\n", encoding="utf-8")
    assert where(findings(capsys, "--changed-since", "HEAD")) == [("minutes.md", 5, "Addicts")]


def test_deleted_lines_and_deleted_files_report_nothing(repo, capsys):
    (repo / "other.md").write_text("Addicts.\n", encoding="utf-8")
    git(repo, "add", "other.md")
    git(repo, "commit", "-q", "-m", "other")
    (repo / "notes.md").write_text(OLD.replace("Our service users told us.\n", ""), "utf-8")
    (repo / "other.md").unlink()
    code, out, err = run(capsys, "check", "--changed-since", "HEAD")
    assert code == 0, out + err
    assert findings(capsys, "--changed-since", "HEAD") == []


def test_unchanged_files_named_on_the_command_line_are_not_read(repo, capsys):
    (repo / "new.md").write_text("Addicts.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--changed-since", "HEAD", "-v", "notes.md", "new.md")
    assert "checking new.md" in err and "checking notes.md" not in err
    assert code == 1 and "new.md:1:1" in out


def test_only_documents_under_the_current_folder_and_of_known_kinds(repo, capsys, monkeypatch):
    (repo / "docs").mkdir()
    (repo / "docs" / "guide.md").write_text("Addicts.\n", encoding="utf-8")
    (repo / "script.py").write_text("# service users\n", encoding="utf-8")
    (repo / "notes.md").write_text(OLD + "Addicts came.\n", encoding="utf-8")
    assert where(findings(capsys, "--changed-since", "HEAD")) == [
        (os.path.join("docs", "guide.md"), 1, "Addicts"),
        ("notes.md", 5, "Addicts"),
    ]
    monkeypatch.chdir(repo / "docs")
    assert where(findings(capsys, "--changed-since", "HEAD")) == [("guide.md", 1, "Addicts")]


def test_a_crlf_file(repo, capsys):
    (repo / "crlf.txt").write_bytes(b"Service users.\r\nFine.\r\n")
    git(repo, "add", "crlf.txt")
    git(repo, "commit", "-q", "-m", "crlf")
    (repo / "crlf.txt").write_bytes(b"Service users.\r\nFine.\r\nAddicts came.\r\nFine.\r\n")
    found = findings(capsys, "--changed-since", "HEAD")
    assert where(found) == [("crlf.txt", 3, "Addicts")]
    text = (repo / "crlf.txt").read_bytes().decode()
    assert text[found[0]["start"] : found[0]["end"]] == "Addicts"


def test_lone_carriage_returns_are_placed_as_git_counts_lines(repo, capsys):
    """An old Mac file is one line to git and three to plainwords: the whole line is changed."""
    (repo / "mac.txt").write_bytes(b"Fine.\rFine.\r")
    git(repo, "add", "mac.txt")
    git(repo, "commit", "-q", "-m", "mac")
    (repo / "mac.txt").write_bytes(b"Fine.\rFine.\rAddicts came.\r")
    assert where(findings(capsys, "--changed-since", "HEAD")) == [("mac.txt", 3, "Addicts")]


def test_a_branch_is_compared_from_where_it_left_the_base(repo, capsys):
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "notes.md").write_text(OLD + "Addicts came.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "feature work")
    git(repo, "checkout", "-q", "main")
    (repo / "base.md").write_text("Service users.\n", encoding="utf-8")
    git(repo, "add", "base.md")
    git(repo, "commit", "-qm", "work on main")
    git(repo, "checkout", "-q", "feature")
    # base.md is not in this branch, but main's change is not this branch's to answer for.
    assert where(findings(capsys, "--changed-since", "main")) == [("notes.md", 5, "Addicts")]


def test_the_first_commit_of_a_new_repository_counts_every_staged_line(
    tmp_path, monkeypatch, capsys
):
    git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("Addicts.\n", encoding="utf-8")
    git(tmp_path, "add", "a.md")
    monkeypatch.chdir(tmp_path)
    assert where(findings(capsys, "--changed-since", "HEAD")) == [("a.md", 1, "Addicts")]


def test_outside_a_repository_is_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "a.md").write_text("Addicts.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--changed-since", "HEAD")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "not inside a git repository" in err and "--diff-only" in err


@pytest.mark.parametrize("ref", ["no-such-branch", "--output=LEAK", ""])
def test_an_unknown_ref_is_one_clear_line(repo, capsys, ref):
    """A ref is never read as an option: ``--output=FILE`` would make git write a file."""
    ref = ref.replace("LEAK", str(repo.parent / "leak"))
    code, out, err = run(capsys, "check", "--changed-since", ref)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--changed-since" in err and "Traceback" not in err
    assert not (repo.parent / "leak").exists()


def test_changed_since_and_diff_only_do_not_mix(repo, capsys):
    code, _, err = run(capsys, "check", "--changed-since", "HEAD", "--diff-only")
    assert code == 2 and "cannot be combined" in err


def stdin_bytes(monkeypatch, data: bytes) -> None:
    class FakeStdin:
        buffer = BytesIO(data)

    monkeypatch.setattr(sys, "stdin", FakeStdin())


def test_diff_only_reads_a_diff_from_standard_input(repo, capsys, monkeypatch):
    (repo / "notes.md").write_text(OLD + "Addicts came.\nWe will utilise it.\n", encoding="utf-8")
    diff = git(repo, "diff", "-U3").encode()  # context lines too
    stdin_bytes(monkeypatch, diff)
    assert where(findings(capsys, "--diff-only")) == [
        ("notes.md", 5, "Addicts"),
        ("notes.md", 6, "utilise"),
    ]


def test_diff_only_with_a_plain_diff_outside_git(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "a.md").write_text("Service users.\nAddicts.\n", encoding="utf-8")
    diff = b"--- a.md\t2026-01-01 10:00:00\n+++ a.md\t2026-01-02 10:00:00\n@@ -1 +1,2 @@\n"
    stdin_bytes(monkeypatch, diff + b" Service users.\n+Addicts.\n")
    assert where(findings(capsys, "--diff-only")) == [("a.md", 2, "Addicts")]


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_reports_the_same_filtered_findings(repo, capsys, output_format):
    (repo / "notes.md").write_text(OLD + "Addicts came.\n", encoding="utf-8")
    code, out, err = run(
        capsys, "check", "--format", output_format, "--changed-since", "HEAD", "notes.md"
    )
    assert code == 1, err
    assert "Addicts" in out and "service users" not in out.lower()


def test_fix_touches_only_changed_lines(repo, capsys):
    (repo / "plan.txt").write_text("We utilise the hall.\n", encoding="utf-8")
    git(repo, "add", "plan.txt")
    git(repo, "commit", "-qm", "plan")
    (repo / "plan.txt").write_text("We utilise the hall.\nThey utilise the room.\n", "utf-8")
    code, out, err = run(capsys, "fix", "--changed-since", "HEAD")
    assert code == 0, err
    assert (repo / "plan.txt").read_text("utf-8") == "We utilise the hall.\nThey use the room.\n"
    assert "plan.txt:2:6: utilise → use" in out


def test_check_fix_touches_only_changed_lines_and_reports_what_is_left(repo, capsys):
    (repo / "notes.md").write_text(OLD + "We will utilise it.\nAddicts came.\n", "utf-8")
    code, out, err = run(
        capsys, "check", "--fix", "--format", "json", "--changed-since", "HEAD", "notes.md"
    )
    assert code == 1
    assert (repo / "notes.md").read_text("utf-8") == OLD + "We will use it.\nAddicts came.\n"
    assert where(json.loads(out)["findings"]) == [("notes.md", 6, "Addicts")]
