"""The pure side of autofix: what replaces a finding, and how edits are applied."""

from __future__ import annotations

import io
import os
import stat
import tempfile
import textwrap
from dataclasses import replace
from pathlib import Path
from unittest import mock

import docx
import odfdo
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainwords.cli import cli
from plainwords.document import Document, Suppression
from plainwords.engine import Linter
from plainwords.fix import (
    UNWRITABLE_EXTENSIONS,
    Edit,
    Fixed,
    apply_edits,
    fix_document,
    is_safe,
    is_writable,
    match_case,
    replacement,
    swap,
)
from plainwords.lexicon import load_lexicon
from plainwords.readers import BYTE_READERS, TEXT_READERS, read_bytes
from plainwords.readers.decoding import decode
from plainwords.writing import WriteError, encoded, write_fixed
from property_documents import MARKUP, READERS, TERMS, documents, examples


def fixed(linter, text: str, path: str = "a.md") -> str:
    document = read_bytes(path, text.encode("utf-8"))
    return fix_document(document, linter.check(document)).text


@pytest.fixture(scope="module")
def custom(tmp_path_factory):
    """A small lexicon with cases the seed does not have: a noun swap and an unsafe entry."""
    path = tmp_path_factory.mktemp("lexicon") / "custom.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            version: 1
            category: jargon
            entries:
              - id: end-user
                terms: [end user]
                alternatives: [reader]
                reason: Say who they are.
                severity: suggestion
                autofix: true
                source: {name: Test, url: "https://example.org/guide"}
              - id: leverage
                terms: [leverage]
                alternatives: [use, build on]
                reason: A buzzword for using something.
                severity: suggestion
                inflect: both
                autofix: true
                source: {name: Test, url: "https://example.org/guide"}
              - id: stakeholder
                terms: [stakeholder]
                alternatives: [partner, person involved]
                reason: Vague; name the people.
                severity: suggestion
                source: {name: Test, url: "https://example.org/guide"}
            """
        ),
        encoding="utf-8",
    )
    return Linter(load_lexicon([path]))


@pytest.mark.parametrize(
    ("matched", "alternative", "expected"),
    [
        ("utilise", "use", "use"),
        ("Utilise", "use", "Use"),
        ("UTILISE", "use", "USE"),
        ("In order to", "to", "To"),
        ("Service users", "the person's name", "The person's name"),
        ("service users", "people we support", "people we support"),
    ],
)
def test_replacement_keeps_the_case_of_the_original(matched, alternative, expected):
    assert match_case(matched, alternative) == expected


@pytest.mark.parametrize(
    ("matched", "expected"),
    [
        ("utilise", "use"),
        ("utilised", "used"),
        ("utilising", "using"),
        ("utilises", "uses"),
        ("utilized", "used"),  # American spelling, from spelling_variants
        ("Utilising", "Using"),
    ],
)
def test_replacement_agrees_with_the_verb_form(linter, matched, expected):
    (finding,) = [f for f in linter.check_text(f"They {matched} it.") if f.rule == "utilise"]
    assert finding.text == matched
    assert replacement(finding) == expected


@pytest.mark.parametrize(
    ("matched", "entry_id", "alternative", "expected"),
    [
        ("utilised", "utilise", "use", "used"),
        ("utilizing", "utilise", "use", "using"),
        ("Utilises", "utilise", "use", "Uses"),
        ("suffered from", "suffer-from", "has", "had"),
        ("suffers from", "suffer-from", "lives with", "lives with"),
        (
            "The homeless",
            "the-homeless",
            "people experiencing homelessness",
            "People experiencing homelessness",
        ),
        ("hard-to-reach", "hard-to-reach", "seldom heard", "seldom heard"),
    ],
)
def test_swap_keeps_form_and_case(lexicon, matched, entry_id, alternative, expected):
    assert swap(matched, lexicon.get(entry_id), alternative) == expected


def test_swap_declines_what_is_not_straightforward(lexicon):
    # A plural label and a multi-word singular alternative would not agree: leave it to a person.
    assert swap("addicts", lexicon.get("addict"), "person who uses drugs") is None
    assert swap("service user", lexicon.get("service-user"), "the person's name") is None


def test_a_closed_up_spelling_takes_the_alternative_as_written(linter):
    (finding,) = [f for f in linter.check_text("Priorto the meeting.") if f.rule == "prior-to"]
    assert swap(finding.text, finding.entry, "before") is None
    assert replacement(finding) == "Before"


def test_noun_heads_are_inflected(custom):
    entry = custom.lexicon.get("end-user")
    assert swap("end users", entry, "reader") == "readers"
    assert swap("end user", entry, "reader") == "reader"
    assert fixed(custom, "Ask the End users first.\n") == "Ask the Readers first.\n"


def test_entries_that_inflect_both_ways(custom):
    assert fixed(custom, "We leveraged it, leveraging more.\n") == "We used it, using more.\n"


def test_only_entries_marked_safe_are_fixed(linter, custom):
    assert fixed(linter, "Service users utilise the hall.\n") == "Service users use the hall.\n"
    assert fixed(custom, "Ask every stakeholder.\n") == "Ask every stakeholder.\n"


def test_code_and_markup_are_never_touched(linter):
    text = (
        "Utilise `utilise` here.\n\n```\nutilise\n```\n\n[utilise](https://example.org/utilise)\n"
    )
    expected = "Use `utilise` here.\n\n```\nutilise\n```\n\n[use](https://example.org/utilise)\n"
    assert fixed(linter, text) == expected


def test_suppressed_lines_are_never_touched(linter):
    text = "We utilise this.\nWe utilise that.\n"
    document = replace(
        read_bytes("a.txt", text.encode()), suppressions=(Suppression(first_line=2, last_line=2),)
    )
    assert fix_document(document, linter.check(document)).text == "We use this.\nWe utilise that.\n"


def test_a_fix_changes_only_the_characters_of_the_finding(linter):
    text = "Tabs\tand  spaces, “quotes” — and then: we Utilised it.\r\nMore\r\n"
    document = read_bytes("a.txt", text.encode())
    result = fix_document(document, linter.check(document))
    (change,) = result.changes
    assert result.text == text[: change.start] + "Used" + text[change.end :]
    assert change.describe() == f"a.txt:1:{text.index('Utilised') + 1}: Utilised → Used"


def test_overlapping_and_stale_edits_are_left_out(linter):
    document = read_bytes("a.txt", b"We utilise it.\n")
    (finding,) = linter.check(document)
    stale = replace(finding, text="something else")
    result = apply_edits(
        document, [Edit(finding, "use"), Edit(finding, "employ"), Edit(stale, "x")]
    )
    assert result.text == "We use it.\n"
    assert len(result.changes) == 1


def test_a_match_across_markup_is_left_alone(linter):
    text = "We met in <b>order</b> to plan.\n"
    document = read_bytes("a.txt", text.encode())
    (finding,) = linter.check(read_bytes("a.txt", b"We met in order to plan.\n"))
    across = replace(finding, end=finding.end + 7, text=text[finding.start : finding.end + 7])
    assert across.text == "in <b>order</b> to"
    assert not apply_edits(document, [Edit(across, "to")]).changed


def test_an_edit_that_changes_nothing_is_not_reported(linter):
    document = read_bytes("a.txt", b"We utilise it.\n")
    (finding,) = linter.check(document)
    assert not apply_edits(document, [Edit(finding, "utilise")]).changed


def test_word_documents_are_never_rewritten(linter):
    document = Document(
        path="report.docx",
        text="We utilise it.",
        lint_text="We utilise it.",
        line_label="paragraph",
    )
    assert not is_writable(document)
    findings = linter.check(document)
    assert findings
    assert not fix_document(document, findings).changed


_PIECES = st.sampled_from(
    [
        "utilise",
        "Utilised",
        "UTILISING",
        "in order to",
        "In order to",
        "`utilise`",
        "the",
        "hall",
        "service users",
        "use",
        "to",
        ",",
        ".",
        "\n",
        "\r\n",
        "  ",
        "**",
        "going forward",
    ]
)


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(_PIECES, max_size=14).map(" ".join))
def test_fixing_is_idempotent_and_changes_nothing_but_findings(linter, text):
    document = read_bytes("a.md", text.encode("utf-8"))
    result = fix_document(document, linter.check(document))
    once = result.text
    assert fixed(linter, once) == once
    assert [c for c in once if c in "\r\n"] == [c for c in text if c in "\r\n"]
    rebuilt, cursor = [], 0
    for change in result.changes:
        assert text[change.start : change.end] == change.before
        rebuilt += [text[cursor : change.start], change.after]
        cursor = change.end
    assert "".join(rebuilt) + text[cursor:] == once


# --- every writable format, property-tested -------------------------------------------------

# Terms whose entries are marked safe to fix, in several cases and wrapped across lines, next to
# the offset tests' terms (which are mostly people's labels, never fixed unattended).
FIX_TERMS = [
    *TERMS[:4],
    "utilise",
    "Utilised",
    "UTILISING",
    "in order to",
    "In order\nto",
    "in\r\norder to",
    "prior to",
    "commence",
    "Numerous",
    "assistance",
    "with regard to",
    "a large number of",
    "on a regular basis",
    "in lieu of",
    "participate",
]
# Every extension a text reader owns, by the reader's kind, so a new extension is tested too.
EXTENSIONS = {
    kind: sorted(ext for ext, reader in TEXT_READERS.items() if reader is READERS[kind])
    for kind in READERS
}
# How a file's text may be stored: (encoding, byte-order mark).
STORAGE = [("utf-8", False), ("utf-8", True), ("utf-16-le", True), ("cp1252", False)]


RST = """\
Utilise the hall
================

