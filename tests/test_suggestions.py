"""Suggestions a writer can paste: each finding's alternatives fit its sentence, every entry's
rewrite comes out of the fixer, and severities follow the written rubric."""

from __future__ import annotations

import textwrap

import pytest

from plainwords.alternatives import Alternative, parse_alternative
from plainwords.engine import Linter
from plainwords.fix import apply_edits, safe_edits
from plainwords.lexicon import KINDS, load_lexicon
from plainwords.readers import read_text
from plainwords.shaping import suggest

LEXICON = load_lexicon(["stigma", "jargon"])
ENTRIES = list(LEXICON)


def _ids(entries):
    return [e.id for e in entries]


def pasted(sentence: str, finding, option: str) -> str:
    """The sentence with one of a finding's options pasted over its fix span."""
    return sentence[: finding.fix_start] + option + sentence[finding.fix_end :]


def offers(linter, sentence, rule):
    (finding,) = [f for f in linter.check_text(sentence) if f.rule == rule]
    return finding


# --- the shipped lexicons --------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_every_entry_rewrites_its_example_through_the_fixer(entry, linter):
    assert entry.examples.rewrite, "every entry carries a sentence and its rewritten form"
    for rewrite in entry.examples.rewrite:
        before, after = rewrite.before, rewrite.after
        hits = [f for f in linter.check_text(before) if f.rule == entry.id]
        assert hits, f"the rewrite's sentence is not flagged: {before!r}"
        if rewrite.reworded:  # a person's rewording, where no option can be pasted
            assert entry.id not in [f.rule for f in linter.check_text(after)]
            continue
        finding = hits[0]
        results = [pasted(before, finding, o) for o in (*finding.alternatives, *finding.consider)]
        results = [r[:1].upper() + r[1:] for r in results]
        assert after in results, f"{after!r} is not what the fixer makes: {results}"


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_severity_follows_the_rubric(entry):
    assert entry.kind in KINDS, "every shipped entry declares its kind"
    assert entry.severity == KINDS[entry.kind]


def test_every_shipped_entry_has_topics():
    assert all(entry.topics for entry in ENTRIES)
    assert all(entry.topic == entry.topics[0] for entry in ENTRIES)


def test_the_rubric_puts_dehumanising_labels_at_error(lexicon):
    for entry_id in ("addict", "the-homeless", "the-mentally-ill"):
        assert lexicon.get(entry_id).severity == "error"
    for entry_id in ("hard-to-reach", "non-compliant", "service-user"):
        assert lexicon.get(entry_id).severity == "warning"


# --- shaping ---------------------------------------------------------------------------------


def test_an_article_changes_with_the_alternative(linter):
    sentence = "Her father was an alcoholic."
    finding = offers(linter, sentence, "alcoholic")
    assert sentence[finding.fix_start : finding.fix_end] == "an alcoholic"
    assert pasted(sentence, finding, finding.alternatives[0]) == (
        "Her father was a person with an alcohol problem."
    )


def test_a_plural_label_gets_plural_alternatives(linter):
    sentence = "Outreach workers met 14 rough sleepers."
    finding = offers(linter, sentence, "rough-sleeper")
    assert "people who are sleeping rough" in finding.alternatives
    # "someone sleeping rough" cannot be made plural: it is not offered as text to paste
    assert all(not a.startswith("someone") for a in finding.alternatives)
    assert "someone sleeping rough" in finding.advice


def test_a_singular_label_after_an_article_keeps_it(linter):
    sentence = "He is a rough sleeper."
    finding = offers(linter, sentence, "rough-sleeper")
    results = {pasted(sentence, finding, a) for a in finding.alternatives}
    assert "He is a person sleeping rough." in results
    assert "He is someone sleeping rough." in results


def test_a_dropped_preposition_widens_the_fix_span(linter):
    sentence = "The cuts impacted on services."
    finding = offers(linter, sentence, "impacted")
    assert sentence[finding.start : finding.end] == "impacted"
    assert sentence[finding.fix_start : finding.fix_end] == "impacted on"
    assert pasted(sentence, finding, finding.alternatives[0]) == "The cuts affected services."


def test_a_preposition_the_alternative_ends_with_is_not_said_twice(linter):
    sentence = "I will liaise with the housing team."
    finding = offers(linter, sentence, "liaise")
    assert {pasted(sentence, finding, a) for a in finding.alternatives} == {
        "I will work with the housing team.",
        "I will talk to the housing team.",
        "I will contact the housing team.",
    }


def test_verbs_keep_their_tense_and_capitals(linter):
    sentence = "Utilised funds are listed below."
    finding = offers(linter, sentence, "utilise")
    assert finding.alternatives[0] == "Used"


def test_a_verb_phrase_keeps_the_verb_in_the_form_its_place_needs(linter):
    """The object's number is not the verb's ("to address the issues" → "to deal with them", not
    "deals"), and after "to", a modal or "do" the verb is in its base form."""
    sentence = "What are we doing to address the issues today?"
    finding = offers(linter, sentence, "address-the-issue")
    assert pasted(sentence, finding, finding.alternatives[0]) == (
        "What are we doing to deal with them today?"
    )
    sentence = "Tenants will have the ability to book repairs online."
    finding = offers(linter, sentence, "has-the-ability-to")
    assert finding.alternatives == ("be able to",)  # not "will can" or "will are able to"
    # After "don't" nothing in the span fits ("don't always be able to"): advice, not a fix.
    finding = offers(linter, "People don't always have the ability to reply.", "has-the-ability-to")
    assert finding.alternatives == () and "can" in finding.advice
    finding = offers(linter, "We have the ability to help.", "has-the-ability-to")
    assert finding.alternatives == ("can", "are able to")


