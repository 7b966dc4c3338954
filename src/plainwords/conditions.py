"""Context conditions from the lexicon (``when`` / ``unless``), compiled once and checked per match.

Entries state innocent senses as data: "hard to reach" unless followed by "shelf"; "deliver" when
"outcomes" comes soon after; "DNA" unless the sentence talks of genes. Each condition is a pure
function over a Doc's tokens, so the same entries work on a blank pipeline and on a trained one.

The model-aware conditions (``pos``, ``dep``, ``head``, ``object``) read the tagger and parser. On
a blank pipeline they are *skipped*: left out of the check as if not written, so a ``when`` block
still lets the match through on its other conditions and an ``unless`` block does not excuse it on
their account.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from plainwords.forms import inflections, joinings
from plainwords.lexicon import Conditions
from plainwords.sentences import sentence_bounds

Phrase = tuple[str, ...]

# Small words a name or title may hold without breaking the run of capitals
# ("Department for Work and Pensions", "Hard to Reach Theatre", "Mental Health Act 1983").
_NAME_GLUE = frozenset(
    {"of", "the", "and", "for", "to", "in", "on", "at", "a", "an", "&", "'s", "’s", "de", "by"}
)
_LINE_STARTS = frozenset(
    {".", "!", "?", ":", "•", "-", "–", "—", "*", "#", ";", "|", '"', "“", "‘", "'", "(", "["}
)
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "nsubjpass", "pobj"})


@dataclass(frozen=True)
class CompiledConditions:
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
    """Turn phrases into lower-case token tuples, with plurals and hyphen variants of each."""
    if conditions is None:
        return None

    def phrases(items: tuple[str, ...]) -> frozenset[Phrase]:
        result = set()
        for item in items:
            for form in inflections(item, "noun"):
                for joined in joinings(form):
                    result.add(tuple(t.lower_ for t in tokenize(joined)))
        return frozenset(result)

    def words(items: tuple[str, ...]) -> frozenset[str]:
        return frozenset(form for item in items for form in inflections(item, "noun"))

    return CompiledConditions(
        followed_by=phrases(conditions.followed_by),
        preceded_by=phrases(conditions.preceded_by),
        near=phrases(conditions.near),
        after=phrases(conditions.after),
        before=phrases(conditions.before),
        sentence_has=phrases(conditions.sentence_has),
        window=conditions.window,
        capitalised=conditions.capitalised,
        followed_by_capitalised=conditions.followed_by_capitalised,
        proper_name=conditions.proper_name,
        pos=frozenset(conditions.pos),
        dep=frozenset(conditions.dep),
        head=words(conditions.head),
        object=words(conditions.object),
    )


# -- word-list helpers ----------------------------------------------------------------------------
def _words(doc: Doc, start: int, end: int) -> list[str]:
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
    return _starts_with(_words(doc, end, end + longest), phrases)


def preceded_by(doc: Doc, start: int, phrases: frozenset[Phrase]) -> bool:
    """The words right before the match are one of the phrases."""
    longest = max(map(len, phrases), default=0)
    return _ends_with(_words(doc, start - longest, start), phrases)


def near(doc: Doc, start: int, end: int, phrases: frozenset[Phrase], window: int) -> bool:
    """One of the phrases lies within ``window`` tokens either side (not across the match)."""
    around = _words(doc, start - window, start) + ["\0"] + _words(doc, end, end + window)
    return _contains(around, phrases)


def after(doc: Doc, end: int, phrases: frozenset[Phrase], window: int) -> bool:
    """One of the phrases starts within ``window`` tokens after the match, in the same sentence."""
    _, sentence_end = sentence_bounds(doc, end - 1)
    return _contains(_words(doc, end, min(end + window, sentence_end)), phrases)


def before(doc: Doc, start: int, phrases: frozenset[Phrase], window: int) -> bool:
    """One of the phrases ends within ``window`` tokens before the match, in the same sentence."""
    sentence_start, _ = sentence_bounds(doc, start)
    return _contains(_words(doc, max(start - window, sentence_start), start), phrases)


def sentence_has(doc: Doc, start: int, end: int, phrases: frozenset[Phrase]) -> bool:
    """One of the phrases occurs anywhere in the match's sentence, outside the match itself."""
    first, last = sentence_bounds(doc, start)
    return _contains(_words(doc, first, start) + ["\0"] + _words(doc, end, last), phrases)


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
    if _all_capitals(doc, first, last):
        return False
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
    c = conditions
    checks: list[bool | None] = []
    if c.followed_by:
        checks.append(followed_by(doc, end, c.followed_by))
    if c.preceded_by:
        checks.append(preceded_by(doc, start, c.preceded_by))
    if c.near:
        checks.append(near(doc, start, end, c.near, c.window))
    if c.after:
        checks.append(after(doc, end, c.after, c.window))
    if c.before:
        checks.append(before(doc, start, c.before, c.window))
    if c.sentence_has:
        checks.append(sentence_has(doc, start, end, c.sentence_has))
    if c.capitalised is not None:
        checks.append(is_capitalised(doc, start, end) == c.capitalised)
    if c.followed_by_capitalised is not None:
        checks.append(followed_by_capitalised(doc, end) == c.followed_by_capitalised)
    if c.proper_name is not None:
        checks.append(in_proper_name(doc, start, end) == c.proper_name)
    if c.pos:
        checks.append(pos_is(doc, start, end, c.pos))
    if c.dep:
        checks.append(dep_is(doc, start, end, c.dep))
    if c.head:
        checks.append(head_is(doc, start, end, c.head))
    if c.object:
        checks.append(object_is(doc, start, end, c.object))
    known = [check for check in checks if check is not None]
    return all(known) if every else any(known)
