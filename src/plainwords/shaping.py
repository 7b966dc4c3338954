"""Shape an entry's alternatives to the sentence they will be pasted into.

A finding's alternatives are a promise to every client (JSON, SARIF, the editor, the web page):
each is the exact text to put in place of the finding's fix span, already in the matched words'
tense, number and case, with the article before it agreeing ("an alcoholic" → "a person with an
alcohol dependency") and a preposition the alternative makes redundant taken away ("impacted on
services" → "affected services"). An alternative that cannot be made to fit is not offered as
text to paste: it goes to ``advice``, so nothing the lexicon says is lost.

Inflection uses lemminflect: it inflects and lemmatises from its own tables without a trained
spaCy model (so it works offline on ``spacy.blank("en")``), covers words it has never seen by
rule, and is already what ``forms`` uses to generate the forms matched, so a word is read and
written by the same tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from plainwords.alternatives import Alternative, holds_around
from plainwords.forms import inflections, joinings, spellings
from plainwords.lexicon import Entry
from plainwords.qualifiers import narrowed, substance

_SPLIT = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class Suggestions:
    """What a finding offers: text to paste over ``text[fix_start:fix_end]``, and advice."""

    fix_start: int
    fix_end: int
    alternatives: tuple[str, ...] = ()  # keep the meaning: what ``fix`` may apply
    consider: tuple[str, ...] = ()  # keep the meaning only in some contexts: a person decides
    advice: tuple[str, ...] = ()  # not words to paste


@dataclass(frozen=True)
class _Shaped:
    start: int
    end: int
    text: str


def suggest(text: str, start: int, end: int, entry: Entry) -> Suggestions:
    """Every alternative of ``entry`` shaped for the match ``text[start:end]``.

    Where one alternative needs a wider span than another (one drops the article, another keeps
    it), all are given over the widest span, with the words they keep written back, so every
    alternative replaces the same characters.
    """
    fits: list[tuple[Alternative, _Shaped]] = []
    advice: list[str] = []
    for alternative in entry.shapes or tuple(Alternative.plain(a) for a in entry.alternatives):
        if alternative.conditional and not holds_around(alternative, text, start, end):
            alternative = replace(alternative, consider=True)  # right in another setting
        if _other_verb_form(text[start:end], alternative.text):
            continue  # another form of the same word ("impacting" for "impacted"), listed for it
        if alternative.applies_to and not _from_terms(
            text[start:end], entry, alternative.applies_to
        ):
            continue  # stands for another of the entry's terms
        shaped = None if alternative.advice else shape(text, start, end, entry, alternative)
        if shaped is None:
            advice.append(alternative.text)
        else:
            fits.append((alternative, shaped))
    fix_start = min([start, *(s.start for _, s in fits)])
    fix_end = max([end, *(s.end for _, s in fits)])

    def spanning(shaped: _Shaped) -> str:
        return text[fix_start : shaped.start] + shaped.text + text[shaped.end : fix_end]

    alternatives = [spanning(s) for a, s in fits if not a.consider]
    consider = [spanning(s) for a, s in fits if a.consider]
    return Suggestions(
        fix_start,
        fix_end,
        tuple(dict.fromkeys(alternatives)),
        tuple(dict.fromkeys(c for c in consider if c not in alternatives)),
        tuple(dict.fromkeys(advice)),
    )


# Words after which an article is not a determiner of the match ("a lot", "the use of").
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=[^\w'’-]))(an?|the)([ \t]+)$", re.IGNORECASE)
# Matched at the end of a match with ``pattern.match(text, end)``: slicing ``text[end:]`` would copy
# the rest of the document for every finding (most of the time spent on a book's findings).
_POSSESSIVE_AFTER = re.compile(r"(?:['’]s\b|['’](?!\w))")
_FOLLOWING_WORD = re.compile(r"[ \t]*([\w'’]+|[^\w\s]|$)")
# Words that begin a phrase after a noun: the noun before them is the phrase's head.
_POSTMODIFIERS = frozenset(
    [
        "with",
        "who",
        "whose",
        "which",
        "that",
        "of",
        "in",
        "experiencing",
        "sleeping",
        "using",
        "living",
        "from",
        "for",
        "on",
        "at",
        "without",
        "affected",
        "receiving",
        "seeking",
        "leaving",
        "being",
        "getting",
    ]
)
# Words an alternative may end with that the text may already have next ("check that that").
_REPEATABLE = frozenset(
    ["with", "to", "into", "on", "at", "for", "from", "about", "of", "in", "that"]
)
_SINGULAR_ONLY = frozenset({"someone", "somebody", "anyone", "anybody", "everyone"})
_NO_ARTICLE = (
    _SINGULAR_ONLY
    | {"people", "those", "anyone"}
    | set(
        [
            "one",
            "our",
            "your",
            "their",
            "his",
            "her",
            "its",
            "my",
            "several",
            "some",
            "many",
            "most",
            "all",
            "both",
            "much",
            "every",
            "each",
            "this",
            "these",
        ]
    )
)
_PLURAL_FIRST = frozenset({"people", "those", "persons", "children", "adults"})
_NOUN_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children"}
_PERSON_NOUNS = frozenset({"person", "people", "persons", "child", "children"})
_NOUN_SINGULARS = {plural: singular for singular, plural in _NOUN_PLURALS.items()}
_VERB_NUMBER = {"is": "are", "was": "were", "has": "have", "does": "do"}
_VERB_NUMBER_BACK = {plural: singular for singular, plural in _VERB_NUMBER.items()}


def shape(
    text: str, start: int, end: int, entry: Entry, alternative: Alternative
) -> _Shaped | None:
    """One alternative shaped for the match ``text[start:end]``, or ``None`` when it cannot fit
    (a hint, a singular-only phrase for a plural label, a possessive on a phrase with words after
    its head)."""
    matched = text[start:end]
    words = alternative.text
    lead = start  # where the replaced words begin: before the match when it takes a qualifier in
    named, named_at = _named_substance(text, start, matched)
    if named:
        narrower = narrowed(words, named)
        if narrower is not None:
            words, lead = narrower, named_at  # "cocaine addicts" → "people who use cocaine"
        elif named_at < start and _post_modified(words):
            return None  # "cocaine people in recovery": the qualifier cannot stay before it
    if entry.productive and matched.split(" ")[0].lower() in ("the", "our"):
        kept = _with_collective_modifiers(matched, entry, words)
        if kept is None:
            return None  # "the severely mentally ill": no place for "severely" in the phrase
        words = kept
    if _person_phrase(words) and (_glued(text, lead) or _glued_substance_before(text, lead)):
        return None  # "non-heroin addicts", "crack-cocaine addicts": no phrase about people fits
    if _person_phrase(words) and _post_modified(words) and _describes_the_activity(text, lead):
        return None  # "ongoing people who attend often": the modifier was about the activity
    if _person_phrase(words) and _adverb_before(text, lead):
        return None  # "severely mentally ill patients": "severely people with …" reads wrongly
    if _person_phrase(words) and _adjective_in_use(text, start, matched):
        return None  # "mentally handicapped children", "he is mentally defective": no noun fits
    number = _match_number(matched, entry)
    declared = alternative.number or (None if alternative.pos else _guess_number(words))
    if number == "singular" and declared == "plural" and not _counted(text, start, matched):
        number = None  # "blue sky thinking" → "fresh ideas": a mass noun is not one of many
    if number and declared and number != declared and alternative.pos in (None, "noun"):
        renumbered = _renumber(words, number)
        if renumbered is None:
            return None
        words = renumbered
        declared = number
    if matched.lower().endswith(" of"):
        words = _quantifier_fit(words, text, end)
    case_like = _case_guide(text, start, end, entry)
    inflected = swap(
        matched, entry, words, prefer=_participle_wanted(text, start), case_like=case_like
    )
    if inflected is None:
        if number == "plural" and declared is None and _is_noun_like(alternative, entry):
            return None  # a plural label given a phrase that cannot be made plural
        inflected = _cased(case_like, entry, words)
    if inflected.split(" ")[0].lower() == "having" and words.split(" ")[0].lower() == "have":
        return None  # "have" of a condition takes no -ing: "children having asthma"
    after = _base_form_wanted(text, start)
    if after:
        based = _in_base_form(inflected, after)
        if based is None:
            return None
        inflected = based
    if (
        _POSSESSIVE_AFTER.match(text, end)
        and _head_index(words.split(" ")) != len(words.split(" ")) - 1
    ):
        return None
    if number and _is_noun_like(alternative, entry) and _cannot_be_noun(words, text, end, number):
        return None  # an adjective offered for a label used as a noun ("a psycho who …")
    inflected = _with_term_article(matched, inflected, declared)
    fix_start, fix_end, out = lead, end, inflected
    if lead < start:
        out = _capital_like(text[lead:start], out)
    article = _ARTICLE_BEFORE.search(text[max(0, lead - 12) : lead])
    if article and not _starts_with_article(matched):
        said, gap = article.group(1), article.group(2)
        at = lead - len(said) - len(gap)
        drop = (
            alternative.article == "none"
            or words.split(" ")[0].lower() in _NO_ARTICLE
            or _starts_with_article(words)
            or (said.lower() in ("a", "an") and declared == "plural")
        )
        if drop:
            fix_start, out = at, _capital_like(said, out)
        elif said.lower() in ("a", "an") and out.lower().startswith("other "):
            fix_start, out = at, _capital_like(said, "another") + out[len("other") :]
        elif said.lower() in ("a", "an"):
            needed = "an" if _vowel_sound(out) else "a"
            if needed != said.lower():
                fix_start, out = at, _capital_like(said, needed) + gap + out
    if _wants_a_clause(words, matched) and _noun_phrase_follows(text, end):
        return None  # "ensure the delivery of support" → "make sure the delivery of support"
    if _pronoun_left_modified(words, text, end):
        return None  # "address the concerns raised" → "deal with them raised"
    if _repeats_a_neighbour(text, fix_start, fix_end, out):
        return None  # "officers, partners, stakeholders" → "partners, partners"
    last = words.split(" ")[-1].lower()
    drops = (*alternative.drops, *((last,) if last in _REPEATABLE else ()))
    if _bare_gerund_for_noun(words, matched, text, fix_start):
        drops = (*drops, "of")  # "Implementation of the plan" → "Carrying out the plan"
    if drops:
        # "liaise with" → "work with": the text's own "with" would be said twice
        dropped = _dropped(drops).match(text, end)
        if dropped:
            fix_end = dropped.end()
    return _Shaped(fix_start, fix_end, out)


# A quantifier takes "of" before a determiner or a pronoun ("most of the callers", "some of
# them") and none before a bare noun ("most callers"): a term that ends in "of" ("the majority
# of", "a number of") says "of" either way, so its alternative is fitted to what follows.
_QUANTIFIERS = frozenset(["most", "many", "some", "several", "few", "all", "both", "much", "half"])
_DETERMINERS = frozenset(
    ["the", "this", "that", "these", "those", "our", "your", "their", "his", "her", "its", "my"]
    + ["them", "us", "you", "it", "which", "whom"]
)


def _quantifier_fit(words: str, text: str, end: int) -> str:
    """ "most" or "most of", whichever fits before the words after the match."""
    parts = words.split(" ")
    if parts[0].lower() not in _QUANTIFIERS or parts[1:] not in ([], ["of"]):
        return words
    following = _FOLLOWING_WORD.match(text, end)
    word = following.group(1).lower() if following else ""
    return parts[0] + " of" if word in _DETERMINERS else parts[0]


# Words that show a finite verb, and so a clause: "make sure the park *is* searched".
_FINITE = frozenset(
    [
        "is",
        "are",
        "am",
        "was",
        "were",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "do",
        "does",
        "did",
        "don't",
        "doesn't",
        "didn't",
        "can't",
        "won't",
        "cannot",
        "get",
        "gets",
        "got",
        "feel",
        "feels",
        "know",
        "knows",
    ]
)
_RELATIVES = frozenset(["who", "which", "that", "whose", "whom", "where"])
_UP_TO_PUNCTUATION = re.compile(r"[^.,;:!?()\n]{0,120}")


def _wants_a_clause(words: str, matched: str) -> bool:
    """Whether an alternative must be followed by a clause ("make sure", "check that") where the
    matched words need not be ("ensure", which also takes a noun: "ensure the delivery of")."""
    last = words.lower().split(" ")[-1]
    return last in ("sure", "that") and matched.lower().split(" ")[-1] != "that"


def _noun_phrase_follows(text: str, end: int) -> bool:
    """Whether the words after the match are a noun phrase rather than a clause: they open with
    an article and hold no finite verb before the next punctuation, outside a relative clause
    ("the health of those who may be sleeping rough" is a noun phrase)."""
    span = _UP_TO_PUNCTUATION.match(text, end)
    words = re.findall(r"[\w'’]+", span.group(0).lower()) if span else []
    if not words or words[0] not in ("a", "an", "the"):
        return False
    possessive = words[1].endswith(("'s", "’s")) if len(words) > 1 else False
    if len(words) > 2 and len(words[2]) > 3 and words[2].endswith("ed") and not possessive:
        return False  # a past tense right after "the noun": "the situation remained in control"
    for word in words[1:]:
        if word in _RELATIVES:
            return True
        if word in _FINITE:
            return False
    return True


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
# Words that go on describing a noun just replaced by a pronoun ("the concerns *raised*").
_NOUN_MODIFIERS_AFTER = frozenset(
    ["that", "which", "who", "whom", "of", "about", "around", "facing"]
)


def _pronoun_left_modified(words: str, text: str, end: int) -> bool:
    """Whether an alternative with "it" or "them" for its object would be followed by words that
    described the noun it replaced: "the concerns raised", "the issues that remain"."""
    if not {"it", "them"} & set(words.lower().split(" ")):
        return False
    following = _NEXT_WORD.match(text, end)
    if not following:
        return False
    word = following.group(1).lower()
    return word in _NOUN_MODIFIERS_AFTER or (word.endswith("ed") and len(word) > 4)


def _bare_gerund_for_noun(words: str, matched: str, text: str, start: int) -> bool:
    """Whether an "-ing" alternative replaces a noun with no determiner before it: then it takes
    its object directly ("carrying out the plan"), and an "of" after the noun goes."""
    split = words.lower().split(" ")
    if not split[0].endswith("ing") or matched.split(" ")[0].lower().endswith("ing"):
        return False
    if {"a", "an", "the", "it", "them", "of"} & set(split[1:]):
        return False  # "spreading the word": the alternative has its own object
    before = _words_before(text, start, 20)
    return not (before and (before[-1] in _COUNTING or before[-1] in _GROUP_DETERMINERS))


# Describing words about the people themselves, which go before "people …" ("the young homeless"
# → "young people experiencing homelessness").
_ABOUT_THE_PEOPLE = frozenset(
    ["young", "younger", "old", "older", "elderly", "single", "local", "female", "male", "adult"]
)


def _with_collective_modifiers(matched: str, entry: Entry, words: str) -> str | None:
    """The alternative keeping the describing words of a collective label ("the street homeless"
    → "people experiencing street homelessness", "the newly disabled" → "newly disabled people"),
    or ``None`` where they have no place in it. ``words`` unchanged where there are none."""
    said = matched.lower().split()
    for term in entry.terms:
        label = term.lower().split()[1:]
        if not label or said[len(said) - len(label) :] != label or len(said) == len(label) + 1:
            continue
        if len(label) > 1:
            return None  # "the severely mentally ill": the phrase has no one word to describe
        describing = said[1 : len(said) - len(label)]
        split = words.split(" ")
        if all(d in _ABOUT_THE_PEOPLE for d in describing) and split[0].lower() in _PLURAL_FIRST:
            return " ".join([*describing, *split])
        stem = label[-1]
        for index, word in enumerate(split):
            if word.lower() == stem:  # the same adjective: "newly disabled people"
                return " ".join([*split[:index], *describing, *split[index:]])
            if word.lower().startswith(stem) and word.lower() != stem:  # its noun: "homelessness"
                adjectives = [_adjective_of(d) for d in describing]
                return " ".join([*split[:index], *adjectives, *split[index:]])
        return None
    return words


def _adjective_of(word: str) -> str:
    """The adjective an adverb comes from ("chronically" → "chronic", "newly" → "new"), to
    describe a noun; other words as they are."""
    if word.endswith("ically"):
        return word[: -len("ally")]
    if word.endswith("ily"):
        return word[: -len("ily")] + "y"
    if word.endswith("ly") and len(word) > 4:
        return word[: -len("ly")]
    return word


def _repeats_a_neighbour(text: str, start: int, end: int, out: str) -> bool:
    """Whether ``out`` is the item next to the match in a list ("partners, [stakeholders]"), so
    pasting it would say one thing twice."""
    wanted = " ".join(out.lower().split())
    before = re.search(
        r"([\w'’ -]+?)[ \t]*(?:,|\band\b|\bor\b|&)[ \t]*$", text[max(0, start - 60) : start]
    )
    after = re.match(
        r"[ \t]*(?:,|\band\b|\bor\b|&)[ \t]*([\w'’ -]+?)(?=[ \t]*(?:[,.;:!?)]|\band\b|\bor\b|$))",
        text[end : end + 60],
    )
    items = [m.group(1) for m in (before, after) if m]
    return any(" ".join(item.lower().split()) == wanted for item in items)


def _named_substance(text: str, start: int, matched: str) -> tuple[str | None, int]:
    """The substance a label names, in its first word ("heroin addicts") or the word just before
    it ("cocaine addicts"), and where the words to replace begin. A word naming the substance
    further ("crack cocaine", "crystal meth") goes with it."""
    first = _words(matched)[0] if matched.strip() else ""
    named, at = substance(first), start
    if not named:
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if before is None or not substance(before.group(1)):
            return None, start
        named, at = substance(before.group(1)), before.start(1)
    further = _WORD_BEFORE.search(text, max(0, at - 30), at)
    if further and (substance(further.group(1)) or further.group(1).lower() in _NAMING_MORE):
        return f"{further.group(1).lower()} {named}", further.start(1)
    return named, at


def _glued(text: str, start: int) -> bool:
    """Whether the match is the end of a longer word: a hyphen or a letter right before it."""
    return start > 0 and (text[start - 1] == "-" or text[start - 1].isalnum())


def _glued_substance_before(text: str, start: int) -> bool:
    """Whether a hyphenated word naming a substance stands right before the match
    ("crack-cocaine addicts"), which can neither stay before a phrase about people nor be read
    as one substance with certainty ("non-heroin")."""
    before = _HYPHENATED_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and substance(before.group(1)) is not None


_HYPHENATED_BEFORE = re.compile(r"[A-Za-z]-([A-Za-z]+)[ \t]+$")
# A whole word right before a position: not the end of a longer word ("xéheroin") or of a
# hyphenated one ("non-heroin"), whose first part a person-first phrase cannot follow.
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z]+)[ \t]+$")
# Words that say which form of a substance ("crystal meth", "powder cocaine").
_NAMING_MORE = frozenset(["crystal", "powder", "powdered", "synthetic", "street", "liquid"])


_GROUP_DETERMINERS = frozenset(["the", "our", "their", "these", "those", "such", "your", "its"])


def _person_phrase(words: str) -> bool:
    """Whether an alternative names people ("people with a learning disability", "person who …")."""
    first = words.split(" ")[0].lower()
    return first in _PERSON_NOUNS or first in _PLURAL_FIRST or first in _SINGULAR_ONLY


def _adjective_in_use(text: str, start: int, matched: str) -> bool:
    """Whether the matched words are an adjective phrase ("mentally handicapped": an adverb and an
    adjective) used as one, describing a noun or after "is", rather than standing for a group
    after "the" ("the mentally handicapped")."""
    words = _words(matched)
    if len(words) < 2 or not words[0].endswith("ly") or not _is_adjective(words[-1]):
        return False
    before = _words_before(text, start, 20)
    return not (before and before[-1] in _GROUP_DETERMINERS)


def _post_modified(words: str) -> bool:
    """Whether a noun phrase has words after its head ("person who uses drugs"), so nothing
    describing the person can be put before it without reading wrongly."""
    split = words.split(" ")
    return len(split) > 1 and _head_index(split) < len(split) - 1


# Adjectives about how long, how much or how often, or whether it is so at all, which describe
# what a label names the person by: "ongoing frequent attenders", "serious junkie", "former
# addicts", "alleged drug addicts".
_ABOUT_THE_ACTIVITY = frozenset(
    [
        "active",
        "alleged",
        "binge",
        "casual",
        "chronic",
        "compulsive",
        "confirmed",
        "convicted",
        "current",
        "daily",
        "entrenched",
        "episodic",
        "former",
        "frequent",
        "habitual",
        "hardcore",
        "hardened",
        "heavy",
        "intermittent",
        "known",
        "lifelong",
        "notorious",
        "occasional",
        "ongoing",
        "persistent",
        "problem",
        "problematic",
        "prolific",
        "recovering",
        "recreational",
        "reformed",
        "regular",
        "repeat",
        "serious",
        "sporadic",
        "suspected",
        "temporary",
    ]
)
_RUN_JOINERS = frozenset([",", "and", "or"])


def _about_the_activity(word: str) -> bool:
    return word in _ABOUT_THE_ACTIVITY or word.endswith(("-term", "-time", "-standing", "-core"))


# Words ending in -ly that are not adverbs and not in lemminflect's adjectives.
_LY_NOUNS = frozenset(["family", "assembly", "supply", "ally", "rally", "italy", "july", "bully"])


def _adverb_before(text: str, start: int) -> bool:
    """Whether the word right before the match is an adverb ("severely", "chronically"), which
    modifies the label's own adjective and has nothing to modify in a phrase about people."""
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 40) : start])
    if before is None:
        return False
    word = before.group(1).lower()
    return word.endswith("ly") and word not in _LY_NOUNS and not _is_adjective(word)


