"""Shared fixtures: one blank-English pipeline with the shipped lexicons, built once per session."""

from __future__ import annotations

import os
import tempfile

import pytest

# Runs never share the user's compiled-lexicon cache with the test suite (tests of the cache set
# their own directory).
os.environ.setdefault("PLAINWORDS_CACHE_DIR", tempfile.mkdtemp(prefix="plainwords-test-cache-"))

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
