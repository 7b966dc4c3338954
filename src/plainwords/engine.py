"""The one entry point the CLI, the report and the server call: documents in, findings out.

It owns the pipeline (built once), batching through ``nlp.pipe`` and the prefilter that keeps
paragraphs without any trigger word away from spaCy. Suppressions and the team's allow list are
applied here, after matching, so the component stays ignorant of files and configuration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plainwords.document import Document, Suppression
from plainwords.findings import Finding, make_finding, sort_findings
from plainwords.forms import inflections, joinings
from plainwords.guidance import recast_guidance
from plainwords.lexicon import Lexicon
from plainwords.occurrences import number_occurrences, soften_defined_acronyms
from plainwords.readers import read_text
from plainwords.segments import Prefilter, Segment, segments
from plainwords.voices import MENTION, QUOTED, USE

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from plainwords.cache import Compiled

# What the pipeline found in one segment: (start_char, end_char, entry id, voice), the voice being
# "use", "quoted" (a use inside someone's quoted words) or "mention" (see plainwords.mentions).
Match = tuple[int, int, str, str]


class ModelError(Exception):
    """A ``--model`` that cannot be loaded; the message says how to install it."""


# The lexical attributes plainwords reads: the matchers compare LOWER (and ORTH, which every
# lexeme has), the conditions look at IS_ALPHA, IS_UPPER, LIKE_NUM and IS_SPACE. A test keeps
# this list in step with the code that reads token attributes.
LEXICAL_ATTRIBUTES = ("LOWER", "IS_ALPHA", "IS_UPPER", "LIKE_NUM", "IS_SPACE")


def build_pipeline(
    lexicon: Lexicon,
    model: str | None = None,
    compiled: Compiled | None = None,
    *,
    lean: bool = True,
):
    """``spacy.blank("en")`` plus plainwords, or a trained pipeline where one is asked for.

    ``lean``: a blank pipeline computes only ``LEXICAL_ATTRIBUTES`` for each word it sees for the
    first time. spaCy's English defines over twenty (word shape, URL and e-mail tests, stop
    words…), and computing them is most of the cost of tokenizing a book: two thirds of it goes
    on words met once. Token patterns may test any attribute, so a lexicon with patterns, or a
    trained pipeline, keeps them all.
    """
    import spacy

    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "textcat", "lemmatizer"])
        except OSError:
            raise ModelError(
                f"spaCy pipeline {model!r} is not installed; install it (for example "
                f"'pip install {model}' from a wheel you have) or leave out --model"
            ) from None
    else:
        nlp = spacy.blank("en")
        if lean and not any(entry.patterns for entry in lexicon):
            _keep_lexical_attributes(nlp, LEXICAL_ATTRIBUTES)
    component = nlp.add_pipe("plainwords", config={"lexicons": []})
    if compiled is not None:
        component.set_lexicon(
            lexicon, forms=compiled.forms, conditions=compiled.conditions, tokens=compiled.tokens
        )
    else:
        component.set_lexicon(lexicon)
    return nlp


def _keep_lexical_attributes(nlp, names: Iterable[str]) -> None:
    from spacy.attrs import IDS

    wanted = {IDS[name] for name in names}
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {key: get for key, get in getters.items() if key in wanted}


@dataclass(frozen=True)
class Options:
    include_mentions: bool = False
    allow: tuple[str, ...] = ()
    skip_quotations: bool = False  # leave out uses inside quoted words (speech, headlines)
    batch_size: int = 256
    prefilter: bool = True  # skip paragraphs that cannot hold any form (off only to test it)


class Linter:
    """Holds a built pipeline; cheap to call many times."""

    def __init__(
        self,
        lexicon: Lexicon,
        *,
        model: str | None = None,
        options: Options | None = None,
        compiled: Compiled | None = None,
    ) -> None:
        """``compiled`` (from ``plainwords.cache``) supplies forms and conditions already
        expanded; entries it does not cover are expanded here."""
        self.lexicon = lexicon
        self.model = model
        self.options = options or Options()
        self.nlp = build_pipeline(lexicon, model, compiled)
        self.component = self.nlp.get_pipe("plainwords")
        self.prefilter: Prefilter | None = None
        if self.options.prefilter:
            self.prefilter = Prefilter(
                self.component.trigger_phrases(),
                always=any(entry.patterns for entry in lexicon),
            )
        self._allowed = allowed_forms(self.options.allow)
        self.unused_suppressions: dict[
            str, tuple[Suppression, ...]
        ] = {}  # by path, filled by finish

    def check_text(self, text: str, path: str = "<text>") -> list[Finding]:
        return self.check(read_text(path, text))

    def check(self, document: Document) -> list[Finding]:
        for _, findings in self.check_many([document]):
            return findings
        return []

    def check_many(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        """Findings for each document, in order, streaming: one document's Docs at a time."""
        end_of_document: Segment | None = None
        pending: list[Finding] = []

        make_doc = self.component.make_doc

        def stream() -> Iterator[tuple[Doc, tuple[Document, Segment | None]]]:
            for document in documents:
                for segment in self.segments(document):
                    yield make_doc(segment.text), (document, segment)
                yield make_doc(""), (document, end_of_document)

        for doc, (document, segment) in self.nlp.pipe(
            stream(), as_tuples=True, batch_size=self.options.batch_size
        ):
            if segment is None:
                yield document, self.finish(document, pending)
                pending = []
                continue
            pending.extend(self.findings_from(document, segment, self.matches(doc)))

    def segments(self, document: Document) -> Iterator[Segment]:
        """The parts of a document worth sending to the pipeline."""
        return segments(document.lint_text, self.prefilter)

    def docs(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Segment texts through the whole pipeline, in batches."""
        make_doc = self.component.make_doc
        return self.nlp.pipe(map(make_doc, texts), batch_size=self.options.batch_size)

    def matches(self, doc) -> list[Match]:
        """What the component wrote to a Doc, as plain tuples (cheap to send between processes)."""
        quoted = {(s.start, s.end) for s in doc.spans[self.component.quoted_key]}
        found = [
            (s.start_char, s.end_char, s.id_, QUOTED if (s.start, s.end) in quoted else USE)
            for s in doc.spans[self.component.span_key]
        ]
        if self.options.skip_quotations and quoted:
            found = [m for m in found if m[3] != QUOTED]
        # Mentions always come back: the document-wide rules count them to tell a guide, and
        # ``finish`` leaves them out unless they were asked for.
        found += [
            (s.start_char, s.end_char, s.id_, MENTION)
            for s in doc.spans[self.component.mention_key]
        ]
        return found

    def findings_from(
        self, document: Document, segment: Segment, matches: Iterable[Match]
    ) -> Iterator[Finding]:
        for start_char, end_char, entry_id, said in matches:
            start = segment.to_lint(start_char)
            if not segment.owns(start):
                continue  # an overlapping chunk of a long paragraph reports this one
            entry = self.lexicon.get(entry_id)
            if entry is None:
                raise KeyError(entry_id)
            end = segment.to_lint_end(end_char)
            yield make_finding(
                document, start, end, entry, mention=said == MENTION, quoted=said == QUOTED
            )

    def finish(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """Document-wide rules (guidance structure, see ``plainwords.guidance``), suppressions and
        the allow list, then a stable order, acronyms spelled out and repeats numbered (see
        ``plainwords.occurrences``); remembers which suppressions silenced nothing, for
        --report-unused-suppressions."""
        findings = recast_guidance(document, findings, self.options.include_mentions)
        used: set[Suppression] = set()
        kept = []
        for f in findings:
            covering = {s for s in document.suppressions if s.covers(f.line, f.rule, f.category)}
            used |= covering
            if not covering and normal_form(f.text) not in self._allowed:
                kept.append(f)
        if document.suppressions:
            self.unused_suppressions[document.path] = tuple(
                s for s in document.suppressions if s not in used
            )
        return number_occurrences(soften_defined_acronyms(document, sort_findings(kept)))


def normal_form(text: str) -> str:
    """Lower case, hyphens as spaces, single spaces: how allow lists compare a finding's text."""
    return " ".join(re.split(r"[\s\-]+", text.lower())).strip()


def allowed_forms(phrases: Iterable[str]) -> frozenset[str]:
    """A team's allow list, with the same plurals and hyphen variants the matcher uses."""
    forms = set()
    for phrase in phrases:
        for inflected in inflections(phrase.lower(), "both"):
            forms.update(normal_form(j) for j in joinings(inflected))
    return frozenset(forms)
