"""Jargon coinages: productive shapes ("co-located", "system-wide", "whole-system",
"strengths-based", "front door team", "the prioritisation of") are suggestions in public-service
writing and stay quiet in technical writing, where the words are exact."""

from __future__ import annotations

import pytest

from plainwords.engine import Linter
from plainwords.lexicon import load_lexicon

COINAGES = {"co-prefix", "wide-compound", "whole-compound", "based-compound", "front-door"}
COINAGES |= {"isation-of"}


@pytest.fixture(scope="module")
def linter():
    return Linter(load_lexicon(["stigma", "jargon"]))


def _coinages(linter, text):
    return [(f.text, f.rule, f.severity) for f in linter.check_text(text) if f.rule in COINAGES]


def test_a_strategy_full_of_coinages_gets_a_suggestion_for_each(linter):
    text = (
        "Our plan takes a system-wide, whole-family and strengths-based approach. Teams will be "
        "co-located in the hub and the front door team will triage calls. The prioritisation of "
        "referrals moves to the hub, and the training is organisation-wide."
    )
    found = _coinages(linter, text)
    assert [t for t, _, _ in found] == [
        "system-wide",
        "whole-family",
        "strengths-based",
        "co-located",
        "front door",
        "prioritisation",
        "organisation-wide",
    ]
    assert {severity for _, _, severity in found} == {"suggestion"}


@pytest.mark.parametrize(
    "text",
    [
        "The system-wide clock is synchronised by the kernel.",
        "The dopant atoms are co-located in the lattice.",
        "Two servers are co-located in one data centre.",
        "The strategy was co-produced with tenants.",  # the sector's own word: left alone
        "We take a whole-person approach.",  # the plain alternative to "holistic"
        "The treatment is evidence-based.",
        "She locked the front door and left.",
        "Prioritisation is hard when every case is urgent.",
        "A city-wide festival starts in June.",
        "The system - wide open to attack - failed.",  # a dash, not a hyphenated compound
    ],
)
def test_needed_or_plain_uses_stay_quiet(linter, text):
    assert _coinages(linter, text) == []


def test_a_technical_document_keeps_its_coinages(linter):
    """Neither sentence names a technical word, but the document does: it is about computing."""
    text = (
        "Scheduler notes.\n\nThe kernel hands each thread a slice of CPU time; latency matters "
        "more than throughput here.\n\nLogs are written system-wide.\n\nThe two processes "
        "run co-located on one machine."
    )
    assert _coinages(linter, text) == []
    assert _coinages(linter, "Logs are written system-wide.") == [
        ("system-wide", "wide-compound", "suggestion")
    ]