# Endings of describing words ("homeless", "dangerous", "chronic", "disabled"), read without
# lemminflect: the words before a match come from any text, and asking lemminflect about one it
# has not cached loads its tables (a quarter of a second) for a question a suffix answers well
# enough: whether to read on past a word for a modifier about the activity further back.
_DESCRIBING_ENDINGS = (
    "less", "ous", "ful", "ive", "ic", "al", "able", "ible", "ent", "ant", "ish", "ed", "ing", "y",
)  # fmt: skip


def _looks_descriptive(word: str) -> bool:
    return word.endswith(_DESCRIBING_ENDINGS) and word not in _NOT_DESCRIBING


# Function words with those endings: they end a run of describing words.
_NOT_DESCRIBING = frozenset(["any", "many", "only", "very", "they", "why", "during", "nothing"])


def _describes_the_activity(text: str, start: int) -> bool:
    """Whether the describing words right before the match ("temporary and ongoing") include one
    about the activity, which a post-modified alternative would leave describing the person."""
    tokens = re.findall(r"[\w'’-]+|[^\w\s]", text[max(0, start - 80) : start])
    for token in reversed(tokens):
        lower = token.lower()
        if lower in _RUN_JOINERS:
            continue
        if _about_the_activity(lower):
            return True
        if not (token.isalpha() and _looks_descriptive(lower)) or lower in _COUNTING:
            return False
    return False


