"""Guidance structure read over the whole document: lists under a cue, tables of "don't say",
glossary headwords and runs of terms are mentions; the same words used in prose stay findings."""

from __future__ import annotations

import pytest

from plainwords.engine import Linter, Options
from plainwords.guidance import lines_of, listed_ranges
from plainwords.readers import read_text
from tiny_lexicons import entry_yaml, lexicon_of

TERMS = {
    "addict": "[addict]",
    "junkie": "[junkie]",
    "vagrant": "[vagrant]",
    "rough-sleeper": "[rough sleeper]",
    "service-user": "[service user]",
    "hard-to-reach": "[hard to reach]",
    "lunatic": "[lunatic]",
    "psycho": "[psycho]",
}


@pytest.fixture(scope="module")
def linters():
    lexicon = lexicon_of(
        *(
            entry_yaml(entry_id, terms, "inflect: none" if entry_id == "hard-to-reach" else "")
            for entry_id, terms in TERMS.items()
        )
    )
    return Linter(lexicon), Linter(lexicon, options=Options(include_mentions=True))


def uses(linters, text: str, path: str = "guide.txt") -> list[str]:
    return [f.text for f in linters[0].check(read_text(path, text))]


def mentions(linters, text: str, path: str = "guide.txt") -> list[str]:
    return [f.text for f in linters[1].check(read_text(path, text)) if f.mention]


def test_a_list_under_a_words_to_avoid_heading_is_mentions(linters):
    text = "Talking about homelessness\nWords to avoid\n- vagrant\n- rough sleeper\n- addict\n"
    assert uses(linters, text) == []
    assert mentions(linters, text) == ["vagrant", "rough sleeper", "addict"]


def test_a_markdown_list_under_a_cue_heading_with_blank_lines_between_items(linters):
    text = "## Words to avoid\n\n- vagrant\n\n- addicts\n\n## Our work\n\nWe met an addict today.\n"
    assert uses(linters, text, "guide.md") == ["addict"]
    assert mentions(linters, text, "guide.md") == ["vagrant", "addicts"]


def test_an_avoid_colon_list_of_short_lines(linters):
    text = "Inclusive language checklist\nAvoid:\naddict (use person who uses drugs)\njunkie\n"
    assert uses(linters, text) == []


def test_the_dont_say_column_of_a_table_is_mentions_and_the_say_column_is_not_read(linters):
    text = (
        "| Don't say | Say |\n|---|---|\n| addict | person who uses drugs |\n"
        "| junkie | person with a drug problem |\n"
    )
    assert uses(linters, text, "guide.md") == []
    assert mentions(linters, text, "guide.md") == ["addict", "junkie"]


def test_a_table_without_a_cue_is_read_as_prose(linters):
    text = "| Group | Count |\n|---|---|\n| rough sleepers | 14 |\n| families | 20 |\n"
    assert uses(linters, text, "report.md") == ["rough sleepers"]


def test_glossary_headwords_are_mentions_but_their_definitions_are_read(linters):
    text = (
        "Glossary\n"
        "Service user: a term used in health and care for a person who uses a service.\n"
        "Hard to reach: a phrase that blames communities.\n"
    )
    assert uses(linters, text) == []
    assert mentions(linters, text) == ["Service user", "Hard to reach"]


def test_a_long_list_item_keeps_uses_after_its_headword(linters):
    text = (
        "Words we don't like\n"
        "- Addict – this word fails because it is not person-centred, and we still see every "
        "service user as a person first, whatever others may say about them in the papers.\n"
    )
    assert uses(linters, text) == ["service user"]
    assert mentions(linters, text) == ["Addict"]


def test_a_run_of_terms_without_a_verb_is_mentions_even_outside_a_guide(linters):
    assert uses(linters, "Addict / Junkie / Vagrant\n\nWe work with people in need.\n") == []
    # ...but a sentence listing three labels is still read as one.
    assert len(uses(linters, "We saw addicts, junkies and vagrants.\n")) == 3


def test_in_a_guide_short_lines_examples_and_lists_after_such_as_are_mentions(linters):
    guide = (
        "Language matters\n\n"
        "Choose person-first words. Avoid stigmatising words.\n\n"
        "Addict\n\n"
        "Person who uses drugs\n\n"
        "Example: He is an addict.\n\n"
        "Avoid slang, for example: lunatic, psycho or junkie.\n\n"
        "When we say someone is “a psycho” we hurt people.\n"
    )
    assert uses(linters, guide) == []
    assert mentions(linters, guide) == ["Addict", "addict", "lunatic", "psycho", "junkie", "psycho"]


def test_a_guide_still_reports_its_own_uses_in_prose(linters):
    guide = "Words to avoid\n- addict\n\nOur outreach team met a rough sleeper in the park today.\n"
    assert uses(linters, guide) == ["rough sleeper"]


def test_a_report_with_a_list_of_groups_is_not_a_guide(linters):
    report = "We support:\n- rough sleepers\n- care leavers\n\nEach service user has a worker.\n"
    assert uses(linters, report) == ["rough sleepers", "service user"]


def test_such_as_outside_a_guide_is_a_use(linters):
    text = "The fund helps groups such as rough sleepers and care leavers.\n"
    assert uses(linters, text) == ["rough sleepers"]


def test_listed_ranges_point_at_the_listed_entries():
    text = "Words to avoid\n- vagrant\n- rough sleeper\nSay instead: people sleeping rough.\n"
    ranges = listed_ranges(lines_of(text))
    assert [text[s:e] for s, e in ranges] == ["- vagrant", "- rough sleeper"]


def test_offsets_of_recast_findings_are_exact(linters):
    text = "Glossary\r\nService user: a term.\r\nHard to reach: a phrase.\r\n"
    findings = linters[1].check(read_text("g.txt", text))
    assert [text[f.start : f.end] for f in findings] == ["Service user", "Hard to reach"]
    assert all(f.mention and f.severity == "suggestion" for f in findings)


SWAPS = """\
Put the person first. Some of these you will hear often; here is what we prefer.

The disabled, the handicapped | disabled people, people with disabilities
Wheelchair bound, confined to a wheelchair | wheelchair user
Service users, clients | people who use our services
"""


def test_an_unheaded_table_of_swaps_is_mentions(linter):
    """Rows that pair a list of terms with what to say instead are a guide's, with no heading."""
    document = read_text("guide.txt", SWAPS)
    assert linter.check(document) == []
    markdown = "\n".join(
        "| " + " | ".join(cell.strip() for cell in line.split("|")) + " |"
        for line in SWAPS.splitlines()[2:]
    )
    table = "| | |\n|---|---|\n" + markdown + "\n"
    assert linter.check(read_text("guide.md", table)) == []


def test_a_table_of_figures_about_groups_is_still_read(linter):
    """A cell of terms beside numbers offers nothing to say instead: the labels are used."""
    table = (
        "| Group | 2024 | 2025 |\n|---|---|---|\n| Service users | 120 | 131 |\n"
        "| The homeless | 45 | 38 |\n"
    )
    found = [(f.text, f.mention) for f in linter.check(read_text("figures.md", table))]
    assert found == [("Service users", False), ("The homeless", False)]


def test_one_row_pairing_a_term_with_its_alternative_is_not_yet_a_table_of_swaps(linter):
    text = "Service users | people who use our services\nTeam | Andrea, Sam\n"
    assert [f.text for f in linter.check(read_text("notes.txt", text))] == ["Service users"]
