"""Safe fixes for the workshop page: swap in an entry's first alternative, keeping case and form.

Only entries marked ``autofix: true`` (plain-English swaps such as "utilise" → "use") are applied
unattended; a label that shames people needs a person to choose the right words, so it is never
rewritten here. The same swap gives ``explain`` its "after" sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from plainwords.findings import Finding
from plainwords.forms import spellings
from plainwords.lexicon import Entry

_SPLIT = re.compile(r"[\s\-]+")


def _words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(text.lower().strip()) if w]


def match_case(original: str, replacement: str) -> str:
    """Give the replacement the original's capitalisation: "Utilise" → "Use", "UTILISE" → "USE"."""
    if not replacement:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


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


def swap(matched: str, entry: Entry, alternative: str) -> str | None:
    """The alternative in the matched text's form, or ``None`` where that is not straightforward.

    Straightforward means: the match is a term as written; or a verb entry's first word is
    inflected ("utilised") and the alternative's first word can take the same inflection; or a
    noun entry's last word is plural and the alternative is a single word that can too.
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


def _cased(matched: str, entry: Entry, replacement: str) -> str:
    return replacement if entry.case_sensitive else match_case(matched, replacement)


@dataclass(frozen=True)
class Applied:
    """One fix made: where (in the original text), what was there, and what replaced it."""

    start: int
    end: int
    before: str
    after: str
    rule: str

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "rule": self.rule,
        }


def apply_safe_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, list[Applied]]:
    """Rewrite ``text`` with every safe fix among ``findings`` (offsets into ``text``).

    Mentions are left alone (they quote the word on purpose), overlapping findings after the first
    are skipped, and a finding whose swap is not straightforward is left for a person.
    """
    chosen: list[Applied] = []
    last_end = -1
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        entry = finding.entry
        if (
            not entry.autofix
            or finding.mention
            or not entry.alternatives
            or finding.start < last_end
        ):
            continue
        if text[finding.start : finding.end] != finding.text:
            continue
        replacement = swap(finding.text, entry, entry.alternatives[0])
        if replacement is None:
            continue
        chosen.append(Applied(finding.start, finding.end, finding.text, replacement, entry.id))
        last_end = finding.end
    pieces = []
    position = 0
    for fix in chosen:
        pieces.append(text[position : fix.start])
        pieces.append(fix.after)
        position = fix.end
    pieces.append(text[position:])
    return "".join(pieces), chosen
