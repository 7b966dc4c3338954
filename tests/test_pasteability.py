"""Alternatives that fit the sentence they are pasted into: the classes of misfit found by
reading real documents' findings (a setting-bound alternative, a modifier left before a
person-first phrase, a substance lost, a verb in the wrong shape, an acronym's capitals), each
checked on sentences of our own."""

from __future__ import annotations

import pytest

from plainwords.qualifiers import narrowed


def offer(linter, sentence: str, rule: str):
    (finding,) = [f for f in linter.check_text(sentence) if f.rule == rule]
    return finding


def pasted(sentence: str, finding, option: str) -> str:
    return sentence[: finding.fix_start] + option + sentence[finding.fix_end :]


def first(linter, sentence: str, rule: str) -> str | None:
    """The sentence with the finding's first alternative pasted in (``None``: it has none)."""
    finding = offer(linter, sentence, rule)
    return pasted(sentence, finding, finding.alternatives[0]) if finding.alternatives else None


# --- 1. an alternative that suits one setting is not offered as a fix everywhere ---------------


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        (
            "The surgery wrote to its frequent attenders.",
            "The surgery wrote to its people who often attend.",
        ),
        (
            "Frequent attenders at the walk-in centre were asked why.",
            "People who often attend the walk-in centre were asked why.",
        ),
        (
            "Most patients stop being frequent attenders.",
            "Most patients stop being people who often attend.",
        ),
        (
            "He was a frequent caller to the helpline.",
            "He was a person who often calls the helpline.",
        ),
    ],
)
def test_a_frequent_attender_is_not_assumed_to_be_in_one_service(linter, sentence, after):
    assert first(linter, sentence, "frequent-attender") == after


def test_setting_bound_alternatives_are_only_considered(linter):
    finding = offer(
        linter, "Our frequent attenders at the GP surgery need time.", "frequent-attender"
    )
    assert not any("A&E" in a or "call" in a for a in finding.alternatives)
    assert any("A&E" in c for c in finding.consider)  # still offered, for a person to choose
    flyer = offer(linter, "The ward knows him as a frequent flyer.", "frequent-flyer")
    assert not any("A&E" in a or " we " in a or " us " in a for a in flyer.alternatives)


# --- 2. a modifier about the activity is not left before a person-first phrase ----------------


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("The study compared temporary and ongoing frequent attenders.", "frequent-attender"),
        ("He has been a serious, long-term junkie for years.", "junkie"),
        ("Persistent drug abusers were refused a place.", "drug-abuser"),
        ("Long-term rough sleepers were offered rooms.", "rough-sleeper"),
    ],
)
def test_a_modifier_about_the_activity_makes_the_phrase_advice(linter, sentence, rule):
    finding = offer(linter, sentence, rule)
    assert not any(" who " in a or " sleeping " in a for a in finding.alternatives)
    assert finding.advice, "the alternative is still shown, as advice to reword"


def test_a_modifier_about_the_person_stays_before_the_phrase(linter):
    assert first(linter, "A homeless junkie slept in the doorway.", "junkie") == (
        "A homeless person who uses drugs slept in the doorway."
    )


# --- 3. the substance a label names is kept -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "rule", "after"),
    [
        ("Her brother is a heroin addict.", "addict", "Her brother is a person who uses heroin."),
        ("Crack addicts queued outside.", "addict", "People who use crack queued outside."),
        (
            "The shelter turned away cocaine addicts.",
            "addict",
            "The shelter turned away people who use cocaine.",
        ),
        ("She was an opiate addict.", "addict", "She was a person who uses opiates."),
        (
            "Solvent abusers met in the park.",
            "drug-abuser",
            "People who use solvents met in the park.",
        ),
        ("He is an alcohol abuser.", "drug-abuser", "He is a person who uses alcohol."),
        ("The van serves heroin users.", "drug-user", "The van serves people who use heroin."),
    ],
)
def test_the_named_substance_replaces_the_generic_word(linter, sentence, rule, after):
    assert first(linter, sentence, rule) == after


def test_an_alternative_without_the_generic_word_cannot_sit_after_the_substance(linter):
    finding = offer(linter, "The shelter turned away cocaine addicts.", "addict")
    everything = [
        pasted("The shelter turned away cocaine addicts.", finding, o)
        for o in (*finding.alternatives, *finding.consider)
    ]
    assert not any("cocaine people" in s for s in everything)


def test_an_alcohol_only_alternative_is_not_offered_for_other_drugs(linter):
    finding = offer(linter, "They worked with drug abusers.", "drug-abuser")
    assert not any("alcohol" in a for a in (*finding.alternatives, *finding.consider))
    addict = offer(linter, "Her brother is a heroin addict.", "addict")
    assert not any("alcohol" in a for a in (*addict.alternatives, *addict.consider))


def test_narrowing_keeps_the_article_agreeing():
    assert (
        narrowed("person with a drug dependency", "alcohol") == "person with an alcohol dependency"
    )
    assert narrowed("people who use drugs", "solvents") == "people who use solvents"
    assert narrowed("person in recovery", "heroin") is None
