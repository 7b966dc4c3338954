"""Assertions shared by the format tests: every finding points at exactly the source it quotes."""

from __future__ import annotations

import re

from plainwords.document import Document

_BREAK = re.compile(r"\r\n|\r|\n")


def offset_of(text: str, line: int, column: int) -> int:
    """The offset of a 1-based line and column, counted independently of ``LineIndex``."""
    lines = _BREAK.split(text)
    starts, offset = [], 0
    for line_text, brk in zip(lines, [*_BREAK.findall(text), ""], strict=True):
        starts.append(offset)
        offset += len(line_text) + len(brk)
    return starts[line - 1] + column - 1


def text_at(text: str, line: int, column: int, length: int) -> str:
    """The ``length`` characters at a 1-based line and column."""
    start = offset_of(text, line, column)
    return text[start : start + length]


def assert_exact(document: Document, findings) -> None:
    for finding in findings:
        assert finding.text == document.text[finding.start : finding.end], finding
        assert (
            text_at(document.text, finding.line, finding.column, len(finding.text)) == finding.text
        ), finding
        assert offset_of(document.text, finding.line, finding.column) == finding.start, finding
        assert offset_of(document.text, finding.end_line, finding.end_column) == finding.end, (
            finding
        )


def found(linter, document: Document) -> list[tuple[int, int, str, str]]:
    """(line, column, rule, text) for each finding, after checking each is exact."""
    findings = linter.check(document)
    assert_exact(document, findings)
    return [(f.line, f.column, f.rule, f.text) for f in findings]


def rules(linter, document: Document) -> list[str]:
    return [rule for _, _, rule, _ in found(linter, document)]
