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
        ("Officers questioned suspected drug addicts outside.", "addict"),
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
    assert first(linter, "Elderly drug addicts need support.", "addict") == (
        "Elderly people who use drugs need support."
    )


def test_an_adverb_before_the_label_makes_a_person_first_phrase_advice(linter):
    # "severely" modifies the label's own adjective: "severely people with …" is not English.
    finding = offer(
        linter, "The unit treats severely mentally ill patients.", "mentally-ill-person"
    )
    assert finding.alternatives == () and finding.advice
    assert first(linter, "The unit treats mentally ill patients.", "mentally-ill-person") == (
        "The unit treats people with a mental health problem."
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
        ("Crack cocaine addicts need help.", "addict", "People who use crack cocaine need help."),
        ("He treats crystal meth addicts.", "addict", "He treats people who use crystal meth."),
    ],
)
def test_the_named_substance_replaces_the_generic_word(linter, sentence, rule, after):
    assert first(linter, sentence, rule) == after


@pytest.mark.parametrize(
    "sentence", ["Non-heroin addicts were fine.", "The crack-cocaine addicts came."]
)
def test_a_label_glued_to_a_word_before_it_gets_advice_not_a_broken_paste(linter, sentence):
    finding = offer(linter, sentence, "addict")
    assert finding.alternatives == () and finding.advice


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


# --- 4. verbs, number and adjectives in the shape the sentence needs ---------------------------


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        ("My uncle was afflicted with polio.", "My uncle was affected by polio."),
        ("Whole families were stricken with cholera.", "Whole families were affected by cholera."),
        ("She has been suffering from dementia.", "She has been living with dementia."),
        (
            "Pupils suffering from asthma get an inhaler.",
            "Pupils living with asthma get an inhaler.",
        ),
        ("My neighbour suffers from arthritis.", "My neighbour has arthritis."),
    ],
)
def test_a_condition_verb_keeps_the_sentence_grammatical(linter, sentence, after):
    assert first(linter, sentence, "suffer-from") == after


def test_have_of_a_condition_takes_no_ing_form(linter):
    finding = offer(linter, "Pupils suffering from asthma get an inhaler.", "suffer-from")
    assert not any(a.startswith("having") for a in finding.alternatives)


def test_can_never_follows_do_support(linter):
    sentence = "Carers don't always have the ability to take a break."
    finding = offer(linter, sentence, "has-the-ability-to")
    assert not finding.alternatives  # "don't always can": advice instead
    assert "can" in finding.advice


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        (
            "Deaf pupils were taught apart from a normal child.",
            "Deaf pupils were taught apart from a non-disabled child.",
        ),
        (
            "Disabled adults earn less than normal adults.",
            "Disabled adults earn less than non-disabled adults.",
        ),
        (
            "Wheelchair users are as able as any normal person.",
            "Wheelchair users are as able as any non-disabled person.",
        ),
    ],
)
def test_normal_people_keeps_its_number_and_its_noun(linter, sentence, after):
    assert first(linter, sentence, "normal-people") == after


def test_a_or_an_before_other_makes_another(linter):
    sentence = "Autistic pupils sit beside a normal child."
    finding = offer(linter, sentence, "normal-people")
    assert "Autistic pupils sit beside another child." in [
        pasted(sentence, finding, o) for o in finding.consider
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Mentally handicapped children lived there.", "The report called him mentally defective."],
)
def test_an_adjective_label_is_not_given_a_noun_phrase(linter, sentence):
    finding = offer(linter, sentence, "mental-handicap")
    assert not finding.alternatives
    assert "people with a learning disability" in finding.advice


def test_an_adjective_label_standing_for_a_group_is(linter):
    assert first(linter, "Funding for the mentally handicapped was cut.", "mental-handicap") == (
        "Funding for people with a learning disability was cut."
    )


# --- 5. an acronym's capitals stay with the acronym --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        ("The bus was full of OAPs today.", "The bus was full of older people today."),
        ("OAPs get a free pass.", "Older people get a free pass."),
        ("FREE TEA FOR EVERY OAP", "FREE TEA FOR EVERY OLDER PERSON"),
    ],
)
def test_an_acronyms_capitals_are_not_copied(linter, sentence, after):
    assert first(linter, sentence, "oap") == after


