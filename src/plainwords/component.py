"""The spaCy component: finds lexicon terms in a Doc and writes them to ``doc.spans``.

It knows nothing of files, configuration or output. Importing this module must stay cheap: spaCy
imports every ``spacy_factories`` entry point whenever a ``Language`` is made, so no lexicon is
loaded here until a pipeline asks for the component, and the lexicons a factory config names are
read only when the component is first used.

The component travels: ``nlp.to_disk(folder)`` stores its lexicon (every entry, own ones included,
with their compiled forms) as ``plainwords/lexicon.json`` inside the saved pipeline, and
``spacy.load(folder)`` anywhere plainwords is installed gives the same matches, whether or not the
lexicon files it was built from exist there.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from plainwords.atomic import write_atomically
from plainwords.conditions import CompiledConditions, compile_conditions, holds
from plainwords.forms import surface_forms
from plainwords.lexicon import Entry, Lexicon, load_lexicon
from plainwords.mentions import voice
from plainwords.plaindata import from_data, to_data
from plainwords.productive import patterns_for
from plainwords.scanner import Prefilter
from plainwords.token_patterns import trigger_words
from plainwords.tokenizing import make_doc
from plainwords.voices import MENTION, QUOTED

SPAN_KEY = "plainwords"
# Where ``make_doc`` keeps a Doc's text, so the component need not rebuild it from every token,
# as ``doc.text`` does.
TEXT_KEY = "plainwords_text"
MENTION_KEY = "plainwords_mentions"
# Uses inside someone's quoted words: also in the ``plainwords`` group, listed here as well so a
# caller can tell them apart (or leave them out).
QUOTED_KEY = "plainwords_quoted"
DEFAULT_LEXICONS = ["stigma", "jargon"]
DATA_FILE = "lexicon.json"
DATA_FORMAT = 1  # bump when the shape of the saved data changes


@Language.factory(
    "plainwords",
    default_config={
        "lexicons": DEFAULT_LEXICONS,
        "span_key": SPAN_KEY,
        "mention_key": MENTION_KEY,
        "quoted_key": QUOTED_KEY,
    },
)
def make_plainwords(
    nlp: Language,
    name: str,
    lexicons: list[str],
    span_key: str,
    mention_key: str,
    quoted_key: str = QUOTED_KEY,
) -> PlainwordsMatcher:
    """Build the component; ``lexicons`` names built-in lexicons or YAML paths, loaded when the
    component is first used (so a pipeline loaded from disk never reads them)."""
    component = PlainwordsMatcher(
        nlp, name, span_key=span_key, mention_key=mention_key, quoted_key=quoted_key
    )
    component.pending = tuple(lexicons)
    return component


@dataclass(frozen=True)
class _Rule:
    entry: Entry
    when: CompiledConditions | None
    unless: CompiledConditions | None


class PlainwordsMatcher:
    """Matches every surface form of every entry, applies context, keeps the longest match."""

    def __init__(
        self,
        nlp: Language,
        name: str = "plainwords",
        lexicon: Lexicon | None = None,
        *,
        span_key: str = SPAN_KEY,
        mention_key: str = MENTION_KEY,
        quoted_key: str = QUOTED_KEY,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.span_key = span_key
        self.mention_key = mention_key
        self.quoted_key = quoted_key
        self.pending: tuple[str, ...] = ()  # lexicons named by the factory, not yet loaded
        self.set_lexicon(lexicon or Lexicon(()))

    # -- building -----------------------------------------------------------------------------
    def set_lexicon(
        self,
        lexicon: Lexicon,
        forms: Mapping[str, Iterable[str]] | None = None,
        conditions: dict[str, tuple[CompiledConditions | None, CompiledConditions | None]]
        | None = None,
        tokens: dict[str, tuple[str, ...]] | None = None,
        *,
        finder: Prefilter | None = None,
    ) -> None:
        """Compile a lexicon into matchers. ``forms`` (entry id → surface forms), ``conditions``
        (entry id → compiled when, unless) and ``tokens`` (form → its tokens' texts) skip
        expansion and tokenizing, for callers that cached them.

        ``finder`` (a ``Prefilter`` that knows which entry each of its phrases belongs to, over
        this lexicon's ``triggers``) defers the matchers: an entry's patterns are added the first
        time a Doc holds one of its phrases. Turning thousands of forms into pattern Docs is most
        of the cost of building the pipeline, and a run that finds three words needs the patterns
        of three entries. The matches are the same: an entry none of whose phrases is in a text
        cannot match in it (the scanner's soundness, ``plainwords.scanner``)."""
        self.pending = ()
        vocab = self.nlp.vocab
        self.lexicon = lexicon
        self._rules: dict[int, _Rule] = {}
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        self._tokens = Matcher(vocab, validate=True)
        self._model_tokens = Matcher(vocab, validate=True)
        self._grown = Matcher(vocab, validate=True)  # the entries' productive forms
        self.forms: dict[str, tuple[str, ...]] = {}
        self.conditions: dict[str, tuple[CompiledConditions | None, CompiledConditions | None]] = {}
        self.tokens: dict[str, tuple[str, ...]] = dict(tokens) if tokens else {}
        make_doc = self.nlp.make_doc
        for entry in lexicon:
            key = vocab.strings.add(entry.id)
            if conditions and entry.id in conditions:
                when, unless = conditions[entry.id]
            else:
                when, unless = (
                    compile_conditions(entry.when, make_doc),
                    compile_conditions(entry.unless, make_doc),
                )
            self.conditions[entry.id] = (when, unless)
            self._rules[key] = _Rule(entry, when, unless)
            self.forms[entry.id] = tuple(
                sorted(forms[entry.id] if forms and entry.id in forms else surface_forms(entry))
            )
        # A token matcher costs far more per word than a phrase matcher, and its patterns' words
        # are rare, so it runs only on a text that holds one of them (see ``_gated``).
        written = [trigger_words(p) for e in lexicon if not e.needs_model() for p in e.patterns]
        grown_keys = [
            trigger_words(p) for e in lexicon for p in patterns_for(e.productive, e.terms)
        ]
        self._grown_gate = _gate(grown_keys)
        self._gates = ((self._tokens, _gate(written)), (self._grown, self._grown_gate))
        # Entries looked for joined to the words their ``when`` needs beside them: their bare
        # forms can match (before conditions) where no joined phrase is, and a grown match gives
        # way to such a match (``yield_to_terms``), so they are added wherever a grown one may be.
        self._joined_ids = frozenset(
            entry_id
            for entry_id, (when, _) in self.conditions.items()
            if when is not None and (when.followed_by or when.preceded_by)
        )
        self._finder = finder if finder is not None and not finder.always else None
        self._waiting: dict[str, Entry] = {}
        if self._finder is None:
            self._add_patterns(lexicon)
        else:
            self._waiting = {entry.id: entry for entry in lexicon}
            self._refresh()

    @property
    def waiting(self) -> frozenset[str]:
        """Ids of the entries whose patterns are not in the matchers yet (see ``set_lexicon``)."""
        return frozenset(self._waiting)

    def _add_patterns(self, entries: Iterable[Entry]) -> None:
        """Put entries' forms and patterns into the matchers."""
        for entry in entries:
            entry_forms = self.forms[entry.id]
            if entry_forms:
                matcher = self._exact if entry.case_sensitive else self._lower
                matcher.add(entry.id, [self._pattern(form, self.tokens) for form in entry_forms])
            if entry.patterns:
                target = self._model_tokens if entry.needs_model() else self._tokens
                target.add(entry.id, [list(p) for p in entry.patterns])
            grown = patterns_for(entry.productive, entry.terms)
            if grown:
                self._grown.add(entry.id, grown)
        self._refresh()

    def _refresh(self) -> None:
        # Only matchers that hold patterns run (an empty one costs a call and warns).
        self._active = [m for m in (self._lower, self._exact) if len(m)]
        self._gated = [(matcher, gate) for matcher, gate in self._gates if len(matcher)]

    def _add_waiting(self, text: str) -> None:
        """Add the patterns of the entries whose phrases ``text`` holds (see ``set_lexicon``)."""
        assert self._finder is not None
        wanted = self._finder.entries(text)
        if self._grown_gate(text):  # a grown match is possible: see ``_joined_ids``
            wanted |= self._joined_ids
        found = [self._waiting.pop(i) for i in wanted if i in self._waiting]
        if found:
            self._add_patterns(found)

    def _pattern(self, form: str, tokens: dict[str, tuple[str, ...]] | None) -> Doc:
        """The form as a Doc to match, from its cached tokens where given."""
        words = tokens.get(form) if tokens else None
        if words:
            doc = Doc(self.nlp.vocab, words=list(words))
        else:
            doc = self.nlp.make_doc(form)
            words = tuple(token.text for token in doc)
        self.tokens[form] = words
        return doc

    def _load_pending(self) -> None:
        """Load the lexicons the factory config named, on first use."""
        if self.pending:
            self.set_lexicon(load_lexicon(self.pending))

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """``nlp.initialize()``: load the lexicons the config names now rather than on first use."""
        self._load_pending()

    # -- saving and loading -------------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The lexicon and its compiled forms, as JSON."""
        self._load_pending()
        data = {
            "format": DATA_FORMAT,
            "lexicon": to_data(self.lexicon),
            "forms": {entry_id: list(forms) for entry_id, forms in self.forms.items()},
            "tokens": {form: list(words) for form, words in self.tokens.items()},
            "conditions": {entry_id: to_data(pair) for entry_id, pair in self.conditions.items()},
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> PlainwordsMatcher:
        saved: dict[str, Any] = json.loads(data.decode("utf-8"))
        if saved.get("format") != DATA_FORMAT:
            raise ValueError(
                f"plainwords: saved lexicon format {saved.get('format')!r} is not "
                f"{DATA_FORMAT}; save the pipeline again with this version"
            )
        Pair = tuple[CompiledConditions | None, CompiledConditions | None]
        self.set_lexicon(
            from_data(Lexicon, saved["lexicon"]),
            forms=saved["forms"],
            conditions={k: from_data(Pair, v) for k, v in saved["conditions"].items()},
            tokens={form: tuple(words) for form, words in saved["tokens"].items()},
        )
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / DATA_FILE, self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PlainwordsMatcher:
        return self.from_bytes((Path(path) / DATA_FILE).read_bytes())

    def make_doc(self, text: str) -> Doc:
        """Tokenize a text, keeping the text beside the Doc: the component reads the text of
        every Doc that holds a match, and spaCy would rebuild it from the tokens each time.
        Docs made any other way work too, a little slower. Long space-free runs are tokenized
        in pieces (``plainwords.tokenizing``), so no text takes quadratic time."""
        doc = make_doc(self.nlp.make_doc, text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def trigger_phrases(self) -> Iterator[str]:
        """Phrases at least one of which any match lies inside, for a prefilter to look for."""
        for phrases in self.triggers().values():
            yield from phrases

    def triggers(self) -> dict[str, tuple[str, ...]]:
        """Entry id → phrases at least one of which any match of the entry lies inside.

        An entry whose ``when`` needs given words right after (or before) the match can only
        match inside one of those joinings: "drive improvement", never a bare "drive". So such an
        entry contributes its forms joined to each required phrase, which keeps paragraphs about
        driving a carriage away from spaCy. Other entries contribute their forms as they are, and
        each token pattern the words it cannot match without (a pattern with none makes the
        engine send every paragraph). Kept per entry so a cached copy can be narrowed to the
        entries a project turns on.
        """
        self._load_pending()
        found: dict[str, list[str]] = {entry.id: [] for entry in self.lexicon}
        for entry in self.lexicon:
            for pattern in entry.patterns:
                found[entry.id].extend(trigger_words(pattern) or ())
            # A grown form ends with the term's own last words, so the words its ``when`` needs
            # after it join them as they join a form; what goes before it ("the", describing
            # words) is not the term's, so words needed before are not joined.
            grown = (trigger_words(p) or () for p in patterns_for(entry.productive, entry.terms))
            keys = [key for keys in grown for key in keys]
            found[entry.id].extend(self._joined(entry.id, keys, before=False))
        for entry_id, forms in self.forms.items():
            found.setdefault(entry_id, []).extend(self._joined(entry_id, forms))
        return {entry_id: tuple(phrases) for entry_id, phrases in found.items()}

    def _joined(self, entry_id: str, forms: Iterable[str], *, before: bool = True) -> Iterator[str]:
        """Forms joined to the words an entry's ``when`` needs right after (or before) them."""
        when = self.conditions[entry_id][0]
        if when is not None and when.followed_by:
            for phrase in when.followed_by:
                joined = " ".join(phrase)
                yield from (f"{form} {joined}" for form in forms)
        elif before and when is not None and when.preceded_by:
            for phrase in when.preceded_by:
                joined = " ".join(phrase)
                yield from (f"{joined} {form}" for form in forms)
        else:
            yield from forms

    # -- matching -----------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if self.pending:
            self._load_pending()
        if self._waiting:
            self._add_waiting(doc.user_data.get(TEXT_KEY) or doc.text)
        candidates: list[Span] = []
        matches = [m for matcher in self._active for m in matcher(doc)]
        if len(self._model_tokens) and doc.has_annotation("TAG") and doc.has_annotation("DEP"):
            matches += list(self._model_tokens(doc))
        if self._gated:
            whole = doc.user_data.get(TEXT_KEY) or doc.text
            for matcher, gate in self._gated:
                if gate(whole):
                    found = list(matcher(doc))
                    matches += found if matcher is self._tokens else yield_to_terms(found, matches)
        for key, start, end in matches:
            rule = self._rules[key]
            if rule.when is not None and not holds(rule.when, doc, start, end, every=True):
                continue
            if rule.unless is not None and holds(rule.unless, doc, start, end, every=False):
                continue
            candidates.append(
                Span(doc, start, end, label=rule.entry.category, span_id=rule.entry.id)
            )
        uses: list[Span] = []
        mentions: list[Span] = []
        quoted: list[Span] = []
        # The longest matches decide the voice; overlapping matches of other entries all stay (a
        # span group allows overlaps) and go with the longest match they overlap, so the engine
        # can fold them into one finding naming every reason (``plainwords.overlaps``).
        longest = filter_spans(candidates)
        ranges = [(span.start_char, span.end_char) for span in longest]
        text = (doc.user_data.get(TEXT_KEY) or doc.text) if longest else ""
        voices = [voice(doc, span.start, span.end, ranges, text) for span in longest]
        # The longest matches do not overlap and come sorted, so the first one ending after a
        # span starts is the one it overlaps: a bisect per span, not a scan.
        longest_ends = [k.end for k in longest]
        for span in _distinct(candidates):
            over = bisect_right(longest_ends, span.start)
            (mentions if voices[over] == MENTION else uses).append(span)
            if voices[over] == QUOTED:
                quoted.append(span)
        doc.spans[self.span_key] = uses
        doc.spans[self.mention_key] = mentions
        doc.spans[self.quoted_key] = quoted
        return doc

    def entry_for(self, span: Span) -> Entry:
        """The lexicon entry behind a span this component wrote."""
        entry = self.lexicon.get(span.id_)
        if entry is None:
            raise KeyError(span.id_)
        return entry


def _gate(keys: list[tuple[str, ...] | None]) -> Prefilter:
    """A test of whether a text may hold a match of patterns with these trigger words."""
    return Prefilter(
        [key for words in keys for key in words or ()], always=any(w is None for w in keys)
    )


def yield_to_terms(
    grown: list[tuple[int, int, int]], others: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """The productive matches that do not swallow another entry's longer term.

    "the mentally handicapped" grows from "the handicapped", but "mentally handicapped" is an
    entry of its own that says more about those words; "the deserving poor" likewise. A grown
    match gives way to another entry's match of two or more words that ends where it ends and
    starts inside it. A one-word match ("vulnerable" in "our most vulnerable") is only the label
    the shape grew from, and does not.
    """
    kept = []
    for key, start, end in grown:
        if not any(
            other != key and start < o_start and o_end == end and o_end - o_start > 1
            for other, o_start, o_end in others
        ):
            kept.append((key, start, end))
    return kept


def _distinct(spans: list[Span]) -> list[Span]:
    """One span per entry and place: the longest of an entry's overlapping matches (an entry
    listing "addict" and "drug addict" matches both in "drug addicts"), in document order."""
    best: list[Span] = []
    # An entry's kept spans never overlap (each starts where the last ended or later), so only
    # its last kept span can hold the next one's start.
    last: dict[int, Span] = {}
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        previous = last.get(span.id)
        if previous is not None and span.start < previous.end:
            continue
        best.append(span)
        last[span.id] = span
    return best
