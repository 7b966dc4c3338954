"""Context conditions from the lexicon (``when`` / ``unless``), compiled once and checked per match.

Entries state innocent senses as data: "hard to reach" unless followed by "shelf"; "deliver" when
"outcomes" comes soon after; "DNA" unless the sentence talks of genes. Each condition is a pure
function over a Doc's tokens, so the same entries work on a blank pipeline and on a trained one.

``CONDITIONS`` is the one declaration of the vocabulary: each condition's name, how it is
written, what it reads, how its value is compiled and its test. The loader validates ``when`` and
``unless`` blocks from it, ``holds`` runs it, and the condition tables of docs/lexicon-format.md
are generated from it (``python -m plainwords.conditions docs/lexicon-format.md``; a test fails
when the page is stale). A new condition is one function and one row here.

The model-aware conditions (``pos``, ``dep``, ``head``, ``object``) read the tagger and parser. On
a blank pipeline they are *skipped*: left out of the check as if not written, so a ``when`` block
still lets the match through on its other conditions and an ``unless`` block does not excuse it on
their account.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainwords.forms import inflections, joinings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from plainwords.lexicon import Conditions

Phrase = tuple[str, ...]

# Small words a name or title may hold without breaking the run of capitals
# ("Department for Work and Pensions", "Hard to Reach Theatre", "Mental Health Act 1983").
_NAME_GLUE = frozenset(
    {"of", "the", "and", "for", "to", "in", "on", "at", "a", "an", "&", "'s", "’s", "de", "by"}
)
# The last word of a named plan, body or service ("Rough Sleepers Local Delivery Plan"): with
# one, a Title Case line is a name, not a heading that capitalises every word.
_NAME_HEADS = frozenset(
    [
        "plan",
        "plans",
        "strategy",
        "service",
        "services",
        "panel",
        "forum",
        "board",
        "team",
        "programme",
        "program",
        "project",
        "partnership",
        "network",
        "trust",
        "fund",
        "unit",
        "centre",
        "center",
        "council",
        "group",
        "committee",
        "initiative",
        "act",
        "policy",
        "framework",
        "pathway",
        "hub",
        "charity",
        "association",
        "foundation",
        "alliance",
        "coalition",
        "commission",
        "scheme",
        "project",
        "taskforce",
        "task",
        "force",
        "week",
        "day",
        "award",
        "awards",
        "conference",
    ]
)
_LINE_STARTS = frozenset(
    {".", "!", "?", ":", "•", "-", "–", "—", "*", "#", ";", "|", '"', "“", "‘", "'", "(", "["}
)
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "nsubjpass", "pobj"})


@dataclass(frozen=True)
class CompiledConditions:
    """A ``when`` or ``unless`` block ready to test: one field per row of ``CONDITIONS`` (a test
    keeps them in step), an empty set or ``None`` where the block does not state it."""

    followed_by: frozenset[Phrase]
    preceded_by: frozenset[Phrase]
    near: frozenset[Phrase]
    after: frozenset[Phrase]
    before: frozenset[Phrase]
    sentence_has: frozenset[Phrase]
    window: int
    capitalised: bool | None
    followed_by_capitalised: bool | None = None
    proper_name: bool | None = None
    pos: frozenset[str] = frozenset()
    dep: frozenset[str] = frozenset()
    head: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()


def compile_conditions(conditions: Conditions | None, tokenize) -> CompiledConditions | None:
    """Each condition's value in the form its test reads: phrases as lower-case token tuples
    (with plurals and hyphen variants), words with their plurals, tags and flags as written."""
    if conditions is None:
        return None
    compiled = {c.name: _COMPILE[c.kind](getattr(conditions, c.name), tokenize) for c in CONDITIONS}
    return CompiledConditions(window=conditions.window, **compiled)


def _phrases(items: tuple[str, ...], tokenize) -> frozenset[Phrase]:
    result = set()
    for item in items:
        for form in inflections(item, "noun"):
            for joined in joinings(form):
                # Joining "-" (or any punctuation) drops it; an empty phrase would hold everywhere.
                words = tuple(t.lower_ for t in tokenize(joined) if not t.is_space)
                if words:
                    result.add(words)
    return frozenset(result)


def _words(items: tuple[str, ...], tokenize) -> frozenset[str]:
    return frozenset(form for item in items for form in inflections(item, "noun"))


_COMPILE: dict[str, Callable[[Any, Any], Any]] = {
    "phrases": _phrases,
    "words": _words,
    "tags": lambda items, tokenize: frozenset(items),
    "pos": lambda items, tokenize: frozenset(items),
    "flag": lambda flag, tokenize: flag,
}


def sentence_bounds(doc: Doc, index: int) -> tuple[int, int]:
    """``plainwords.sentences.sentence_bounds``, imported when first needed: the table below is
    read by the lexicon loader, which must not import spaCy."""
    from plainwords.sentences import sentence_bounds as bounds

    return bounds(doc, index)


# -- word-list helpers ----------------------------------------------------------------------------
def _lower(doc: Doc, start: int, end: int) -> list[str]:
    return [doc[i].lower_ for i in range(max(start, 0), min(end, len(doc)))]


@lru_cache(maxsize=1024)
def _lengths(phrases: frozenset[Phrase]) -> tuple[int, ...]:
    """The distinct phrase lengths, longest first: an entry may list a hundred phrases, but of
    only a few lengths, so each window of words is looked up once per length."""
    return tuple(sorted({len(p) for p in phrases}, reverse=True))


def _starts_with(words: list[str], phrases: frozenset[Phrase]) -> bool:
    return any(tuple(words[:n]) in phrases for n in _lengths(phrases) if n <= len(words))


def _ends_with(words: list[str], phrases: frozenset[Phrase]) -> bool:
    return any(
        tuple(words[len(words) - n :]) in phrases for n in _lengths(phrases) if n <= len(words)
    )


def _contains(words: list[str], phrases: frozenset[Phrase]) -> bool:
    return any(
        tuple(words[i : i + n]) in phrases
        for n in _lengths(phrases)
        for i in range(len(words) - n + 1)
    )


# -- model-free conditions -------------------------------------------------------------------------
def followed_by(doc: Doc, end: int, phrases: frozenset[Phrase]) -> bool:
    """The words right after the match are one of the phrases."""
    longest = max(map(len, phrases), default=0)
    return _starts_with(_lower(doc, end, end + longest), phrases)


def preceded_by(doc: Doc, start: int, phrases: frozenset[Phrase]) -> bool:
    """The words right before the match are one of the phrases."""
    longest = max(map(len, phrases), default=0)
    return _ends_with(_lower(doc, start - longest, start), phrases)


def near(doc: Doc, start: int, end: int, phrases: frozenset[Phrase], window: int) -> bool:
    """One of the phrases lies within ``window`` tokens either side (not across the match)."""
    around = _lower(doc, start - window, start) + ["\0"] + _lower(doc, end, end + window)
    return _contains(around, phrases)


def after(doc: Doc, end: int, phrases: frozenset[Phrase], window: int) -> bool:
    """One of the phrases starts within ``window`` tokens after the match, in the same sentence."""
    _, sentence_end = sentence_bounds(doc, end - 1)
    return _contains(_lower(doc, end, min(end + window, sentence_end)), phrases)


def before(doc: Doc, start: int, phrases: frozenset[Phrase], window: int) -> bool:
    """One of the phrases ends within ``window`` tokens before the match, in the same sentence."""
    sentence_start, _ = sentence_bounds(doc, start)
    return _contains(_lower(doc, max(start - window, sentence_start), start), phrases)


def sentence_has(doc: Doc, start: int, end: int, phrases: frozenset[Phrase]) -> bool:
    """One of the phrases occurs anywhere in the match's sentence, outside the match itself."""
    first, last = sentence_bounds(doc, start)
    return _contains(_lower(doc, first, start) + ["\0"] + _lower(doc, end, last), phrases)


