"""The component travels: ``nlp.to_disk`` in one place, ``spacy.load`` in another (a fresh
process, another folder, the lexicon files gone) finds exactly what the built pipeline finds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import spacy

from plainwords.config import Config
from plainwords.run import build_linter

OWN = """version: 1
category: local
entries:
  - id: blue-sky-thinking
    terms: [blue sky thinking]
    alternatives: [new ideas]
    reason: Our own test entry.
    severity: suggestion
    inflect: none
    source: {name: Our style guide, url: "https://example.org/style"}
    unless:
      followed_by: [weather]
"""

TEXTS = [
    "Going forward we will utilise blue sky thinking to reach hard-to-reach groups.",
    "The blue sky thinking weather report said the spare keys are on a hard to reach shelf.",
    "Our service users, not “addicts”, deserve better words. The Service User Forum met.",
    "Nothing to see here.",
]

LOAD = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
out = []
for doc in nlp.pipe(json.loads(sys.argv[2])):
    out.append([[s.start_char, s.end_char, s.label_, s.id_, key]
                for key in ("plainwords", "plainwords_mentions") for s in doc.spans[key]])
print(json.dumps(out))
"""


def spans(nlp, texts):
    return [
        [
            [s.start_char, s.end_char, s.label_, s.id_, key]
            for key in ("plainwords", "plainwords_mentions")
            for s in doc.spans[key]
        ]
        for doc in nlp.pipe(texts)
    ]


def test_a_saved_pipeline_loads_elsewhere_with_its_own_lexicon(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(tmp_path / "cache"))
    own = tmp_path / "words" / "own.yaml"
    own.parent.mkdir()
    own.write_text(OWN, encoding="utf-8")
    linter = build_linter(Config(disable=("addict",)), [str(own)])
    built = spans(linter.nlp, TEXTS)
    assert any(span[3] == "blue-sky-thinking" for found in built for span in found)
    assert not any(span[3] == "addict" for found in built for span in found)

    saved = tmp_path / "saved"
    linter.nlp.to_disk(saved)
    assert (saved / "plainwords" / "lexicon.json").is_file()
    own.unlink()  # the saved pipeline must not need the file it was built from
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", LOAD, str(saved), json.dumps(TEXTS)],
        capture_output=True,
        text=True,
        cwd=elsewhere,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == built


def test_a_pipeline_built_by_name_saves_the_lexicons_its_config_named(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("plainwords", config={"lexicons": ["stigma"]})
    before = spans(nlp, TEXTS)
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert spans(loaded, TEXTS) == before
    assert {span[2] for found in before for span in found} == {"stigma"}


def test_to_bytes_and_from_bytes_round_trip():
    nlp = spacy.blank("en")
    nlp.add_pipe("plainwords")
    copy = spacy.blank("en")
    copy.add_pipe("plainwords", config={"lexicons": []})
    copy.from_bytes(nlp.to_bytes())
    assert spans(copy, TEXTS) == spans(nlp, TEXTS)
    assert copy.get_pipe("plainwords").lexicon == nlp.get_pipe("plainwords").lexicon


def test_a_factory_reads_no_lexicon_until_used(tmp_path):
    missing = str(Path(tmp_path) / "not-there.yaml")
    nlp = spacy.blank("en")
    nlp.add_pipe("plainwords", config={"lexicons": [missing]})  # no error yet: nothing read
    nlp.get_pipe("plainwords").from_bytes(_stigma_bytes())
    assert spans(nlp, ["They are addicts."]) == [[[9, 16, "stigma", "addict", "plainwords"]]]


def _stigma_bytes() -> bytes:
    nlp = spacy.blank("en")
    nlp.add_pipe("plainwords", config={"lexicons": ["stigma"]})
    return nlp.get_pipe("plainwords").to_bytes()
