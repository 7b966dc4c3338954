"""YAML that remembers where each value came from.

Lexicons and configuration are written by people, so every complaint about them must name the file
and line. PyYAML's safe loader drops positions; this loader keeps them on every mapping and list
while constructing nothing but plain data (it is a ``SafeLoader`` subclass).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainwords.errors import PlainwordsError

if TYPE_CHECKING:
    import yaml


class DataError(PlainwordsError):
    """A problem in a data file that the user must fix, reported as ``file:line: message``."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class LineDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@lru_cache(maxsize=1)
def _line_loader() -> type:
    """The loader class, made on first use: PyYAML is imported only when a YAML file is read, so
    a run that finds its compiled lexicon in the cache never imports it.

    libyaml's parser is used where PyYAML was built with it (its wheels are): about ten times
    faster than the pure-Python one, which matters on a first run that reads the shipped
    lexicons. Both keep positions and both construct with the same safe constructor."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _LineLoader(base):  # type: ignore[misc, valid-type]
        """A safe loader that records positions; it constructs only plain data."""

    tags = yaml.resolver.BaseResolver
    _LineLoader.add_constructor(tags.DEFAULT_MAPPING_TAG, _construct_mapping)
    _LineLoader.add_constructor(tags.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return _LineLoader


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    import yaml

    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word or number", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def load_yaml_text(text: str, path: str | Path) -> Any:
    """Parse YAML text safely, turning syntax errors into a ``DataError`` with a line."""
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or error.context or "invalid YAML"
        raise DataError(path, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise DataError(path, None, f"invalid YAML: {error}") from None


def load_yaml_file(path: str | Path) -> Any:
    """Read and parse a YAML file; unreadable or undecodable files become a ``DataError``."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(path, None, "file not found") from None
    except UnicodeDecodeError:
        raise DataError(path, None, "not UTF-8 text; save the file as UTF-8") from None
    except OSError as error:
        raise DataError(path, None, f"cannot read: {error.strerror or error}") from None
    return load_yaml_text(text, path)