# --- 6. explain's "After" lines are the tested rewrites ----------------------------------------


def test_every_after_that_explain_shows_is_a_tested_rewrite(linter):
    from plainwords.explanations import examples

    for entry in linter.lexicon:
        tested = {r.after for r in entry.examples.rewrite}
        for example in examples(entry, linter):
            assert example.after is None or example.after in tested, (entry.id, example.after)


# --- words next to the match that an alternative must not collide with -------------------------


def test_a_pronoun_is_not_left_before_what_described_its_noun(linter):
    finding = offer(linter, "We must address the concerns raised by tenants.", "address-the-issue")
    assert not finding.alternatives
    assert first(
        linter, "The board will address these issues next month.", "address-the-issue"
    ) == ("The board will deal with them next month.")


def test_an_alternative_already_in_the_list_is_not_offered_again(linter):
    sentence = "We thanked officers, partners, stakeholders and residents."
    finding = offer(linter, sentence, "stakeholders")
    assert "partners" not in finding.alternatives
    assert first(linter, "We consulted stakeholders on the plan.", "stakeholders") == (
        "We consulted partners on the plan."
    )


def test_a_street_drinker_is_not_assumed_to_have_an_alcohol_problem(linter):
    finding = offer(linter, "A street drinker sat by the fountain.", "drinker-label")
    assert finding.alternatives == ("person drinking in the street",)
    assert "alcohol" not in " ".join(finding.consider)


def test_multidisciplinary_is_not_called_joint(linter):
    finding = offer(linter, "She works in a multidisciplinary team.", "multi-agency")
    assert "joint" not in finding.alternatives
    assert first(linter, "An inter-agency panel met.", "multi-agency") == "A joint panel met."


def test_a_gerund_for_a_bare_noun_takes_its_object_directly(linter):
    assert first(linter, "Implementation of the plan starts in May.", "implement") == (
        "Carrying out the plan starts in May."
    )
    # With a determiner the noun phrase stays a noun phrase: "the carrying out of the plan".
    assert first(linter, "The implementation of the plan was slow.", "implement") == (
        "The carrying out of the plan was slow."
    )


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        ("She was quiet, refusing food at lunch.", "She was quiet, declining food at lunch."),
        ("He refuses personal care most days.", "He declines personal care most days."),
        (
            "Her refusal of treatment was noted.",
            "Her decision not to have treatment was noted.",
        ),
    ],
)
def test_each_listed_form_gets_an_alternative_in_the_same_form(linter, sentence, after):
    assert first(linter, sentence, "refusing-care") == after


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        ("The swab was dirty for cannabis.", "The swab was positive for cannabis."),
        ("Both tests came back dirty for heroin.", "Both tests came back positive for heroin."),
        ("A dirty test means a review.", "A positive test means a review."),
    ],
)
def test_an_adjective_gets_an_adjective_and_a_noun_a_noun(linter, sentence, after):
    assert first(linter, sentence, "dirty-test") == after


# --- a collective label keeps its describing words ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "rule", "after"),
    [
        (
            "The cuts hit the young homeless hardest.",
            "the-homeless",
            "The cuts hit young people experiencing homelessness hardest.",
        ),
        (
            "Volunteers feed the street homeless.",
            "the-homeless",
            "Volunteers feed people experiencing street homelessness.",
        ),
        (
            "Hostels turn away the chronically homeless.",
            "the-homeless",
            "Hostels turn away people experiencing chronic homelessness.",
        ),
        (
            "Grants for the newly disabled are small.",
            "the-disabled",
            "Grants for newly disabled people are small.",
        ),
    ],
)
def test_a_collective_keeps_what_described_the_people(linter, sentence, rule, after):
    assert first(linter, sentence, rule) == after


def test_a_describing_word_with_no_place_makes_the_phrase_advice(linter):
    finding = offer(linter, "Beds for the severely mentally ill are scarce.", "the-mentally-ill")
    assert not finding.alternatives and finding.advice


def test_an_activity_noun_is_neither_one_nor_many(linter):
    finding = offer(linter, "The commissioning was late.", "commissioning")
    assert "buying services" in finding.alternatives


