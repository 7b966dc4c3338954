"""Odd file kinds and odd paths: pipes, sockets and devices are skipped unopened, reads are bounded,
deep folders are walked, and every path that cannot be read is reported the same way (exit 2)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from plainwords.cli import main
from plainwords.readers import MAX_BYTES, ReadError, read_path
from plainwords.readers.decoding import decode

ROOT = Path(__file__).resolve().parents[1]


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err
    return code, out, err


def _texts(out: str) -> list[str]:
    return [f["text"] for f in json.loads(out)["findings"]]


def _plainwords(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "plainwords", *args],
        env=env,
        capture_output=True,
        timeout=60,
        **kwargs,
    )


def test_a_fifo_in_a_folder_is_skipped_with_a_note_and_never_opened(tmp_path):
    (tmp_path / "a.md").write_text("Service users.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")  # opening it to read would wait for a writer for ever
    result = _plainwords("check", "--format", "json", str(tmp_path))
    assert result.returncode == 1, result.stderr
    assert _texts(result.stdout.decode()) == ["Service users"]
    assert "pipe.md: a named pipe, not a regular file; skipped" in result.stderr.decode()


def test_a_fifo_named_on_the_command_line_is_skipped(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    result = _plainwords("check", str(tmp_path / "pipe.txt"))
    assert result.returncode == 0, result.stderr
    assert "pipe.txt: a named pipe, not a regular file; skipped" in result.stderr.decode()


def test_sockets_and_devices_are_skipped(tmp_path, capsys):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "talk.md"))
        code, _, err = _run(capsys, "check", str(tmp_path / "talk.md"), "/dev/zero")
    finally:
        server.close()
    assert code == 0
    assert "talk.md: a socket, not a regular file; skipped" in err
    assert "/dev/zero: a device, not a regular file; skipped" in err


def test_a_folder_eleven_hundred_levels_deep_is_walked(tmp_path, capsys):
    folder = tmp_path
    for _ in range(1100):  # os.makedirs itself recurses, so one level at a time
        folder = folder / "d"
        folder.mkdir()
    (folder / "deep.md").write_text("Service users.\n", encoding="utf-8")
    try:
        code, out, _ = _run(capsys, "check", "--format", "json", str(tmp_path))
        assert code == 1 and _texts(out) == ["Service users"]
    finally:
        (folder / "deep.md").unlink()
        while folder != tmp_path:  # shutil.rmtree recurses too
            folder.rmdir()
            folder = folder.parent


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path, capsys, encoding):
    path = tmp_path / "export.txt"
    path.write_bytes("Intro\r\nOur service users.\r\n".encode(encoding))
    code, out, err = _run(capsys, "check", "--format", "json", str(path))
    assert code == 1 and _texts(out) == ["service users"]
    assert f"read as {encoding}" in err


def test_utf16_detection_keeps_the_bytes_for_a_fix(tmp_path, capsys):
    path = tmp_path / "export.txt"
    path.write_bytes("We utilise it.\n".encode("utf-16-le"))
    code, _, _ = _run(capsys, "fix", str(path))
    assert code == 0 and path.read_bytes() == "We use it.\n".encode("utf-16-le")


def test_binary_with_scattered_nul_bytes_is_still_binary():
    from plainwords.readers import NotText

    with pytest.raises(NotText):
        decode(bytes(range(256)) * 40, "blob.txt")


def test_the_limit_is_in_the_units_of_the_option(tmp_path, capsys):
    assert MAX_BYTES == 50_000_000
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 1_000_001)
    code, _, err = _run(capsys, "check", "--max-size", "1", str(path))
    assert code == 2 and "larger than the 1 MB limit" in err
    path.write_bytes(b"a" * 1_000_000)
    code, _, _ = _run(capsys, "check", "--max-size", "1", str(path))
    assert code == 0


def test_max_size_help_says_it_is_an_error_not_a_skip(capsys):
    code, out, _ = _run(capsys, "check", "--help")
    assert "Skip files larger" not in out and "1 MB = 1,000,000 bytes" in out


def test_an_oversized_standard_input_is_refused_after_reading_just_past_the_limit():
    """400 MB on standard input: refused with memory well under 250 MB (it was 500 MB)."""
    script = (
        "import resource, sys\n"
        "from plainwords.cli import main\n"
        "code = main(['check', '-'])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    writer = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    block = b"a" * 1_000_000
    sent = 0
    try:
        for _ in range(400):
            writer.stdin.write(block)
            sent += len(block)
    except BrokenPipeError:
        pass  # refused before everything was sent, as it should be
    finally:
        with contextlib.suppress(BrokenPipeError):
            writer.stdin.close()
    err = writer.stderr.read().decode()
    writer.wait(timeout=60)
    assert "<stdin>: larger than the 50 MB limit" in err
    peak_kb, code = err.strip().splitlines()[-1].split()
    assert code == "2"
    assert int(peak_kb) < 250_000, peak_kb


def test_a_file_that_grows_past_the_limit_after_its_size_was_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(b"a" * 100)
    real_fstat = os.fstat

    def small(fd):  # the size says 100 bytes; the file holds 2 MB by the time it is read
        result = real_fstat(fd)
        path.write_bytes(b"a" * 2_000_000)
        return result

    monkeypatch.setattr(os, "fstat", small)
    with pytest.raises(ReadError, match="larger than the 1 MB limit"):
        read_path(path, max_bytes=1_000_000)


def test_every_unreadable_path_is_reported_one_way_with_exit_two(tmp_path, capsys, monkeypatch):
    (tmp_path / "good.md").write_text("Service users.\n", encoding="utf-8")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "secret.md").write_text("Addicts.\n", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "inside.md").write_text("Addicts.\n", encoding="utf-8")
    real_open, real_scandir = os.open, os.scandir

    def refuse_open(path, *args, **kwargs):  # tests run as root, where chmod 000 stops nothing
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def refuse_scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "open", refuse_open)
    monkeypatch.setattr(os, "scandir", refuse_scandir)
    code, out, err = _run(
        capsys, "check", "--format", "json", str(tmp_path), str(tmp_path / "vanished.md")
    )
    assert code == 2 and _texts(out) == ["Service users"]
    lines = sorted(err.strip().splitlines())
    assert lines == sorted(
        [
            f"plainwords: {tmp_path / 'dangling.md'}: dangling symbolic link",
            f"plainwords: {tmp_path / 'locked'}: permission denied",
            f"plainwords: {tmp_path / 'secret.md'}: permission denied",
            f"plainwords: {tmp_path / 'vanished.md'}: no such file or directory",
        ]
    )


def test_a_file_that_vanishes_between_listing_and_reading_is_reported_the_same_way(tmp_path):
    path = tmp_path / "gone.md"
    with pytest.raises(ReadError, match=r"gone\.md: no such file or directory"):
        read_path(path)
