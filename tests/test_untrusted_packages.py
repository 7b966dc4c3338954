"""Word and OpenDocument files from untrusted hands: a broken or hostile one is a one-line error
naming it, the files beside it are still checked, and nothing is unpacked past the size limit."""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile

import docx
import odfdo
import pytest

from plainwords.cli import main
from plainwords.readers import ReadError, read_bytes


def _word(paragraphs: list[str] | None = None, style: str | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs or ["Our service users."]:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _odt() -> bytes:
    document = odfdo.Document("text")
    document.body.append(odfdo.Paragraph("Our service users."))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_part(data: bytes, name: str, change) -> bytes:
    """The same package with one member's bytes changed by ``change``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info, change(content) if info.filename == name else content)
    return buffer.getvalue()


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err
    return code, out, err


@pytest.mark.parametrize(
    ("name", "make", "part"),
    [("broken.docx", _word, "word/document.xml"), ("broken.odt", _odt, "content.xml")],
)
def test_broken_xml_is_one_line_and_the_other_files_are_still_checked(
    tmp_path, capsys, name, make, part
):
    broken = tmp_path / name
    broken.write_bytes(_with_part(make(), part, lambda xml: xml[: len(xml) // 2]))
    good = tmp_path / "good.docx"
    good.write_bytes(_word())
    text = tmp_path / "notes.txt"
    text.write_text("Addicts.\n", encoding="utf-8")
    code, out, err = _run(capsys, "check", "--format", "json", str(broken), str(text), str(good))
    assert code == 2
    lines = [line for line in err.splitlines() if name in line]
    assert len(lines) == 1 and "not a readable" in lines[0]
    found = sorted((f["path"].rsplit("/", 1)[-1], f["text"]) for f in json.loads(out)["findings"])
    assert found == [("good.docx", "service users"), ("notes.txt", "Addicts")]


@pytest.mark.parametrize(
    ("name", "make", "part"),
    [("bomb.docx", _word, "word/document.xml"), ("bomb.odt", _odt, "content.xml")],
)
def test_a_package_that_unpacks_past_the_limit_is_refused_before_parsing(name, make, part):
    # 30 MB of spaces squeeze to a few kilobytes; the zip directory says how big they unpack.
    bomb = _with_part(make(), part, lambda xml: xml.replace(b"?>", b"?>" + b" " * 30_000_000, 1))
    assert len(bomb) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match=r"unpacks to 30\.\d MB.*larger than the 10 MB limit"):
            read_bytes(name, bomb, max_bytes=10_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # nothing was unpacked


def test_a_zip_directory_that_understates_a_size_cannot_smuggle_more(tmp_path):
    """The size check trusts the directory; reading never goes past what it declares."""
    data = _with_part(_word(), "word/document.xml", lambda xml: xml + b" " * 5_000_000)
    archive = bytearray(data)
    # Rewrite the central directory's uncompressed size of document.xml to a small number.
    directory = archive.find(b"word/document.xml", archive.find(b"PK\x01\x02"))
    entry = archive.rfind(b"PK\x01\x02", 0, directory)
    archive[entry + 24 : entry + 28] = (1000).to_bytes(4, "little")
    with pytest.raises(ReadError, match="not a readable"):
        read_bytes("liar.docx", bytes(archive), max_bytes=2_000_000)


ENTITY_BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n'
)


@pytest.mark.parametrize(
    ("name", "make", "part"),
    [("entities.docx", _word, "word/document.xml"), ("entities.odt", _odt, "content.xml")],
)
def test_document_type_declarations_are_refused(name, make, part):
    def declare(xml: bytes) -> bytes:
        return ENTITY_BOMB + xml.split(b"?>", 1)[1]

    with pytest.raises(ReadError, match=rf"{name}: .*declares entities or a document type"):
        read_bytes(name, _with_part(make(), part, declare))


def test_nesting_deeper_than_any_real_document_is_refused():
    def deepen(xml: bytes) -> bytes:
        return xml.replace(b"<w:body>", b"<w:body>" + b"<w:x>" * 5000 + b"</w:x>" * 5000, 1)

    with pytest.raises(ReadError, match=r"deep\.docx: .*nested more than"):
        read_bytes("deep.docx", _with_part(_word(), "word/document.xml", deepen))


def test_twenty_thousand_paragraphs_look_their_styles_up_once(monkeypatch):
    """Styles are looked up once per document, not once per paragraph: python-docx's
    ``paragraph.style`` searches the styles part on every call (9 s for this file when each
    paragraph asked it). Counted, not timed, so a busy machine cannot fail it."""
    from docx.styles.styles import Styles
    from docx.text.paragraph import Paragraph

    def repeat(xml: bytes) -> bytes:  # python-docx itself takes half a minute to write these
        start = xml.index(b"<w:p>")
        end = xml.index(b"</w:p>", start) + len(b"</w:p>")
        return xml[:start] + xml[start:end] * 20_000 + xml[end:]

    data = _with_part(_word(["About people."], "List Bullet"), "word/document.xml", repeat)
    walks, asked = [], []
    walk = Styles.__iter__
    monkeypatch.setattr(Styles, "__iter__", lambda self: walks.append(1) or walk(self))
    style = Paragraph.style
    monkeypatch.setattr(
        Paragraph, "style", property(lambda self: asked.append(1) or style.fget(self))
    )
    document = read_bytes("many.docx", data)
    assert document.text.count("\n") == 19_999
    assert len(walks) == 1 and asked == []


def test_styles_are_still_named_when_looked_up_once():
    """A code-styled paragraph is kept but not linted; a paragraph with no style is the default."""

    def build(document) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        code = document.styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph("utilise()", style=code)
        document.add_paragraph("We utilise it.")

    word = docx.Document()
    build(word)
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_bytes("styles.docx", buffer.getvalue())
    assert document.text.split("\n")[-2:] == ["utilise()", "We utilise it."]
    assert "utilise()" not in document.lint_text and "We utilise it." in document.lint_text
