"""``check_entries``: the one validator of lexicon entries that needs the compiled pipeline.

The loader (``plainwords.lexicon``) checks each entry's fields as it reads the YAML; what needs
spaCy is checked here: every term can be matched in running text (``plainwords.matchable``) and
no alternative is itself flagged (a writer sent in a circle). ``plainwords lexicon validate``,
``check --lexicon`` (through ``run.build_linter``) and the shipped lexicons' tests all call this
one function with the same pipeline, so they can never disagree about a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from plainwords import matchable
from plainwords.lexicon import Entry
from plainwords.yamlfile import DataError

if TYPE_CHECKING:
    from plainwords.engine import Linter


def check_entries(linter: Linter, entries: Iterable[Entry]) -> list[DataError]:
    """Every problem of these entries as ``file:line``, judged by ``linter``'s pipeline (the
    whole lexicon in use, so an alternative flagged by a shipped entry counts)."""
    entries = list(entries)
    problems = matchable.unmatchable(linter.nlp.tokenizer, entries, linter.component.forms)
    problems += _flagged_alternatives(linter, entries)
    return problems


def _flagged_alternatives(linter: Linter, entries: Iterable[Entry]) -> list[DataError]:
    problems = []
    for entry in entries:
        for alternative in entry.alternatives:
            flagged = linter.check_text(alternative)
            if flagged:
                problems.append(
                    DataError(
                        entry.file,
                        entry.line,
                        f"entry '{entry.id}': alternative {alternative!r} is itself flagged by "
                        f"'{flagged[0].rule}'; choose another or narrow that entry",
                    )
                )
    return problems
