"""``plainwords fix`` and ``check --fix`` end to end: bytes on disk, diffs, and the chooser."""

from __future__ import annotations

import json
import os
import stat
import textwrap

import pytest
from click.testing import CliRunner

from plainwords import readers
from plainwords.cli import cli, main
from plainwords.document import Document


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_the_done_when_case_crlf(tmp_path):
    """ "We will Utilise the room." becomes "We will Use the room." in a CRLF file, every other
    byte stays, and a second run changes nothing."""
    path = tmp_path / "note.txt"
    before = b"Minutes\r\n\r\nWe will Utilise the room.\r\nService users came.\r\n"
    path.write_bytes(before)
    result = run("fix", str(path))
    assert result.exit_code == 0
    assert path.read_bytes() == before.replace(b"Utilise", b"Use")
    assert f"{path}:3:9: Utilise → Use" in result.output
    again = run("fix", str(path))
    assert again.exit_code == 0
    assert path.read_bytes() == before.replace(b"Utilise", b"Use")
    assert "Nothing to fix." in again.output


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_encoding_and_byte_order_mark_are_kept(tmp_path, encoding, bom):
    path = tmp_path / "a.md"
    path.write_bytes(bom + "Café: we utilise it.\n".encode(encoding))
    assert run("fix", str(path)).exit_code == 0
    assert path.read_bytes() == bom + "Café: we use it.\n".encode(encoding)


def test_a_legacy_encoding_is_kept(tmp_path):
    path = tmp_path / "a.txt"
    original = "Le café “déjà vu” — we utilise the salle, naïvely, in order to eat.\n"
    path.write_bytes(original.encode("cp1252"))
    assert run("fix", str(path)).exit_code == 0
    assert path.read_bytes() == "Le café “déjà vu” — we use the salle, naïvely, to eat.\n".encode(
        "cp1252"
    )


def test_mixed_line_endings_and_no_final_newline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one\rtwo\r\nwe utilise\nthree utilised")
    assert run("fix", str(path)).exit_code == 0
    assert path.read_bytes() == b"one\rtwo\r\nwe use\nthree used"


