"""Frozen dataclasses to JSON-ready data and back, guided by their type hints.

A saved pipeline (``nlp.to_disk``) stores the component's lexicon as JSON beside spaCy's own files,
so it can be loaded on another machine with nothing but plainwords installed, and read by a person.
The conversion follows the dataclasses' own declarations, so a field added to ``Entry`` is saved
and loaded without touching this module; JSON (never pickle) means a saved pipeline from someone
else cannot run code when it is loaded.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any


def to_data(value: Any) -> Any:
    """Dataclasses as dicts of their fields, tuples and sets as lists (sets sorted, so the
    output is stable), everything else as it is."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (frozenset, set)):
        return sorted((to_data(item) for item in value), key=repr)
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    return value


def from_data(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a dataclass or a typing form such as ``tuple[X, ...]``)
    from ``to_data``'s output."""
    return _build(kind, data)


def _build(hint: Any, data: Any) -> Any:
    if data is None or hint is Any:
        return data
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        known = {f.name for f in dataclasses.fields(hint)}
        return hint(**{k: _build(hints[k], v) for k, v in data.items() if k in known})
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in arguments if a is not type(None)]
        return _build(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return tuple(_build(arguments[0], item) for item in data)
        return tuple(_build(a, item) for a, item in zip(arguments, data, strict=True))
    if origin in (frozenset, set):
        return origin(_build(arguments[0], item) for item in data)
    if origin is dict:
        return {key: _build(arguments[1], item) for key, item in data.items()}
    if origin is list:
        return [_build(arguments[0], item) for item in data]
    return data
