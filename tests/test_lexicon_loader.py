"""The loader reports every problem in a lexicon as file:line: what is wrong."""

from __future__ import annotations

import pytest

from plainwords.lexicon import LexiconError, load_lexicon

GOOD_ENTRY = """\
  - id: bed-blocker
    terms: [bed blocker]
    alternatives: [person waiting to leave hospital]
    reason: Blames a patient for a delay the system causes.
    severity: warning
    source: {name: BMJ, url: "https://blogs.bmj.com/bmj/2016/06/09/bed-blocking-is-an-offensive-term/"}
"""


def _load(tmp_path, text: str):
    path = tmp_path / "ours.yaml"
    path.write_text(text, encoding="utf-8")
    return load_lexicon([str(path)]), str(path)


def _problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "ours.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([str(path)])
    return [str(p).replace(str(path), "ours.yaml") for p in info.value.problems]


def test_a_valid_file_loads_with_category_from_the_file(tmp_path):
    lexicon, path = _load(tmp_path, "version: 1\ncategory: local\nentries:\n" + GOOD_ENTRY)
    (entry,) = lexicon.entries
    assert (entry.id, entry.category, entry.terms, entry.severity) == (
        "bed-blocker",
        "local",
        ("bed blocker",),
        "warning",
    )
    assert entry.file == path and entry.line == 4


def test_malformed_yaml_names_the_line(tmp_path):
    problems = _problems(tmp_path, "category: local\nentries:\n  - id: x\n    terms: [unclosed\n")
    assert (
        len(problems) == 1
        and problems[0].startswith("ours.yaml:")
        and "invalid YAML" in problems[0]
    )


def test_every_problem_is_reported_with_its_line(tmp_path):
    text = (
        "category: local\nentries:\n"
        "  - id: Bad_Id\n"  # line 3
        "    terms: [x]\n"
        "    alternatives: [y]\n"
        "    reason: r\n"
        "    severity: fatal\n"  # line 7
        "    source: {name: n, url: 'not a url'}\n"  # line 8
        "    colour: blue\n"  # line 9
    )
    problems = _problems(tmp_path, text)
    assert "ours.yaml:3: entry 'Bad_Id': 'id' must be kebab-case, like 'hard-to-reach'" in problems
    assert (
        "ours.yaml:7: entry 'Bad_Id': 'severity' must be one of error, warning, suggestion"
        in problems
    )
    assert any(p.startswith("ours.yaml:8:") and "url" in p for p in problems)
    assert any(p.startswith("ours.yaml:9:") and "unknown key 'colour'" in p for p in problems)


def test_missing_required_fields(tmp_path):
    problems = _problems(
        tmp_path, "category: local\nentries:\n  - id: lonely\n    terms: [alone]\n"
    )
    joined = "\n".join(problems)
    for field in ("alternatives", "reason", "source"):
        assert f"'{field}' is required" in joined
    assert all(p.startswith("ours.yaml:3:") for p in problems)


def test_duplicate_ids_and_terms_across_entries(tmp_path):
    same_id = GOOD_ENTRY.replace("terms: [bed blocker]", "terms: [bed hog]")
    same_term = GOOD_ENTRY.replace("id: bed-blocker", "id: bed-blocking").replace(
        "[bed blocker]", "[Bed Blocker]"
    )
    problems = _problems(tmp_path, "category: local\nentries:\n" + GOOD_ENTRY + same_id + same_term)
    assert any("duplicate id 'bed-blocker'" in p and p.startswith("ours.yaml:9:") for p in problems)
    assert any(
        "entry 'bed-blocking': term 'Bed Blocker' is already in entry 'bed-blocker'" in p
        and p.startswith("ours.yaml:15:")
        for p in problems
    )


def test_terms_that_can_never_match_are_refused(tmp_path):
    problems = _problems(
        tmp_path, "category: local\nentries:\n" + GOOD_ENTRY.replace("[bed blocker]", "['--']")
    )
    assert any("can never match" in p for p in problems)


def test_regex_patterns_are_refused(tmp_path):
    entry = GOOD_ENTRY + "    patterns:\n      - [{TEXT: {REGEX: '(a+)+$'}}]\n"
    problems = _problems(tmp_path, "category: local\nentries:\n" + entry)
    assert any("predicate 'REGEX' is not allowed" in p for p in problems)


def test_conditions_are_validated(tmp_path):
    entry = GOOD_ENTRY + "    unless:\n      followed_by: shelf\n      sounds_like: [x]\n"
    problems = _problems(tmp_path, "category: local\nentries:\n" + entry)
    assert any("unknown condition 'sounds_like'" in p for p in problems)


def test_python_tags_are_not_executed(tmp_path):
    problems = _problems(
        tmp_path, "category: !!python/object/apply:os.system ['echo hi']\nentries: []\n"
    )
    assert problems and "invalid YAML" in problems[0]


def test_empty_and_missing_files(tmp_path):
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([str(tmp_path / "empty.yaml"), str(tmp_path / "missing.yaml")])
    messages = [str(p) for p in info.value.problems]
    assert any("empty" in m for m in messages) and any("file not found" in m for m in messages)


def test_unknown_builtin_name_lists_the_known_ones():
    with pytest.raises(LexiconError) as info:
        load_lexicon(["stigmas"])
    assert "built-in: casenotes, jargon, stigma" in str(info.value)