# Words that follow a noun rather than modify one: a label before them is used as a noun.
_AFTER_NOUN = frozenset(
    [
        "who",
        "that",
        "which",
        "was",
        "is",
        "were",
        "are",
        "has",
        "had",
        "have",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "to",
        "of",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
    ]
)


@lru_cache(maxsize=256)
def _dropped(drops: tuple[str, ...]) -> re.Pattern[str]:
    """The text's own copy of a preposition the alternative already says, just after the match."""
    return re.compile(r"[ \t]+(" + "|".join(map(re.escape, drops)) + r")\b", re.IGNORECASE)


def _cannot_be_noun(words: str, text: str, end: int, number: str) -> bool:
    """Whether a one-word alternative with no noun forms is offered where a noun is needed."""
    if " " in words or "-" in words:
        return False
    following = _FOLLOWING_WORD.match(text, end)
    next_word = following.group(1).lower() if following else ""
    used_as_noun = number == "plural" or not next_word[:1].isalnum() or next_word in _AFTER_NOUN
    return used_as_noun and _noun_number(words.lower()) is None


def _with_term_article(matched: str, alternative: str, number: str | None) -> str:
    """A singular alternative for a term written with its article ("an alcoholic") takes one."""
    first = matched.split(" ")[0]
    if (
        number != "singular"
        or not _starts_with_article(matched)
        or _starts_with_article(alternative)
    ):
        return alternative
    if alternative.split(" ")[0].lower() in _NO_ARTICLE:
        return alternative
    article = "the" if first.lower() == "the" else "an" if _vowel_sound(alternative) else "a"
    return _capital_like(first, article) + " " + alternative[:1].lower() + alternative[1:]