We commence *prior to* noon, in order to
meet. See ``utilise()`` and :code:`prior to`.

::

    utilise(x)  # in order to

* Numerous people
* `utilise <https://x.org/utilise>`_

.. utilise this comment
"""
HTML = """\
<html><head><title>Utilise it</title><style>.utilise{}</style>
<script>utilise('in order to')</script></head>
<body><h1>Prior to noon</h1><p class="utilise" title="in order to meet">We utilise&nbsp;it
in order&#32;to <b>commence</b>.</p><!-- utilise --><pre>in order to</pre><code>commence</code>
<img alt="Numerous people" src="utilise.png"><p>in <em>order</em> to</p></body></html>
"""


def test_rst_fixes_prose_and_leaves_literals_roles_targets_and_comments(linter):
    assert fixed(linter, RST, "a.rst") == (
        RST.replace("Utilise the", "Use the")
        .replace("commence *prior to* noon, in order to", "start *before* noon, to")
        .replace("Numerous", "Many")
        .replace("`utilise <", "`use <")
    )


def test_html_fixes_text_and_attributes_never_code_comments_or_entities(linter):
    assert fixed(linter, HTML, "a.html") == (
        HTML.replace("<title>Utilise", "<title>Use")
        .replace("Prior to", "Before")
        .replace('title="in order to', 'title="to')
        .replace("We utilise", "We use")
        .replace("<b>commence", "<b>start")
        .replace('alt="Numerous', 'alt="Many')
    )


def test_fixes_that_uncover_others_are_made_in_one_run(linter):
    # "in order to" just after "number" is sorting ("numbered in order to"), so it is held back
    # until "a large number of" has become "many".
    text = "We invited a large number of people in order to hear them.\n"
    document = read_bytes("a.txt", text.encode())
    assert fix_document(document, linter.check(document)).text == (
        "We invited many people in order to hear them.\n"
    )
    result = fix_document(document, linter.check(document), linter.check)
    assert result.text == "We invited many people to hear them.\n"
    assert [c.describe() for c in result.changes] == [
        "a.txt:1:12: a large number of → many",
        "a.txt:1:37: in order to → to",
    ]
    assert_only_the_changes_differ(text, result)


def test_every_text_reader_is_covered_and_containers_are_not_written():
    assert sorted(ext for exts in EXTENSIONS.values() for ext in exts) == sorted(TEXT_READERS)
    assert set(MARKUP) == set(READERS)
    assert set(BYTE_READERS) == UNWRITABLE_EXTENSIONS


def prose(document, start: int, end: int) -> bool:
    """Whether every character of ``text[start:end]`` is linted as itself (not code, a tag or an
    entity): the only characters a fix may ever replace."""
    if not document.offsets.pieces:
        return document.lint_text[start:end] == document.text[start:end]
    for offset in range(start, end):
        inside = [
            p
            for p in document.offsets.pieces
            if p.source_start <= offset < p.source_end
            and p.source_end - p.source_start == p.lint_end - p.lint_start
        ]
        if not any(
            document.lint_text[p.lint_start + offset - p.source_start] == document.text[offset]
            for p in inside
        ):
            return False
    return True


def new_spans(result: Fixed) -> list[tuple[int, int]]:
    """Where each change's replacement sits in the fixed text."""
    spans, shift = [], 0
    for change in result.changes:
        start = change.start + shift
        spans.append((start, start + len(change.after)))
        shift += len(change.after) - (change.end - change.start)
    return spans


