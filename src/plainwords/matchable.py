"""Whether each lexicon term can be found in running text, given how the tokenizer splits it.

The matcher compares tokens, not characters: a term is tokenized on its own when the lexicon is
compiled, and a document is tokenized as a whole. The two can disagree. spaCy's English rules keep
the full stop of a known abbreviation ("e.g." is one token) but split it off a word it does not
know, so the term "e.g" becomes the token ``e.g`` while a sentence "see e.g. this" holds the token
``e.g.``, and the term never matches. A term "cannot match" when, written inside ordinary text
(between words, before a full stop or a comma, at the start of a sentence), the tokens over its
characters are not the tokens the term was compiled to. Such a term is a lexicon mistake and is
reported as ``file:line`` like any other.

This needs the pipeline's tokenizer, so it runs when a lexicon is compiled (a cache miss) or
validated, never on a warm start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from plainwords.forms import surface_forms
from plainwords.lexicon import Entry
from plainwords.yamlfile import DataError

# Running text around a form; "{}" is the form. A context whose next character is the form's own
# last one is skipped ("etc." before a full stop is written "etc.", not "etc..").
CONTEXTS = ("x {} x", "x {}.", "x {},", "{} x")

Tokenizer = Callable[[str], Iterable]


@dataclass(frozen=True)
class Split:
    """A form whose tokens on its own differ from its tokens in ``context``."""

    form: str
    alone: tuple[str, ...]
    context: str
    in_context: tuple[str, ...]
    # The characters those context tokens cover (the form with what the tokenizer joined to it).
    covered: str


def _spans(tokens: Iterable, offset: int, length: int) -> list[tuple[int, int]]:
    """The spans, relative to ``offset``, of the tokens overlapping [offset, offset + length)."""
    return [
        (token.idx - offset, token.idx + len(token) - offset)
        for token in tokens
        if token.idx < offset + length and token.idx + len(token) > offset
    ]


def splits(tokenizer: Tokenizer, form: str) -> Iterator[Split]:
    """Every context in which the form is not tokenized as it is alone."""
    alone = list(tokenizer(form))
    expected = _spans(alone, 0, len(form))
    for template in CONTEXTS:
        after = template[template.index("{}") + 2 :]
        if after and form.endswith(after[0]):
            continue
        context = template.format(form)
        offset = template.index("{}")
        tokens = list(tokenizer(context))
        if _spans(tokens, offset, len(form)) == expected:
            continue
        overlapping = [t for t in tokens if t.idx < offset + len(form) and t.idx + len(t) > offset]
        first, last = overlapping[0], overlapping[-1]
        yield Split(
            form=form,
            alone=tuple(t.text for t in alone),
            context=context,
            in_context=tuple(t.text for t in overlapping),
            covered=context[first.idx : last.idx + len(last)],
        )


def split_in_context(tokenizer: Tokenizer, form: str) -> Split | None:
    """The first context in which the form is not tokenized as it is alone, or ``None``."""
    return next(splits(tokenizer, form), None)


def unmatchable(
    tokenizer: Tokenizer,
    entries: Iterable[Entry],
    forms: Mapping[str, Iterable[str]] | None = None,
) -> list[DataError]:
    """One ``file:line`` problem for each entry with a form that cannot match in running text.

    A split is forgiven when another form of the same entry is exactly what the text holds
    there: an entry listing both "vs" and "vs." finds the word before a full stop too.
    ``forms`` (entry id → surface forms) saves expanding the terms again where a compiled
    component already holds them. The entry's own terms are tried first, so the message names
    what the writer wrote rather than an inflection of it.
    """
    problems = []
    for entry in entries:
        own = forms.get(entry.id) if forms is not None else None
        expanded = set(own) if own is not None else surface_forms(entry)
        expanded |= set(entry.terms)
        fold = (lambda text: text) if entry.case_sensitive else str.casefold
        known = {fold(form) for form in expanded}
        ordered = [*dict.fromkeys(entry.terms), *sorted(expanded - set(entry.terms))]
        for form in ordered:
            split = next(
                (
                    split
                    for split in splits(tokenizer, form)
                    if not (
                        fold(split.covered) in known
                        and tuple(t.text for t in tokenizer(split.covered)) == split.in_context
                    )
                ),
                None,
            )
            if split is not None:
                problems.append(
                    DataError(entry.file, entry.line, _message(entry, split, tokenizer))
                )
                break
    return problems


def _message(entry: Entry, split: Split, tokenizer: Tokenizer) -> str:
    term = split.form if split.form in entry.terms else None
    what = f"term {split.form!r}" if term else f"form {split.form!r} of its terms"
    advice = "match it with 'patterns' instead"
    if split.covered != split.form and split_in_context(tokenizer, split.covered) is None:
        advice = f"add {split.covered!r} to its terms or {advice}"
    return (
        f"entry '{entry.id}': {what} cannot match in running text: the tokenizer splits it as "
        f"{' | '.join(split.alone)} on its own but as {' | '.join(split.in_context)} in "
        f"{split.context!r}; {advice}"
    )
