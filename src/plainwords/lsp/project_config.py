"""Turning an entry off for the whole project: the smallest insertion into the configuration file
that adds an entry id to its ``disable`` list, in the file's own format (TOML or YAML), or a new
``.plainwords.toml`` where the project has none.

The file's text is edited, not rewritten from data, so its comments and layout survive; the result
is parsed again and offered only if its settings are exactly the old ones with the id added.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from plainwords.commands.init import FILENAME
from plainwords.lsp.comments import Insertion, apply

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)
_TOOL_TABLE = re.compile(
    r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*plainwords[ \t]*\][^\n]*\n?", re.MULTILINE
)
_TOML_DISABLE = re.compile(r"^[ \t]*disable[ \t]*=[ \t]*(?=\[)", re.MULTILINE)
_YAML_DISABLE = re.compile(r"^disable[ \t]*:[ \t]*", re.MULTILINE)
_YAML_ITEM = re.compile(r"([ \t]*)-[ \t][^\n]*")


@dataclass(frozen=True)
class ConfigEdit:
    """An insertion into ``path``; ``created`` when the file does not exist yet."""

    path: Path
    created: bool
    insertion: Insertion


def disable_edit(
    config_file: Path | None, text: str | None, root: Path, rule: str
) -> ConfigEdit | None:
    """The edit that disables ``rule`` in ``config_file`` (whose current text is ``text``), or a
    new file in ``root``; ``None`` when the file cannot be edited safely (then the user edits it)."""
    if config_file is None:
        return ConfigEdit(root / FILENAME, True, Insertion(0, f'disable = ["{rule}"]\n'))
    if text is None:
        return None
    if config_file.suffix in (".yaml", ".yml"):
        insertion = _yaml_insertion(text, rule)
    else:
        insertion = _toml_insertion(text, rule, in_pyproject=config_file.name == "pyproject.toml")
    if insertion is None or not _only_adds(config_file.name, text, apply(text, [insertion]), rule):
        return None
    return ConfigEdit(config_file, False, insertion)


def _toml_insertion(text: str, rule: str, *, in_pyproject: bool) -> Insertion | None:
    if in_pyproject:
        table = _TOOL_TABLE.search(text)
        if table is None:
            return None
        start = table.end()
    else:
        start = 0
    following = _HEADER.search(text, start)
    end = following.start() if following else len(text)
    key = _TOML_DISABLE.search(text, start, end)
    if key is None:
        line = f'disable = ["{rule}"]\n'
        if in_pyproject:
            return Insertion(start, line if text[start - 1 : start] == "\n" else "\n" + line)
        at = end
        return Insertion(at, line if at == 0 or text[at - 1] == "\n" else "\n" + line)
    return _into_array(text, key.end(), rule)


def _yaml_insertion(text: str, rule: str) -> Insertion | None:
    key = _YAML_DISABLE.search(text)
    if key is None:
        line = f'disable: ["{rule}"]\n'
        return Insertion(len(text), line if not text or text.endswith("\n") else "\n" + line)
    line_end = text.find("\n", key.end())
    line_end = len(text) if line_end < 0 else line_end
    rest = text[key.end() : line_end]
    if rest.startswith("["):
        return _into_array(text, key.end(), rule)
    if rest.strip() and not rest.startswith("#"):
        return None  # a single name, or something that is not a list
    last_item = None
    cursor = line_end + 1
    while cursor < len(text) and (item := _YAML_ITEM.match(text, cursor)):
        last_item, cursor = item, item.end() + 1
    if last_item is None:
        return Insertion(key.end(), f'["{rule}"]' + (" " if rest else ""))
    return Insertion(last_item.end(), f'\n{last_item.group(1)}- "{rule}"')


def _into_array(text: str, start: int, rule: str) -> Insertion | None:
    """Before the ``]`` closing the array that opens at ``start``: after its last value, with a
    comma where one is needed. Strings and comments are skipped, so a ``]`` in either is not
    taken for the end."""
    last_significant = start  # the "[" itself
    index = start + 1
    while index < len(text):
        char = text[index]
        if char in "\"'":
            close = _string_end(text, index)
            if close is None:
                return None
            last_significant, index = close - 1, close
            continue
        if char == "#":
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
            continue
        if char == "]":
            after = text[last_significant]
            if after == "[":
                return Insertion(last_significant + 1, f'"{rule}"')
            if after == ",":
                return Insertion(last_significant + 1, f' "{rule}"')
            return Insertion(last_significant + 1, f', "{rule}"')
        if char == "[":
            return None  # a nested array is not a list of names
        if not char.isspace():
            last_significant = index
        index += 1
    return None


def _string_end(text: str, start: int) -> int | None:
    quote = text[start]
    index = start + 1
    while index < len(text):
        if text[index] == "\\" and quote == '"':
            index += 2
            continue
        if text[index] == quote:
            return index + 1
        if text[index] == "\n":
            return None
        index += 1
    return None


def _only_adds(name: str, before: str, after: str, rule: str) -> bool:
    """Whether ``after``'s settings are ``before``'s with ``rule`` added to ``disable``."""
    try:
        old, new = _settings(name, before), _settings(name, after)
    except (tomllib.TOMLDecodeError, yaml.YAMLError, TypeError):
        return False
    if not isinstance(old, dict) or not isinstance(new, dict):
        return False
    expected = {**old, "disable": [*(old.get("disable") or []), rule]}
    return new == expected


def _settings(name: str, text: str) -> Any:
    if name.endswith((".yaml", ".yml")):
        data = yaml.safe_load(text)
        return {} if data is None else data
    data = tomllib.loads(text)
    return data.get("tool", {}).get("plainwords") if name == "pyproject.toml" else data
