"""One policy: overrides name files, folders and globs as ``exclude`` does; every command reports
at the configured severities; unknown names stop the run, saying where and what was meant; the
lexicon validator and ``check --lexicon`` are one check."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from plainwords.cli import main
from plainwords.config import Config, Override
from plainwords.errors import UnknownNameError
from plainwords.lexicon import load_lexicon
from plainwords.paths import matches
from plainwords.policy import Layer, Policy

TEXT = "Our service users are not hard to reach. Going forward we will utilise plain words.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with documents at the top, in docs/ and in docs/drafts/, as the working dir."""
    for name in ("top.md", "docs/guide.md", "docs/drafts/new.md", "drafts/old.md"):
        write(tmp_path / name, TEXT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(tmp_path.parent / "cache"))
    return tmp_path


def findings_by_path(capsys, *args: str) -> dict[str, set[tuple[str, str]]]:
    main(["check", "--format", "json", *args])
    by_path: dict[str, set[tuple[str, str]]] = {}
    for finding in json.loads(capsys.readouterr().out)["findings"]:
        by_path.setdefault(Path(finding["path"]).as_posix(), set()).add(
            (finding["rule"], finding["severity"])
        )
    return by_path


# -- paths: one rule for exclude, include and overrides ------------------------------------------
@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("drafts/old.md", "drafts", True),  # a folder, by name
        ("docs/drafts/new.md", "drafts", True),  # a folder called drafts anywhere
        ("docs/drafts/new.md", "docs/drafts", True),  # a folder, by its path
        ("docs/drafts/new.md", "docs/drafts/", True),
        ("docs/drafts/new.md", "./docs/drafts", True),
        ("docs/guide.md", "docs/drafts", False),
        ("docs/guide.md", "docs/guide.md", True),  # a file
        ("docs/guide.md", "*.md", True),  # a glob on the name
        ("docs/guide.md", "docs/*.md", True),
        ("docs/guide.md", "legal/**", False),
        ("legal/a/b.md", "legal/**", True),
        ("top.md", "drafts", False),
        ("draftsman.md", "drafts", False),
    ],
)
def test_a_pattern_names_a_file_a_folder_or_a_glob(path, pattern, expected):
    assert matches(path, [pattern]) is expected


@pytest.mark.parametrize("pattern", ["docs/drafts", "docs/drafts/**", "drafts", "docs/drafts/*.md"])
def test_an_override_applies_to_a_folder_as_exclude_does(project, capsys, pattern):
    write(
        project / ".plainwords.toml",
        f'[[overrides]]\npaths = ["{pattern}"]\ndisable = ["jargon"]\n'
        '[overrides.severity]\nhard-to-reach = "error"\n',
    )
    found = findings_by_path(capsys, ".")
    assert found["docs/drafts/new.md"] == {("service-user", "warning"), ("hard-to-reach", "error")}
    assert ("utilise", "suggestion") in found["docs/guide.md"]
    assert ("hard-to-reach", "warning") in found["docs/guide.md"]
    # The same pattern as an exclude leaves out exactly the files the override applies to.
    write(project / ".plainwords.toml", f'exclude = ["{pattern}"]\n')
    excluded = findings_by_path(capsys, ".")
    assert "docs/drafts/new.md" not in excluded and "docs/guide.md" in excluded


def test_an_override_naming_one_file_applies_to_it_alone(project, capsys):
    write(project / ".plainwords.toml", '[[overrides]]\npaths = ["top.md"]\ndisable = ["stigma"]\n')
    found = findings_by_path(capsys, ".")
    assert {rule for rule, _ in found["top.md"]} == {"going-forward", "utilise"}
    assert ("service-user", "warning") in found["docs/guide.md"]


# -- the resolved policy --------------------------------------------------------------------------
def test_later_layers_win_and_an_id_beats_its_category():
    lexicon = load_lexicon(["stigma"])
    entry = lexicon.get("hard-to-reach")
    assert entry is not None and entry.severity == "warning"
    policy = Policy(
        project=Layer(severity=(("stigma", "error"), ("hard-to-reach", "suggestion"))),
        overrides=(
            Layer(paths=("legal",), severity=(("stigma", "warning"),)),
            Layer(paths=("legal/old",), disable=("hard-to-reach",)),
        ),
    )
    assert policy.resolve("notes.md").severity_of(entry) == "suggestion"
    assert policy.resolve("legal/terms.md").severity_of(entry) == "warning"
    assert policy.resolve("legal/terms.md").is_on(entry)
    assert not policy.resolve("legal/old/terms.md").is_on(entry)


def test_a_policy_is_frozen_hashable_and_picklable():
    config = Config(
        disable=("jargon",),
        severity={"stigma": "error"},
        overrides=(Override(paths=("drafts",), severity={"addict": "suggestion"}),),
    )
    policy = Policy.from_config(config, disable=("utilise",), model=None)
    same = Policy.from_config(config, disable=("utilise",))
    assert policy == same and hash(policy) == hash(same)
    assert policy.project.disable == ("jargon", "utilise")
    policy.resolve("drafts/a.md")  # fills a memo that must not change equality or pickling
    assert pickle.loads(pickle.dumps(policy)) == policy
    with pytest.raises(AttributeError):
        policy.fail_on = "never"  # type: ignore[misc]


# -- statistics at the configured severity --------------------------------------------------------
def test_statistics_count_at_the_configured_severities(project, capsys):
    write(
        project / ".plainwords.toml",
        '[severity]\nservice-user = "error"\n'
        '[[overrides]]\npaths = ["drafts"]\nseverity = {"hard-to-reach" = "suggestion"}\n',
    )
    assert main(["check", "--statistics", "top.md", "drafts/old.md"]) == 1
    out = capsys.readouterr().out
    lines = out[out.index("Statistics") :].splitlines()
    assert "     2  service-user   error" in lines
    assert "     2  hard-to-reach  warning, suggestion" in lines


