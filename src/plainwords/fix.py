"""Autofix: a document and its findings in, the rewritten text and a list of changes out.

Pure on purpose: nothing here reads or writes files, so ``fix``, ``check --fix``, ``--diff``, the
SARIF ``fixes``, the interactive chooser, the workshop page's "Apply safe fixes" and ``explain``'s
"after" sentence all share one definition of what a fix is. Writing the result back (encoding,
BOM, atomic replace) lives in ``plainwords.writing``.

A swap is applied unattended only where the entry says it is safe (``autofix: true``): a plain
English swap keeps the meaning, while a label for people usually needs a person's judgement.
The replacement takes the case of the words it replaces ("Utilise" → "Use") and, where
lemminflect can tell, their grammatical form ("utilised" → "used").
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from plainwords.document import Document
from plainwords.findings import Finding, moved
from plainwords.shaping import match_case, swap

__all__ = ["match_case", "swap"]  # where tests and older callers found them

# Container formats whose offsets point into extracted text, not into the file's bytes: their
# findings are reported as suggestions only, never written back.
UNWRITABLE_EXTENSIONS = frozenset({".docx", ".odt"})

# Characters that mean a match runs across markup ("in <b>order</b> to", "in &nbsp; order"):
# replacing such a span would delete the markup with the words, so it is left alone.
_MARKUP = re.compile(r"[<>&*_`\[\]{}|\\]")


@dataclass(frozen=True)
class Edit:
    """A decision to put ``after`` where a finding's text is."""

    finding: Finding
    after: str


@dataclass(frozen=True)
class Change:
    """One replacement made, for the ``path:line:col: before → after`` report."""

    path: str
    line: int
    column: int
    start: int
    end: int
    before: str
    after: str
    rule: str
    location: str | None = None

    def describe(self) -> str:
        where = (
            f"{self.location}, column {self.column}"
            if self.location
            else f"{self.line}:{self.column}"
        )
        return f"{self.path}:{where}: {self.before} → {self.after}"


@dataclass(frozen=True)
class Fixed:
    """The outcome of fixing one document."""

    text: str
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def is_writable(document: Document) -> bool:
    """Whether the document's text is the file's text (so offsets can be written back).

    Word and OpenDocument files are read by extracting paragraphs; their findings stay suggestions.
    """
    extension = os.path.splitext(document.path)[1].lower()
    return extension not in UNWRITABLE_EXTENSIONS and document.line_label is None


def is_safe(finding: Finding) -> bool:
    """A finding ``fix`` may rewrite without asking: a use of a safe entry in the writer's own
    words (not a mention, and not inside a quotation, whose words are someone else's) that has
    an alternative keeping the meaning in this sentence."""
    return (
        finding.entry.autofix
        and bool(finding.alternatives)
        and not finding.mention
        and not finding.quoted
    )


def replacement(finding: Finding, alternative: str | None = None) -> str:
    """The text to put over the finding's fix span: one of its shaped alternatives (by default
    the first)."""
    return alternative if alternative is not None else finding.alternatives[0]


def safe_edits(findings: Iterable[Finding]) -> list[Edit]:
    """Edits for every finding whose entry marks the swap safe."""
    return [Edit(f, replacement(f)) for f in findings if is_safe(f)]


def apply_edits(document: Document, edits: Sequence[Edit]) -> Fixed:
    """Rewrite ``document.text`` with the edits, left to right.

    An edit whose span overlaps one already applied, whose text no longer matches the document,
    or whose span has markup inside it, is left out, so the result never mangles a word or a
    tag; an edit that changes nothing is not reported.
    """
    pieces: list[str] = []
    changes: list[Change] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.finding.fix_start, e.finding.fix_end)):
        finding = edit.finding
        start, end = finding.fix_start, finding.fix_end
        if start < cursor or document.text[finding.start : finding.end] != finding.text:
            continue
        before = document.text[start:end]
        if _MARKUP.search(before):
            continue
        if edit.after == before:
            continue
        pieces.append(document.text[cursor:start])
        pieces.append(edit.after)
        cursor = end
        changes.append(
            Change(
                path=finding.path,
                line=finding.line,
                column=finding.column,
                start=start,
                end=end,
                before=before,
                after=edit.after,
                rule=finding.rule,
                location=finding.location,
            )
        )
    pieces.append(document.text[cursor:])
    return Fixed("".join(pieces), tuple(changes))


def fix_document(
    document: Document,
    findings: Iterable[Finding],
    check: Callable[[Document], list[Finding]] | None = None,
) -> Fixed:
    """Apply every safe swap to a document (nothing, for formats that cannot be written back).

    With ``check`` (document → findings), swaps that only become findings once the first ones
    are made are applied too, so one run leaves nothing for a second (see ``settled_edits``).
    """
    if not is_writable(document):
        return Fixed(document.text, ())
    findings = list(findings)
    edits = safe_edits(findings) if check is None else settled_edits(document, findings, check)
    return apply_edits(document, edits)


# Passes of re-checking after a fix; each can only uncover findings a condition held back.
_PASSES = 4


def settled_edits(
    document: Document, findings: Iterable[Finding], check: Callable[[Document], list[Finding]]
) -> list[Edit]:
    """The safe edits for a document, plus those its own fixes uncover, all in its offsets.

    An entry's context can hold a finding back: "in order to" is left alone just after
    "number" (sorting, not purpose), so in "a large number of people in order to hear them"
    only the first phrase is flagged. Once it becomes "many", the second is. The fixed text is
    read and checked again, and each new safe finding that lies outside every replacement is
    mapped back to the original text, until a pass adds nothing.
    """
    from plainwords.readers import reader_for

    edits = safe_edits(findings)
    for _ in range(_PASSES - 1):
        fixed = apply_edits(document, edits)
        if not fixed.changed:
            break
        again = reader_for(document.path)(
            document.path, fixed.text, encoding=document.encoding, bom=document.bom
        )
        taken = {(edit.finding.start, edit.finding.end) for edit in edits}
        new = [
            Edit(original, replacement(original))
            for finding in check(again)
            if is_safe(finding)
            for original in [_in_original(document, fixed, finding)]
            if original is not None and (original.start, original.end) not in taken
        ]
        if not new:
            break
        edits = edits + new
    return edits


def _in_original(document: Document, fixed: Fixed, finding: Finding) -> Finding | None:
    """A finding in the fixed text moved back to the original's offsets, or ``None`` when it
    touches a replacement (a fix of a fix is never chained)."""
    shift = 0
    for change in fixed.changes:
        start = change.start + shift
        end = start + len(change.after)
        if finding.start < end and start < finding.end:
            return None
        if finding.end <= start:
            break
        shift += len(change.after) - (change.end - change.start)
    begin, finish = finding.start - shift, finding.end - shift
    if document.text[begin:finish] != finding.text:
        return None
    return moved(finding, document, begin, finish)
