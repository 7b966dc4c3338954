"""Productive forms (``productive: [collective]``) and what token patterns need from a run.

A collective label grows describing words ("the street homeless", "our elderly") without a list
of phrases, and a lexicon with token patterns keeps the prefilter and the lean pipeline.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plainwords import productive
from plainwords.engine import LEXICAL_ATTRIBUTES, Linter, build_pipeline
from plainwords.errors import LexiconError
from plainwords.lexicon import load_lexicon
from plainwords.token_patterns import lexical_attributes, trigger_words

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def linter():
    return Linter(load_lexicon(["stigma", "jargon"]))


def _found(linter, text):
    return [(f.text, f.rule) for f in linter.check_text(text)]


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("Volunteers fed the street homeless.", "the street homeless", "the-homeless"),
        ("We must not forget the poor homeless of this city.", "the poor homeless", "the-homeless"),
        ("The young homeless need more than a bed.", "The young homeless", "the-homeless"),
        ("We support the chronically homeless.", "the chronically homeless", "the-homeless"),
        ("The long-term homeless are hardest to help.", "The long-term homeless", "the-homeless"),
        ("Our elderly deserve better.", "Our elderly", "the-elderly"),
        ("The severely mentally ill were moved.", "The severely mentally ill", "the-mentally-ill"),
        ("Grants help the newly disabled.", "the newly disabled", "the-disabled"),
        ("The very poor suffer most.", "The very poor", "the-poor"),
        ("The profoundly deaf can use the loop.", "The profoundly deaf", "the-deaf"),
        ("We protect our most vulnerable.", "our most vulnerable", "the-vulnerable"),
    ],
)
def test_collective_labels_are_found_with_describing_words(linter, text, span, rule):
    assert (span, rule) in _found(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "The families made homeless last year were rehoused.",
        "The man who was homeless found a flat.",
        "The people disabled by the change were compensated.",
        "The elderly care budget rose.",
        "The homeless shelter opened early.",
        "The council homeless team met on Monday.",
        "The hidden homeless crisis is growing.",
        "We apologise for the very poor quality of the recording.",
        "The kitchen blind is broken.",
        "The Street Homeless Project opened a café.",
        "The word vulnerable can sound like a fixed trait.",
        "The fund was for the deserving poor, not people who waste money.",
        "He has lived in a home for the mentally handicapped since 1985.",
    ],
)
def test_what_is_not_a_collective_label_stays_quiet(linter, text):
    collective = {"the-homeless", "the-elderly", "the-disabled", "the-poor", "the-blind"}
    collective |= {"the-vulnerable"}
    assert not {rule for _, rule in _found(linter, text)} & collective


def test_a_grown_form_gives_way_to_another_entrys_longer_term(linter):
    assert _found(linter, "The fund was for the deserving poor.") == [
        ("deserving poor", "undeserving-poor")
    ]
    assert ("mentally handicapped", "mental-handicap") in _found(
        linter, "A home for the mentally handicapped."
    )
    # A one-word match is only the label the shape grew from: the collective wins.
    assert _found(linter, "We protect our most vulnerable.") == [
        ("our most vulnerable", "the-vulnerable")
    ]


def test_collective_grows_only_terms_made_of_the_and_plain_words():
    assert productive.collective("the homeless")
    assert productive.collective("the mentally ill")[0][-2:] == [
        {"LOWER": "mentally"},
        {"LOWER": "ill"},
    ]
    assert productive.collective("needy people") == []
    assert productive.collective("the world's poor") == []
    assert productive.patterns_for(("collective",), ("the poor", "underclass")) == (
        productive.collective("the poor")
    )


def test_an_unknown_shape_is_reported_at_its_line(tmp_path):
    own = tmp_path / "own.yaml"
    own.write_text(
        "category: own\nentries:\n  - id: the-idle\n    terms: [the idle]\n"
        "    alternatives: [people out of work]\n    reason: Blames.\n    severity: warning\n"
        "    source: {name: Us, url: 'https://example.org'}\n    productive: [colective]\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as caught:
        load_lexicon([str(own)])
    assert "own.yaml:9" in str(caught.value) and "unknown shape 'colective'" in str(caught.value)


def test_an_own_entry_can_name_a_shape(tmp_path):
    own = tmp_path / "own.yaml"
    own.write_text(
        "category: own\nentries:\n  - id: the-idle\n    terms: [the idle]\n    inflect: none\n"
        "    alternatives: [people out of work]\n    reason: Blames.\n    severity: warning\n"
        "    source: {name: Us, url: 'https://example.org'}\n    productive: [collective]\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon([str(own)])
    (entry,) = lexicon.entries
    assert entry.productive == ("collective",) and not entry.patterns  # grown by the component
    found = Linter(lexicon).check_text("Taxes fund the workshy idle, he said.")
    assert [f.text for f in found] == ["the workshy idle"]


def test_trigger_words_are_the_most_selective_required_token():
    pattern = [
        {"LOWER": {"IN": ["the", "our"]}},
        {"IS_ALPHA": True, "OP": "?"},
        {"LOWER": "homeless"},
    ]
    assert trigger_words(pattern) == ("homeless",)
    assert trigger_words([{"LOWER": {"IN": ["is", "was"]}}, {"ORTH": "-", "OP": "?"}]) == (
        "is",
        "was",
    )
    assert trigger_words([{"IS_ALPHA": True}, {"LOWER": "x", "OP": "*"}]) is None
    assert trigger_words([{"LOWER": {"NOT_IN": ["a"]}}]) is None


def test_shipped_patterns_keep_the_prefilter_and_the_lean_pipeline(linter):
    assert any(entry.patterns for entry in linter.lexicon)
    assert linter.prefilter is not None and not linter.prefilter.always
    assert linter.prefilter.hits("Nothing here at all.") == []
    nlp = build_pipeline(linter.lexicon)
    assert len(nlp.vocab.lex_attr_getters) == len(LEXICAL_ATTRIBUTES)


def test_lexical_attributes_tested_by_patterns_are_kept():
    assert lexical_attributes([[{"IS_PUNCT": True}, {"ORTH": "-", "SPACY": False}]]) == {"IS_PUNCT"}


def test_the_docs_table_is_generated_from_the_shapes():
    page = (ROOT / "docs" / "lexicon-format.md").read_text(encoding="utf-8")
    assert productive.updated_docs(page) == page, (
        "run: python -m plainwords.conditions docs/lexicon-format.md"
    )


def _surface(marker: re.Match[str]) -> str:
    return marker.group(1) or marker.group(2)


def test_gating_the_token_matchers_changes_no_finding(linter):
    """The token matchers run only on paragraphs holding one of their words; running them on
    every paragraph finds exactly the same things."""
    import yaml

    from plainwords.segments import Prefilter

    texts = [
        d["text"]
        for f in sorted((ROOT / "tests" / "accuracy" / "documents").glob("*.yaml"))
        if f.name not in ("floors.yaml", "language-guide.yaml")
        for d in yaml.safe_load(f.read_text("utf-8"))["documents"]
    ]
    text = re.sub(
        r"\[\[([^\]|]+)\|[^\]]*\]\]|\{\{([^}|]+)\|[a-z]+\}\}", _surface, "\n\n".join(texts)
    )
    gated = [(f.start, f.end, f.rule) for f in linter.check_text(text)]
    component = linter.component
    saved = component._gated
    try:
        component._gated = [(m, Prefilter([], always=True)) for m, _ in saved]
        ungated = [(f.start, f.end, f.rule) for f in linter.check_text(text)]
    finally:
        component._gated = saved
    assert gated == ungated
    assert {"condition-as-identity", "the-homeless", "drinker-label"} <= {r for *_, r in gated}
