"""The language server's parts that need no protocol: positions in each encoding, suppression
comments in each format, the configuration edit, the client's settings, and the findings as
diagnostics, hovers and code actions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from plainwords.cli import main
from plainwords.lsp.comments import apply, suppression
from plainwords.lsp.positions import Positions, units
from plainwords.lsp.project import ClientSettings, buffer_path, file_of, reader_kind
from plainwords.lsp.project_config import _settings, disable_edit
from plainwords.readers import reader_for

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# --- positions ----------------------------------------------------------------------------

EMOJI_LINE = "Café 👋 for our service users\n"


@pytest.mark.parametrize(
    ("encoding", "column"),
    [("utf-16", len("Café 👋 for our ") + 1), ("utf-8", len("Café 👋 for our ".encode()))],
)
def test_a_column_after_an_emoji_counts_the_clients_units(encoding, column):
    text = "First line\n" + EMOJI_LINE
    offset = text.index("service")
    positions = Positions(text, encoding)
    assert positions.position(offset) == (1, column)
    assert positions.offset(1, column) == offset


def test_units_of_each_encoding():
    assert [units("é👋", e) for e in ("utf-8", "utf-16", "utf-32")] == [6, 3, 2]


def test_only_the_protocols_line_breaks_start_a_line():
    # A form feed and a line separator are characters on the line, as the protocol counts.
    text = "a\fb\u2028c\r\nd\re\nservice"
    positions = Positions(text)
    assert positions.position(text.index("service")) == (3, 0)
    assert positions.position(text.index("c")) == (0, 4)
    assert positions.position(text.index("e")) == (2, 0)


def test_positions_past_a_line_or_the_text_clamp():
    positions = Positions("ab\r\ncd")
    assert positions.offset(0, 99) == 2  # the end of the line, before its break
    assert positions.offset(7, 0) == 6
    assert positions.position(99) == (1, 2)


# --- suppression comments -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "comment"),
    [
        ("a.md", "# Notes\n\nWe met\nour service users.\n", "<!-- plainwords-disable-line"),
        ("a.html", "<p>We met\nour service users.</p>\n", "<!-- plainwords-disable-line"),
        ("a.rst", "Notes\n=====\n\nOur service users met.\n", ".. plainwords-disable-next-line"),
        (
            "a.rst",
            "Notes\n=====\n\nWe met\nour service users.\n\nMore.\n",
            ".. plainwords-disable ",
        ),
        ("a.txt", "We met\n  our service users.\r\n", "  plainwords-disable-next-line"),
        ("a.adoc", "== Notes\n\nOur service users met.\n", "// plainwords-disable-next-line"),
    ],
)
def test_the_comment_silences_the_finding_in_the_formats_own_syntax(linter, name, text, comment):
    document = reader_for(name)(name, text)
    [finding] = linter.check(document)
    edited = apply(text, suppression(document, finding))
    assert comment in edited
    assert linter.check(reader_for(name)(name, edited)) == []
    # Nothing but the comment was added.
    assert edited.replace(comment, "").count("service users") == 1


def test_a_markdown_comment_does_not_split_the_paragraph(linter):
    text = "We met\nour service users\ntoday.\n"
    document = reader_for("a.md")("a.md", text)
    [finding] = linter.check(document)
    edited = apply(text, suppression(document, finding))
    assert (
        edited.splitlines()[1] == "our service users <!-- plainwords-disable-line service-user -->"
    )


# --- disabling in the project's configuration ---------------------------------------------


def _edited(path: Path, text: str, rule: str = "service-user") -> str:
    edit = disable_edit(path, text, path.parent, rule)
    assert edit is not None and not edit.created
    return apply(text, [edit.insertion])


def _only_inserted(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with one run of text inserted."""
    prefix = 0
    while prefix < len(before) and before[prefix] == after[prefix]:
        prefix += 1
    return after.endswith(before[prefix:])


@pytest.mark.parametrize(
    "text",
    [
        'fail_on = "error"\n',
        'disable = []\nfail_on = "error"\n',
        'disable = ["jargon"]\n',
        'disable = ["jargon",]\n',
        'disable = [\n  "jargon",  # not for us\n  "addict", # ]\n]\n[severity]\njargon = "suggestion"\n',
        "# ours\nallow = ['Hub']\n\n[[overrides]]\npaths = ['legal/**']\ndisable = ['jargon']\n",
        'fail_on = "error"',
    ],
)
def test_a_toml_configuration_gains_the_entry_and_keeps_the_rest(tmp_path, text):
    path = tmp_path / ".plainwords.toml"
    edited = _edited(path, text)
    data = tomllib.loads(edited)
    assert data["disable"][-1] == "service-user"
    old = tomllib.loads(text)
    assert {k: v for k, v in data.items() if k != "disable"} == {
        k: v for k, v in old.items() if k != "disable"
    }
    assert _only_inserted(text, edited)  # comments and layout kept


