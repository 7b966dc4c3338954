"""Project configuration: ``[tool.plainwords]`` in pyproject.toml, or .plainwords.toml/.yaml.

Found by walking up from the working directory (or named with ``--config``). Every key is
validated; an unknown key or a bad value stops the run with the file and key named, because a
silently ignored setting in a gate is worse than a loud one.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plainwords.errors import ConfigError
from plainwords.lexicon import SEVERITIES
from plainwords.yamlfile import DataError, LineDict, load_yaml_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILES = (".plainwords.toml", ".plainwords.yaml", ".plainwords.yml", "pyproject.toml")
FAIL_ON = ("error", "warning", "suggestion", "never")


@dataclass(frozen=True)
class Override:
    """Settings for files matching ``paths`` globs."""

    paths: tuple[str, ...]
    disable: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    lexicons: tuple[str, ...] = ()  # extra lexicon files, resolved relative to the config file
    builtin: tuple[str, ...] = ("stigma", "jargon")
    disable: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str = "warning"
    model: str | None = None
    include_mentions: bool = False
    skip_quotations: bool = False
    overrides: tuple[Override, ...] = ()
    path: str | None = None  # the file this came from


_KEYS = {
    "lexicons": "list",
    "builtin": "list",
    "disable": "list",
    "allow": "list",
    "severity": "severity",
    "include": "list",
    "exclude": "list",
    "fail_on": "fail_on",
    "model": "str",
    "include_mentions": "bool",
    "skip_quotations": "bool",
    "overrides": "overrides",
}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above ``start``; pyproject.toml only counts with a
    ``[tool.plainwords]`` table."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    text = candidate.read_text(encoding="utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    continue
                if _plainwords_table(candidate, text) is None:
                    continue
            return candidate
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file (``None``: the defaults); any problem is a
    ``ConfigError`` naming the file, the line where known, and the key."""
    if path is None:
        return Config()
    try:
        raw, lines = _read(path)
        return parse_config(raw, str(path), lines, base=path.parent)
    except DataError as error:
        raise ConfigError([error]) from None


def _read(path: Path) -> tuple[dict[str, Any], LineDict | None]:
    if path.suffix in (".yaml", ".yml"):
        data = load_yaml_file(path)
        if data is None:
            return {}, None
        if not isinstance(data, LineDict):
            raise DataError(path, 1, "the configuration must be a mapping of settings")
        return data, data
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(path, None, "configuration file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(path, None, f"cannot read: {error}") from None
    if path.name == "pyproject.toml":
        return _plainwords_table(path, text) or {}, None
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        raise _invalid_toml(path, text, error) from None


def _invalid_toml(path: Path, text: str, error: Exception) -> DataError:
    """``file:line: invalid TOML``; Python before 3.14 gives the line only inside the message
    ("at line 3", or "at end of document": the last line)."""
    line = getattr(error, "lineno", None)
    if line is None:
        found = re.search(r"at line (\d+)", str(error))
        line = int(found.group(1)) if found else len(text.splitlines()) or None
    return DataError(path, line, f"invalid TOML: {error}")


def _plainwords_table(path: Path, text: str) -> dict[str, Any] | None:
    """A pyproject.toml's ``[tool.plainwords]`` table, or ``None`` if it has none.

    A file that is not valid TOML is an error as soon as it mentions plainwords: ignoring it
    would silently drop the team's settings. One that never does belongs to other tools and is
    passed over. ``tool`` that is not a table is an error either way (no tool could read it).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        if "plainwords" not in text:
            return None
        raise _invalid_toml(path, text, error) from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise DataError(path, _line_of_key(text, "tool"), "'tool' must be a table ([tool.NAME])")
    if "plainwords" not in tool:
        return None
    if not isinstance(tool["plainwords"], dict):
        raise DataError(path, None, "[tool.plainwords] must be a table")
    return tool["plainwords"]


def _line_of_key(text: str, key: str) -> int | None:
    found = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else None


def parse_config(
    raw: dict[str, Any], path: str, lines: LineDict | None = None, *, base: Path | None = None
) -> Config:
    values: dict[str, Any] = {}

    def fail(key: str, message: str) -> DataError:
        line = lines.line_of(key) if lines is not None else None
        prefix = "[tool.plainwords] " if path.endswith("pyproject.toml") else ""
        return DataError(path, line, f"{prefix}{key}: {message}")

    for key, value in raw.items():
        kind = _KEYS.get(key)
        if kind is None:
            raise fail(key, f"unknown setting (known: {', '.join(sorted(_KEYS))})")
        values[key] = _validate(key, kind, value, fail)
    if base is not None and "lexicons" in values:
        values["lexicons"] = tuple(
            str(base / p) if not Path(p).is_absolute() else p for p in values["lexicons"]
        )
    return Config(path=path, **values)


def _validate(key: str, kind: str, value: Any, fail) -> Any:
    if kind == "list":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(key, "must be a list of text")
        return tuple(value)
    if kind == "str":
        if not isinstance(value, str) or not value.strip():
            raise fail(key, "must be text")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise fail(key, "must be true or false")
        return value
    if kind == "fail_on":
        if value not in FAIL_ON:
            raise fail(key, f"must be one of {', '.join(FAIL_ON)}")
        return value
    if kind == "severity":
        if not isinstance(value, dict):
            raise fail(key, "must map entry ids, categories or topics to a severity")
        for name, level in value.items():
            if level not in SEVERITIES:
                raise fail(key, f"{name!r} must be one of {', '.join(SEVERITIES)}, not {level!r}")
        return dict(value)
    if kind == "overrides":
        if not isinstance(value, list):
            raise fail(key, "must be a list of tables, each with 'paths'")
        overrides = []
        for item in value:
            if not isinstance(item, dict) or "paths" not in item:
                raise fail(key, "each override needs 'paths' (a list of globs)")
            unknown = set(item) - {"paths", "disable", "allow", "severity"}
            if unknown:
                raise fail(key, f"unknown setting {sorted(unknown)[0]!r} in an override")
            overrides.append(
                Override(
                    paths=_validate(f"{key}.paths", "list", item["paths"], fail),
                    disable=_validate(f"{key}.disable", "list", item.get("disable", []), fail),
                    allow=_validate(f"{key}.allow", "list", item.get("allow", []), fail),
                    severity=_validate(
                        f"{key}.severity", "severity", item.get("severity", {}), fail
                    ),
                )
            )
        return tuple(overrides)
    raise AssertionError(kind)


def line_of(path: str, name: str) -> int | None:
    """The first line of a configuration file that names ``name`` as a whole word, for messages
    about it (TOML keeps no positions). In a pyproject.toml only the plainwords tables count."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    pyproject = path.endswith("pyproject.toml")
    ours = not pyproject
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if pyproject and stripped.startswith("["):
            ours = stripped.lstrip("[").startswith("tool.plainwords")
        if ours and not stripped.startswith("#") and word.search(line):
            return number
    return None