# --- terms the tokenizer cannot match ----------------------------------------------------------

OWN_TERMS = """\
category: house
entries:
  - id: for-example
    terms: [e.g]
    alternatives: [for example]
    reason: Not everyone reads Latin abbreviations.
    severity: suggestion
    inflect: none
    source: {{name: Our style guide, url: "https://example.org/style"}}
  - id: not-applicable
    terms: [{term}]
    alternatives: [does not apply]
    reason: Say what does not apply.
    severity: suggestion
    inflect: none
    source: {{name: Our style guide, url: "https://example.org/style"}}
"""


@pytest.fixture(scope="module")
def tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


@pytest.mark.parametrize(
    ("form", "context", "in_context"),
    [
        ("e.g", "x e.g.", ("e.g.",)),  # an abbreviation keeps its full stop in text
        ("i.e", "x i.e.", ("i.e.",)),
        ("N/A", "x N/A.", ("N", "/", "A.")),  # "A." is read as an initial
        ("vs", "x vs.", ("vs.",)),
    ],
)
def test_a_form_split_differently_in_running_text_is_found(tokenizer, form, context, in_context):
    from plainwords.matchable import split_in_context

    split = split_in_context(tokenizer, form)
    assert split is not None
    assert (split.context, split.in_context) == (context, in_context)


@pytest.mark.parametrize("form", ["e.g.", "etc.", "c++", "n't", "co-op", "hard to reach", "Dr."])
def test_forms_tokenized_alike_everywhere_pass(tokenizer, form):
    from plainwords.matchable import split_in_context

    assert split_in_context(tokenizer, form) is None


def test_the_built_matcher_really_misses_what_the_check_reports(tmp_path):
    """The check's definition agrees with the matcher: a reported term is not found in text,
    a listed spelling that covers the split is."""
    from plainwords.engine import Linter

    path = tmp_path / "ours.yaml"
    path.write_text(OWN_TERMS.format(term="N/A"), encoding="utf-8")
    linter = Linter(load_lexicon([str(path)]))
    assert [f.text for f in linter.check_text("Use it, e.g this one.")] == ["e.g"]
    assert linter.check_text("Use it, e.g. this one.") == []
    assert linter.check_text("The answer is N/A.") == []
    assert [f.text for f in linter.check_text("N/A for now.")] == ["N/A"]


def test_another_listed_spelling_covers_a_split(tmp_path, tokenizer):
    from plainwords.matchable import unmatchable

    path = tmp_path / "ours.yaml"
    path.write_text(
        OWN_TERMS.format(term="n/a, n/a.").replace("[e.g]", "[e.g, e.g.]"), encoding="utf-8"
    )
    assert unmatchable(tokenizer, load_lexicon([str(path)])) == []


def test_validate_reports_an_unmatchable_term_with_its_line(tmp_path, capsys):
    from plainwords.cli import main

    path = tmp_path / "ours.yaml"
    path.write_text(OWN_TERMS.format(term="N/A"), encoding="utf-8")
    code = main(["lexicon", "validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines == [
        f"{path}:3: entry 'for-example': term 'e.g' cannot match in running text: the tokenizer "
        "splits it as e.g on its own but as e.g. in 'x e.g.'; add 'e.g.' to its terms or match "
        "it with 'patterns' instead",
        f"{path}:10: entry 'not-applicable': term 'N/A' cannot match in running text: the "
        "tokenizer splits it as N | / | A on its own but as N | / | A. in 'x N/A.'; add 'N/A.' "
        "to its terms or match it with 'patterns' instead",
        "plainwords: 2 problems found",
    ]
    assert "Traceback" not in err


@pytest.mark.parametrize("cache", [True, False])
def test_check_refuses_an_unmatchable_own_term(tmp_path, capsys, monkeypatch, cache):
    from plainwords.cli import main

    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(tmp_path / "cache"))
    own = tmp_path / "ours.yaml"
    own.write_text(OWN_TERMS.format(term="n/a, n/a."), encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Use it, e.g this one.\n", encoding="utf-8")
    options = [] if cache else ["--no-cache"]
    code = main(["check", *options, "--lexicon", str(own), str(text)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith(f"plainwords: {own}:3: entry 'for-example': term 'e.g' cannot match")
    assert "Traceback" not in err
    assert not list((tmp_path / "cache").glob("lexicon-*.pickle")), "a bad lexicon is not cached"


def test_the_tokenizer_check_runs_on_a_cache_miss_only(tmp_path, monkeypatch):
    from plainwords import matchable
    from plainwords.config import Config
    from plainwords.run import build_linter

    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(tmp_path / "cache"))
    own = tmp_path / "ours.yaml"
    own.write_text(OWN_TERMS.format(term="n/a, n/a.").replace("[e.g]", "[e.g.]"), "utf-8")
    calls = []
    real = matchable.unmatchable
    monkeypatch.setattr(matchable, "unmatchable", lambda *a: calls.append(1) or real(*a))
    config = Config(builtin=("jargon",))
    build_linter(config, [str(own)])
    assert calls == [1]
    warm = build_linter(config, [str(own)])
    assert calls == [1], "a warm start reads the checked, cached lexicon"
    assert [f.text for f in warm.check_text("Use it, e.g. this one.")] == ["e.g."]
