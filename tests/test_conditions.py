"""The when/unless condition vocabulary: validation, each condition on its own, model-aware ones."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from plainwords.conditions import (
    after,
    before,
    compile_conditions,
    followed_by_capitalised,
    holds,
    in_proper_name,
    preceded_by,
    sentence_has,
)
from plainwords.lexicon import Conditions, Lexicon
from plainwords.sentences import sentence_bounds, sentence_ends
from tiny_lexicons import entry_yaml, parse_entries, pipeline


def _found(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for span in doc.spans["plainwords"]]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _compiled(blank, **fields):
    return compile_conditions(Conditions(**fields), blank.make_doc)


# -- validation -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "block, message, line",
    [
        (
            "unless:\n  sentence_has: 3",
            "'unless.sentence_has' must be a list of words or phrases",
            11,
        ),
        ("unless:\n  proper_name: yes please", "'unless.proper_name' must be true or false", 11),
        (
            "when:\n  followed_by_capitalised: 1",
            "'when.followed_by_capitalised' must be true or false",
            11,
        ),
        (
            "when:\n  pos: [NOUNISH]",
            "'when.pos' has 'NOUNISH', not a universal part-of-speech tag",
            11,
        ),
        ("unless:\n  head: [open source]", "'unless.head' lists single words", 11),
        (
            "unless:\n  after: [x]\n  window: 99",
            "'unless.window' must be a whole number from 1 to 50",
            12,
        ),
        ("unless:\n  folowed_by: [shelf]", "unknown condition 'folowed_by' in 'unless'", 11),
    ],
)
def test_bad_conditions_are_reported_at_their_own_line(block, message, line):
    _, problems = parse_entries(entry_yaml("x", "[x]", block))
    assert problems, block
    assert message in str(problems[0])
    assert str(problems[0]).startswith(f"t.yaml:{line}:")


def test_good_conditions_parse_into_the_entry():
    block = (
        "unless:\n  sentence_has: [gene, genetic]\n  proper_name: true\n  followed_by_capitalised: true\n"
        "  after: [parcel]\n  before: [courier]\n  window: 4\n  pos: [noun, PROPN]\n  dep: [amod]\n"
        "  head: [software]\n  object: [parcel]"
    )
    (entry,), problems = parse_entries(entry_yaml("x", "[x]", block))
    assert not problems
    u = entry.unless
    assert u.sentence_has == ("gene", "genetic") and u.proper_name and u.followed_by_capitalised
    assert (u.after, u.before, u.window) == (("parcel",), ("courier",), 4)
    assert (u.pos, u.dep, u.head, u.object) == (
        ("NOUN", "PROPN"),
        ("amod",),
        ("software",),
        ("parcel",),
    )
    assert u.needs_model() and not Conditions(after=("x",)).needs_model()


# -- model-free conditions ----------------------------------------------------------------------------
def test_sentence_bounds_cut_at_final_punctuation_and_closing_quotes(blank):
    doc = blank('He left. "She stayed." Then rain')
    assert [doc[slice(*sentence_bounds(doc, i))].text for i in (0, 4, 8)] == [
        "He left.",
        '"She stayed."',
        "Then rain",
    ]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ('He said "Stop." Then he left. "Why?" she asked!', ['"', ".", '"', "!"]),
        ("Really (truly.) Yes… no?! fine...", [")", "…", "?", "!", "..."]),
        ('A full stop . " spaced quote', ["."]),
        ("No end at all", []),
        ("", []),
    ],
)
def test_sentence_ends_are_final_marks_or_the_closing_mark_glued_to_them(blank, text, ends):
    doc = blank(text)
    assert [doc[i].text for i in sentence_ends(doc)] == ends


def test_after_and_before_look_within_the_window_and_the_sentence(blank):
    doc = blank("We will deliver better health outcomes. Outcomes matter.")
    phrases = _compiled(blank, after=("outcomes",)).after
    assert after(doc, 3, phrases, 6)
    assert not after(doc, 3, phrases, 2)
    doc = blank("The parcel arrived. We deliver on Fridays.")
    assert not before(doc, 5, _compiled(blank, before=("parcel",)).before, 6)
    assert before(doc, 5, _compiled(blank, before=("we",)).before, 6)


def test_a_punctuation_mark_in_a_condition_is_a_phrase_never_an_empty_one(blank):
    phrases = _compiled(blank, preceded_by=("-",)).preceded_by
    assert () not in phrases
    assert not preceded_by(blank("The club is popular with old people."), 5, phrases)
    assert preceded_by(blank("A 16-year-old person came."), 5, phrases)


def test_sentence_has_looks_anywhere_in_the_sentence_but_not_in_the_match_or_the_next_sentence(
    blank,
):
    doc = blank("Her DNA sample was sent to the genetics lab. She was DNA twice.")
    genes = _compiled(blank, sentence_has=("genetics", "sample")).sentence_has
    assert sentence_has(doc, 1, 2, genes)
    assert not sentence_has(doc, 12, 13, genes)
    self_only = _compiled(blank, sentence_has=("dna",)).sentence_has
    assert not sentence_has(doc, 12, 13, self_only)


def test_followed_by_capitalised(blank):
    assert followed_by_capitalised(blank("We met Homeless Link."), 3)
    assert not followed_by_capitalised(blank("We met homeless people."), 3)
    assert not followed_by_capitalised(blank("WE MET HOMELESS PEOPLE."), 3)
    assert not followed_by_capitalised(blank("We met homeless"), 3)


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        ("We saw the Hard to Reach Theatre on Friday.", 3, 6, True),
        ("Hard to Reach Theatre opens on Friday.", 0, 3, True),
        ("Hard to reach families need help.", 0, 3, False),
        ("It follows the Mental Health Act 1983 closely.", 3, 5, True),
        ("Homeless Link runs training.", 0, 1, True),
        ("Homeless people need homes.", 0, 1, False),
        ("The homeless need homes.", 0, 2, False),
        ("The Homeless need homes.", 0, 2, False),
        ("OUR SERVICE USERS ARE HAPPY.", 1, 3, False),
        ("Our Service User Forum meets monthly.", 1, 3, True),
        ("Our service user forum meets monthly.", 1, 3, False),
        ("She read Suffering From Success last year.", 2, 4, True),
        ("Supporting Service Users Through The Winter", 1, 3, False),
        ("Service User Forum", 0, 2, True),
        # A Title Case line is a heading, unless it ends as a named plan or body does.
        ("Rough Sleepers Local Delivery Plan", 0, 2, True),
        ("KD 5166 - Rough Sleepers Local Delivery Plan", 3, 5, True),
        ("ROUGH SLEEPERS OUTREACH TEAM", 0, 2, True),
        ("Our Plan For Rough Sleepers Every Winter", 3, 5, False),
    ],
)
def test_proper_name_is_a_run_of_capitalised_words(blank, text, start, end, expected):
    doc = blank(text)
    assert in_proper_name(doc, start, end) is expected, doc[start:end].text


def test_new_conditions_in_a_lexicon_end_to_end():
    nlp = pipeline(
        entry_yaml(
            "dna",
            "[DNA]",
            "case_sensitive: true\nunless:\n  sentence_has: [genetic, sample, test, gene, sequence]",
        ),
        entry_yaml(
            "homeless", "[homeless]", "inflect: none\nunless:\n  followed_by_capitalised: true"
        ),
        entry_yaml("service-user", "[service user]", "unless:\n  proper_name: true"),
        entry_yaml(
            "deliver",
            "[deliver]",
            "inflect: verb\nwhen:\n  after: [outcomes, priorities]\n  window: 4",
        ),
    )
    assert _found(nlp, "He was DNA for two appointments.") == ["DNA"]
    assert _found(nlp, "A DNA sample was taken for the genetic test.") == []
    assert _found(nlp, "Homeless Link trains staff; homeless people attend.") == ["homeless"]
    assert _found(nlp, "The Service User Forum met. Service users came.") == ["Service users"]
    assert _found(nlp, "We will deliver better health outcomes.") == ["deliver"]
    assert _found(nlp, "The courier will deliver the parcel by noon, whatever the outcomes.") == []


def test_when_needs_every_condition_and_unless_needs_one(blank):
    doc = blank("Hard to reach families in hard to reach places.")
    both = _compiled(blank, followed_by=("families",), sentence_has=("places",))
    assert holds(both, doc, 0, 3, every=True)
    assert not holds(both, doc, 4, 7, every=True)
    assert holds(both, doc, 4, 7, every=False)


# -- model-aware conditions -----------------------------------------------------------------------
def _parsed(nlp, words, pos, heads, deps) -> Doc:
    return Doc(nlp.vocab, words=words, pos=pos, heads=heads, deps=deps)


def test_model_aware_conditions_read_a_tagged_and_parsed_doc():
    nlp = pipeline(
        entry_yaml(
            "vulnerable",
            "[vulnerable]",
            "inflect: none\nunless:\n  head: [software, version, server]",
        ),
        entry_yaml("deliver", "[deliver]", "inflect: verb\nwhen:\n  object: [outcome, priority]"),
        entry_yaml("key", "[key]", "inflect: none\nwhen:\n  pos: [ADJ]\n  dep: [amod, acomp]"),
    )
    component = nlp.get_pipe("plainwords")
    doc = _parsed(
        nlp,
        ["The", "vulnerable", "software", "was", "patched", "."],
        ["DET", "ADJ", "NOUN", "AUX", "VERB", "PUNCT"],
        [2, 2, 4, 4, 4, 4],
        ["det", "amod", "nsubjpass", "auxpass", "ROOT", "punct"],
    )
    assert [s.text for s in component(doc).spans["plainwords"]] == []
    doc = _parsed(
        nlp,
        ["We", "support", "vulnerable", "adults", "."],
        ["PRON", "VERB", "ADJ", "NOUN", "PUNCT"],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "amod", "dobj", "punct"],
    )
    assert [s.text for s in component(doc).spans["plainwords"]] == ["vulnerable"]
    doc = _parsed(
        nlp,
        ["We", "deliver", "better", "outcomes", "and", "the", "courier", "delivers", "parcels"],
        ["PRON", "VERB", "ADJ", "NOUN", "CCONJ", "DET", "NOUN", "VERB", "NOUN"],
        [1, 1, 3, 1, 1, 6, 7, 1, 7],
        ["nsubj", "ROOT", "amod", "dobj", "cc", "det", "nsubj", "conj", "dobj"],
    )
    assert [s.text for s in component(doc).spans["plainwords"]] == ["deliver"]
    doc = _parsed(
        nlp,
        ["A", "key", "priority", "and", "a", "spare", "key", "."],
        ["DET", "ADJ", "NOUN", "CCONJ", "DET", "ADJ", "NOUN", "PUNCT"],
        [2, 2, 2, 2, 6, 6, 2, 2],
        ["det", "amod", "ROOT", "cc", "det", "amod", "conj", "punct"],
    )
    found = component(doc).spans["plainwords"]
    assert [(s.text, s.start) for s in found] == [("key", 1)]


def test_model_aware_conditions_are_skipped_on_a_blank_pipeline():
    nlp = pipeline(
        entry_yaml("vulnerable", "[vulnerable]", "inflect: none\nunless:\n  head: [software]"),
        entry_yaml("key", "[key]", "inflect: none\nwhen:\n  pos: [ADJ]\n  followed_by: [priority]"),
    )
    # unless: a skipped condition does not excuse the match.
    assert _found(nlp, "The vulnerable software was patched.") == ["vulnerable"]
    # when: a skipped condition neither blocks nor lets through; the model-free ones decide.
    assert _found(nlp, "A key priority, and a spare key.") == ["key"]


def test_a_missing_model_is_a_clear_usage_error(tmp_path, capsys):
    from plainwords.cli import main
    from plainwords.engine import Linter, ModelError

    with pytest.raises(ModelError, match="not installed"):
        Linter(Lexicon(()), model="en_plainwords_no_such_pipeline")
    page = tmp_path / "a.txt"
    page.write_text("Nothing to see.\n", encoding="utf-8")
    assert main(["check", "--model", "en_plainwords_no_such_pipeline", str(page)]) == 2
    err = capsys.readouterr().err
    assert "en_plainwords_no_such_pipeline" in err and "not installed" in err
    assert "Traceback" not in err


def test_sentence_bounds_follow_a_trained_pipelines_sentence_starts(blank):
    doc = Doc(
        blank.vocab,
        words=["Dr", ".", "Smith", "saw", "DNA", "results"],
        sent_starts=[True, False, False, False, False, False],
    )
    assert sentence_bounds(doc, 4) == (0, 6)
    plain = blank("Dr. Smith saw DNA results")
    assert sentence_bounds(plain, 3) == (0, 5)