_AUXILIARIES = frozenset(
    [
        "have",
        "has",
        "had",
        "having",
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "am",
        "get",
        "got",
        "gets",
    ]
)


def _words_before(text: str, start: int, reach: int) -> list[str]:
    """The words (lower case) in the ``reach`` characters before the match."""
    return [w.lower() for w in re.findall(r"[\w'’]+", text[max(0, start - reach) : start])]


def _participle_wanted(text: str, start: int) -> str | None:
    """ "VBN" where the word before the match makes a form like "ensured" a participle ("have
    ensured" → "have made sure", not "have saw that")."""
    before = _words_before(text, start, 30)
    return "VBN" if before and before[-1] in _AUXILIARIES else None


# After these a verb is in its base form: "to deal with", "will address", "don't always have".
_DO = frozenset(["do", "does", "did", "don't", "doesn't", "didn't", "don’t", "doesn’t", "didn’t"])
_MODALS = frozenset(["can", "could", "will", "would", "may", "might", "must", "should", "shall"])
_BASE_BEFORE = (
    _DO
    | _MODALS
    | frozenset(["to", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "mustn't"])
)
_BASE_ADVERBS = frozenset(["not", "always", "never", "also", "still", "often", "just", "really"])
_FINITE_BE = frozenset(["is", "are", "am", "was", "were"])


