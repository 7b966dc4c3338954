"""Decoding: every common encoding reads to the same characters, line endings stay as they are,
and offsets count characters of the decoded text."""

from __future__ import annotations

import codecs

import pytest

from format_checks import found
from plainwords.cli import main
from plainwords.readers import NotText, read_bytes, read_path
from plainwords.readers.decoding import decode, encode

SENTENCE = "Café staff met service users.\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (SENTENCE.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16-be", True),
    ],
)
def test_unicode_encodings_decode_and_encode_back_identically(linter, data, encoding, bom):
    decoded = decode(data, "x.txt")
    assert (decoded.text, decoded.encoding, decoded.bom, decoded.notice) == (
        SENTENCE,
        encoding,
        bom,
        None,
    )
    assert encode(decoded.text, decoded.encoding, decoded.bom) == data
    document = read_bytes("x.txt", data)
    # The BOM is not a character of the text: offsets start after it.
    assert found(linter, document) == [(1, 16, "service-user", "service users")]
    assert linter.check(document)[0].start == 15


def test_windows_1252_is_detected_with_a_notice(linter):
    text = "The café’s “service users” and addicts — going forward, we’ll change our words.\n" * 3
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    document = read_bytes("old.txt", data)
    assert document.text == text
    assert document.encoding == "cp1252"
    assert document.notices == ("old.txt: not UTF-8; read as cp1252",)
    assert ("addict", "addicts") in [(rule, t) for _, _, rule, t in found(linter, document)]


def test_the_legacy_notice_reaches_the_user(tmp_path, capsys):
    path = tmp_path / "old.txt"
    path.write_bytes(
        "Our café’s clients — nothing to flag here at all, honestly.\n".encode("cp1252")
    )
    assert main(["check", str(path)]) == 0
    assert "not UTF-8; read as cp1252" in capsys.readouterr().err


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_are_kept_and_counted_as_one_break(linter, newline):
    text = newline.join(["First line.", "Second: addicts.", "Third: the", "homeless."]) + newline
    document = read_bytes("x.txt", text.encode("utf-8"))
    assert document.text == text
    assert found(linter, document) == [
        (2, 9, "addict", "addicts"),
        (3, 8, "the-homeless", f"the{newline}homeless"),
    ]


def test_mixed_line_endings_are_each_one_break(linter):
    text = "a\r\nb\rc\nWe utilise it.\r\n"
    assert found(linter, read_bytes("x.txt", text.encode("utf-8"))) == [
        (4, 4, "utilise", "utilise")
    ]


def test_offsets_count_characters_not_bytes(linter):
    text = "😀 ñ 中文 service users\n"
    finding = linter.check(read_bytes("x.txt", text.encode("utf-8")))[0]
    assert (finding.start, finding.column) == (7, 8)


def test_binary_files_are_skipped_with_a_notice(tmp_path, capsys):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (tmp_path / "blob.txt").write_bytes(b"service users\x00\x01\x02")
    with pytest.raises(NotText):
        read_path(tmp_path / "blob.txt")
    assert main(["check", str(tmp_path / "image.png"), str(tmp_path / "blob.txt")]) == 0
    err = capsys.readouterr().err
    assert "image.png: .png files are not text, skipped" in err
    assert "blob.txt: binary file (contains NUL bytes), skipped" in err


def test_unknown_extensions_named_on_the_command_line_are_read_as_text(tmp_path, capsys):
    path = tmp_path / "notes.cfg"
    path.write_text("# the homeless\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert "the homeless" in capsys.readouterr().out


def test_other_code_pages_are_not_forced_to_windows_1252():
    text = "Привет, это обычный текст на русском языке для проверки кодировки файла.\n" * 3
    document = read_bytes("ru.txt", text.encode("cp1251"))
    assert document.text == text
    assert document.encoding != "cp1252"


def test_an_eight_bit_file_is_not_read_as_utf16_without_a_byte_order_mark():
    # An even number of bytes with no NUL: charset detection can take it for UTF-16.
    data = "to. hard to reach\xa0".encode("cp1252")
    decoded = decode(data, "a.md")
    assert (decoded.encoding, decoded.text) == ("cp1252", "to. hard to reach\xa0")


def test_a_few_bytes_around_one_curly_quote_are_read_as_windows_1252():
    decoded = decode(b"\x92`_", "a.rst")
    assert (decoded.encoding, decoded.text) == ("cp1252", "\u2019`_")
    with pytest.raises(NotText):
        decode(b"\x92\x01\x02", "a.bin")


@pytest.mark.parametrize(
    "text",
    ["in order to,café", "hard to reach assistance hard to reach—", "We met — “early”.", "to—"],
)
def test_short_english_with_one_legacy_character_is_windows_1252(text):
    decoded = decode(text.encode("cp1252"), "a.txt")
    assert (decoded.encoding, decoded.text) == ("cp1252", text)
