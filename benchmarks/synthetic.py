"""Synthetic lexicons of any size, to measure how time grows with the number of entries.

Terms are word pairs that occur once or twice in a source text: rare enough to behave like real
jargon (most paragraphs hold none), common enough that a few of them turn up in any long book.
Generated from a fixed seed, so every run measures the same lexicon.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"[a-z]{3,}")


def candidate_phrases(source_text: str, taken: frozenset[str] = frozenset()) -> list[str]:
    """Rare word pairs of the text, leaving out ``taken`` (lower-case terms already in use)."""
    words = _WORD.findall(source_text.lower())
    pairs = Counter(zip(words, words[1:], strict=False))
    phrases = (f"{a} {b}" for (a, b), count in pairs.items() if count <= 2 and a != b)
    return sorted(p for p in phrases if p not in taken)


def shipped_terms() -> frozenset[str]:
    """The shipped lexicons' terms: a synthetic entry must not repeat one (the loader refuses a
    term that two entries share)."""
    from plainwords.lexicon import load_lexicon

    return frozenset(t.lower() for e in load_lexicon(["stigma", "jargon"]) for t in e.terms)


def synthetic_entries(count: int, source_text: str, seed: int = 8) -> list[dict]:
    phrases = candidate_phrases(source_text, shipped_terms())
    rng = random.Random(seed)
    chosen = rng.sample(phrases, min(count, len(phrases)))
    entries = []
    for index, phrase in enumerate(chosen):
        entries.append(
            {
                "id": f"synthetic-{index:05d}",
                "terms": [phrase],
                "alternatives": ["a plainer phrase"],
                "reason": "A synthetic entry that exists to measure matching speed.",
                "severity": "suggestion",
                "inflect": ("noun", "none", "verb")[index % 3],
                "source": {"name": "benchmark", "url": "https://example.org/benchmark"},
            }
        )
    return entries


def write_lexicon(path: Path, count: int, source_text: str, seed: int = 8) -> Path:
    """Write a lexicon file of ``count`` synthetic entries (category ``synthetic``)."""
    import yaml

    data = {
        "version": 1,
        "category": "synthetic",
        "description": "Generated for benchmarks.",
        "entries": synthetic_entries(count, source_text, seed),
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