# -- unknown names --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("config", "line", "setting", "name", "meant"),
    [
        (
            'fail_on = "error"\ndisable = ["servce-user"]\n',
            2,
            "disable",
            "servce-user",
            "service-user",
        ),
        ('[severity]\nhard-to-reech = "error"\n', 2, "severity", "hard-to-reech", "hard-to-reach"),
        (
            '[[overrides]]\npaths = ["docs"]\ndisable = ["jargn"]\n',
            3,
            "overrides[1].disable",
            "jargn",
            "jargon",
        ),
        ('builtin = ["stigmaa"]\n', 1, "builtin", "stigmaa", "stigma"),
    ],
)
def test_an_unknown_name_in_the_configuration_stops_the_run(
    project, capsys, config, line, setting, name, meant
):
    path = write(project / ".plainwords.toml", config)
    assert main(["check", "top.md"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    what = "built-in lexicon" if setting == "builtin" else "entry id, category or topic"
    assert captured.err == (
        f"plainwords: {path.resolve()}:{line}: {setting}: unknown {what} {name!r}; "
        f"did you mean {meant!r}?\n"
    )


def test_an_unknown_name_in_pyproject_points_into_the_plainwords_table(project, capsys):
    path = write(
        project / "pyproject.toml",
        '[project]\nname = "x"\nkeywords = ["jargon"]\n\n[tool.plainwords]\ndisable = ["jargn"]\n',
    )
    assert main(["check", "top.md"]) == 2
    assert f"{path.resolve()}:6: disable: unknown" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "fix", "report", "lexicon"])
def test_an_unknown_name_on_the_command_line_stops_every_command(project, capsys, command):
    args = {
        "check": ["check", "--disable", "addicts", "top.md"],
        "fix": ["fix", "--disable", "addicts", "top.md"],
        "report": ["report", "--disable", "addicts", "top.md", "-o", "r.html"],
        "lexicon": ["lexicon", "list", "--config", "c.toml"],
    }[command]
    write(project / "c.toml", 'disable = ["addicts"]\n')
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "unknown entry id, category or topic 'addicts'; did you mean 'addict'?" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (project / "r.html").exists()


def test_every_unknown_name_is_reported_at_once(project, capsys):
    write(project / ".plainwords.toml", 'disable = ["one-thing", "jargon", "other-thing"]\n')
    assert main(["check", "--disable", "zzzzzz", "top.md"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3
    assert lines[-1] == "plainwords: --disable: unknown entry id, category or topic 'zzzzzz'"


def test_names_are_checked_for_library_callers_too():
    with pytest.raises(UnknownNameError, match="'addicts'; did you mean 'addict'"):
        Policy.from_config(Config(disable=("addicts",))).check_names(load_lexicon(["stigma"]))


def test_an_unknown_name_in_a_suppression_is_a_warning_with_its_line(project, capsys):
    write(
        project / "note.md",
        "Intro.\n\n<!-- plainwords-disable-next-line servce-user -->\nOur service users.\n",
    )
    assert main(["check", "note.md"]) == 1
    err = capsys.readouterr().err
    assert (
        "plainwords: warning: note.md:3: suppression names 'servce-user', which is not an entry "
        "id or category; did you mean 'service-user'?"
    ) in err
    # A disabled entry is still a name a suppression may use.
    write(project / ".plainwords.toml", 'disable = ["service-user"]\n')
    write(project / "note.md", "<!-- plainwords-disable-next-line service-user -->\nHi.\n")
    assert main(["check", "note.md"]) == 0
    assert "warning" not in capsys.readouterr().err


# -- one validator --------------------------------------------------------------------------------
CIRCULAR = """version: 1
category: local
entries:
  - id: our-clients
    terms: [our clients]
    alternatives: [our service users]
    reason: Our own test entry.
    severity: suggestion
    source: {name: Our style guide, url: "https://example.org/style"}
"""


def test_validate_and_check_lexicon_agree_on_a_flagged_alternative(project, capsys):
    own = write(project / "own.yaml", CIRCULAR)
    expected = (
        f"{own}:4: entry 'our-clients': alternative 'our service users' is itself flagged by "
        "'service-user'; choose another or narrow that entry"
    )
    assert main(["lexicon", "validate", str(own)]) == 2
    validate_err = capsys.readouterr().err.splitlines()
    assert validate_err == [expected, "plainwords: 1 problem found"]
    assert main(["check", "--lexicon", str(own), "top.md"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"plainwords: {expected}"]
    # And both accept the entry once its alternative is clean.
    write(own, CIRCULAR.replace("our service users", "the people we work with"))
    assert main(["lexicon", "validate", str(own)]) == 0
    assert main(["check", "--lexicon", str(own), "top.md"]) == 1


def test_the_workshop_page_reports_at_the_policys_settings(tmp_path, monkeypatch):
    from plainwords.run import build_linter
    from plainwords.web.server import Workshop

    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(tmp_path / "cache"))
    policy = Policy.from_config(
        Config(allow=("service users",), severity={"hard-to-reach": "error"}),
        disable=("utilise",),
    )
    found = Workshop(build_linter(policy)).check(TEXT)["findings"]
    assert {(f["rule"], f["severity"]) for f in found} == {
        ("hard-to-reach", "error"),
        ("going-forward", "suggestion"),
    }