def _base_form_wanted(text: str, start: int) -> str | None:
    """The word before the match (over a few adverbs) if it wants a verb's base form."""
    before = _words_before(text, start, 40)
    while before and before[-1] in _BASE_ADVERBS:
        before.pop()
    return before[-1] if before and before[-1] in _BASE_BEFORE else None


def _in_base_form(alternative: str, after: str) -> str | None:
    """An alternative after "to" or a modal: "is able to" → "be able to". A modal cannot follow
    one ("will can"), nor can "be" follow "do" ("don't always be able to"): ``None``."""
    first, _, rest = alternative.partition(" ")
    if first.lower() in _MODALS:
        return None
    if first.lower() in _FINITE_BE:
        if after in _DO:
            return None
        return _capital_like(first, "be") + (" " + rest if rest else "")
    return alternative


_COUNTING = frozenset(["a", "an", "one", "each", "every", "any", "this", "that", "another", "the"])


def _counted(text: str, start: int, matched: str) -> bool:
    """Whether a singular match is one of a countable kind: a determiner comes before it."""
    if matched.split(" ")[0].lower() in _COUNTING:
        return True
    before = _words_before(text, start, 20)
    return bool(before) and before[-1] in _COUNTING


def _other_verb_form(matched: str, alternative: str) -> bool:
    """Whether two single words are verb forms that cannot stand for each other."""
    if " " in matched.strip() or " " in alternative or not matched.isalpha():
        return False
    ours = _verb_tags(matched.lower())
    theirs = _verb_tags(alternative.lower())
    return bool(ours and theirs) and not (ours & theirs) and "VB" not in ours | theirs


