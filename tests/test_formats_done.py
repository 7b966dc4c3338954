"""The same stigmatising sentence, in every format, is found at the line and column a writer would
go to; the code, URLs, scripts and front-matter keys around it never are."""

from __future__ import annotations

import io
import json

import docx
import pytest

from plainwords.cli import main

SENTENCE = "Our service users include addicts."

SOURCES = {
    "guide.md": (
        "---\n"
        "addicts: true\n"
        "url: https://example.org/service-users\n"
        "---\n"
        "# Guide\n"
        "\n"
        "Run `addicts --the-homeless` or see <https://example.org/hard-to-reach>.\n"
        "\n"
        "```python\n"
        "service_users = 'addicts'\n"
        "```\n"
        "\n"
        f"> {SENTENCE}\n"
    ),
    "guide.rst": (
        "Guide\n"
        "=====\n"
        "\n"
        "Run ``addicts --the-homeless`` or see https://example.org/hard-to-reach.\n"
        "\n"
        ".. code-block:: python\n"
        "\n"
        "   service_users = 'addicts'\n"
        "\n"
        ".. A comment about addicts.\n"
        "\n"
        ".. _service-users: https://example.org/service-users\n"
        "\n"
        f"* {SENTENCE}\n"
    ),
    "guide.html": (
        "<!DOCTYPE html>\n"
        "<html><head><title>Guide</title>\n"
        "<script>var addicts = 'service users';</script>\n"
        "<style>.addicts { color: red }</style></head>\n"
        '<body><a href="https://example.org/service-users">Guide</a>\n'
        "<p>Run <code>addicts --the-homeless</code>.</p>\n"
        "<pre>service_users = 'addicts'</pre>\n"
        "<!-- addicts -->\n"
        "<!-- plainwords-disable-next-line addict -->\n"
        "<p>Our addicts are silenced here.</p>\n"
        f"<p>{SENTENCE.replace('users', '&#x75;sers')}</p>\n"
        "</body></html>\n"
    ),
    "guide.txt": (
        "Guide\r\n"
        "\r\n"
        "The addicts line is silenced. # plainwords-disable-line addict\r\n"
        "\r\n"
        f"    {SENTENCE}\r\n"
    ),
}


def expected(name: str) -> list[tuple[int, int, str]]:
    """Where the sentence's two terms stand, counted from the source by hand."""
    text = SOURCES[name]
    lines = text.replace("\r\n", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if line.rstrip().endswith(("include addicts.", "include addicts.</p>")):
            users = line.index("service")
            return [
                (number, users + 1, "service-user"),
                (number, line.index("addicts") + 1, "addict"),
            ]
    raise AssertionError(name)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_sentence_is_found_at_its_line_and_column_and_nothing_else_is(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_bytes(SOURCES[name].encode("utf-8"))
    assert main(["check", "--format", "json", "--report-unused-suppressions", str(path)]) == 1
    captured = capsys.readouterr()
    assert "unused-suppression" not in captured.err
    findings = json.loads(captured.out)["findings"]
    assert [(f["line"], f["column"], f["rule"]) for f in findings] == expected(name)
    text = SOURCES[name]
    for finding in findings:
        assert text[finding["start"] : finding["end"]] == finding["text"]


def _saved(document, path):
    """Save a python-docx or odfdo document (both save to a binary stream) at ``path``."""
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def _assert_found_in_paragraph_3(path, capsys):
    """The sentence, third paragraph of the file, is found at its place in that paragraph."""
    assert main(["check", "--format", "json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["line"], f["column"], f["rule"], f["location"]) for f in findings] == [
        (3, 12, "service-user", "paragraph 3"),
        (3, 34, "addict", "paragraph 3"),
    ]


def test_the_sentence_in_a_word_document_is_found_by_paragraph(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("Guide")
    document.add_paragraph("Introduction.")
    document.add_paragraph(f"Today: {SENTENCE}")
    path = _saved(document, tmp_path / "guide.docx")
    _assert_found_in_paragraph_3(path, capsys)
    # The text report names the paragraph too.
    assert main(["check", str(path)]) == 1
    assert "3:12" in capsys.readouterr().out


def test_the_sentence_in_an_opendocument_file_is_found_by_paragraph(tmp_path, capsys):
    import odfdo

    document = odfdo.Document("text")
    document.body.clear()
    for text in ("Guide", "Introduction.", f"Today: {SENTENCE}"):
        document.body.append(odfdo.Paragraph(text))
    _assert_found_in_paragraph_3(_saved(document, tmp_path / "guide.odt"), capsys)


def test_a_folder_check_reads_every_format(tmp_path, capsys):
    for name, text in SOURCES.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    (tmp_path / "page.htm").write_text(f"<p>{SENTENCE}</p>", encoding="utf-8")
    assert main(["check", "--format", "json", str(tmp_path)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {f["path"].rsplit("/", 1)[-1] for f in findings} == {*SOURCES, "page.htm"}
    assert {f["rule"] for f in findings} == {"service-user", "addict"}