def test_a_pyproject_table_gains_the_entry(tmp_path):
    text = '[project]\nname = "x"\n\n[tool.plainwords]\nfail_on = "error"\n\n[tool.other]\na = 1\n'
    data = tomllib.loads(_edited(tmp_path / "pyproject.toml", text))
    assert data["tool"]["plainwords"] == {"fail_on": "error", "disable": ["service-user"]}
    assert data["tool"]["other"] == {"a": 1}


@pytest.mark.parametrize(
    "text",
    [
        "fail_on: error\n",
        "disable: [jargon]\nfail_on: error\n",
        "disable:\n  - jargon\n  - addict\nfail_on: error\n",
        "disable:\n- jargon\n",
        "disable:  # none yet\nfail_on: error\n",
        "",
    ],
)
def test_a_yaml_configuration_gains_the_entry(tmp_path, text):
    edited = _edited(tmp_path / ".plainwords.yaml", text)
    old = yaml.safe_load(text) or {}
    assert yaml.safe_load(edited) == {
        **old,
        "disable": [*(old.get("disable") or []), "service-user"],
    }
    assert _only_inserted(text, edited)


def test_a_file_that_cannot_be_edited_safely_is_left_to_the_user(tmp_path):
    path = tmp_path / ".plainwords.yaml"
    assert disable_edit(path, "disable: jargon\n", tmp_path, "addict") is None
    assert disable_edit(path, "disable: [unclosed\n", tmp_path, "addict") is None


def test_a_project_without_configuration_gets_a_new_file(tmp_path):
    edit = disable_edit(None, None, tmp_path, "addict")
    assert edit.created and edit.path == tmp_path / ".plainwords.toml"
    assert _settings(edit.path.name, apply("", [edit.insertion])) == {"disable": ["addict"]}


# --- the buffer's path, the client's settings ---------------------------------------------


def test_a_buffer_is_checked_under_its_path_in_the_project(tmp_path):
    assert buffer_path(tmp_path / "docs" / "a.md", tmp_path, "a.md") == "docs/a.md"
    assert buffer_path(None, tmp_path, "Untitled-1") == "Untitled-1"
    assert buffer_path(Path("/elsewhere/a.txt"), tmp_path, "a.txt") == "/elsewhere/a.txt"


def test_a_buffer_without_a_known_extension_is_read_by_its_language():
    assert reader_kind("docs/a.md", "plaintext") is None  # the extension decides
    assert reader_kind("README", "markdown") == "md"
    assert reader_kind("notes.adoc", "asciidoc") is None  # plain text, as check reads it


def test_file_uris():
    assert file_of("file:///tmp/a%20b.md") == Path("/tmp/a b.md")
    assert file_of("untitled:Untitled-1") is None


def test_client_settings_filter_by_severity_and_category(linter):
    findings = linter.check_text("Our service users utilise the hub going forward.")
    assert {f.category for f in findings} == {"stigma", "jargon"}
    settings, problems = ClientSettings.from_client(
        {"severity": "warning", "categories": ["stigma"]}
    )
    assert problems == []
    shown = settings.shown(findings)
    assert shown and all(f.category == "stigma" and f.rank >= 2 for f in shown)
    _, problems = ClientSettings.from_client({"severity": "loud", "categories": "stigma"})
    assert len(problems) == 2


def test_without_pygls_the_command_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pygls", None)
    assert main(["lsp"]) == 2
    error = capsys.readouterr().err
    assert error == "plainwords: the language server needs pygls: pip install 'plainwords[lsp]'\n"


def test_a_buffer_is_checked_as_check_would_check_its_file(tmp_path):
    from plainwords.lsp.project import check, load_project

    config = tmp_path / ".plainwords.toml"
    config.write_text(
        'exclude = ["archive/**"]\n\n[[overrides]]\npaths = ["legal/**"]\ndisable = ["stigma"]\n',
        encoding="utf-8",
    )
    project = load_project(config, tmp_path)
    text = "Our service users met.\n"
    assert [f.rule for f in check(project, "notes.md", text)[1]] == ["service-user"]
    assert check(project, "archive/old.md", text)[1] == []
    assert check(project, "legal/terms.md", text)[1] == []


def test_a_broken_configuration_is_one_line_for_the_editor(tmp_path):
    from plainwords.lsp.project import ProjectError, load_project

    config = tmp_path / ".plainwords.toml"
    config.write_text("disable = 3\n", encoding="utf-8")
    with pytest.raises(ProjectError) as error:
        load_project(config, tmp_path)
    assert "disable" in str(error.value) and "\n" not in str(error.value)


def test_the_base_install_stays_light_and_the_extras_bring_the_server():
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    assert not any("pygls" in d for d in project["dependencies"])
    extras = project["optional-dependencies"]
    assert any(d.startswith("pygls") for d in extras["lsp"])

    def named(extra: str) -> set[str]:
        return {
            name
            for d in extras[extra]
            if d.startswith("plainwords[")
            for name in d.removeprefix("plainwords[").rstrip("]").split(",")
        }

    assert "lsp" in named("all") and "lsp" in named("test")