def _verb_tags(word: str) -> set[str]:
    return set(_tags_of(_lemma(word), word, "VERB"))


def _from_terms(matched: str, entry: Entry, terms: tuple[str, ...]) -> bool:
    """Whether the matched words are a form of one of ``terms``."""
    wanted = " ".join(_words(matched))
    return any(
        " ".join(_words(joined)) == wanted
        for term in terms
        for spelled in (spellings(term) if entry.spelling_variants else {term})
        for inflected in inflections(spelled, entry.inflect)
        for joined in joinings(inflected)
    )


def _starts_with_article(phrase: str) -> bool:
    return phrase.split(" ")[0].lower() in ("a", "an", "the")


def _capital_like(word: str, text: str) -> str:
    """``text`` capitalised if ``word`` (an article being replaced) starts a sentence."""
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def _vowel_sound(text: str) -> bool:
    """Whether "an" goes before ``text``: a vowel letter, with the common exceptions."""
    word = text.lower()
    if word.startswith(("uni", "use", "usu", "eu", "one", "once", "ewe")):
        return False
    if word.startswith(("hour", "honest", "honour", "heir")):
        return True
    return word[:1] in "aeiou"


def _is_noun_like(alternative: Alternative, entry: Entry) -> bool:
    return (alternative.pos in (None, "noun")) and entry.inflect in ("noun", "both")


