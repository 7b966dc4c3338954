"""Use versus mention, end to end through a blank pipeline with a small test lexicon."""

from __future__ import annotations

import json

import pytest
import spacy

from plainwords.quotes import is_quoted, quoted_regions
from tiny_lexicons import entry_yaml, pipeline

TERMS = {
    "service-user": "[service user]",
    "addict": "[addict]",
    "hard-to-reach": "[hard to reach]",
    "going-forward": "[going forward]",
    "in-order-to": "[in order to]",
    "suffer-from": "[suffer from]",
}


INFLECT = {
    "suffer-from": "verb",
    "hard-to-reach": "none",
    "going-forward": "none",
    "in-order-to": "none",
}


@pytest.fixture(scope="module")
def nlp():
    return pipeline(
        *(
            entry_yaml(entry_id, terms, f"inflect: {INFLECT.get(entry_id, 'noun')}")
            for entry_id, terms in TERMS.items()
        )
    )


def uses(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for span in doc.spans["plainwords"]]


def mentions(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for span in doc.spans["plainwords_mentions"]]


def quoted(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for span in doc.spans["plainwords_quoted"]]


@pytest.mark.parametrize(
    "text",
    [
        'We no longer write "service users" in letters.',
        "We no longer write 'service users' in letters.",
        "We no longer write “service users” in letters.",
        "We no longer write ‘service users’ in letters.",
        "Nous évitons «service users» dans nos lettres.",
        "Wir vermeiden „service users“ in Briefen.",
        "Replace ‘service users’ with ‘people who use our services’.",
        'Is "service users" really so bad?',
        "‘Addicts’ turns a situation into an identity.",
    ],
)
def test_a_term_quoted_as_a_word_is_a_mention(nlp, text):
    assert uses(nlp, text) == []
    assert len(mentions(nlp, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "‘We see addicts in the doorway every morning,’ a shopkeeper said.",
        '"I was an addict for ten years," she said.',
        "“I hate being called a service user,” one woman told the panel.",
        "He told the paper: „I was an addict and nobody asked why.“",
        "«I was an addict», he said.",
        'The headline read "Council moves addicts out of town".',
        "The sign outside read 'Free soup for addicts'.",
        '"Addicts," he said, and walked off.',
        'Neighbours called them "addicts".',
        'His barrister said he was "an addict".',
    ],
)
def test_quoted_speech_and_headlines_are_quoted_uses(nlp, text):
    assert uses(nlp, text) == quoted(nlp, text), text
    assert len(quoted(nlp, text)) == 1, text
    assert mentions(nlp, text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Staff described him as an addict.",
        "She was branded an addict at school.",
        "He was written off as an addict by two agencies.",
        "Neighbours called them addicts.",
        "Communities described as hard to reach often say services are hard to find.",
        "They are often labelled hard to reach.",
        "Some teams still call people hard to reach.",
        "He was known as an addict in the village.",
        "She was dismissed as an addict.",
    ],
)
def test_reported_labelling_is_a_use(nlp, text):
    assert uses(nlp, text), text
    assert quoted(nlp, text) == [] and mentions(nlp, text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Avoid the term hard to reach.",
        "The word addict puts people off asking for help.",
        "Stigmatising labels like addicts do harm.",
        "Avoid words such as addicts in case notes.",
        "Don't say addicts.",
        "Do not use service users in letters.",
        "Please don't say service users.",
        "We no longer call people addicts.",
        "Avoid hard to reach: say seldom heard.",
        "Instead of service users, say people who use our services.",
        "Say people who use our services rather than service users.",
        "Service users is a stigmatising label.",
        "Going forward is jargon.",
        "Hard to reach should be avoided in reports.",
        "We replaced service users with people we support.",
        "Addicts – say people who use drugs instead.",
        "Instead of calling someone an addict, say a person who uses drugs.",
        "Avoid calling people addicts.",
        "Don't describe people as addicts.",
        "Service user refers to anyone who uses a service.",
        "Hard to reach means nothing to the families it describes.",
        'The label "addict" follows people for years.',
        "service users → people who use our services",
    ],
)
def test_terms_introduced_as_words_are_mentions(nlp, text):
    assert uses(nlp, text) == [], text
    assert mentions(nlp, text), text