def _capital(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper()


def _starts_line(doc: Doc, start: int) -> bool:
    """Whether token ``start`` opens a sentence, line or list item, where capitals prove nothing."""
    if start == 0:
        return True
    previous = doc[start - 1]
    if previous.is_space or "\n" in previous.whitespace_:
        return True
    if previous.text in _LINE_STARTS:
        return (
            start < 2
            or previous.text in {".", "!", "?", ":", "•", "*", "#", ";", "|"}
            or _starts_line(doc, start - 1)
        )
    return False


def is_capitalised(doc: Doc, start: int, end: int) -> bool:
    """Title Case mid-sentence, or every content word capitalised: the sign of a proper name."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words:
        return False
    content = [t for t in words if len(t) > 3 or t is words[0]]
    if not all(t.text[0].isupper() for t in content):
        return False
    if len(content) > 1:
        return True
    # One capitalised word: a name only if it does not start a sentence or line.
    return not _starts_line(doc, start)


def followed_by_capitalised(doc: Doc, end: int) -> bool:
    """The next word is capitalised, as in a name the match begins ("Homeless Link")."""
    if end >= len(doc) or not _capital(doc[end]):
        return False
    first, last = sentence_bounds(doc, end)
    return not _all_capitals(doc, first, last)


def _all_capitals(doc: Doc, first: int, last: int) -> bool:
    """A sentence whose capitals prove nothing: all in capitals (a shouted heading), or a
    heading in Title Case with four or more content words ("Supporting Service Users This Winter").
    """
    words = [t for t in doc[first:last] if t.is_alpha and len(t) > 1]
    if len(words) > 1 and all(t.is_upper for t in words):
        return True
    content = [t for t in words if t.lower_ not in _NAME_GLUE]
    return len(content) >= 4 and all(_capital(t) for t in content)


def in_proper_name(doc: Doc, start: int, end: int) -> bool:
    """The match is part of a run of capitalised words: an organisation, a title, a law.

    Every content word of the match must be capitalised, and the run it sits in (small linking
    words, and numbers such as a year, allowed) must hold another capitalised word, or a one-word
    match must stand capitalised mid-sentence. Capitals in an all-capitals heading prove nothing.
    """
    matched = [t for t in doc[start:end] if t.is_alpha and t.lower_ not in _NAME_GLUE]
    if not matched or not all(_capital(t) for t in matched):
        return False
    first, last = sentence_bounds(doc, start)
    titled = _all_capitals(doc, first, last)
    left = start
    while left > first and (_capital(doc[left - 1]) or _glue(doc, left - 1)):
        left -= 1
    right = end
    while right < last and (_capital(doc[right]) or _glue(doc, right) or doc[right].like_num):
        right += 1
    # "The" opening a sentence is capitalised by position, not because it is part of a name. The
    # match's own capitals do not count: writers capitalise the very labels plainwords looks for
    # ("our Service Users"), so a name needs a capitalised word of its own around the match.
    outside = [
        t
        for t in (*doc[left:start], *doc[end:right])
        if _capital(t) and not (t.lower_ in _NAME_GLUE and _starts_line(doc, t.i))
    ]
    if titled:
        # Capitals in a heading prove nothing, unless the run ends as a name does.
        return bool(outside) and right > end and doc[right - 1].lower_ in _NAME_HEADS
    if outside:
        return True
    return len(matched) == 1 and not _starts_line(doc, start)


def _glue(doc: Doc, i: int) -> bool:
    """A linking word inside a name, only where a capitalised word follows it."""
    token = doc[i]
    if token.lower_ not in _NAME_GLUE or token.is_upper and len(token) > 1:
        return False
    return i + 1 < len(doc) and (_capital(doc[i + 1]) or doc[i + 1].lower_ in _NAME_GLUE)


# -- model-aware conditions ------------------------------------------------------------------------
def _root(doc: Doc, start: int, end: int) -> Token:
    """The match's syntactic root: the token whose head lies outside the match."""
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token
    return doc[end - 1]


def _names(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()} - {""}


def pos_is(doc: Doc, start: int, end: int, tags: frozenset[str]) -> bool | None:
    """The match's root has one of these parts of speech; None without a tagger."""
    if not doc.has_annotation("POS") and not doc.has_annotation("TAG"):
        return None
    return _root(doc, start, end).pos_ in tags


def dep_is(doc: Doc, start: int, end: int, labels: frozenset[str]) -> bool | None:
    """The match's root attaches to its head by one of these dependency labels; None unparsed."""
    if not doc.has_annotation("DEP"):
        return None
    return _root(doc, start, end).dep_ in labels


def head_is(doc: Doc, start: int, end: int, words: frozenset[str]) -> bool | None:
    """The word the match depends on ("vulnerable" → the noun it describes) is one of these."""
    if not doc.has_annotation("DEP"):
        return None
    root = _root(doc, start, end)
    return root.head.i != root.i and bool(_names(root.head) & words)


def object_is(doc: Doc, start: int, end: int, words: frozenset[str]) -> bool | None:
    """A verb match's object ("deliver" → "outcomes") is one of these, directly or via "on"."""
    if not doc.has_annotation("DEP"):
        return None
    root = _root(doc, start, end)
    for child in root.children:
        if child.dep_ in _OBJECT_DEPS and _names(child) & words:
            return True
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and _names(g) & words for g in child.children
        ):
            return True
    return False


