"""Which lines of which files a change touched, and so which findings a change introduced.

``--changed-since REF`` and ``--diff-only`` report only findings on added or changed lines, the
way a reviewer reads a pull request. This module reads a unified diff (``git diff -U0`` or any
other, with or without context lines) into the new-side line numbers of each file, and keeps the
findings that touch them. Running git is ``plainwords.gitdiff``'s job; this one is pure.

A line here is what git counts: text up to a line feed. A finding is placed by counting line
feeds before its offsets in the document's own text, not by its reported line (which also ends
lines at a lone carriage return), so old Mac files and CRLF files are matched exactly. The
findings themselves are not changed: their offsets, lines and columns are the full run's.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from plainwords.document import Document
from plainwords.findings import Finding

_HUNK = re.compile(rb"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_FEED = re.compile("\n")
_BINARY = re.compile(rb"^Binary files (.*) and (.*) differ$")
_ESCAPES = {
    ord("a"): 7,
    ord("b"): 8,
    ord("t"): 9,
    ord("n"): 10,
    ord("v"): 11,
    ord("f"): 12,
    ord("r"): 13,
    ord('"'): 34,
    ord("\\"): 92,
}


@dataclass(frozen=True)
class ChangedLines:
    """The changed lines of one file (1-based, as git counts them), or the whole file
    (untracked, binary: git cannot say which lines)."""

    lines: frozenset[int] = frozenset()
    whole: bool = False

    def touches(self, first: int, last: int) -> bool:
        if self.whole:
            return True
        if last - first < len(self.lines):
            return any(line in self.lines for line in range(first, last + 1))
        return any(first <= line <= last for line in self.lines)


WHOLE = ChangedLines(whole=True)


@dataclass(frozen=True)
class Changes:
    """The changed lines per file, keyed by the file's real absolute path."""

    files: Mapping[str, ChangedLines] = field(default_factory=dict)

    @staticmethod
    def key(path: str) -> str:
        """How a path is looked up: absolute, symlinks resolved, as the file system has it."""
        return os.path.realpath(path)

    def of(self, path: str) -> ChangedLines | None:
        return self.files.get(self.key(path))

    def keep(self, document: Document, findings: Iterable[Finding]) -> list[Finding]:
        """The findings that touch a changed line of the document (none for a file the change
        did not touch)."""
        changed = self.of(document.path)
        findings = list(findings)
        if changed is None or not findings:
            return []
        if changed.whole:
            return findings
        feeds = [match.start() for match in _FEED.finditer(document.text)]

        def line(offset: int) -> int:
            return bisect_left(feeds, offset) + 1

        return [
            f for f in findings if changed.touches(line(f.start), line(max(f.end - 1, f.start)))
        ]

    def filtered(
        self, results: Iterable[tuple[Document, list[Finding]]]
    ) -> Iterator[tuple[Document, list[Finding]]]:
        """A run's results with only the findings on changed lines."""
        for document, findings in results:
            yield document, self.keep(document, findings)

    def checker(
        self, check: Callable[[Document], list[Finding]]
    ) -> Callable[[Document], list[Finding]]:
        """``check`` reporting only changed lines: ``fix`` re-checks a fixed text with it, so
        it never fixes a line the change did not touch. A swap never adds or removes a line
        feed, so the fixed text's lines are the original's."""
        return lambda document: self.keep(document, check(document))

    def within(self, found: Iterable[str]) -> list[str]:
        """Of the files a run would read (``found``), those the change touched.
        Standard input and paths that do not exist are kept, so the reader can say so."""
        return [
            path
            for path in found
            if path == "-" or not os.path.lexists(path) or self.of(path) is not None
        ]