def test_context_dependent_alternatives_are_offered_apart(linter):
    finding = offers(linter, "The project works with addicts.", "addict")
    assert "people in recovery" in finding.consider
    assert "people in recovery" not in finding.alternatives


def test_advice_is_never_text_to_paste(linter):
    finding = offers(linter, "Case closed due to non-engagement.", "non-engagement")
    assert finding.alternatives == ()
    assert finding.advice


def test_an_alternative_for_another_term_is_not_offered(linter):
    assert offers(linter, "That was a retarded decision.", "retard").consider == ("foolish",)
    finding = offers(linter, "He was called a retard.", "retard")
    assert "foolish" not in finding.consider + finding.alternatives


def test_the_fixer_applies_the_shaped_alternative_over_the_fix_span(tmp_path):
    path = tmp_path / "own.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            category: own
            entries:
              - id: impact
                terms: [impact]
                alternatives: [{text: affect, drops: ["on", upon]}]
                reason: Say how.
                severity: suggestion
                inflect: verb
                autofix: true
                source: {name: Us, url: "https://example.org"}
            """
        )
    )
    linter = Linter(load_lexicon([path]))
    text = "The cuts impacted on families.\n"
    document = read_text("a.txt", text)
    fixed = apply_edits(document, safe_edits(linter.check(document)))
    assert fixed.text == "The cuts affected families.\n"
    (change,) = fixed.changes
    assert text[change.start : change.end] == change.before == "impacted on"


def test_plain_text_alternatives_still_load(tmp_path):
    path = tmp_path / "own.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            category: own
            entries:
              - id: end-user
                terms: [end user]
                alternatives: [reader, "(name them)", {text: customer, consider: true}]
                reason: Say who they are.
                severity: suggestion
                source: {name: Us, url: "https://example.org"}
            """
        )
    )
    (entry,) = load_lexicon([path])
    assert entry.alternatives == ("reader", "(name them)", "customer")
    assert [a.advice for a in entry.shapes] == [False, True, False]
    (finding,) = Linter(load_lexicon([path])).check_text("Ask the end users.")
    assert finding.alternatives == ("readers",)
    assert finding.consider == ("customers",)
    assert finding.advice == ("(name them)",)


@pytest.mark.parametrize(
    "value, problem",
    [
        ({"text": "x", "number": "many"}, "'number' must be one of"),
        ({"text": "x", "colour": "red"}, "unknown key 'colour'"),
        ({"pos": "noun"}, "needs 'text'"),
        ({"text": "x", "drops": [1]}, "'drops' must be a list of words"),
        (3, "must be text or a mapping"),
    ],
)
def test_bad_alternatives_are_reported(value, problem):
    alternative, message = parse_alternative(value)
    assert alternative is None and problem in message


@pytest.mark.parametrize(
    "fields, problem",
    [
        (
            "    alternatives: [{text: bar, for: [baz]}]\n    severity: suggestion\n",
            "'for' 'baz', not one of the terms",
        ),
        (
            "    alternatives: [bar]\n    severity: suggestion\n    kind: dehumanising\n",
            "does not match kind 'dehumanising'",
        ),
    ],
)
def test_entries_that_break_the_shape_or_the_rubric_are_reported(tmp_path, fields, problem):
    from plainwords.lexicon import LexiconError

    path = tmp_path / "own.yaml"
    path.write_text(
        "category: own\nentries:\n  - id: x\n    terms: [foo]\n    reason: r\n"
        + fields
        + '    source: {name: Us, url: "https://example.org"}\n'
    )
    with pytest.raises(LexiconError, match=problem):
        load_lexicon([path])


def test_alternative_plain_reads_hints_as_advice():
    assert Alternative.plain("(say who decides)").advice
    assert not Alternative.plain("seldom heard").advice


# --- overlaps --------------------------------------------------------------------------------


def test_overlapping_matches_are_one_finding_naming_both_reasons(linter):
    findings = linter.check_text("We target entrenched rough sleepers with daily visits.")
    (finding,) = findings
    assert finding.text == "entrenched rough sleepers"
    assert finding.rule == "entrenched-rough-sleeper"
    assert {e.id for e in finding.also} == {"entrenched", "rough-sleeper"}
    for entry in (finding.entry, *finding.also):
        assert entry.reason in finding.message
    assert finding.to_dict()["also"][0]["rule"] in {"entrenched", "rough-sleeper"}


def test_the_fix_never_edits_one_span_twice(linter):
    text = "We target entrenched rough sleepers.\n"
    findings = linter.check(read_text("a.txt", text))
    spans = [(f.fix_start, f.fix_end) for f in findings]
    assert all(b[0] >= a[1] for a, b in zip(sorted(spans), sorted(spans)[1:], strict=False))


def test_a_relative_clause_agrees_past_its_adverb(linter):
    finding = offers(linter, "Frequent attenders were offered a care plan.", "frequent-attender")
    assert finding.alternatives[0] == "People who often attend"


class _Watched(str):
    """A document text that records the length of every slice taken from it."""

    taken: list[int]

    def __getitem__(self, key):
        if isinstance(key, slice):
            self.taken.append(len(range(*key.indices(len(self)))))
        return str.__getitem__(self, key)


def test_shaping_reads_only_the_words_around_the_match(linter):
    # A finding near the start of a long document: shaping it must not copy the rest of the
    # document (on a book, copying per finding was most of the time spent on its findings).
    filler = "The weather was mild and the river ran slowly past the town. " * 20_000
    text = _Watched("We will liaise with partners on the plan. " + filler)
    text.taken = []
    start = text.index("liaise with")
    entry = linter.lexicon.get("liaise")
    offer = suggest(text, start, start + len("liaise"), entry)
    assert offer.alternatives and offer.fix_end == start + len("liaise with")
    assert max(text.taken) < 200
