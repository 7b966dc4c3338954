"""The candidate scanner is sound, and checking only the windows around candidates finds exactly
what a full pass finds.

"Full pass" is ``Options(prefilter=False)``: every paragraph of every document goes through spaCy.
"Windows" is what every run does: the scanner (``plainwords.scanner``) marks where a term could
be, and only the paragraphs holding a candidate are tokenized, from a pipeline built lazily from
the cached compile. The corpus is every form and example sentence of every shipped entry and the
realistic documents of tests/accuracy/documents, run as plain text and as Markdown.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from plainwords import engine, segments
from plainwords.cache import compiled_from
from plainwords.engine import Linter, Options
from plainwords.readers import read_text
from plainwords.readers.markdown import read_markdown

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import documents as suite  # noqa: E402

OPTIONS = Options(include_mentions=True)


@pytest.fixture(scope="module")
def full(lexicon):
    return Linter(lexicon, options=Options(include_mentions=True, prefilter=False))


@pytest.fixture(scope="module")
def windowed(lexicon, full):
    """A linter as a cached run makes it: scanner phrases from the compile, no pipeline yet."""
    eager = Linter(lexicon, options=OPTIONS)
    linter = Linter(lexicon, options=OPTIONS, compiled=compiled_from(lexicon, eager.component))
    assert "nlp" not in vars(linter)  # built on the first candidate, not before
    return linter


def _sentences(lexicon) -> list[str]:
    texts = []
    for entry in lexicon:
        texts += [*entry.terms, *entry.examples.flag, *entry.examples.ok]
        texts += [r.before for r in entry.examples.rewrite]
    return texts


def _documents() -> list[str]:
    return [d.text for d in suite.load([suite.SUITE])]


def test_the_scanner_never_calls_clean_what_the_pipeline_flags(lexicon, full, windowed):
    corpus = _sentences(lexicon) + _documents()
    # Every surface form of every entry, alone and inside a sentence.
    for forms in full.component.forms.values():
        for form in forms:
            corpus += [form, f"They said {form}, twice."]
    flagged = 0
    for text in corpus:
        found = full.check_text(text)
        if found:
            flagged += 1
            hits = windowed.prefilter.hits(text)
            assert hits is None or hits, f"the scanner calls {text!r} clean"
            assert windowed.prefilter(text)
    assert flagged > 2000  # the corpus exercises the lexicon, not just a few entries


def _same(full, windowed, document):
    expected = full.check(document)
    got = windowed.check(document)
    assert got == expected, document.path  # every field: place, text, entry, voice, offer…
    return len(expected)


def test_windows_find_exactly_what_a_full_pass_finds_in_every_example(lexicon, full, windowed):
    found = sum(
        _same(full, windowed, read_text("example.txt", text)) for text in _sentences(lexicon)
    )
    assert found > 1000


@pytest.mark.parametrize("reader", [read_text, read_markdown], ids=["text", "markdown"])
def test_windows_find_exactly_what_a_full_pass_finds_in_the_document_suite(full, windowed, reader):
    documents = _documents()
    found = sum(_same(full, windowed, reader("doc.md", text)) for text in documents)
    # The suite as one long document too: document-wide rules (guidance, senses, acronyms,
    # repeats) then see many paragraphs of which only some reach spaCy.
    found += _same(full, windowed, reader("all.md", "\n\n".join(documents)))
    assert found > 150


def test_a_long_text_scanned_block_by_block_finds_what_a_full_pass_finds(
    full, windowed, monkeypatch
):
    # Tiny blocks: most paragraph breaks in the suite become block edges, and a block that holds
    # no candidate, a paragraph longer than a block and a chunked paragraph all occur.
    monkeypatch.setattr(segments, "FIRST_BLOCK", 300)
    monkeypatch.setattr(segments, "BLOCK", 700)
    monkeypatch.setattr(segments, "MAX_SEGMENT", 2_000)
    monkeypatch.setattr(segments, "OVERLAP", 200)
    text = "\n\n".join(_documents())
    blocks = [(block[0][0], block[-1][1]) for block in segments._blocks(text)]
    assert len(blocks) > 20 and blocks[0][0] == 0 and blocks[-1][1] == len(text)
    assert all(a[1] < b[0] for a, b in zip(blocks, blocks[1:], strict=False))  # breaks between
    assert _same(full, windowed, read_text("all.txt", text)) > 100
    # Lower-casing that changes a block's length: the chunks are tested one by one instead.
    middle = text.index("\n\n", len(text) // 2)
    odd = text[:middle] + "\n\nİstanbul.\n\n" + text[middle:]
    assert windowed.prefilter.hits(odd) is None
    assert _same(full, windowed, read_text("odd.txt", odd)) > 100


def test_the_first_window_is_sent_before_the_rest_is_scanned(windowed, monkeypatch):
    monkeypatch.setattr(engine, "BATCH_CHARS", 2_000)
    sent: list[list[str]] = []

    def submit(texts):
        sent.append(texts)
        return engine.Done(windowed.match_texts(texts))

    document = read_text("all.txt", "\n\n".join(_documents()))
    findings = [
        f for _, fs in engine.findings_per_document(windowed, [document], submit) for f in fs
    ]
    assert findings == windowed.check(document)
    assert len(sent[0]) == 1 and len(sent) > 5  # then batches of about BATCH_CHARS


def test_the_matchers_hold_only_the_entries_the_texts_called_for(lexicon):
    eager = Linter(lexicon, options=OPTIONS)
    compiled = compiled_from(lexicon, eager.component)
    assert eager.component.waiting == frozenset()  # no scanner to ask: every entry at once
    linter = Linter(lexicon, options=OPTIONS, compiled=compiled)
    first = linter.check_text("We met the service users on Tuesday.")
    assert [f.rule for f in first] == ["service-user"]
    waiting = linter.component.waiting
    assert "service-user" not in waiting and "going-forward" in waiting
    assert len(waiting) > len(lexicon) - 20  # only the few entries the text could hold
    # A later text that needs another entry gets it, and finds what a full build finds.
    text = "Going forward, we will reach service users and utilise the hub."
    assert linter.check_text(text) == eager.check_text(text)
    assert {"going-forward", "utilise"}.isdisjoint(linter.component.waiting)


@pytest.mark.parametrize(
    "text",
    ["Our frail elderly deserve better.", "The very frail elderly deserve care."],
)
def test_patterns_added_on_demand_match_as_a_full_build_whatever_came_before(lexicon, full, text):
    # A grown match ("our frail elderly") gives way to another entry's bare match before its
    # conditions are read, so that entry must be in the matchers even where the words its
    # condition needs are not: the findings may not depend on what the linter saw before.
    compiled = compiled_from(lexicon, Linter(lexicon, options=OPTIONS).component)
    expected = full.check_text(text)
    fresh = Linter(lexicon, options=OPTIONS, compiled=compiled)
    assert fresh.check_text(text) == expected
    seasoned = Linter(lexicon, options=OPTIONS, compiled=compiled)
    seasoned.check_text("Frail elderly people came.")
    assert seasoned.check_text(text) == expected
