"""Senses the document decides: a word's innocent meaning shown by what the whole text is about.

A sentence cannot always tell "a cohort of 1,204 adults" in a statistics paper from "the
non-engaging cohort" in a case note, or an airline's "frequent flyer" from a hospital's; the
document can. Each ``Sense`` names the entries it excuses and the topic words that show the
document is about that subject; a document holding at least ``needed`` different topic words
(as whole words, in any case) is on that subject, and findings of those entries in it are
dropped as the innocent sense.

The topic words are narrow on purpose (terms of the trade, not "data" or "people"), so a council
report that mentions figures keeps its "rough sleeping cohorts" and a job advert its "key duties".

Read fast: a case-insensitive alternation tried at every character of a book takes a tenth of a
second per sense, so the places where a topic word's first piece is written are found in the text
folded once to lower-case bytes (``plainwords.folding``), and the expression is tried only there.
Matches come out exactly as ``finditer`` gives them (see ``Sense.matches``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from plainwords.document import Document
from plainwords.findings import Finding
from plainwords.folding import folded, places


@dataclass(frozen=True)
class Sense:
    name: str
    entries: frozenset[str]
    words: tuple[str, ...]
    needed: int = 2

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        alternatives = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in self.words), key=len)
        return re.compile(r"(?<![\w-])(?:" + "|".join(reversed(alternatives)) + r")(?![\w-])", re.I)

    @cached_property
    def keys(self) -> tuple[bytes, ...] | None:
        """Each topic word's first piece (up to its first space, which the pattern lets be any
        run of whitespace), lower-cased: wherever the pattern matches, one of them is written
        in the folded text (``folded``). None when a word is not ASCII or has no first piece,
        for which folding proves nothing: then the pattern reads the whole text."""
        pieces = {w.lower().split(" ")[0] for w in self.words}
        if not all(p and p.isascii() for p in pieces):
            return None
        return tuple(sorted(p.encode("ascii") for p in pieces))

    def matches(self, text: str, starts: Sequence[int] | None = None) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text``, exactly those ``finditer`` gives, in order; but the
        pattern is tried only at the places where a topic word's first piece is written (or at
        ``starts``, sorted offsets that include all of those, found for several senses at once
        by ``places_for``)."""
        data = folded(text) if self.keys is not None else None
        if data is None or self.keys is None:
            yield from self.pattern.finditer(text)
            return
        end = 0
        for place in places(data, self.keys) if starts is None else starts:
            if place < end:
                continue  # inside the last match: ``finditer`` goes on from its end
            match = self.pattern.match(text, place)  # look-behind still sees the text before
            if match:
                yield match
                end = match.end()

    def shown_by(self, text: str, starts: Sequence[int] | None = None) -> bool:
        """The text holds at least ``needed`` different topic words (``starts`` as for
        ``matches``)."""
        found: set[str] = set()
        for match in self.matches(text, starts):
            found.add(" ".join(match.group().lower().split()))
            if len(found) >= self.needed:
                return True
        return False


SENSES: tuple[Sense, ...] = (
    Sense(
        "statistics",
        frozenset({"cohort", "leverage", "robust", "key"}),
        (
            "odds ratio", "hazard ratio", "confidence interval", "regression", "Kaplan-Meier",
            "log-rank", "p-value", "standard deviation", "statistically significant",
            "covariates", "variance", "meta-analysis", "randomised", "randomized", "outliers",
            "Cox model", "logistic regression", "multivariate", "multivariable",
        ),
    ),
    Sense(
        "research abstract",
        frozenset({"cohort", "robust", "key"}),
        ("Methods:", "Method:", "Results:", "Conclusions:", "Conclusion:", "Objective:",
         "Objectives:", "Aim:", "Aims:", "Purpose:", "Background:", "Design:", "Setting:",
         "Participants:", "Interpretation:"),
        needed=3,
    ),
    Sense(
        "finance",
        frozenset({"leverage"}),
        (
            "liquidity", "portfolio", "equity", "debt", "credit", "assets", "investors",
            "balance sheet", "capital structure", "EBITDA", "bonds", "yield", "hedge fund",
            "private equity", "interest rates",
        ),
    ),
    Sense(
        "databases",
        frozenset({"key"}),
        (
            "primary key", "foreign key", "database", "SQL", "query", "queries", "schema",
            "table", "tables", "column", "columns", "row", "rows", "index", "indexes",
        ),
        needed=3,
    ),
    Sense(
        "air travel",
        frozenset({"frequent-flyer"}),
        (
            "airline", "airlines", "flight", "flights", "passenger", "passengers", "check-in",
            "boarding", "lounge", "air miles", "cabin crew", "aircraft", "airport", "upgrades",
            "loyalty programme", "loyalty program", "elite status",
        ),
    ),
    Sense(
        "computing and the physical sciences",
        frozenset({"co-prefix", "wide-compound", "whole-compound"}),
        (
            "kernel", "CPU", "compiler", "latency", "bandwidth", "throughput", "daemon",
            "protocol", "servers", "algorithm", "atoms", "molecules", "electrons", "lattice",
            "crystal", "wavelength", "spectrometer", "qubit", "isotope", "semiconductor",
            "genome", "sequencing", "antenna", "firmware",
        ),
    ),
    Sense(
        "home storage",
        frozenset({"hard-to-reach"}),
        (
            "cabinet", "cabinets", "shelf", "shelves", "cupboard", "cupboards", "kitchen",
            "pantry", "drawer", "drawers", "storage", "step stool", "closet", "countertop",
        ),
    ),
)  # fmt: skip


def drop_wrong_senses(
    document: Document, findings: Sequence[Finding], senses: Sequence[Sense] = SENSES
) -> list[Finding]:
    """The findings without those whose entry the document's subject shows to be innocent."""
    rules = {f.rule for f in findings}
    text = document.lint_text
    starts = places_for(text, [sense for sense in senses if sense.entries & rules])
    innocent: set[str] = set()
    for sense in senses:
        if sense.entries & rules - innocent and sense.shown_by(text, starts):
            innocent |= sense.entries
    return [f for f in findings if f.rule not in innocent]


def places_for(text: str, senses: Sequence[Sense]) -> list[int] | None:
    """Where any of the senses' topic words may start in ``text``, found in one pass for all of
    them (a book is read once, not once per sense); None when the text cannot be folded or a
    sense's words cannot be looked for there, and then each sense reads the text itself."""
    data = folded(text)
    keys = [sense.keys for sense in senses]
    if data is None or not keys or any(k is None for k in keys):
        return None
    return places(data, {key for each in keys if each is not None for key in each})
