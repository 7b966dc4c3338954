"""Bad input gets a clear one-line message and the documented exit code, never a traceback."""

from __future__ import annotations

import json
import os
import socket

import pytest

from plainwords.cli import main


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _findings(out: str) -> list[tuple[str, int, int]]:
    return [(f["text"], f["line"], f["column"]) for f in json.loads(out)["findings"]]


def test_binary_file_is_skipped_with_a_notice_and_exits_as_if_absent(tmp_path, capsys):
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x02 addicts \xff\x00")
    code, out, err = _run(capsys, "check", "--format", "json", str(path))
    assert code == 0 and _findings(out) == []
    assert "binary file" in err and "skipped" in err


def test_known_binary_extension_is_skipped(tmp_path, capsys):
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\naddicts")
    code, _, err = _run(capsys, "check", str(path))
    assert code == 0 and "photo.png" in err and "skipped" in err


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path, capsys, encoding):
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    path = tmp_path / "u16.txt"
    path.write_bytes(bom + "Intro\r\nOur service users.\r\n".encode(encoding))
    code, out, _ = _run(capsys, "check", "--format", "json", str(path))
    assert code == 1 and _findings(out) == [("service users", 2, 5)]


def test_windows_1252_is_detected_with_a_notice(tmp_path, capsys):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Our caf\u00e9 \u201cteam\u201d helps addicts.\n".encode("cp1252"))
    code, out, err = _run(capsys, "check", "--format", "json", str(path))
    assert code == 1 and _findings(out) == [("addicts", 1, 23)]
    assert "not UTF-8; read as cp1252" in err


def test_lone_cr_line_endings_count_as_lines(tmp_path, capsys):
    path = tmp_path / "mac.txt"
    path.write_bytes(b"one\rtwo\rOur service users\r")
    code, out, _ = _run(capsys, "check", "--format", "json", str(path))
    assert _findings(out) == [("service users", 3, 5)]


def test_empty_file_is_clean(tmp_path, capsys):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    code, out, _ = _run(capsys, "check", str(path))
    assert code == 0 and "No findings in 1 file" in out


def test_unreadable_file_exits_two_naming_the_path(tmp_path, capsys, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("addicts", encoding="utf-8")
    real = os.open

    def refuse(name, *args, **kwargs):  # tests run as root, where chmod 000 stops nothing
        if str(name).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, _, err = _run(capsys, "check", str(path))
    assert code == 2 and f"{path}: permission denied" in err


def test_missing_path_among_good_ones_still_checks_the_rest(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Addicts.\n", encoding="utf-8")
    code, out, err = _run(capsys, "check", "--format", "json", str(tmp_path / "gone.md"), str(good))
    assert code == 2 and "gone.md: no such file or directory" in err
    assert _findings(out) == [("Addicts", 1, 1)]


def test_symlink_loop_does_not_trap_the_walk(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("Service users.\n", encoding="utf-8")
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "loop")
    code, out, _ = _run(capsys, "check", "--format", "json", str(tmp_path))
    assert code == 1 and _findings(out) == [("Service users", 1, 1)]


def test_very_long_line(tmp_path, capsys):
    path = tmp_path / "long.txt"
    path.write_text("word " * 250_000 + "service users " + "x " * 10, encoding="utf-8")
    code, out, _ = _run(capsys, "check", "--format", "json", str(path))
    assert _findings(out) == [("service users", 1, 1_250_001)]


def test_columns_count_characters_not_bytes_or_graphemes(tmp_path, capsys):
    path = tmp_path / "emoji.txt"
    path.write_text("🙂 e\u0301 service users\n", encoding="utf-8")
    code, out, _ = _run(capsys, "check", "--format", "json", str(path))
    assert _findings(out) == [("service users", 1, 6)]


def test_file_over_the_size_limit_is_an_input_error(tmp_path, capsys):
    path = tmp_path / "big.txt"
    path.write_text("a" * 2_000_001, encoding="utf-8")
    code, _, err = _run(capsys, "check", "--max-size", "1", str(path))
    assert code == 2 and "larger than the 1 MB limit" in err


def test_internal_error_prints_a_short_message_and_exits_three(tmp_path, capsys, monkeypatch):
    import plainwords.engine

    def broken(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(plainwords.engine.Linter, "finish", broken)
    path = tmp_path / "a.txt"
    path.write_text("hello", encoding="utf-8")
    code, _, err = _run(capsys, "check", str(path))
    assert code == 3
    assert "internal error: RuntimeError: boom" in err and "bug in plainwords" in err


def test_a_check_needs_no_network(tmp_path, capsys, monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    path = tmp_path / "a.md"
    path.write_text("Service users.\n", encoding="utf-8")
    code, out, _ = _run(capsys, "check", "--format", "json", str(path))
    assert code == 1 and _findings(out) == [("Service users", 1, 1)]


def test_three_megabytes_with_120000_findings_are_all_reported_exactly(linter):
    from plainwords.readers import read_bytes

    unit = "Our service users met addicts who utilise the hub.\n"  # three findings a line
    text = unit * 40_000  # 2.04 MB
    text += ("Plain words for everyone, with no labels at all in them here. " * 16_000)[
        : 3_000_000 - len(text)
    ]
    document = read_bytes("big.txt", text.encode("utf-8"))
    findings = linter.check(document)
    assert len(findings) == 120_000
    for index, finding in enumerate(findings):
        line = index // 3 + 1
        assert text[finding.start : finding.end] == finding.text
        assert finding.line == line and finding.end_line == line
        assert unit[finding.column - 1 : finding.end_column - 1] == finding.text
