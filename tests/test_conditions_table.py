"""The conditions are declared once, in ``plainwords.conditions.CONDITIONS``: the lexicon's
``Conditions``, the compiled form, the loader and the docs all follow that table."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from plainwords import lexicon
from plainwords.conditions import CONDITIONS, CompiledConditions, docs_tables, updated_docs

PAGE = Path(__file__).resolve().parents[1] / "docs" / "lexicon-format.md"
NAMES = {c.name for c in CONDITIONS}


def test_the_docs_tables_are_generated_from_the_table():
    page = PAGE.read_text(encoding="utf-8")
    assert updated_docs(page) == page, (
        "docs/lexicon-format.md is stale: run python -m plainwords.conditions docs/lexicon-format.md"
    )
    for condition in CONDITIONS:
        assert f"| `{condition.name}: {condition.written}` |" in docs_tables()


def test_every_condition_has_a_field_in_the_entry_and_compiled_forms():
    assert {f.name for f in fields(lexicon.Conditions)} == NAMES | {"window"}
    assert {f.name for f in fields(CompiledConditions)} == NAMES | {"window"}
    loader_keys = lexicon._CONDITION_KEYS
    assert loader_keys == NAMES | {"window"}


def test_each_row_is_complete():
    kinds = {"phrases", "words", "tags", "pos", "flag"}
    for condition in CONDITIONS:
        assert condition.kind in kinds and condition.reads and condition.holds_when
        assert callable(condition.test)
    assert {c.name for c in CONDITIONS if c.needs_model} == {"pos", "dep", "head", "object"}


def test_the_loader_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys, plainwords.lexicon; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
