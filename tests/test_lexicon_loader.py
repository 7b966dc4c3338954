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
    assert "built-in: jargon, stigma" in str(info.value)
