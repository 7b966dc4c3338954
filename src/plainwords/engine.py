"""The one loop from documents to findings, and the ``Linter`` that holds the pipeline.

``findings_per_document`` is the only code that turns documents into findings: a document is cut
into segments (the prefilter keeps paragraphs without any trigger word away from spaCy), the
segments' texts go through the pipeline in batches, the matches come back as plain tuples and
are made into findings as each batch comes back (``Linter.findings_from``), and
``Linter.finish`` settles a document's findings with the document-wide rules, the policy
(on, severity, allow list) and the document's suppressions. A serial run matches each batch in
this process; a parallel run (``plainwords.parallel``) hands the loop a ``submit`` that sends
batches to worker processes. Nothing else decides anything, so both give the same findings.
The component stays ignorant of files and configuration.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol, cast

from plainwords import inflections
from plainwords.document import Document, Suppression
from plainwords.errors import ModelError
from plainwords.findings import Finding, make_finding, sort_findings
from plainwords.guidance import recast_guidance
from plainwords.lexicon import Lexicon
from plainwords.occurrences import number_occurrences, soften_defined_acronyms
from plainwords.overlaps import merge_overlaps
from plainwords.policy import Layer, Policy
from plainwords.readers import read_text
from plainwords.scanner import Prefilter
from plainwords.segments import Segment, segments
from plainwords.senses import drop_wrong_senses
from plainwords.suppressions import nameable
from plainwords.token_patterns import lexical_attributes, trigger_words
from plainwords.voices import MENTION, QUOTED, USE

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from plainwords.cache import Compiled
    from plainwords.component import PlainwordsMatcher

# What the pipeline found in one segment: (start_char, end_char, entry id, voice), the voice being
# "use", "quoted" (a use inside someone's quoted words) or "mention" (see plainwords.mentions).
Match = tuple[int, int, str, str]


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
    finder: Prefilter | None = None,
):
    """``spacy.blank("en")`` plus plainwords, or a trained pipeline where one is asked for.

    ``lean``: a blank pipeline computes only ``LEXICAL_ATTRIBUTES`` for each word it sees for the
    first time. spaCy's English defines over twenty (word shape, URL and e-mail tests, stop
    words…), and computing them is most of the cost of tokenizing a book: two thirds of it goes
    on words met once. Token patterns may test other attributes, and those they test are kept
    too (``token_patterns.lexical_attributes``); a trained pipeline keeps them all.

    ``finder``: the run's candidate scanner; with it the component adds an entry's patterns to
    its matchers only when a text holds one of the entry's phrases (``set_lexicon``).
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
        if lean:
            patterns = (pattern for entry in lexicon for pattern in entry.patterns)
            _keep_lexical_attributes(nlp, {*LEXICAL_ATTRIBUTES, *lexical_attributes(patterns)})
    component = cast("PlainwordsMatcher", nlp.add_pipe("plainwords", config={"lexicons": []}))
    if compiled is not None:
        component.set_lexicon(
            lexicon,
            forms=compiled.forms,
            conditions=compiled.conditions,
            tokens=compiled.tokens,
            finder=finder,
        )
    else:
        component.set_lexicon(lexicon)
    return nlp


def _keep_lexical_attributes(nlp, names: Iterable[str]) -> None:
    from spacy.attrs import IDS

    wanted = {IDS[name] for name in names}
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {key: get for key, get in getters.items() if key in wanted}


BATCH_CHARS = 32_000  # segment characters matched as one batch (one task for a worker)
HOLD_CHARS = 8_000_000  # document text held while waiting for matches, before draining


@dataclass(frozen=True)
class Options:
    """How the engine runs. ``include_mentions`` and ``allow`` are a shorthand for library
    callers that give no ``Policy``; with a policy, the policy's settings are used."""

    include_mentions: bool = False
    allow: tuple[str, ...] = ()
    skip_quotations: bool = False  # leave out uses inside quoted words (speech, headlines)
    batch_size: int = 256
    prefilter: bool = True  # skip paragraphs that cannot hold any form (off only to test it)