def test_each_item_of_a_list_after_an_introducer_is_a_mention(nlp):
    text = "Phrases like going forward, in order to and hard to reach add nothing."
    assert uses(nlp, text) == []
    assert mentions(nlp, text) == ["going forward", "in order to", "hard to reach"]
    text = "Labels like addicts, junkies or service users put people down."
    assert mentions(nlp, text) == ["addicts", "service users"]
    assert mentions(nlp, "Words to avoid: addicts, service users, hard to reach.") == [
        "addicts",
        "service users",
        "hard to reach",
    ]


def test_a_list_after_a_verb_continues_only_through_other_terms(nlp):
    # "avoid X" names X, but "avoid long waits and <term>" is an ordinary sentence.
    assert mentions(nlp, "Avoid addicts and service users in headlines.") == [
        "addicts",
        "service users",
    ]
    assert uses(nlp, "Avoid long waits and service users will be happier.") == ["service users"]


def test_not_after_a_preferred_wording_is_a_mention_but_quoted_speech_nearby_is_not(nlp):
    assert mentions(nlp, 'We say "people who use our services", not service users.') == [
        "service users"
    ]
    assert uses(nlp, 'We say "people who use our services", not service users.') == []
    assert uses(nlp, 'Our service users said "thanks".') == ["service users"]
    assert uses(nlp, "It is not service users who decide.") == ["service users"]


@pytest.mark.parametrize(
    "text",
    [
        "Explain it in words service users understand.",
        "We changed how service users book appointments.",
        "The word from service users is that the forms are too long.",
        "Staff asked service users what 'good support' means to them.",
        "The users' group said the service users' forum was useful.",
        "We don't think addicts should wait this long.",
        "Service users' views shaped the plan, and the people's panel agreed.",
        "The addicts were seen in order to plan their care.",
        "Please do not call service users after 8pm.",
        "He spoke in vague general terms and went to see her, not in order to argue but to listen.",
        "She was, as she said, suffering from a cold.",
        "Service user was offensive to staff and left early.",
        "The service users were vague about dates.",
        "Two service users were made redundant last year.",
        "Do not use service users' names in emails.",
        "Avoid addicts' homes after dark unless two staff go.",
    ],
)
def test_ordinary_uses_stay_uses(nlp, text):
    assert uses(nlp, text), text


def test_every_kind_of_quotation_mark_makes_a_quoted_stretch():
    text = "a „b“ c «d» e »f« g ‹h› i ‚j‘ k “l” m ‘n’ o \"p\" q 'r' s"
    assert [text[s + 1 : e - 1] for s, e in quoted_regions(text)] == list("bdfhjlnpr")


def test_apostrophes_do_not_open_quotes():
    text = "The people's forum didn't meet; the users' group did, and 'our' plan stood."
    assert [text[s:e] for s, e in quoted_regions(text)] == ["'our'"]
    text = "‘I don’t want to be called a service user,’ she said. Users’ views matter."
    assert [text[s:e] for s, e in quoted_regions(text)] == [
        "‘I don’t want to be called a service user,’"
    ]


def test_long_quoted_speech_over_several_sentences_is_a_quoted_use(nlp):
    text = (
        "She told the panel: “I suffered from depression for years. Nobody asked. "
        "I felt like an addict in their eyes, not a person.” The panel thanked her."
    )
    assert quoted(nlp, text) == ["suffered from", "addict"]
    assert mentions(nlp, text) == []
    straight = 'He said "I was an addict. Then I was a service user. Now I am me." We listened.'
    assert quoted(nlp, straight) == uses(nlp, straight) == ["addict", "service user"]
    single = "He said 'I was an addict, and I don't mind saying it.' Our addicts service closed."
    assert uses(nlp, single) == ["addict", "addicts"]
    assert quoted(nlp, single) == ["addict"]


def test_an_unclosed_curly_quote_runs_to_the_end_of_the_paragraph(nlp):
    assert quoted(nlp, "“We were treated like addicts, and nobody asked why") == ["addicts"]


def test_a_comma_before_means_is_not_a_definition(nlp):
    text = "The risk of assault from service users, means that this job is hard."
    assert uses(nlp, text) == ["service users"]