def assert_only_the_changes_differ(text: str, result: Fixed) -> None:
    """The fixed text is the original with each change's span swapped, and nothing else."""
    rebuilt, cursor = [], 0
    for change in result.changes:
        assert change.start >= cursor
        assert text[change.start : change.end] == change.before
        rebuilt += [text[cursor : change.start], change.after]
        cursor = change.end
    assert "".join(rebuilt) + text[cursor:] == result.text


def reread(document, text: str):
    """The fixed text read back from the bytes ``fix`` writes.

    A legacy 8-bit file's code page is a guess from its bytes, and the guess may differ once the
    text has changed; the bytes are what is kept, so they are read in the original's code page.
    """
    data = encoded(document, text)
    again = read_bytes(document.path, data)
    if again.encoding != document.encoding and not document.bom:
        assert document.notices, "only a guessed legacy encoding may be guessed differently"
        again = READERS[document.kind](
            document.path, data.decode(document.encoding), encoding=document.encoding
        )
    assert again.text == text
    return again


def assert_fixed_soundly(linter, document) -> Fixed:
    """The properties every fix of every writable document must have."""
    result = fix_document(document, linter.check(document), linter.check)
    assert_only_the_changes_differ(document.text, result)
    for change in result.changes:
        assert prose(document, change.start, change.end), change
    again = reread(document, result.text)
    findings = linter.check(again)
    for start, end in new_spans(result):
        left = [f for f in findings if f.start < end and start < f.end and is_safe(f)]
        assert not left, (result.text[start:end], left)
    assert not fix_document(again, findings, linter.check).changed, "a second fix changed more"
    return result