@pytest.mark.parametrize(
    ("sentence", "pasteable"),
    [
        ("We will ensure the safety of every tenant.", False),  # a noun phrase follows
        ("We will ensure the rent of those who may struggle is frozen.", False),
        ("We will ensure the hall is open.", True),  # a clause follows
        ("We must ensure tenants know their rights.", True),
        ("Staff worked to ensure the situation remained calm.", True),  # a past tense
        ("We will ensure the delivery of agreed outcomes.", False),
        ("We ensure the council's agreed standards.", False),  # "agreed" describes, not a verb
    ],
)
def test_make_sure_is_offered_only_before_a_clause(linter, sentence, pasteable):
    finding = offer(linter, sentence, "ensure")
    assert ("make sure" in finding.alternatives) is pasteable
    assert pasteable or "make sure" in finding.advice


# --- an alternative right in one setting carries a condition -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        (
            "The team has the money to deliver the plan.",
            "The team has the money to carry out the plan.",
        ),
        (
            "Partners delivered the new strategy in May.",
            "Partners carried out the new strategy in May.",
        ),
        ("We will deliver better services.", "We will provide better services."),
    ],
)
def test_an_alternative_with_a_condition_leads_only_where_it_holds(linter, sentence, after):
    assert first(linter, sentence, "deliver") == after
    finding = offer(linter, sentence, "deliver")
    if "carry out" not in after and "carried out" not in after:
        assert "carry out" in finding.consider  # still offered, for a person to choose


def test_an_alternatives_condition_is_checked_when_the_lexicon_loads():
    from plainwords.alternatives import parse_alternative

    alternative, problem = parse_alternative(
        {"text": "carry out", "when": {"after": ["plan"], "window": 3}}
    )
    assert problem is None and alternative.after == ("plan",) and alternative.window == 3
    _, problem = parse_alternative({"text": "carry out", "when": {"near": ["plan"]}})
    assert "unknown condition 'near'" in problem
    _, problem = parse_alternative({"text": "carry out", "when": {"window": 0}})
    assert "window" in problem


def test_sentence_has_reads_only_the_sentence_of_the_match():
    from plainwords.alternatives import Alternative, holds_around

    alternative = Alternative("person who often uses A&E", sentence_has=("a&e",))
    text = "She went to A&E. Frequent attenders were counted."
    start = text.index("Frequent")
    assert not holds_around(alternative, text, start, start + len("Frequent attenders"))
    text = "Frequent attenders at A&E were counted."
    assert holds_around(alternative, text, 0, len("Frequent attenders"))


def test_a_word_written_in_capitals_for_emphasis_keeps_them(linter):
    # "utilise" is written in lower case in the lexicon: capitals in the text are the writer's.
    assert first(linter, "Please do NOT UTILISE the side door.", "utilise") == (
        "Please do NOT USE the side door."
    )


# --- a quantifier for "the majority of", "a number of": "of" only before a determiner ----------


@pytest.mark.parametrize(
    ("sentence", "rule", "every"),
    [
        (
            "The majority of callers wanted advice.",
            "the-majority-of",
            ["Most callers wanted advice."],
        ),
        (
            "The majority of the callers wanted advice.",
            "the-majority-of",
            ["Most of the callers wanted advice."],
        ),
        (
            "We found that the vast majority of them wanted advice.",
            "the-majority-of",
            ["We found that most of them wanted advice."],
        ),
        (
            "A number of our tenants wrote in.",
            "a-number-of",
            ["Some of our tenants wrote in.", "Several of our tenants wrote in."],
        ),
        ("A number of tenants wrote in.", "a-number-of", ["Some tenants wrote in."]),
        ("A large number of them came.", "a-large-number-of", ["Many of them came."]),
    ],
)
def test_a_quantifier_takes_of_only_before_a_determiner(linter, sentence, rule, every):
    finding = offer(linter, sentence, rule)
    options = [pasted(sentence, finding, option) for option in finding.alternatives]
    assert options[: len(every)] == every
    assert not any(" the most" in o.lower() or "most of callers" in o for o in options)


def test_a_quantifier_for_a_term_without_of_gains_no_of(linter):
    sentence = "Their friends were numerous, their enemies few."
    finding = offer(linter, sentence, "numerous")
    assert finding.alternatives[0] == "many"
