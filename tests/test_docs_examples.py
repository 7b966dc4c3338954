"""The configuration examples in the docs are valid configuration, so they cannot rot."""

from __future__ import annotations

import re
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
