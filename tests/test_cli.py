"""The command line: formats, exit codes and errors, run in-process through ``main``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import plainwords
from plainwords.cli import main

DONE_WHEN = (
    "# Plan\n\n"
    "We support hard-to-reach groups and Service Users.\n"
    "Addicts will utilise the hub going forward.\n\n"
    "```\naddicts\n```\n\n"
    "Inline `addicts` code.\n"
)


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_reports_exactly_the_five_prose_terms_with_exact_offsets(tmp_path, capsys):
    path = tmp_path / "plan.md"
    path.write_text(DONE_WHEN, encoding="utf-8")
    code, out, _ = _run(capsys, "check", "--format", "json", str(path))
    assert code == 1
    report = json.loads(out)
    assert report["version"] == 1
    findings = report["findings"]
    assert [f["text"] for f in findings] == [
        "hard-to-reach",
        "Service Users",
        "Addicts",
        "utilise",
        "going forward",
    ]
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for finding in findings:
        assert text[finding["start"] : finding["end"]] == finding["text"]
        line = lines[finding["line"] - 1]
        assert line[finding["column"] - 1 : finding["end_column"] - 1] == finding["text"]
    expected_fields = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "text",
        "rule",
        "category",
        "topic",
        "severity",
        "message",
        "alternatives",
        "reason",
        "source",
    }
    assert expected_fields <= set(findings[0])
    assert report["summary"]["findings"] == 5 and report["summary"]["files"] == 1


def test_clean_file_exits_zero(tmp_path, capsys):
    path = tmp_path / "clean.md"
    path.write_text("People who use our services told us what works.\n", encoding="utf-8")
    code, out, _ = _run(capsys, "check", str(path))
    assert code == 0 and "No findings in 1 file" in out


def test_missing_file_exits_two_with_the_path_named(tmp_path, capsys):
    code, out, err = _run(capsys, "check", str(tmp_path / "nope.md"))
    assert code == 2 and out == ""
    assert "nope.md: no such file or directory" in err and "Traceback" not in err


def test_text_format_shows_location_severity_text_and_alternatives(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("First line.\nOur service users matter.\n", encoding="utf-8")
    code, out, _ = _run(capsys, "check", "--no-color", str(path))
    assert code == 1
    first = out.splitlines()[0]
    assert (
        first.startswith(f"{path}:2:5  warning")
        and "“service users”" in first
        and "[service-user]" in first
    )
    assert "instead: people who use our services" in out
    assert "\x1b[" not in out


def test_fail_on_threshold(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("We will utilise it.\n", encoding="utf-8")  # a suggestion only
    assert _run(capsys, "check", str(path))[0] == 0
    assert _run(capsys, "check", "--fail-on", "suggestion", str(path))[0] == 1
    path.write_text("Junkies.\n", encoding="utf-8")  # an error
    assert _run(capsys, "check", "--fail-on", "error", str(path))[0] == 1
    assert _run(capsys, "check", "--fail-on", "never", str(path))[0] == 0


def test_directories_are_walked_for_known_extensions_skipping_hidden(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("Service users.\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("Addicts.\n", encoding="utf-8")
    (tmp_path / "docs" / "c.py").write_text("addicts = 1\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.md").write_text("Addicts.\n", encoding="utf-8")
    code, out, _ = _run(capsys, "check", "--format", "json", str(tmp_path))
    paths = sorted({Path(f["path"]).name for f in json.loads(out)["findings"]})
    assert code == 1 and paths == ["a.md", "b.txt"]


def test_stdin_with_a_filename_picks_the_reader(monkeypatch, capsys):
    import io

    class FakeStdin:
        buffer = io.BytesIO(b"`addicts` in code, addicts in prose\n")

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    code, out, _ = _run(capsys, "check", "--format", "json", "--stdin-filename", "note.md", "-")
    findings = json.loads(out)["findings"]
    assert code == 1 and [(f["path"], f["column"]) for f in findings] == [("note.md", 20)]


def test_bad_lexicon_exits_two_with_file_and_line(tmp_path, capsys):
    bad = tmp_path / "ours.yaml"
    bad.write_text("category: ours\nentries:\n  - id: x\n    terms: [y]\n", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("hello\n", encoding="utf-8")
    code, out, err = _run(capsys, "check", "--lexicon", str(bad), str(path))
    assert code == 2 and f"{bad}:3: entry 'x': 'alternatives' is required" in err


def test_usage_error_exits_two(capsys):
    code, _, err = _run(capsys, "check", "--format", "nope")
    assert code == 2 and "Invalid value" in err


def test_version_and_help(capsys):
    code, out, _ = _run(capsys, "--version")
    assert code == 0 and plainwords.__version__ in out
    code, out, _ = _run(capsys, "check", "--help")
    assert code == 0 and "--fail-on" in out and "Exit status" in out


def test_console_script_and_module_run_from_another_directory(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("Service users.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(plainwords.__file__).parents[1])}
    result = subprocess.run(
        [sys.executable, "-m", "plainwords", "check", "--format", "json", "a.md"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["findings"][0]["rule"] == "service-user"


def test_no_color_environment_is_respected(tmp_path, capsys, monkeypatch):
    from plainwords.commands.check import use_color

    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(None) is False
    assert use_color(True) is True


def test_own_entry_whose_alternative_is_itself_flagged_exits_two(tmp_path, capsys):
    own = tmp_path / "ours.yaml"
    own.write_text(
        "category: ours\nentries:\n"
        "  - id: hub-client\n"
        "    terms: [hub client]\n"
        "    alternatives: [service users of the hub]\n"
        "    reason: We stopped calling people clients.\n"
        "    severity: warning\n"
        "    source: {name: Our charter, url: 'https://example.org/charter'}\n",
        encoding="utf-8",
    )
    path = tmp_path / "a.txt"
    path.write_text("Hub clients are welcome.\n", encoding="utf-8")
    code, out, err = _run(capsys, "check", "--no-cache", "--lexicon", str(own), str(path))
    assert code == 2 and out == ""
    assert (
        f"{own}:3: entry 'hub-client': alternative 'service users of the hub' is itself flagged by 'service-user'"
        in err
    )
    code, _, err = _run(capsys, "check", "--lexicon", str(own), str(path))
    assert code == 2 and "is itself flagged" in err


def test_help_and_version_never_import_spacy():
    """Asking for help must be instant: spaCy's import alone takes about two seconds."""
    code = (
        "import sys\n"
        "from plainwords.cli import main\n"
        "for argv in (['--help'], ['--version'], ['check', '--help']):\n"
        "    assert main(argv) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'markdown_it')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