def parse_diff(diff: bytes, root: str) -> dict[str, ChangedLines]:
    """The new-side lines each file gains in a unified diff, keyed by real absolute path.

    Paths are relative to ``root`` (git writes them from the top of the repository). Deleted
    files and pure deletions add nothing; a pure rename adds nothing; a binary file that
    changed counts as wholly changed. Hunks are walked line by line (not trusted from their
    headers alone), so a diff with context lines works as well as ``-U0``.
    """
    found: dict[str, set[int] | None] = {}
    path: str | None = None
    header: str | None = None
    old_side: bytes | None = None
    new_left = old_left = 0
    line_number = 0
    for raw in diff.split(b"\n"):
        if new_left > 0 or old_left > 0:
            mark = raw[:1]
            if mark == b"+":
                if path is not None:
                    lines = found.setdefault(path, set())
                    if lines is not None:
                        lines.add(line_number)
                line_number += 1
                new_left -= 1
                continue
            if mark == b"-":
                old_left -= 1
                continue
            if mark in (b" ", b""):
                line_number += 1
                new_left -= 1
                old_left -= 1
                continue
            if mark == b"\\":
                continue
            new_left = old_left = 0  # a short hunk: read the line as a header
        if raw.startswith(b"\\"):
            continue
        if raw.startswith(b"diff --git "):
            header = _new_path_of_git_header(raw[len(b"diff --git ") :])
            path, old_side = header, None
        elif raw.startswith((b"rename to ", b"copy to ")):
            path = header = _unquote(raw.split(b" ", 2)[2])
        elif raw.startswith(b"--- "):
            old_side = _strip_timestamp(raw[4:])
        elif raw.startswith(b"+++ "):
            new_side = _strip_timestamp(raw[4:])
            if new_side == b"/dev/null":
                path = None
            else:
                old_name = None if old_side is None else _unquote(old_side)
                prefixed = old_name in (None, "/dev/null") or old_name.startswith("a/")
                name = _unquote(new_side)
                path = name[2:] if prefixed and name.startswith("b/") else name
        elif match := _HUNK.match(raw):
            old_left = int(match.group(1) or b"1")
            line_number = int(match.group(2))
            new_left = int(match.group(3) or b"1")
        elif (match := _BINARY.match(raw)) and match.group(2) != b"/dev/null":
            found[header or _strip_prefix(_unquote(match.group(2)), "b/")] = None
    return {
        os.path.realpath(os.path.join(root, name)): (
            WHOLE if lines is None else ChangedLines(frozenset(lines))
        )
        for name, lines in found.items()
    }


def _new_path_of_git_header(rest: bytes) -> str | None:
    """``a/X b/X`` → ``X``. A header alone is ambiguous when names hold spaces; both halves
    are the same file unless it was renamed (then ``rename to`` names it), so split there."""
    if rest.startswith(b'"'):
        parts = re.findall(rb'"(?:[^"\\]|\\.)*"|\S+', rest)
        return _strip_prefix(_unquote(parts[-1]), "b/") if len(parts) == 2 else None
    half = (len(rest) - 1) // 2
    old, new = rest[:half], rest[half + 1 :]
    if old[2:] == new[2:] and rest[half : half + 1] == b" ":
        return _strip_prefix(_unquote(new), "b/")
    return None


def _strip_prefix(name: str, prefix: str) -> str:
    return name[len(prefix) :] if name.startswith(prefix) else name


def _strip_timestamp(side: bytes) -> bytes:
    """``name\\t2024-01-01 …`` (as ``diff -u`` writes it) → ``name``."""
    return side.split(b"\t", 1)[0] if not side.startswith(b'"') else side


def _unquote(name: bytes) -> str:
    """A path as git writes it: as is, or in C-style quotes with escapes and octal bytes."""
    if not (name.startswith(b'"') and name.endswith(b'"') and len(name) >= 2):
        return os.fsdecode(name)
    body, out, index = name[1:-1], bytearray(), 0
    while index < len(body):
        byte = body[index]
        if byte == 92 and index + 1 < len(body):  # backslash
            following = body[index + 1]
            if 48 <= following <= 55 and index + 4 <= len(body):
                out.append(int(body[index + 1 : index + 4], 8))
                index += 4
                continue
            out.append(_ESCAPES.get(following, following))
            index += 2
            continue
        out.append(byte)
        index += 1
    return os.fsdecode(bytes(out))
