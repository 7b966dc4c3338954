"""The default pipeline: spaCy's blank English with lean lexemes, and what that must not change."""

from __future__ import annotations

import re
from pathlib import Path

import spacy
import yaml
from spacy.attrs import IDS

import plainwords
from plainwords.engine import LEXICAL_ATTRIBUTES, Linter, Options, build_pipeline
from plainwords.lexicon import Lexicon

SOURCES = Path(plainwords.__file__).parent
TESTS = Path(__file__).parent


def _lexical_attribute_names() -> set[str]:
    """Every attribute spaCy's English computes per lexeme, as it is spelled on a Token."""
    getters = spacy.blank("en").vocab.lex_attr_getters
    names = {value: name for name, value in IDS.items()}
    return {names[key].lower() for key in getters if key in names}


def test_the_code_reads_no_lexical_attribute_the_lean_pipeline_leaves_out():
    lexical = _lexical_attribute_names()
    read = set()
    for path in SOURCES.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "from spacy" not in source:
            continue  # only modules that handle spaCy's tokens (".suffix" elsewhere is a Path's)
        # ".is_alpha", ".lower_", ".like_num": token attributes (".lower()" is a str method).
        for name in re.findall(r"\.([a-z_]+?)_?\b(?!\()", source):
            if name in lexical:
                read.add(name)
    assert read, "the scan should find the attributes the conditions read"
    assert read <= {name.lower() for name in LEXICAL_ATTRIBUTES}, read


def test_lean_lexemes_keep_the_attributes_plainwords_reads(lexicon):
    lean = build_pipeline(lexicon)
    full = build_pipeline(lexicon, lean=False)
    assert len(lean.vocab.lex_attr_getters) == len(LEXICAL_ATTRIBUTES)
    text = "Zebras 12 twelve ÉCOLE x-ray https://e.org Ünïcode\u00a0O'Neill addicts' ½ ⅔ ٣"
    for a, b in zip(lean(text), full(text), strict=True):
        for name in LEXICAL_ATTRIBUTES:
            assert getattr(a, name.lower()) == getattr(b, name.lower()), (a.text, name)


def test_a_lexicon_with_token_patterns_keeps_every_attribute(lexicon):
    entry = next(iter(lexicon))
    patterned = Lexicon(
        (
            *lexicon,
            type(entry)(
                **{
                    **entry.__dict__,
                    "id": "shape-test",
                    "terms": (),
                    "patterns": (({"SHAPE": "dd"},),),
                }
            ),
        )
    )
    nlp = build_pipeline(patterned)
    assert len(nlp.vocab.lex_attr_getters) > len(LEXICAL_ATTRIBUTES)


def test_lean_and_full_pipelines_find_the_same_things(lexicon):
    items = yaml.safe_load((TESTS / "accuracy" / "sentences.yaml").read_text(encoding="utf-8"))
    items += yaml.safe_load((TESTS / "accuracy" / "heldout.yaml").read_text(encoding="utf-8"))
    options = Options(include_mentions=True)
    lean, full = Linter(lexicon, options=options), Linter(lexicon, options=options)
    full.nlp = build_pipeline(lexicon, lean=False)
    full.component = full.nlp.get_pipe("plainwords")
    # One document per item: document-level signals (a guide's lists, a statistics paper's
    # senses) must see each text as its writer did, not hundreds of sentences run together.
    found = 0
    for item in items:
        ours = [(f.start, f.end, f.rule, f.mention) for f in lean.check_text(item["text"])]
        assert ours == [(f.start, f.end, f.rule, f.mention) for f in full.check_text(item["text"])]
        found += len(ours)
    assert found > 300
