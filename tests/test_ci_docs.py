"""docs/ci.md is copied into other people's repositories: its snippets must at least parse and
name hooks and formats that exist."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from plainwords.reporters import FORMATS

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)


def test_every_yaml_snippet_parses():
    assert len(BLOCKS) >= 4
    for block in BLOCKS:
        assert isinstance(yaml.safe_load(block), dict)


def test_snippets_name_real_hooks_and_formats():
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook_ids = {hook["id"] for hook in manifest}
    config = yaml.safe_load(BLOCKS[0])
    assert {hook["id"] for repo in config["repos"] for hook in repo["hooks"]} <= hook_ids
    for used in re.findall(r"--format ([a-z]+)", DOC):
        assert used in FORMATS
    for name in FORMATS:
        assert f"| `{name}` |" in DOC


def test_the_project_checks_its_own_docs_and_code():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "plainwords"} <= set(hooks)
    assert re.search(hooks["plainwords"]["files"], "docs/ci.md")
    assert re.search(hooks["plainwords"]["files"], "README.md")
