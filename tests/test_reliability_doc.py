"""docs/reliability.md lists each bad input and what plainwords does with it; the README links it,
and the messages it quotes are the messages plainwords prints."""

from __future__ import annotations

from pathlib import Path

from plainwords.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")


def test_the_readme_links_the_reliability_page():
    assert "(docs/reliability.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_page_has_a_table_for_each_kind_of_bad_input():
    for section in ("Files and folders", "Configuration", "Writing", "Hostile text", "server"):
        assert f"## {section}" in DOC or section in DOC
    assert DOC.count("| --- |") >= 5


def test_the_messages_quoted_are_the_ones_printed(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("We utilise it.\n", encoding="utf-8")
    (tmp_path / "dangling.md").symlink_to("nowhere.md")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    assert main(["check", "missing.md", "dangling.md", "binary.txt", "page.md"]) == 2
    err = capsys.readouterr().err
    for quoted in (
        "missing.md: no such file or directory",
        "dangling.md: dangling symbolic link",
        "binary.txt: binary file (contains NUL bytes), skipped",
    ):
        assert quoted in err and quoted.split(": ", 1)[1] in DOC
    assert main(["report", "-o", "page.md", "page.md"]) == 2
    assert "is also an input" in capsys.readouterr().err and "is also an input" in DOC
