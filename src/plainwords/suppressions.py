"""Suppression comments: the words every format shares, and how they become line ranges.

Each reader finds comments in its own syntax (``<!-- ... -->`` in Markdown and HTML, ``.. ...`` in
reStructuredText, anywhere on a line in plain text) and hands their text and lines to this module,
so the directive words, the rule-name syntax and the region rules are the same everywhere:

- ``plainwords-disable-line [names]``: the line(s) the comment is on;
- ``plainwords-disable-next-line [names]``: the next non-blank line after the comment;
- ``plainwords-disable [names]`` … ``plainwords-enable [names]``: a region (to the end of the file
  when never enabled again).

Names are entry ids or categories, separated by spaces or commas; none means every rule.
Anything after `` -- `` is a reason for people and is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plainwords.document import Document, LineIndex, Suppression
from plainwords.errors import did_you_mean

if TYPE_CHECKING:
    from plainwords.lexicon import Lexicon

KINDS = ("disable-next-line", "disable-line", "disable", "enable")

DIRECTIVE = re.compile(
    r"(?<![\w-])plainwords-(disable-next-line|disable-line|disable|enable)(?![\w-])"
)
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
# Comment closers that may follow the names on the same line in other syntaxes.
_CLOSERS = re.compile(r"-->|\*/|#}|%}|--\s|--$")


@dataclass(frozen=True)
class Directive:
    """One suppression comment found by a reader: what it says and which lines it occupies."""

    kind: str
    rules: tuple[str, ...]
    first_line: int
    last_line: int


def parse_directive(comment: str) -> tuple[str, tuple[str, ...]] | None:
    """The directive in a comment's text, or ``None`` when the comment is not one.

    >>> parse_directive(" plainwords-disable-next-line hard-to-reach, jargon -- quoted title ")
    ('disable-next-line', ('hard-to-reach', 'jargon'))
    """
    match = DIRECTIVE.search(comment)
    if match is None:
        return None
    rest = comment[match.end() :]
    closer = _CLOSERS.search(rest)
    if closer:
        rest = rest[: closer.start()]
    rest = rest.split("\n", 1)[0].split("\r", 1)[0]
    names = []
    for word in re.split(r"[\s,]+", rest.strip()):
        if not word:
            continue
        if not _NAME.fullmatch(word):
            break
        names.append(word)
    return match.group(1), tuple(names)


def directive(comment: str, first_line: int, last_line: int | None = None) -> Directive | None:
    """A ``Directive`` for a comment on the given lines, or ``None``."""
    parsed = parse_directive(comment)
    if parsed is None:
        return None
    return Directive(
        parsed[0], parsed[1], first_line, last_line if last_line is not None else first_line
    )


def line_directives(text: str) -> list[Directive]:
    """Plain text: the directive words anywhere on a line (after ``#``, ``//`` or nothing)."""
    found = []
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if "plainwords-" in line:
            found_here = directive(line, number)
            if found_here:
                found.append(found_here)
    return found


def resolve(directives: Iterable[Directive], text: str) -> tuple[Suppression, ...]:
    """Turn directives (in any order) into ``Suppression`` line ranges over ``text``."""
    index = LineIndex(text)
    line_count = len(index.starts)
    result: list[Suppression] = []
    open_regions: list[Directive] = []

    def close(region: Directive, last_line: int) -> None:
        result.append(
            Suppression(region.first_line, last_line, region.rules, region.first_line, "disable")
        )

    for found in sorted(directives, key=lambda d: (d.first_line, d.last_line)):
        if found.kind == "disable-line":
            result.append(
                Suppression(
                    found.first_line, found.last_line, found.rules, found.first_line, found.kind
                )
            )
        elif found.kind == "disable-next-line":
            target = _next_non_blank(text, index, found.last_line + 1, line_count)
            # No line follows: the suppression covers nothing (and is reported as unused).
            first = target if target is not None else line_count + 1
            result.append(Suppression(first, first, found.rules, found.first_line, found.kind))
        elif found.kind == "disable":
            open_regions.append(found)
        else:  # enable
            closing = _regions_closed_by(found, open_regions)
            for region in closing:
                open_regions.remove(region)
                close(region, found.first_line)
    for region in open_regions:
        close(region, line_count)
    return tuple(sorted(result, key=lambda s: (s.line, s.first_line)))


def _regions_closed_by(enable: Directive, regions: list[Directive]) -> list[Directive]:
    """``enable`` alone ends every open region; ``enable NAMES`` ends the region opened with the
    same names, or failing that every region naming any of them."""
    if not enable.rules:
        return list(regions)
    same = [r for r in regions if set(r.rules) == set(enable.rules)]
    if same:
        return same
    return [r for r in regions if set(r.rules) & set(enable.rules)]


def _next_non_blank(text: str, index: LineIndex, line: int, line_count: int) -> int | None:
    while line <= line_count:
        start, end = index.line_span(line, text)
        if text[start:end].strip():
            return line
        line += 1
    return None


def describe(suppression: Suppression) -> str:
    """The comment as a person wrote it, for messages about it."""
    names = f" {' '.join(suppression.rules)}" if suppression.rules else ""
    return f"plainwords-{suppression.kind}{names}"


def unused_messages(unused: dict[str, tuple[Suppression, ...]]) -> list[str]:
    """One ``path:line: …`` line per suppression that silenced nothing, in path and line order."""
    return [
        f"{path}:{suppression.line}: unused-suppression: "
        f"'{describe(suppression)}' silenced nothing; remove it"
        for path in sorted(unused)
        for suppression in unused[path]
    ]


def nameable(lexicon: Lexicon) -> frozenset[str]:
    """What a suppression may name: the entry ids and categories of every loaded entry (those
    a configuration turns off included, so silencing one of them is no mistake)."""
    return frozenset(entry.id for entry in lexicon) | frozenset(lexicon.categories)


def unknown_names(document: Document, known: frozenset[str]) -> list[str]:
    """One ``path:line`` warning for each name a suppression gives that nothing has: such a
    comment silences nothing, while its writer believes it does."""
    return [
        f"{document.path}:{suppression.line}: suppression names {name!r}, which is not an entry "
        f"id or category{did_you_mean(name, known)}"
        for suppression in document.suppressions
        for name in suppression.rules
        if name not in known
    ]