def test_the_sentence_after_a_quote_is_a_use_again(nlp):
    text = "'Hard to reach' blames people. We work with hard to reach families."
    assert uses(nlp, text) == ["hard to reach"]
    assert quoted(nlp, text) == []


def test_is_quoted_needs_the_whole_match_inside_one_quote():
    nlp = spacy.blank("en")
    doc = nlp('The "service" users')
    assert not is_quoted(doc.text, doc[1].idx, doc[4].idx + len(doc[4]))


def test_include_mentions_reports_mentions_as_marked_suggestions(tmp_path, capsys):
    from plainwords.cli import main

    page = tmp_path / "guide.txt"
    page.write_text(
        "Avoid the term ‘service users’. Our service users wrote this guide.\n", encoding="utf-8"
    )
    assert main(["check", "--format", "json", "--no-color", str(page)]) == 1
    default = json.loads(capsys.readouterr().out)
    rows = default["findings"] if isinstance(default, dict) else default
    assert [(r["text"], r["mention"]) for r in rows] == [("service users", False)]

    assert main(["check", "--format", "json", "--include-mentions", "--no-color", str(page)]) == 1
    both = json.loads(capsys.readouterr().out)
    rows = both["findings"] if isinstance(both, dict) else both
    assert sorted((r["text"], r["mention"], r["severity"]) for r in rows) == [
        ("service users", False, "warning"),
        ("service users", True, "suggestion"),
    ]


def test_mentions_alone_do_not_fail_a_run_at_the_default_level(tmp_path, capsys):
    from plainwords.cli import main

    page = tmp_path / "guide.txt"
    page.write_text("Avoid the term ‘service users’.\n", encoding="utf-8")
    assert main(["check", "--include-mentions", "--no-color", str(page)]) == 0
    assert "(mention)" in capsys.readouterr().out


def test_a_training_handout_has_no_warnings_and_its_mentions_are_kept(tmp_path, capsys):
    from pathlib import Path

    from plainwords.cli import main

    handout = Path(__file__).parent / "data" / "training-handout.md"
    assert len(handout.read_text(encoding="utf-8").splitlines()) >= 40
    assert main(["check", "--format", "json", "--no-color", str(handout)]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = data["findings"] if isinstance(data, dict) else data
    # What is left is the words of the people the handout quotes, as suggestions.
    assert [(r["text"], r["quoted"], r["severity"]) for r in rows] == [
        ("service user", True, "suggestion"),
        ("hard to reach", True, "suggestion"),
    ]
    assert main(["check", "--format", "json", "--skip-quotations", str(handout)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["findings"] if isinstance(data, dict) else data) == []
    assert (
        main(["check", "--format", "json", "--include-mentions", "--no-color", str(handout)]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    rows = data["findings"] if isinstance(data, dict) else data
    mentioned = [r for r in rows if r["mention"]]
    assert len(mentioned) >= 10
    assert all(r["severity"] == "suggestion" for r in rows)


def test_a_thing_that_means_a_consequence_is_not_a_definition(linter):
    """ "X means…" defines the bare word in a glossary; after an article it is a consequence."""
    used = linter.check_text("A dirty sample means the methadone prescription is reviewed.")
    assert [(f.rule, f.text, f.mention) for f in used] == [("dirty-test", "dirty sample", False)]
    assert linter.check_text("Dirty sample means a positive drug test.") == []


def test_a_speech_over_several_paragraphs_is_quoted_throughout(linter):
    """News prints a long speech a paragraph at a time, each opened with a quote and only the
    last closed: every paragraph of it is someone's quoted words."""
    text = (
        'Councillor Ward said: "The plan is a good one.\n'
        '"But what are we doing about the addicts around the station?\n'
        '"People tell me they feel unsafe."\n'
        "The council said addicts would be offered support.\n"
    )
    found = [(f.text, f.quoted, f.severity) for f in linter.check_text(text)]
    assert found == [("addicts", True, "suggestion"), ("addicts", False, "error")]


def test_straight_quotes_pair_by_the_way_they_face():
    from plainwords.quotes import quoted_regions

    text = 'A 5" screen, a "quoted" word and "another".'
    assert [text[a:b] for a, b in quoted_regions(text)] == ['"quoted"', '"another"']
