"""Shared fixtures: one blank-English pipeline with the shipped lexicons, built once per session."""

from __future__ import annotations

import pytest

from plainwords.engine import Linter
from plainwords.lexicon import load_lexicon


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon(["stigma", "jargon"])


@pytest.fixture(scope="session")
def linter(lexicon):
    return Linter(lexicon)


@pytest.fixture(scope="session")
def rules(linter):
    """Rule ids found in a piece of text."""

    def find(text: str) -> list[str]:
        return [f.rule for f in linter.check_text(text)]

    return find