def _guess_number(text: str) -> str | None:
    """The number a plain-text alternative is written in, where its first word says."""
    if text.lower().startswith("the ") and " " in text[4:]:
        text = text[4:]  # "the people involved": the number is the noun's
    first = text.split(" ")[0].lower()
    if first in ("what", "how", "where", "who", "when", "why", "which", "whether"):
        return None  # a clause, the same in either number
    if first in _PLURAL_FIRST:
        return "plural"
    if first in _SINGULAR_ONLY or first in ("person", "a", "an"):
        return "singular"
    words = text.lower().split(" ")
    head = words[_head_index(words)]
    if head in _NOUN_PLURALS.values():
        return "plural"
    return _noun_number(head)


def _match_number(matched: str, entry: Entry) -> str | None:
    """Whether the matched words are the singular or the plural of a term, if that is known."""
    words = _words(matched)
    if entry.inflect == "verb":
        return None  # "address the issues": the object's number is not the phrase's
    if words and words[-1].endswith("ing") and len(words[-1]) > 5:
        return None  # "commissioning", "bed blocking": an activity, neither one nor many
    if entry.inflect not in ("noun", "both"):
        # Forms listed one by one: "the disabled" is a group, not a singular noun.
        if words[0] == "the" or not any(_words(t) == words for t in _terms(entry)):
            return None
        head = words[_head_index(words)]
        if _is_adjective(head):
            return None  # "the deserving poor": a group named by an adjective
        return _noun_number(head)
    for term in _terms(entry):
        term_words = _words(term)
        joined, term_joined = "".join(words), "".join(term_words)
        if len(words) != len(term_words) and joined.startswith(term_joined):
            # a closed-up compound ("workstreams" for "work stream")
            rest = joined[len(term_joined) :]
            return "singular" if not rest else "plural" if rest in ("s", "es") else None
        if len(words) != len(term_words) or words[:-1] != term_words[:-1]:
            continue
        if words == term_words:
            return _noun_number(words[_head_index(words)])
        if "NNS" in _tags_of(term_words[-1], words[-1], "NOUN"):
            return "plural"
    return None


@lru_cache(maxsize=4096)
def _is_adjective(word: str) -> bool:
    from plainwords import inflections as lemminflect

    return bool(lemminflect.getAllInflections(word, upos="ADJ"))


@lru_cache(maxsize=4096)
def _noun_number(word: str) -> str | None:
    """Whether a word on its own is a singular or a plural noun (``None``: not a known noun)."""
    from plainwords import inflections as lemminflect

    if word in _NOUN_PLURALS.values():
        return "plural"
    lemmas = lemminflect.getLemma(word, upos="NOUN", lemmatize_oov=False)
    if not lemmas:
        # A word lemminflect has never seen ("blockers"): trust a plural ending only.
        if word.endswith("s") and not word.endswith("ss") and word[:-1].isalpha():
            return "plural" if lemminflect.getLemma(word, upos="NOUN") != (word,) else None
        return "singular" if word.isalpha() and not _is_adjective(word) else None
    if lemmas[0] != word and word in lemminflect.getInflection(lemmas[0], tag="NNS"):
        return "plural"
    return "singular" if "NN" in lemminflect.getAllInflections(word, upos="NOUN") else None


def _head_index(words: list[str]) -> int:
    """The head noun of a noun phrase: the word before the first post-modifier, or the last."""
    if words[0].lower() in _PERSON_NOUNS:
        return 0  # "person convicted of …", "people on probation"
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in _POSTMODIFIERS:
            return index - 1
    return len(words) - 1


def _renumber(text: str, number: str) -> str | None:
    """A noun phrase in the other number ("person who uses drugs" → "people who use drugs")."""
    words = text.split(" ")
    if words[0].lower() in _SINGULAR_ONLY:
        return None
    if number == "plural" and words[0].lower() in ("a", "an"):
        words = words[1:]
    if not words:
        return None
    head = _head_index(words)
    changed = _noun_in(words[head], number)
    if changed is None:
        return None
    words[head] = changed
    if head + 1 < len(words) and words[head + 1].lower() in ("who", "that", "which"):
        at = head + 2
        while at < len(words) - 1 and words[at].lower() in _BASE_ADVERBS:
            at += 1  # "who often uses": the verb is after the adverb
        while at < len(words):  # "who uses and runs": every verb of the clause agrees
            verb = _verb_in(words[at], number)
            if verb is None:
                return None
            words[at] = verb
            if at + 2 < len(words) and words[at + 1] in ("and", "or"):
                at += 2
            else:
                break
    return " ".join(words)


