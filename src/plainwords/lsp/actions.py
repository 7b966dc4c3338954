"""Code actions for the findings under the cursor, and "fix all" for the file.

- a quick fix per alternative, shaped to the sentence as ``plainwords fix`` writes it (number,
  form, case, over the finding's fix span), then one per alternative to consider; advice is not
  text to paste and gets none (the hover shows it);
- "disable here": a suppression comment in the document's own syntax (``comments``);
- "disable in this project": the entry added to the configuration's ``disable`` list
  (``project_config``);
- ``source.fixAll``: every swap ``plainwords fix`` would make, as one edit.

Every edit that silences something is checked first: the edited text is checked again and the
action offered only if exactly that entry's findings there are gone and nothing else changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types

from plainwords import fix
from plainwords.document import Document
from plainwords.findings import Finding
from plainwords.lsp.comments import Insertion, apply, suppression
from plainwords.lsp.diagnostics import diagnostic, span
from plainwords.lsp.positions import Positions
from plainwords.lsp.project_config import disable_edit

FIX_ALL = types.CodeActionKind.SourceFixAll
KINDS = [types.CodeActionKind.QuickFix, FIX_ALL]

# document text → its findings, as the server checks it (same path, same settings)
Check = Callable[[str], list[Finding]]


@dataclass(frozen=True)
class Context:
    """What the actions for one buffer need."""

    uri: str
    document: Document
    findings: Sequence[Finding]
    positions: Positions
    check: Check
    config_file: Path | None  # the project's configuration, if it has one
    config_text: str | None  # its current text (the editor's, if open there)
    root: Path  # where a new configuration would go
    uri_of: Callable[[Path], str]
    can_create_files: bool = False


def code_actions(
    context: Context, start: int, end: int, only: Sequence[str] | None
) -> list[types.CodeAction]:
    """The actions for the findings overlapping [start, end] (touching it, for an empty range)."""
    wanted = lambda kind: not only or any(kind == k or kind.startswith(k + ".") for k in only)  # noqa: E731
    actions: list[types.CodeAction] = []
    if wanted(types.CodeActionKind.QuickFix):
        for finding in context.findings:
            if finding.start <= end and start <= finding.end:
                actions += quick_fixes(context, finding)
                actions += disable_actions(context, finding)
    if wanted(FIX_ALL):
        fix_all = fix_all_action(context)
        if fix_all:
            actions.append(fix_all)
    return actions


def quick_fixes(context: Context, finding: Finding) -> list[types.CodeAction]:
    """One per alternative shaped for the sentence, then one per alternative to consider (right
    only in some sentences), each replacing the finding's fix span."""
    found = diagnostic(finding, context.positions)
    actions: list[types.CodeAction] = []
    current = context.document.text[finding.fix_start : finding.fix_end]
    offers = [(a, "") for a in finding.alternatives] + [
        (c, " (check it fits)") for c in finding.consider
    ]
    for text, note in offers:
        if text == current:
            continue
        actions.append(
            types.CodeAction(
                title=f"Replace with “{text}”{note}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[found],
                is_preferred=not actions and fix.is_safe(finding),
                edit=_text_edits(context, [(finding.fix_start, finding.fix_end, text)]),
            )
        )
    return actions


def disable_actions(context: Context, finding: Finding) -> list[types.CodeAction]:
    found = diagnostic(finding, context.positions)
    actions: list[types.CodeAction] = []
    insertions = suppression(context.document, finding)
    if _silences(context, finding, apply(context.document.text, insertions)):
        actions.append(
            types.CodeAction(
                title=f"Disable {finding.rule} here",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[found],
                edit=_text_edits(context, [(i.offset, i.offset, i.text) for i in insertions]),
            )
        )
    edit = disable_edit(context.config_file, context.config_text, context.root, finding.rule)
    if edit is not None and (context.can_create_files or not edit.created):
        actions.append(
            types.CodeAction(
                title=f"Disable {finding.rule} in this project ({edit.path.name})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[found],
                edit=_config_edit(context, edit.path, edit.created, edit.insertion),
            )
        )
    return actions


def fix_all_action(context: Context) -> types.CodeAction | None:
    """Every safe swap in the file, as ``plainwords fix`` makes them; ``None`` if there is none."""
    document = context.document

    def check(again: Document) -> list[Finding]:
        return context.check(again.text)

    fixed = fix.fix_document(document, context.findings, check)
    if not fixed.changed:
        return None
    edits = [(c.start, c.end, c.after) for c in fixed.changes]
    count = len(edits)
    return types.CodeAction(
        title=f"Fix all plainwords swaps in this file ({count} change{'s' if count != 1 else ''})",
        kind=FIX_ALL,
        edit=_text_edits(context, edits),
    )


def _silences(context: Context, finding: Finding, edited: str) -> bool:
    """Whether checking ``edited`` finds the same as before except fewer of ``finding``'s entry,
    at least this one fewer."""
    before = Counter((f.rule, f.text) for f in context.findings)
    after = Counter((f.rule, f.text) for f in context.check(edited))
    ours = (finding.rule, finding.text)
    others_same = {k: v for k, v in before.items() if k[0] != finding.rule} == {
        k: v for k, v in after.items() if k[0] != finding.rule
    }
    return others_same and after[ours] < before[ours] and all(after[k] <= before[k] for k in after)


def _text_edits(context: Context, edits: list[tuple[int, int, str]]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(
        changes={
            context.uri: [
                types.TextEdit(range=span(context.positions, start, end), new_text=text)
                for start, end, text in edits
            ]
        }
    )


def _config_edit(
    context: Context, path: Path, created: bool, insertion: Insertion
) -> types.WorkspaceEdit:
    uri = context.uri_of(path)
    if created:
        empty = types.Range(types.Position(0, 0), types.Position(0, 0))
        return types.WorkspaceEdit(
            document_changes=[
                types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)),
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(
                        uri=uri, version=None
                    ),
                    edits=[types.TextEdit(range=empty, new_text=insertion.text)],
                ),
            ]
        )
    positions = Positions(context.config_text or "", context.positions.encoding)
    at = span(positions, insertion.offset, insertion.offset)
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=at, new_text=insertion.text)]})
