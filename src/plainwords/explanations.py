"""What ``explain``, the report and the workshop page say about an entry.

Pure functions over a lexicon and a linter: which entries a phrase names, the entry as data, and
its tested example rewrites (sentence before, and after the fix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from plainwords.engine import Linter
from plainwords.lexicon import Entry


def entry_dict(entry: Entry) -> dict[str, Any]:
    """An entry as JSON data: the fields ``lexicon list --format json`` promises."""
    return {
        "id": entry.id,
        "category": entry.category,
        "topic": entry.topic,
        "topics": list(entry.topics),
        "kind": entry.kind,
        "terms": list(entry.terms),
        "alternatives": list(entry.alternatives),
        "reason": entry.reason,
        "severity": entry.severity,
        "source": {"name": entry.source.name, "url": entry.source.url},
        "note": entry.note,
        "autofix": entry.autofix,
    }


def _normal(text: str) -> str:
    return " ".join(re.split(r"[\s\-_]+", text.lower().strip(" \t\n\"'“”‘’.,;:!?"))).strip()


def find_entries(phrase: str, linter: Linter) -> list[Entry]:
    """The entries a phrase names, best first.

    The phrase goes through the same pipeline as a document, so "utilised", "hard-to-reach" and
    "Service Users" find their entries; failing that (a term the team allows, or one that only
    matches in context), the phrase is compared with each entry's id, terms and surface forms.
    """
    found: list[Entry] = []
    for finding in linter.check_text(phrase):
        if finding.entry not in found:
            found.append(finding.entry)
    if found:
        return found
    wanted = _normal(phrase)
    if not wanted:
        return []
    forms = linter.component.forms
    for entry in linter.lexicon:
        names = {
            _normal(entry.id),
            *(_normal(t) for t in entry.terms),
            *(_normal(f) for f in forms.get(entry.id, ())),
        }
        if wanted in names:
            found.append(entry)
    return found


@dataclass(frozen=True)
class Example:
    """A flagged example sentence, and the same sentence rewritten (``None``: nothing to paste)."""

    before: str
    after: str | None
    start: int  # the flagged words in ``before``
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "before": self.before,
            "after": self.after,
            "flagged": self.before[self.start : self.end],
        }


def examples(entry: Entry, linter: Linter) -> list[Example]:
    """The entry's rewrites, each tested (the fixer makes ``after`` from ``before``, or a person
    reworded it where nothing can be pasted), then its other ``flag`` sentences with no "after".

    Only a tested rewrite is ever shown as "after": pasting the first alternative into any other
    sentence is exactly what may not read well, and an "After" line is a promise that it does.
    """
    result = []
    pairs: list[tuple[str, str | None]] = [(r.before, r.after) for r in entry.examples.rewrite]
    rewritten = {before for before, _ in pairs}
    pairs += [(s, None) for s in entry.examples.flag if s not in rewritten]
    for sentence, after in pairs:
        hits = [
            f for f in linter.check_text(sentence) if entry.id in (f.rule, *(e.id for e in f.also))
        ]
        if hits:
            result.append(Example(sentence, after, hits[0].start, hits[0].end))
    return result
