"""Tiny lexicons written inline, and a blank pipeline over them, for tests of the component, the
conditions and use-versus-mention that must not depend on the shipped lexicons."""

from __future__ import annotations

import spacy

from plainwords.lexicon import Lexicon, parse_lexicon
from plainwords.yamlfile import load_yaml_text

SOURCE = 'source: {name: Test guide, url: "https://example.org/guide"}'


def entry_yaml(entry_id: str, terms: str, extra: str = "") -> str:
    """One entry as lexicon YAML: the required fields, then ``extra`` lines (YAML, unindented)."""
    lines = [
        f"  - id: {entry_id}",
        f"    terms: {terms}",
        "    alternatives: [something kinder]",
        "    reason: Test reason.",
        "    severity: warning",
        f"    {SOURCE}",
    ]
    lines += [f"    {line}" for line in extra.strip().splitlines()]
    return "\n".join(lines)


def parse_entries(*entries: str):
    """The entries and problems ``parse_lexicon`` makes of a file holding ``entries``."""
    text = "version: 1\ncategory: test\nentries:\n" + "\n".join(entries)
    return parse_lexicon(load_yaml_text(text, "t.yaml"), "t.yaml")


def lexicon_of(*entries: str) -> Lexicon:
    """A lexicon of ``entries``, which must have no problems."""
    parsed, problems = parse_entries(*entries)
    assert not problems, [str(p) for p in problems]
    return Lexicon(tuple(parsed))


def pipeline(*entries: str):
    """A blank English pipeline with the plainwords component over a lexicon of ``entries``."""
    nlp = spacy.blank("en")
    nlp.add_pipe("plainwords", config={"lexicons": []}).set_lexicon(lexicon_of(*entries))
    return nlp


def spans(nlp, text: str, group: str = "plainwords") -> list:
    """The spans the component puts in a span group (``plainwords`` or ``plainwords_mentions``)."""
    return list(nlp(text).spans[group])
