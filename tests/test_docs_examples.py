"""The examples in the docs are valid (configuration, suppressions) and what docs/maintainers.md
says about the property suites is what the suites do, so neither can rot."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plainwords.config import load_config

DOCS = Path(__file__).resolve().parents[1] / "docs"
BLOCK = re.compile(r"```(toml|yaml)\n(.*?)```", re.DOTALL)


def examples():
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    return [(kind, body) for kind, body in BLOCK.findall(text)]


def test_there_are_examples_of_both_kinds():
    assert {kind for kind, _ in examples()} == {"toml", "yaml"}


@pytest.mark.parametrize(("kind", "body"), examples())
def test_each_configuration_example_loads(tmp_path, kind, body):
    name = "pyproject.toml" if "[tool.plainwords]" in body else f".plainwords.{kind}"
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    config = load_config(path)
    assert config.disable or config.overrides


def test_the_suppression_examples_in_formats_md_silence_what_they_say(linter):
    from plainwords.readers.markdown import read_markdown
    from plainwords.readers.rst import read_rst
    from plainwords.readers.text import read_text

    text = (DOCS / "formats.md").read_text(encoding="utf-8")
    blocks: dict[str, list[str]] = {}
    for kind, body in re.findall(r"```(markdown|text|rst)\n(.*?)```", text, re.DOTALL):
        blocks.setdefault(kind, []).append(body)
    examples = [
        read_markdown("x.md", blocks["markdown"][0]),
        read_rst("x.rst", blocks["rst"][0]),
        read_text("x.txt", blocks["text"][0]),
    ]
    for document in examples:
        assert document.suppressions
        assert linter.check(document) == [], document.path
        # Without the comments the same text has findings.
        assert linter.check(read_text("plain.txt", document.lint_text.replace("plainwords-", "")))


# --- docs/maintainers.md: the long fuzz run -----------------------------------------------------

MAINTAINERS = (DOCS / "maintainers.md").read_text(encoding="utf-8")
TESTS = DOCS.parent / "tests"


def _suites() -> list[str]:
    """The test modules the page's table names, in order."""
    return re.findall(r"^\| `tests/(test_\w+)\.py` \|", MAINTAINERS, re.MULTILINE)


def test_the_long_run_command_names_every_suite_and_the_variable_the_tests_read():
    from property_documents import ENVIRONMENT_VARIABLE

    suites = _suites()
    assert len(suites) >= 5
    (command,) = re.findall(r"```sh\n(.*?)\n```", MAINTAINERS, re.DOTALL)
    assert command.startswith(f"{ENVIRONMENT_VARIABLE}=5000 pytest ")
    assert command.split()[2:] == [f"tests/{name}.py" for name in suites]


@pytest.mark.parametrize("name", _suites())
def test_every_hypothesis_setting_in_a_named_suite_reads_the_variable(name):
    """Statically, every ``settings(...)`` in the module (nested ones too) takes its
    ``max_examples`` from ``examples(...)``."""
    import ast

    tree = ast.parse((TESTS / f"{name}.py").read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "settings"
    ]
    assert calls, f"{name} has no Hypothesis settings"
    for call in calls:
        (count,) = [k.value for k in call.keywords if k.arg == "max_examples"]
        assert isinstance(count, ast.Call) and count.func.id == "examples", ast.unparse(call)


def test_the_variable_really_sets_the_count_of_the_named_suites():
    """At run time, with the variable set, each named module's Hypothesis tests run that many
    examples (checked in a fresh interpreter, where the modules read the environment)."""
    from property_documents import ENVIRONMENT_VARIABLE

    script = (
        "import importlib, json, sys\n"
        "counts = {}\n"
        "for name in sys.argv[1:]:\n"
        "    module = importlib.import_module(name)\n"
        "    counts[name] = sorted(\n"
        "        {getattr(t, '_hypothesis_internal_use_settings').max_examples\n"
        "         for t in vars(module).values() if hasattr(t, 'hypothesis')})\n"
        "print(json.dumps(counts))\n"
    )
    environment = {
        **os.environ,
        ENVIRONMENT_VARIABLE: "7",
        "PYTHONPATH": os.pathsep.join([str(TESTS), str(TESTS.parent / "src")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", script, *_suites()],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    # Every module-level property test runs 7; test_prefilter builds its property inside its
    # test (from the session's lexicon), which the static check above covers.
    assert {name: value for name, value in counts.items() if value} == {
        name: [7] for name in _suites() if name != "test_prefilter"
    }
    assert counts["test_prefilter"] == []


def test_the_readme_shows_what_check_prints_on_the_example(capsys, monkeypatch):
    """The transcript at the top of the README is the real report, line for line."""
    from plainwords.cli import main

    root = DOCS.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"```text\n\$ plainwords check (\S+)\n(.*?)```", readme, re.DOTALL)
    assert shown is not None
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", shown.group(1)])
    printed = capsys.readouterr().out.splitlines()
    lines = [line for line in shown.group(2).splitlines() if line != "…"]
    assert lines and all(line in printed for line in lines), [x for x in lines if x not in printed]
