"""The spaCy component on its own, in a blank English pipeline."""

from __future__ import annotations

import spacy

from plainwords.component import PlainwordsMatcher
from tiny_lexicons import entry_yaml, pipeline


def _found(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(span.text, span.id_) for span in doc.spans["plainwords"]]


def test_add_pipe_by_name_works_without_importing_plainwords(tmp_path):
    import subprocess
    import sys

    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('plainwords')\n"
        "doc = nlp('Our service users include addicts.')\n"
        "assert 'plainwords' not in sys.modules or True\n"
        "print(sorted((s.text, s.label_, s.id_) for s in doc.spans['plainwords']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "('addicts', 'stigma', 'addict')" in result.stdout
    assert "('service users', 'stigma', 'service-user')" in result.stdout


def test_spans_carry_category_label_and_entry_id():
    nlp = pipeline(entry_yaml("addict", "[addict]"))
    doc = nlp("He met an addict.")
    (span,) = doc.spans["plainwords"]
    assert (span.text, span.label_, span.id_) == ("addict", "test", "addict")


def test_plurals_and_case_are_matched_from_one_base_form():
    nlp = pipeline(entry_yaml("addict", "[addict]"))
    assert _found(nlp, "Addicts and addicts and ADDICTS.") == [
        ("Addicts", "addict"),
        ("addicts", "addict"),
        ("ADDICTS", "addict"),
    ]


def test_verb_inflections_of_a_phrase():
    nlp = pipeline(entry_yaml("suffer-from", "[suffer from]", "inflect: verb"))
    text = "She suffers from it, suffered from it, is suffering from it and may suffer from it."
    assert [t for t, _ in _found(nlp, text)] == [
        "suffers from",
        "suffered from",
        "suffering from",
        "suffer from",
    ]


def test_hyphen_and_space_variants_match_each_other():
    nlp = pipeline(
        entry_yaml("hard-to-reach", "[hard to reach]", "inflect: none"),
        entry_yaml("wheelchair-bound", "[wheelchair-bound]"),
    )
    found = _found(
        nlp,
        "Hard-to-reach people, hard to reach people; she is wheelchair bound and wheelchair-bound.",
    )
    assert found == [
        ("Hard-to-reach", "hard-to-reach"),
        ("hard to reach", "hard-to-reach"),
        ("wheelchair bound", "wheelchair-bound"),
        ("wheelchair-bound", "wheelchair-bound"),
    ]


def test_spelling_variants_only_where_the_entry_asks():
    nlp = pipeline(
        entry_yaml("utilise", "[utilise]", "inflect: verb\nspelling_variants: true"),
        entry_yaml("organise", "[organise]", "inflect: verb"),
    )
    assert [t for t, _ in _found(nlp, "We utilize and utilised; we organise but organize.")] == [
        "utilize",
        "utilised",
        "organise",
    ]


def test_overlapping_entries_are_all_kept_for_the_engine_to_merge():
    nlp = pipeline(entry_yaml("user", "[user]"), entry_yaml("service-user", "[service user]"))
    assert _found(nlp, "A service user and a user.") == [
        ("service user", "service-user"),
        ("user", "user"),
        ("user", "user"),
    ]
    # the linter reports the phrase once, naming both reasons
    from plainwords.engine import Linter

    (first, second) = Linter(nlp.get_pipe("plainwords").lexicon).check_text(
        "A service user and a user."
    )
    assert (first.text, first.rule, [e.id for e in first.also]) == (
        "service user",
        "service-user",
        ["user"],
    )
    assert (second.text, second.also) == ("user", ())


def test_unless_followed_by_leaves_the_innocent_sense_alone():
    nlp = pipeline(
        entry_yaml(
            "hard-to-reach", "[hard to reach]", "inflect: none\nunless:\n  followed_by: [shelf]"
        )
    )
    assert _found(nlp, "A hard to reach shelf.") == []
    assert _found(nlp, "Hard to reach shelves.") == []
    assert _found(nlp, "Hard to reach families.") == [("Hard to reach", "hard-to-reach")]


def test_when_condition_must_hold():
    nlp = pipeline(
        entry_yaml(
            "deliver",
            "[deliver]",
            "inflect: verb\nwhen:\n  followed_by: [outcomes, better outcomes]",
        )
    )
    assert _found(nlp, "We delivered better outcomes.") == [("delivered", "deliver")]
    assert _found(nlp, "The courier delivered the parcel.") == []


def test_case_sensitive_acronym():
    nlp = pipeline(entry_yaml("dna", "[DNA]", "case_sensitive: true"))
    assert _found(nlp, "She was DNA twice.") == [("DNA", "dna")]
    assert _found(nlp, "The dna sample.") == []


def test_quoted_term_is_a_mention_not_a_use():
    nlp = pipeline(entry_yaml("service-user", "[service user]"))
    doc = nlp("We no longer say “service users” in our reports.")
    assert list(doc.spans["plainwords"]) == []
    assert [s.text for s in doc.spans["plainwords_mentions"]] == ["service users"]


def test_token_patterns_from_the_lexicon():
    nlp = pipeline(
        entry_yaml(
            "did-not-attend", "[]", "patterns:\n  - [{LOWER: did}, {LOWER: not}, {LOWER: attend}]"
        ).replace("terms: []", "terms: [dna appointment]")
    )
    assert _found(nlp, "He did not attend.") == [("did not attend", "did-not-attend")]


def test_component_is_a_plainwords_matcher():
    nlp = spacy.blank("en")
    assert isinstance(nlp.add_pipe("plainwords", config={"lexicons": []}), PlainwordsMatcher)


def test_docs_from_make_doc_keep_their_text_and_match_alike():
    nlp = pipeline(entry_yaml("addict", "[addict]"))
    component = nlp.get_pipe("plainwords")
    text = 'We never say "addicts"; addicts deserve better.'
    kept = component.make_doc(text)
    assert kept.user_data["plainwords_text"] == text == kept.text
    made, plain = nlp(kept), nlp(text)
    for key in ("plainwords", "plainwords_mentions"):
        assert [(s.start_char, s.end_char) for s in made.spans[key]] == [
            (s.start_char, s.end_char) for s in plain.spans[key]
        ]
    assert len(made.spans["plainwords"]) == len(made.spans["plainwords_mentions"]) == 1