def holds(conditions: CompiledConditions, doc: Doc, start: int, end: int, *, every: bool) -> bool:
    """Whether the conditions hold around tokens [start, end).

    ``every=True`` (a ``when`` block) needs each stated condition; ``every=False`` (an ``unless``
    block) needs any one of them. Model-aware conditions on an untagged Doc are left out.
    """
    known = []
    for condition in CONDITIONS:
        value = getattr(conditions, condition.name)
        if value is None or value == frozenset():
            continue  # not stated
        result = condition.test(doc, start, end, value, conditions.window)
        if result is not None:
            known.append(result)
    return all(known) if every else any(known)


# -- the table ------------------------------------------------------------------------------------
Test = Callable[["Doc", int, int, Any, int], "bool | None"]


@dataclass(frozen=True)
class Condition:
    """One condition of the vocabulary, declared once."""

    name: str
    written: str  # how its value is written in YAML, for the docs
    kind: str  # phrases | words | tags | pos | flag: how the value is checked and compiled
    reads: str  # what it looks at, for the docs
    test: Test  # (doc, start, end, compiled value, window) -> holds, or None when unknowable
    holds_when: str  # the docs' explanation
    needs_model: bool = False  # reads a trained pipeline's tags or parse


def _flag(check: Callable[[Doc, int, int], bool]) -> Test:
    """A flag condition: holds when the check's answer is the one written (true or false)."""
    return lambda doc, start, end, wanted, window: check(doc, start, end) == wanted