class Linter:
    """Holds a built pipeline and the policy it works for; cheap to call many times."""

    def __init__(
        self,
        lexicon: Lexicon,
        *,
        model: str | None = None,
        options: Options | None = None,
        compiled: Compiled | None = None,
        policy: Policy | None = None,
        known_names: frozenset[str] | None = None,
    ) -> None:
        """``compiled`` (from ``plainwords.cache``) supplies forms and conditions already
        expanded; entries it does not cover are expanded here. ``known_names`` are the ids and
        categories suppression comments may name (default: the lexicon's), which include
        entries the policy turned off."""
        self.lexicon = lexicon
        self.model = model
        self.options = options or Options()
        self.policy = policy or Policy(
            builtin=(),
            model=model,
            include_mentions=self.options.include_mentions,
            skip_quotations=self.options.skip_quotations,
            project=Layer(allow=tuple(self.options.allow)),
        )
        self.known_names = known_names if known_names is not None else nameable(lexicon)
        self._compiled = compiled
        if compiled is not None:
            inflections.remember(compiled.inflections)
        # The candidate scanner's phrases come from the cache when it has them, and then spaCy
        # is imported and the pipeline built only when a document holds a candidate (``nlp``).
        cached = compiled.triggers if compiled is not None else {}
        lazy = not model and all(entry.id in cached for entry in lexicon)
        self.prefilter: Prefilter | None = None
        if not lazy:
            self.nlp  # noqa: B018 - build now: no cached phrases, or a model to report if missing
        if self.options.prefilter:
            always = any(
                trigger_words(pattern) is None for entry in lexicon for pattern in entry.patterns
            )
            scanner = compiled.scanner if lazy and compiled is not None else None
            if scanner is not None:
                self.prefilter = scanner.narrowed((entry.id for entry in lexicon), always=always)
            else:
                triggers = cached if lazy else self.component.triggers()
                self.prefilter = Prefilter(
                    {entry.id: triggers.get(entry.id, ()) for entry in lexicon}, always=always
                )
        # By path, filled by ``finish``: suppressions that silenced nothing.
        self.unused_suppressions: dict[str, tuple[Suppression, ...]] = {}

    @cached_property
    def nlp(self):
        """The spaCy pipeline, built on first use: a run whose documents hold no candidate
        never imports spaCy."""
        return build_pipeline(self.lexicon, self.model, self._compiled, finder=self.prefilter)

    @cached_property
    def component(self) -> PlainwordsMatcher:
        return cast("PlainwordsMatcher", self.nlp.get_pipe("plainwords"))

    def check_text(self, text: str, path: str = "<text>") -> list[Finding]:
        """Findings for a text, read as plain text under ``path``."""
        return self.check(read_text(path, text))

    def check(self, document: Document) -> list[Finding]:
        """Findings for one document (through the one loop)."""
        for _, findings in self.check_many([document]):
            return findings
        return []

    def check_many(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        """Findings for each document, in order, streaming, in this process."""
        return findings_per_document(self, documents)

    def segments(self, document: Document) -> Iterator[Segment]:
        """The parts of a document worth sending to the pipeline."""
        return segments(document.lint_text, self.prefilter)

    def docs(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Segment texts through the whole pipeline, in batches."""
        make_doc = self.component.make_doc
        return self.nlp.pipe(map(make_doc, texts), batch_size=self.options.batch_size)

    def match_texts(self, texts: Iterable[str]) -> list[list[Match]]:
        """The matches in each segment text: what a worker process sends back."""
        return [self.matches(doc) for doc in self.docs(texts)]

    def matches(self, doc) -> list[Match]:
        """What the component wrote to a Doc, as plain tuples (cheap to send between processes)."""
        quoted = {(s.start, s.end) for s in doc.spans[self.component.quoted_key]}
        found = [
            (s.start_char, s.end_char, s.id_, QUOTED if (s.start, s.end) in quoted else USE)
            for s in doc.spans[self.component.span_key]
        ]
        if self.policy.skip_quotations and quoted:
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
        """The findings a segment's matches make, before the document-wide rules (``finish``)."""
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
        """Document-wide rules (guidance structure, see ``plainwords.guidance``; senses the
        subject decides, see ``plainwords.senses``), suppressions,
        then the policy for the document's path (entries off, allow list, severities), then a
        stable order, acronyms spelled out and repeats numbered (see ``plainwords.occurrences``);
        remembers which suppressions silenced nothing, for --report-unused-suppressions."""
        findings = recast_guidance(document, findings, self.policy.include_mentions)
        findings = drop_wrong_senses(document, findings)
        settings = self.policy.resolve(document.path)
        used: set[Suppression] = set()
        kept = []
        for f in findings:
            covering = {s for s in document.suppressions if s.covers(f.line, f.rule, f.category)}
            used |= covering
            if not covering:
                settled = settings.apply(f)
                if settled is not None:
                    kept.append(settled)
        if document.suppressions:
            self.unused_suppressions[document.path] = tuple(
                s for s in document.suppressions if s not in used
            )
        merged = sort_findings(merge_overlaps(kept))
        return number_occurrences(soften_defined_acronyms(document, merged))


class Pending(Protocol):
    """A batch's matches, ready now or later (a ``multiprocessing`` ``AsyncResult`` is one)."""

    def ready(self) -> bool: ...

    def get(self) -> list[list[Match]]: ...


class Done:
    """A batch matched in this process."""

    def __init__(self, value: list[list[Match]]) -> None:
        self.value = value

    def ready(self) -> bool:
        return True

    def get(self) -> list[list[Match]]:
        return self.value


Submit = Callable[[list[str]], Pending]


def findings_per_document(
    linter: Linter, documents: Iterable[Document], submit: Submit | None = None
) -> Iterator[tuple[Document, list[Finding]]]:
    """The one loop: findings for each document, in input order, streaming.

    Documents are cut into segments as they come; the segments' texts are handed to ``submit``
    in batches of about ``BATCH_CHARS`` characters (default: matched here, at once), except the
    run's first window, which goes alone so a worker can build the pipeline while the rest is
    scanned (``plainwords.parallel``). A document's
    findings are yielded as soon as every one of its segments is matched and every document
    before it is done. Memory stays bounded: past ``HOLD_CHARS`` characters of documents waiting,
    the loop waits for matches before reading more.
    """
    return _Loop(linter, submit or (lambda texts: Done(linter.match_texts(texts)))).run(documents)


@dataclass
class _Slot:
    """One document on its way through: its segments and, as their matches come back, the
    findings those make (made at once, while later batches are still being matched)."""

    document: Document
    segments: list[Segment] = field(default_factory=list)
    found: list[list[Finding]] = field(default_factory=list)
    remaining: int = 0  # segments sent whose matches have not come back
    complete: bool = False  # every segment of the document has been sent


Batch = list[tuple[_Slot, int]]


class _Loop:
    def __init__(self, linter: Linter, submit: Submit) -> None:
        self.linter = linter
        self.submit = submit
        self.held = 0  # characters of documents read whose findings have not been yielded
        self.sent = False  # a batch has been handed to ``submit``

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        slots: deque[_Slot] = deque()
        flight: deque[tuple[Pending, Batch]] = deque()
        batch: Batch = []
        batch_chars = 0
        for document in documents:
            self.held += len(document.text)
            slot = _Slot(document)
            slots.append(slot)
            for segment in self.linter.segments(document):
                batch.append((slot, len(slot.segments)))
                slot.segments.append(segment)
                slot.found.append([])
                slot.remaining += 1
                batch_chars += len(segment.text)
                # The run's first window goes at once: where the pipeline is built in another
                # process (``plainwords.parallel``), it is built while the rest is scanned.
                if batch_chars >= BATCH_CHARS or not self.sent:
                    flight.append(self._send(batch))
                    batch, batch_chars = [], 0
                    yield from self._drain(flight, slots)
            slot.complete = True
            if batch and self.held > HOLD_CHARS:
                flight.append(self._send(batch))
                batch, batch_chars = [], 0
            yield from self._drain(flight, slots, until_held=HOLD_CHARS)
        if batch:
            flight.append(self._send(batch))
        yield from self._drain(flight, slots, until_held=-1)

    def _send(self, batch: Batch) -> tuple[Pending, Batch]:
        self.sent = True
        return self.submit([slot.segments[index].text for slot, index in batch]), batch

    def _drain(
        self,
        flight: deque[tuple[Pending, Batch]],
        slots: deque[_Slot],
        until_held: int | None = None,
    ) -> Iterator[tuple[Document, list[Finding]]]:
        """Read the matches that are in, in order; with ``until_held``, wait for more until no
        more than that many characters of documents are held (-1: until everything is in)."""
        while flight and (
            flight[0][0].ready() or (until_held is not None and self.held > until_held)
        ):
            pending, batch = flight.popleft()
            for (slot, index), matches in zip(batch, pending.get(), strict=True):
                segment = slot.segments[index]
                slot.found[index] = list(self.linter.findings_from(slot.document, segment, matches))
                slot.remaining -= 1
            yield from self._ready(slots)
        yield from self._ready(slots)

    def _ready(self, slots: deque[_Slot]) -> Iterator[tuple[Document, list[Finding]]]:
        while slots and slots[0].complete and slots[0].remaining == 0:
            slot = slots.popleft()
            self.held -= len(slot.document.text)
            found = [finding for part in slot.found for finding in part]
            yield slot.document, self.linter.finish(slot.document, found)
