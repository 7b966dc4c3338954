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
from dataclasses import dataclass, replace
from functools import lru_cache

from plainwords.document import Document
from plainwords.findings import Finding, placement
from plainwords.forms import spellings
from plainwords.lexicon import Entry

# Container formats whose offsets point into extracted text, not into the file's bytes: their
# findings are reported as suggestions only, never written back.
UNWRITABLE_EXTENSIONS = frozenset({".docx", ".odt"})

_SPLIT = re.compile(r"[\s\-]+")
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
    words (not a mention, and not inside a quotation, whose words are someone else's)."""
    return (
        finding.entry.autofix
        and bool(finding.entry.alternatives)
        and not finding.mention
        and not finding.quoted
    )


def replacement(finding: Finding, alternative: str | None = None) -> str:
    """The text to put in place of a finding: the alternative (by default the entry's first),
    inflected to agree with the matched words and in their case.

    Where ``swap`` cannot tell the form (a closed-up spelling such as "priorto", or a plural
    label with a phrase for an alternative), the alternative is used as written, in the match's
    case.
    """
    chosen = alternative if alternative is not None else finding.entry.alternatives[0]
    swapped = swap(finding.text, finding.entry, chosen)
    return swapped if swapped is not None else _cased(finding.text, finding.entry, chosen)


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
    for edit in sorted(edits, key=lambda e: (e.finding.start, e.finding.end)):
        finding = edit.finding
        if finding.start < cursor or document.text[finding.start : finding.end] != finding.text:
            continue
        if _MARKUP.search(finding.text):
            continue
        if edit.after == finding.text:
            continue
        pieces.append(document.text[cursor : finding.start])
        pieces.append(edit.after)
        cursor = finding.end
        changes.append(
            Change(
                path=finding.path,
                line=finding.line,
                column=finding.column,
                start=finding.start,
                end=finding.end,
                before=finding.text,
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
    return replace(finding, **placement(document, begin, finish))


# --- case ---------------------------------------------------------------------------------


def match_case(matched: str, alternative: str) -> str:
    """Give the alternative the case pattern of the matched words.

    ALL CAPITALS stays capitals; a capital first letter (a sentence start or a title) capitalises
    the alternative's first letter only, so "the person's name" keeps its own lower case words.
    """
    letters = [c for c in matched if c.isalpha()]
    if not letters or not alternative:
        return alternative
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return alternative.upper()
    if letters[0].isupper():
        return alternative[0].upper() + alternative[1:]
    return alternative


# --- inflection ---------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(text.lower().strip()) if w]


@lru_cache(maxsize=4096)
def _tags_of(lemma: str, form: str, upos: str) -> tuple[str, ...]:
    """Penn tags under which ``form`` is an inflection of ``lemma`` (e.g. "utilised" → VBD, VBN)."""
    import lemminflect

    table = lemminflect.getAllInflections(lemma, upos=upos) or lemminflect.getAllInflectionsOOV(
        lemma, upos=upos
    )
    return tuple(sorted(tag for tag, forms in table.items() if form in forms))


def _inflect(word: str, tag: str, upos: str) -> str | None:
    """``word`` (which may itself be inflected, like "has") in the form ``tag``."""
    import lemminflect

    lemmas = lemminflect.getLemma(word, upos=upos, lemmatize_oov=False)
    forms = lemminflect.getInflection(lemmas[0] if lemmas else word, tag=tag, inflect_oov=True)
    return forms[0] if forms else None


def _cased(matched: str, entry: Entry, alternative: str) -> str:
    return alternative if entry.case_sensitive else match_case(matched, alternative)


def swap(matched: str, entry: Entry, alternative: str) -> str | None:
    """The alternative in the matched text's form and case, or ``None`` where that is not
    straightforward (``explain`` then shows no "after" sentence).

    Straightforward means: the match is a term as written; or a verb entry's first word is
    inflected ("utilised") and the alternative's first word can take the same inflection; or a
    noun entry's last word is plural and the alternative is a single word that can too ("end
    users" → "readers"). An alternative with quotes or an ellipsis is a hint, not words to paste.
    """
    if not alternative or any(q in alternative for q in "\"“”‘’'") or "…" in alternative:
        return None
    words = _words(matched)
    alt_words = alternative.split(" ")
    terms = {
        v for term in entry.terms for v in (spellings(term) if entry.spelling_variants else {term})
    }
    for term in sorted(terms):
        term_words = _words(term)
        if words == term_words:
            return _cased(matched, entry, alternative)
        if len(words) != len(term_words):
            continue
        if entry.inflect in ("verb", "both") and words[1:] == term_words[1:]:
            for tag in _tags_of(term_words[0], words[0], "VERB"):
                if tag == "VB":
                    continue
                first = _inflect(alt_words[0], tag, "VERB")
                if first:
                    return _cased(matched, entry, " ".join([first, *alt_words[1:]]))
        if (
            entry.inflect in ("noun", "both")
            and words[:-1] == term_words[:-1]
            and len(alt_words) == 1
            and "NNS" in _tags_of(term_words[-1], words[-1], "NOUN")
        ):
            plural = _inflect(alt_words[0], "NNS", "NOUN")
            if plural:
                return _cased(matched, entry, plural)
    return None