def _over_match(check: Callable[[Doc, int, int, Any], bool | None]) -> Test:
    """A condition that reads the match and its value, not the window."""
    return lambda doc, start, end, value, window: check(doc, start, end, value)


CONDITIONS: tuple[Condition, ...] = (
    Condition(
        "followed_by",
        "[words or phrases]",
        "phrases",
        "the words after the match",
        lambda doc, start, end, phrases, window: followed_by(doc, end, phrases),
        "the words right after the match are one of these",
    ),
    Condition(
        "preceded_by",
        "[words or phrases]",
        "phrases",
        "the words before the match",
        lambda doc, start, end, phrases, window: preceded_by(doc, start, phrases),
        "the words right before the match are one of these",
    ),
    Condition(
        "after",
        "[words or phrases]",
        "phrases",
        "the sentence after the match",
        lambda doc, start, end, phrases, window: after(doc, end, phrases, window),
        "one of these starts within `window` words after the match, in the same sentence "
        '("deliver *better health* outcomes")',
    ),
    Condition(
        "before",
        "[words or phrases]",
        "phrases",
        "the sentence before the match",
        lambda doc, start, end, phrases, window: before(doc, start, phrases, window),
        "one of these ends within `window` words before the match, in the same sentence",
    ),
    Condition(
        "near",
        "[words or phrases]",
        "phrases",
        "the words either side",
        near,
        "one of these occurs within `window` words either side",
    ),
    Condition(
        "sentence_has",
        "[words or phrases]",
        "phrases",
        "the sentence",
        _over_match(sentence_has),
        "one of these occurs anywhere in the match's sentence, outside the match "
        '("DNA" in a sentence about a *genetic* test)',
    ),
    Condition(
        "capitalised",
        "true",
        "flag",
        "the match and what opens its line",
        _flag(lambda doc, start, end: is_capitalised(doc, start, end)),
        "every content word of the match is capitalised mid-sentence, as in a proper name "
        '("Hard to Reach Theatre")',
    ),
    Condition(
        "followed_by_capitalised",
        "true",
        "flag",
        "the next word and its sentence",
        _flag(lambda doc, start, end: followed_by_capitalised(doc, end)),
        'the next word is capitalised, as when the match begins a name ("Homeless Link"); '
        "never in an all-capitals heading",
    ),
    Condition(
        "proper_name",
        "true",
        "flag",
        "the capitalised words around the match",
        _flag(in_proper_name),
        "the match is part of a run of capitalised words: an organisation, a title of a work, a "
        'law ("the Service User Forum", "Suffering From Success", "Mental Health Act 1983"). '
        "Every content word of the match is capitalised and the run holds two or more "
        "capitalised words (small linking words such as *of*, *the*, *and*, *to* and numbers "
        "such as a year may sit inside it), or the match stands capitalised mid-sentence. A "
        'sentence-opening "The" does not count, and capitals prove nothing in an all-capitals '
        'heading or in a Title Case heading of four or more content words ("Supporting Service '
        'Users This Winter" is still flagged)',
    ),
    Condition(
        "pos",
        "[NOUN, ADJ, …]",
        "pos",
        "the tags of a trained pipeline",
        _over_match(pos_is),
        "the match's root token has one of these universal part-of-speech tags",
        needs_model=True,
    ),
    Condition(
        "dep",
        "[amod, dobj, …]",
        "tags",
        "the parse of a trained pipeline",
        _over_match(dep_is),
        "the match's root attaches to its head by one of these dependency labels",
        needs_model=True,
    ),
    Condition(
        "head",
        "[words]",
        "words",
        "the parse of a trained pipeline",
        _over_match(head_is),
        "the word the match depends on is one of these (for an adjective, the noun it "
        'describes: "vulnerable *software*")',
        needs_model=True,
    ),
    Condition(
        "object",
        "[words]",
        "words",
        "the parse of a trained pipeline",
        _over_match(object_is),
        "the object of a verb match is one of these, directly or through a preposition "
        '("deliver *outcomes*", "deliver on *priorities*")',
        needs_model=True,
    ),
)
WINDOW = ("window: N", "the distance for `near`, `after` and `before` (default 6, at most 50)")


