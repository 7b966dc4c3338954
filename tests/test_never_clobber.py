"""Never clobber: no output overwrites an input, fixes go through links to the real file keeping
its owner and mode, a write that fails leaves the original intact with one line and exit 2, and
Ctrl+C during ``fix -i`` writes nothing more."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import click.termui
import pytest

from plainwords.cli import main

ROOT = Path(__file__).resolve().parents[1]
BEFORE = "We utilise it.\n"
AFTER = "We use it.\n"


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err
    return code, out, err


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- report -------------------------------------------------------------------------------------


def test_report_refuses_an_output_that_is_an_input(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<p>Our service users.</p>\n", encoding="utf-8")
    code, _, err = _run(capsys, "report", "-o", str(page), str(page))
    assert code == 2 and page.read_text(encoding="utf-8") == "<p>Our service users.</p>\n"
    assert "is also an input" in err and err.count("\n") == 1


def test_report_refuses_an_output_that_is_an_input_under_another_name(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<p>Our service users.</p>\n", encoding="utf-8")
    os.link(page, tmp_path / "same.html")
    os.symlink(page, tmp_path / "alias.html")
    for output in ("same.html", "alias.html"):
        code, _, err = _run(capsys, "report", "-o", str(tmp_path / output), str(page))
        assert code == 2 and "is also an input" in err
    assert page.read_text(encoding="utf-8") == "<p>Our service users.</p>\n"


def test_report_never_reads_a_previous_report_in_the_folder_it_checks(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text("Our service users.\n", encoding="utf-8")
    output = docs / "report.html"
    for _ in range(2):
        code, _, err = _run(capsys, "report", "-o", str(output), str(docs))
        assert code == 0 and "1 finding in 1 document" in err, err


def test_report_refuses_to_overwrite_a_document_of_the_folder_it_checks(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "guide.html"
    page.write_text("<p>Our service users.</p>\n", encoding="utf-8")
    code, _, err = _run(capsys, "report", "-o", str(page), str(docs))
    assert code == 2 and "is also an input" in err
    assert page.read_text(encoding="utf-8") == "<p>Our service users.</p>\n"


def test_a_previous_report_under_any_name_is_skipped_not_read(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text("Our service users.\n", encoding="utf-8")
    code, _, _ = _run(capsys, "report", "-o", str(docs / "old.html"), str(docs))
    assert code == 0
    code, _, err = _run(capsys, "report", "-o", str(docs / "new.html"), str(docs))
    assert code == 0 and "1 finding in 1 document" in err, err
    assert "old.html: a plainwords report, skipped" in err


def test_report_into_a_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path, capsys):
    (tmp_path / "guide.md").write_text("Our service users.\n", encoding="utf-8")
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    received = []

    def drain() -> None:
        with open(pipe, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    code, _, _ = _run(capsys, "report", "-o", str(pipe), str(tmp_path / "guide.md"))
    reader.join(timeout=30)
    assert code == 0 and stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert received and received[0].startswith(b"<!DOCTYPE html>")


def test_report_onto_a_full_disk_is_one_line_and_exit_two(tmp_path, capsys, monkeypatch):
    (tmp_path / "guide.md").write_text("Our service users.\n", encoding="utf-8")
    output = tmp_path / "report.html"
    output.write_text("the previous report", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", _full_disk)
    code, _, err = _run(capsys, "report", "-o", str(output), str(tmp_path / "guide.md"))
    assert code == 2 and err.count("\n") == 1 and "No space left on device" in err
    assert output.read_text(encoding="utf-8") == "the previous report"
    assert _leftovers(tmp_path) == []


# -- fix through links ---------------------------------------------------------------------------


def test_fix_writes_through_a_symlink_to_the_real_file(tmp_path, capsys):
    real = tmp_path / "real.md"
    real.write_text(BEFORE, encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    code, _, _ = _run(capsys, "fix", str(link))
    assert code == 0 and link.is_symlink() and os.readlink(link) == "real.md"
    assert real.read_text(encoding="utf-8") == AFTER


def test_fix_keeps_hard_links_together(tmp_path, capsys):
    first = tmp_path / "first.md"
    first.write_text(BEFORE, encoding="utf-8")
    second = tmp_path / "second.md"
    os.link(first, second)
    code, _, _ = _run(capsys, "fix", str(first))
    assert code == 0 and os.path.samefile(first, second)
    assert second.read_text(encoding="utf-8") == AFTER
    assert _leftovers(tmp_path) == []


def test_fix_keeps_owner_group_and_mode(tmp_path, capsys):
    path = tmp_path / "shared.md"
    path.write_text(BEFORE, encoding="utf-8")
    os.chmod(path, 0o640)
    if os.geteuid() == 0:  # only root may give a file away; otherwise it is already ours
        os.chown(path, 1234, 5678)
    before = os.stat(path)
    code, _, _ = _run(capsys, "fix", str(path))
    after = os.stat(path)
    assert code == 0 and path.read_text(encoding="utf-8") == AFTER
    assert after.st_ino != before.st_ino  # still replaced atomically, not written in place
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert stat.S_IMODE(after.st_mode) == 0o640


# -- failed writes ------------------------------------------------------------------------------


def _full_disk(fd):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_fix_in_a_read_only_folder_is_one_line_exit_two(tmp_path, capsys, monkeypatch):
    import tempfile

    path = tmp_path / "doc.md"
    path.write_text(BEFORE, encoding="utf-8")

    def read_only(*args, **kwargs):  # tests run as root, whom chmod does not stop
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    code, _, err = _run(capsys, "fix", str(path))
    assert code == 2 and path.read_text(encoding="utf-8") == BEFORE
    lines = err.strip().splitlines()
    assert lines == [f"plainwords: {path}: cannot write (Permission denied)"]


@pytest.mark.parametrize("linked", [False, True])
def test_fix_onto_a_full_disk_leaves_the_original(tmp_path, capsys, monkeypatch, linked):
    path = tmp_path / "doc.md"
    path.write_text(BEFORE, encoding="utf-8")
    if linked:
        os.link(path, tmp_path / "other.md")
    monkeypatch.setattr(os, "fsync", _full_disk)
    code, _, err = _run(capsys, "fix", str(path))
    assert code == 2 and "No space left on device" in err
    assert path.read_text(encoding="utf-8") == BEFORE
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "args", [["fix", "--diff", "doc.md"], ["check", "doc.md"], ["fix", "-", "--quiet"]]
)
def test_standard_output_on_a_full_disk_is_one_line_exit_two(tmp_path, args):
    (tmp_path / "doc.md").write_text(BEFORE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with open("/dev/full", "wb") as full, open(tmp_path / "doc.md", "rb") as source:
        result = subprocess.run(
            [sys.executable, "-m", "plainwords", *args],
            stdin=source,
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.strip().splitlines() == [
        "plainwords: cannot write the output: No space left on device"
    ]


# -- Ctrl+C -------------------------------------------------------------------------------------


def test_ctrl_c_during_fix_interactive_writes_nothing_more_and_exits_130(
    tmp_path, capsys, monkeypatch
):
    done = tmp_path / "a.md"
    done.write_text(BEFORE, encoding="utf-8")
    pending = tmp_path / "b.md"
    pending.write_text("We utilise it and utilise that.\n", encoding="utf-8")
    answers = iter(["1", "1"])  # a.md's one finding, then b.md's first; Ctrl+C at its second

    def answer(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(click.termui, "visible_prompt_func", answer)
    code, _, err = _run(capsys, "fix", "-i", str(done), str(pending))
    assert code == 130 and "interrupted" in err
    assert done.read_text(encoding="utf-8") == AFTER  # finished before Ctrl+C
    assert pending.read_text(encoding="utf-8") == "We utilise it and utilise that.\n"


def test_end_of_input_during_fix_interactive_still_keeps_the_choices(tmp_path, capsys, monkeypatch):
    path = tmp_path / "b.md"
    path.write_text("We utilise it and utilise that.\n", encoding="utf-8")
    answers = iter(["1"])

    def answer(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(click.termui, "visible_prompt_func", answer)
    code, _, _ = _run(capsys, "fix", "-i", str(path))
    assert code == 0 and path.read_text(encoding="utf-8") == "We use it and utilise that.\n"