def _noun_in(word: str, number: str) -> str | None:
    lower = word.lower()
    table = _NOUN_PLURALS if number == "plural" else _NOUN_SINGULARS
    if lower in table:
        return match_case(word, table[lower])
    tag = "NNS" if number == "plural" else "NN"
    if number == "singular" and lower in _NOUN_PLURALS:
        return word
    form = _inflect(lower, tag, "NOUN")
    return match_case(word, form) if form else None


def _verb_in(word: str, number: str) -> str | None:
    lower = word.lower()
    table = _VERB_NUMBER if number == "plural" else _VERB_NUMBER_BACK
    if lower in table:
        return table[lower]
    if lower in table.values():
        return lower
    if "-" in lower:  # "self-harms": lemminflect does not know it; the ending says the number
        if number == "plural":
            return lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower
        return lower if lower.endswith("s") else lower + "s"
    tags = _tags_of(_lemma(lower), lower, "VERB")
    if not tags or not {"VBZ", "VBP", "VB"} & set(tags):
        return lower  # a past tense ("who lost") or not a verb: the same in both numbers
    return _inflect(lower, "VBP" if number == "plural" else "VBZ", "VERB")


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    from plainwords import inflections as lemminflect

    lemmas = lemminflect.getLemma(word, upos="VERB", lemmatize_oov=True)
    return lemmas[0] if lemmas else word


def _terms(entry: Entry) -> list[str]:
    return sorted(
        {
            v
            for term in entry.terms
            for v in (spellings(term) if entry.spelling_variants else {term})
        }
    )


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
    from plainwords import inflections as lemminflect

    table = lemminflect.getAllInflections(lemma, upos=upos) or lemminflect.getAllInflectionsOOV(
        lemma, upos=upos
    )
    return tuple(sorted(tag for tag, forms in table.items() if form in forms))


def _inflect(word: str, tag: str, upos: str) -> str | None:
    """``word`` (which may itself be inflected, like "has") in the form ``tag``."""
    from plainwords import inflections as lemminflect

    lemmas = lemminflect.getLemma(word, upos=upos, lemmatize_oov=False)
    forms = lemminflect.getInflection(lemmas[0] if lemmas else word, tag=tag, inflect_oov=True)
    return forms[0] if forms else None


def _case_guide(text: str, start: int, end: int, entry: Entry) -> str:
    """What the alternative takes its capitals from: the matched words, unless they open with an
    acronym ("OAP", "AIDS carrier": the lexicon writes the term in capitals), whose capitals are
    the acronym's own and say nothing about the alternative; then only whether the match opens a
    sentence, or a line in capitals. A word the writer put in capitals ("We UTILISE it") is
    emphasis, and the alternative keeps it."""
    matched = text[start:end]
    first = matched.split(" ")[0]
    if not first[:2].isupper() or not any(t.split(" ")[0][:2].isupper() for t in entry.terms):
        return matched
    line_start = max(text.rfind("\n", max(0, start - 200), start) + 1, start - 200)
    line_end = text.find("\n", end, end + 200)
    line = text[line_start : end + 200 if line_end == -1 else line_end]
    if not any(c.islower() for c in line):
        return matched  # a heading in capitals: the alternative is written in capitals too
    before = text[max(0, start - 20) : start].rstrip(" \t\"'“‘([")
    return "X" if not before or before[-1] in ".!?\n" else "x"


def _cased(matched: str, entry: Entry, alternative: str) -> str:
    return alternative if entry.case_sensitive else match_case(matched, alternative)


def swap(
    matched: str,
    entry: Entry,
    alternative: str,
    prefer: str | None = None,
    case_like: str | None = None,
) -> str | None:
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
    cased_as = case_like or matched
    alt_words = alternative.split(" ")
    terms = {
        v for term in entry.terms for v in (spellings(term) if entry.spelling_variants else {term})
    }
    for term in sorted(terms):
        term_words = _words(term)
        if words == term_words:
            return _cased(cased_as, entry, alternative)
        if len(words) != len(term_words):
            continue
        if entry.inflect in ("verb", "both") and words[1:] == term_words[1:]:
            tags = list(_tags_of(term_words[0], words[0], "VERB"))
            if "VBD" in tags and "VBN" not in tags and words[0].endswith("ed"):
                tags.append("VBN")  # a regular past form is the participle too
            tags.sort(key=lambda t: t != prefer)
            for tag in tags:
                if tag == "VB":
                    continue
                first = _inflect(alt_words[0], tag, "VERB")
                if first:
                    return _cased(cased_as, entry, " ".join([first, *alt_words[1:]]))
        if (
            entry.inflect in ("noun", "both")
            and words[:-1] == term_words[:-1]
            and len(alt_words) == 1
            and "NNS" in _tags_of(term_words[-1], words[-1], "NOUN")
        ):
            plural = _inflect(alt_words[0], "NNS", "NOUN")
            if plural:
                return _cased(cased_as, entry, plural)
    return None