# -- the docs -------------------------------------------------------------------------------------
DOCS_START = "<!-- conditions: generated from plainwords.conditions; do not edit by hand -->"
DOCS_END = "<!-- end of generated conditions -->"


def docs_tables() -> str:
    """The condition tables of docs/lexicon-format.md, between their markers."""

    def table(rows: list[tuple[str, str, str]]) -> list[str]:
        lines = ["| condition | reads | holds when |", "|---|---|---|"]
        return lines + [f"| `{name}` | {reads} | {text} |" for name, reads, text in rows]

    free = [
        (f"{c.name}: {c.written}", c.reads, c.holds_when) for c in CONDITIONS if not c.needs_model
    ]
    free.append((WINDOW[0], "—", WINDOW[1]))
    model = [(f"{c.name}: {c.written}", c.reads, c.holds_when) for c in CONDITIONS if c.needs_model]
    lines = [DOCS_START, "", "Model-free conditions (they work on every run):", ""]
    lines += table(free)
    lines += [
        "",
        "Model-aware conditions (read only when a trained pipeline is in use, "
        "`--model en_core_web_sm`):",
        "",
    ]
    lines += table(model)
    return "\n".join([*lines, "", DOCS_END])


def replace_section(page: str, start_marker: str, end_marker: str, text: str) -> str:
    """The page with the section between two markers (the markers included) replaced."""
    start, end = page.index(start_marker), page.index(end_marker) + len(end_marker)
    return page[:start] + text + page[end:]


def updated_docs(page: str) -> str:
    """The page with its generated section replaced by the current tables."""
    return replace_section(page, DOCS_START, DOCS_END, docs_tables())


def _main(argv: list[str]) -> int:
    """``python -m plainwords.conditions PAGE``: rewrite the page's generated tables, the
    conditions' and the productive shapes' (``plainwords.productive``)."""
    from plainwords import productive
    from plainwords.atomic import write_atomically

    for name in argv:
        page = Path(name)
        text = productive.updated_docs(updated_docs(page.read_text(encoding="utf-8")))
        write_atomically(page, text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