@st.composite
def stored_documents(draw, kind: str):
    """A document's bytes as a file of that kind might hold them, and the path to read it as."""
    text = draw(documents(kind, FIX_TERMS))
    encoding, bom = draw(st.sampled_from(STORAGE))
    try:
        data = (b"\xef\xbb\xbf" if bom and encoding == "utf-8" else b"") + text.encode(encoding)
    except UnicodeEncodeError:
        encoding, bom, data = "utf-8", False, text.encode("utf-8")
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + text.encode(encoding)
    extension = draw(st.sampled_from(EXTENSIONS[kind]))
    return f"doc{extension}", data


def check_fix_writes_back(linter, name: str, data: bytes, crash: bool) -> None:
    document = read_bytes(name, data)
    assert encoded(document, document.text) == data, "reading must not change a byte"
    result = assert_fixed_soundly(linter, document)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        os.chmod(path, 0o640)
        if crash:
            with (
                mock.patch("plainwords.atomic.os.replace", side_effect=OSError(28, "No space")),
                pytest.raises(WriteError),
            ):
                write_fixed(path, document, result.text)
            assert path.read_bytes() == data
        else:
            write_fixed(path, document, result.text)
            written = path.read_bytes()
            assert written == encoded(document, result.text)
            assert decode(written).text == result.text or not result.changed
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
        assert os.listdir(folder) == [name], "no temporary file is left behind"


FIX_SETTINGS = settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FIX_SETTINGS
@given(stored=stored_documents("markdown"), crash=st.booleans())
def test_markdown_fixes_touch_only_their_words(linter, stored, crash):
    check_fix_writes_back(linter, *stored, crash)


@FIX_SETTINGS
@given(stored=stored_documents("rst"), crash=st.booleans())
def test_rst_fixes_touch_only_their_words(linter, stored, crash):
    check_fix_writes_back(linter, *stored, crash)


@FIX_SETTINGS
@given(stored=stored_documents("html"), crash=st.booleans())
def test_html_fixes_touch_only_their_words(linter, stored, crash):
    check_fix_writes_back(linter, *stored, crash)


@FIX_SETTINGS
@given(stored=stored_documents("text"), crash=st.booleans())
def test_text_fixes_touch_only_their_words(linter, stored, crash):
    check_fix_writes_back(linter, *stored, crash)


@settings(max_examples=examples(25), deadline=None)
@given(
    paragraphs=st.lists(
        documents("text", FIX_TERMS).map(lambda t: " ".join(t.split())), max_size=5
    ),
    extension=st.sampled_from(sorted(UNWRITABLE_EXTENSIONS)),
)
def test_word_and_opendocument_files_are_never_written(linter, paragraphs, extension):
    data = container(extension, paragraphs)
    document = read_bytes(f"report{extension}", data)
    assert not is_writable(document)
    assert not fix_document(document, linter.check(document)).changed


def container(extension: str, paragraphs: list[str]) -> bytes:
    """A Word or OpenDocument file holding the paragraphs."""
    buffer = io.BytesIO()
    if extension == ".docx":
        word = docx.Document()
        for paragraph in paragraphs:
            word.add_paragraph(paragraph)
        word.save(buffer)
    else:
        document = odfdo.Document("text")
        document.body.clear()
        for paragraph in paragraphs:
            document.body.append(odfdo.Paragraph(paragraph))
        document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("extension", sorted(UNWRITABLE_EXTENSIONS))
def test_fix_leaves_container_files_byte_for_byte(tmp_path, extension):
    path = tmp_path / f"report{extension}"
    data = container(extension, ["We utilise the hall in order to meet."])
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["fix", str(path)])
    assert result.exit_code == 0, result.output
    assert "utilise → use (suggestion only" in result.stderr
    assert path.read_bytes() == data
    assert os.listdir(tmp_path) == [path.name]