def test_permission_bits_are_kept_and_no_temporary_file_is_left(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("We utilise it.\n", encoding="utf-8")
    os.chmod(path, 0o640)
    assert run("fix", str(path)).exit_code == 0
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_a_failed_write_leaves_the_file_alone(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_text("We utilise it.\n", encoding="utf-8")

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["fix", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == "We utilise it.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    from plainwords.readers import read_path
    from plainwords.writing import WriteError, write_fixed

    path = tmp_path / "a.md"
    path.write_text("We utilise it.\n", encoding="utf-8")
    document = read_path(path)
    path.write_text("Someone else's edit.\n", encoding="utf-8")
    with pytest.raises(WriteError, match="changed since it was read"):
        write_fixed(path, document, "We use it.\n")
    assert path.read_text(encoding="utf-8") == "Someone else's edit.\n"


def test_diff_shows_the_change_and_writes_nothing(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Plan\n\nWe utilise it.\n", encoding="utf-8")
    result = run("fix", "--diff", str(path))
    assert result.exit_code == 1
    assert "-We utilise it.\n+We use it.\n" in result.stdout
    assert result.stdout.startswith("--- a/")
    assert path.read_text(encoding="utf-8") == "# Plan\n\nWe utilise it.\n"
    path.write_text("We use it.\n", encoding="utf-8")
    assert run("fix", "--diff", str(path)).exit_code == 0


def test_diff_keeps_odd_characters_inside_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Page\x0cbreak\u2028here: we utilise it", encoding="utf-8", newline="")
    result = run("fix", "--diff", str(path))
    assert (
        "-Page\x0cbreak\u2028here: we utilise it\n\\ No newline at end of file\n" in result.stdout
    )
    assert "+Page\x0cbreak\u2028here: we use it\n" in result.stdout


def test_standard_input_is_fixed_to_standard_output(monkeypatch, capsysbinary):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"We utilise it.\r\n")))
    assert main(["fix", "-"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == b"We use it.\r\n"
    assert b"utilise \xe2\x86\x92 use" in captured.err


def test_every_text_format_is_fixed(tmp_path):
    for name in ("a.md", "b.markdown", "c.mdx", "d.txt", "e.text"):
        (tmp_path / name).write_text("We utilise it `utilise`.\n", encoding="utf-8")
    result = run("fix", str(tmp_path))
    assert result.exit_code == 0
    assert "Fixed 7 findings in 5 files." in result.output  # plain text has no code spans
    markdown = {"a.md", "b.markdown", "c.mdx"}
    for path in tmp_path.iterdir():
        code = "`utilise`" if path.name in markdown else "`use`"
        assert path.read_text(encoding="utf-8") == f"We use it {code}.\n"


def test_word_documents_get_suggestions_only(tmp_path, monkeypatch):
    def read_word(path: str, data: bytes) -> Document:
        text = data.decode("utf-8")
        return Document(path=path, text=text, lint_text=text, kind="docx", line_label="paragraph")

    monkeypatch.setitem(readers.BYTE_READERS, ".docx", read_word)
    path = tmp_path / "report.docx"
    path.write_bytes(b"We utilise it.")
    result = CliRunner().invoke(cli, ["fix", str(path)])
    assert result.exit_code == 0
    assert path.read_bytes() == b"We utilise it."
    assert "utilise → use (suggestion only" in result.stderr
    assert "1 fix shown as suggestions" in result.stdout
    asked = CliRunner().invoke(cli, ["fix", "-i", str(path)], input="1\n")
    assert "Replace with" not in asked.output  # nothing to choose when nothing can be written
    assert path.read_bytes() == b"We utilise it."


LEXICON = """\
version: 1
category: jargon
entries:
  - id: stakeholder
    terms: [stakeholder]
    alternatives: [partner, person involved]
    reason: Vague; name the people.
    severity: suggestion
    source: {name: Test, url: "https://example.org/guide"}
  - id: leverage
    terms: [leverage]
    alternatives: [use, build on]
    reason: A buzzword for using something.
    severity: suggestion
    inflect: verb
    autofix: true
    source: {name: Test, url: "https://example.org/guide"}
"""


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "custom.yaml"
    path.write_text(LEXICON, encoding="utf-8")
    return str(path)


def test_interactive_choice_of_alternative(tmp_path, lexicon):
    path = tmp_path / "a.txt"
    path.write_text("We leveraged links. We leverage friends.\n", encoding="utf-8")
    result = run("fix", "-i", "--lexicon", lexicon, str(path), input="2\ns\n")
    assert result.exit_code == 0
    assert "1  used" in result.output and "2  built on" in result.output
    assert path.read_text(encoding="utf-8") == "We built on links. We leverage friends.\n"


def test_interactive_all_offers_unsafe_entries_and_rejects_bad_answers(tmp_path, lexicon):
    path = tmp_path / "a.txt"
    path.write_text("Every Stakeholder came.\n", encoding="utf-8")
    assert (
        run("fix", "-i", "--lexicon", lexicon, str(path), input="1\n").output.count("Replace with")
        == 0
    )
    result = run("fix", "-i", "--all", "--lexicon", lexicon, str(path), input="9\n2\n")
    assert "Type a number from 1 to 2" in result.output
    assert path.read_text(encoding="utf-8") == "Every Person involved came.\n"


def test_interactive_quit_keeps_earlier_choices(tmp_path, lexicon):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("We leverage it and leverage that.\n", encoding="utf-8")
    second.write_text("We leverage more.\n", encoding="utf-8")
    result = run("fix", "-i", "--lexicon", lexicon, str(tmp_path), input="1\nq\n")
    assert result.exit_code == 0
    assert first.read_text(encoding="utf-8") == "We use it and leverage that.\n"
    assert second.read_text(encoding="utf-8") == "We leverage more.\n"


def test_interactive_end_of_input_stops_quietly(tmp_path, lexicon):
    path = tmp_path / "a.txt"
    path.write_text("We leverage it.\n", encoding="utf-8")
    result = run("fix", "-i", "--lexicon", lexicon, str(path), input="")
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == "We leverage it.\n"


def test_check_fix_fixes_then_reports_what_is_left(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text("Service users utilise the hall.\n", encoding="utf-8")
    assert main(["check", "--fix", "--format", "json", str(path)]) == 1
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [f["rule"] for f in report["findings"]] == ["service-user"]
    assert "utilise → use" in captured.err
    assert path.read_text(encoding="utf-8") == "Service users use the hall.\n"


def test_check_fix_reports_positions_in_the_fixed_text(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text("We utilise addicts.\n", encoding="utf-8")
    assert main(["check", "--fix", "--format", "compact", str(path)]) == 1
    assert f"{path}:1:8: [error] addict:" in capsys.readouterr().out


def test_check_fix_refuses_standard_input(capsys):
    assert main(["check", "--fix", "-"]) == 2
    assert "plainwords fix -" in capsys.readouterr().err


def test_all_without_interactive_is_a_usage_error(tmp_path, capsys):
    assert main(["fix", "--all", str(tmp_path)]) == 2


def test_help_says_word_files_are_suggestions_only():
    assert "never rewritten" in textwrap.dedent(run("fix", "--help").output)


@pytest.mark.parametrize("command", [["fix"], ["check", "--fix"]])
def test_one_run_makes_the_fixes_its_own_fixes_uncover(tmp_path, command):
    path = tmp_path / "a.md"
    path.write_text("We invited a large number of people in order to hear them.\n", "utf-8")
    result = run(*command, str(path))
    assert path.read_text(encoding="utf-8") == "We invited many people to hear them.\n"
    assert "a.md:1:37: in order to → to" in result.output
    assert run("fix", "--diff", str(path)).exit_code == 0
