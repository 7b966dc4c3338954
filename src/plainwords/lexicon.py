"""Lexicon entries: what to flag, why, and what to say instead.

A lexicon is data written by people (our own and organisations' own), so loading validates every
field and reports each problem as ``file:line: what is wrong``. Nothing here knows spaCy: turning
terms into matchable forms lives in ``forms`` and matching in ``component``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from plainwords.alternatives import Alternative, parse_alternative
from plainwords.conditions import CONDITIONS
from plainwords.errors import LexiconError, did_you_mean
from plainwords.productive import NAMES as PRODUCTIVE_NAMES
from plainwords.yamlfile import DataError, LineDict, LineList, load_yaml_file

FORMAT_VERSION = 1
SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_RANK = {"suggestion": 1, "warning": 2, "error": 3}
INFLECTIONS = ("noun", "verb", "both", "none")
# The severity rubric (docs/lexicon-format.md): what kind of harm a term does decides its level.
KINDS = {
    "dehumanising": "error",
    "blaming": "warning",
    "jargon": "suggestion",
    "contested": "suggestion",
}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CATEGORY = re.compile(r"^[a-z][a-z0-9_-]*$")

# Token-pattern keys a lexicon may use. REGEX and FUZZY are left out on purpose: lexicons are
# data from many hands, and a backtracking regular expression could hang every run.
PATTERN_KEYS = frozenset(
    {"ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "POS", "TAG", "DEP", "SHAPE", "OP", "LENGTH"}
    | {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT"}
    | {"IS_SPACE", "IS_STOP", "IS_SENT_START", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
    | {"SPACY"}  # whether whitespace follows the token: "system-wide" is not "system - wide"
)
PATTERN_PREDICATES = frozenset({"IN", "NOT_IN", "==", "!=", ">=", "<=", ">", "<"})
MODEL_PATTERN_KEYS = frozenset({"POS", "TAG", "DEP", "LEMMA"})


@dataclass(frozen=True)
class Reference:
    """The published guide that supports an entry."""

    name: str
    url: str


@dataclass(frozen=True)
class Rewrite:
    """A sentence and the same sentence fixed. The fixer must make ``after`` from ``before``
    with one of the finding's options, unless ``reworded``: a person's rewording where no
    option can be pasted (the advice-only entries), which must itself be clean."""

    before: str
    after: str
    reworded: bool = False


@dataclass(frozen=True)
class Examples:
    """Sentences that show an entry at work: ``flag`` must be reported, ``ok`` must not."""

    flag: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()
    # (sentence, the same sentence fixed): the fixer must turn the first into the second.
    rewrite: tuple[Rewrite, ...] = ()


@dataclass(frozen=True)
class Conditions:
    """Context around a match, stated as data: one field per row of ``conditions.CONDITIONS``
    (a test keeps them in step), plus the ``window``. See docs/lexicon-format.md.

    Phrases are compared case-insensitively, word by word, with plural forms of the last word.
    """

    followed_by: tuple[str, ...] = ()
    preceded_by: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    sentence_has: tuple[str, ...] = ()
    window: int = 6
    capitalised: bool | None = None
    followed_by_capitalised: bool | None = None
    proper_name: bool | None = None
    # Model-aware: read only when a trained pipeline has tagged and parsed the text.
    pos: tuple[str, ...] = ()
    dep: tuple[str, ...] = ()
    head: tuple[str, ...] = ()
    object: tuple[str, ...] = ()

    def stated(self) -> list[str]:
        """The names of the conditions this block states."""
        return [c.name for c in CONDITIONS if getattr(self, c.name) not in ((), None)]

    def is_empty(self) -> bool:
        return not self.stated()

    def needs_model(self) -> bool:
        """Whether any condition here reads part of speech or the parse."""
        return any(getattr(self, c.name) for c in CONDITIONS if c.needs_model)


UNIVERSAL_POS = frozenset(
    {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN"}
    | {"PUNCT", "SCONJ", "SYM", "VERB", "X"}
)


@dataclass(frozen=True)
class Entry:
    """One thing plainwords flags, with everything needed to explain and fix it."""

    id: str
    category: str
    terms: tuple[str, ...]
    alternatives: tuple[str, ...]
    reason: str
    severity: str
    source: Reference
    topic: str | None = None
    note: str | None = None
    shapes: tuple[Alternative, ...] = ()  # ``alternatives`` with their shape, same order
    kind: str | None = None  # dehumanising | blaming | jargon | contested (the rubric)
    topics: tuple[str, ...] = ()  # every topic the entry belongs to, ``topic`` first
    autofix: bool = False
    inflect: str = "noun"
    spelling_variants: bool = False
    case_sensitive: bool = False
    patterns: tuple[Any, ...] = ()
    productive: tuple[str, ...] = ()  # shapes of ``plainwords.productive`` the terms grow into
    when: Conditions | None = None
    unless: Conditions | None = None
    examples: Examples = field(default_factory=Examples)
    file: str = ""
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """What a setting may call this entry by, most general first: its category, its topic,
        its id. ``disable`` and ``severity`` (and their overrides) match on these, and a later,
        more specific name wins."""
        topics = self.topics or ((self.topic,) if self.topic else ())
        return (self.category, *topics, self.id)

    def needs_model(self) -> bool:
        """Whether this entry's token patterns need a trained pipeline (POS, parse, lemmas)."""
        return any(
            key in MODEL_PATTERN_KEYS
            for pattern in self.patterns
            for token in pattern
            for key in token
        )


@dataclass(frozen=True)
class Lexicon:
    """An ordered, validated collection of entries from one or more files."""

    entries: tuple[Entry, ...]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(entry.category for entry in self.entries))

    @cached_property
    def names(self) -> frozenset[str]:
        """Every id, category and topic of the entries: what settings may name."""
        return frozenset(name for entry in self.entries for name in entry.names)

    def without(self, names: Iterable[str]) -> Lexicon:
        """Drop entries named by id, category or topic (as a team's ``disable`` list does)."""
        drop = set(names)
        return Lexicon(tuple(e for e in self.entries if drop.isdisjoint(e.names)))

    def with_severities(self, overrides: dict[str, str]) -> Lexicon:
        """Change severities by entry id, category or topic; an id beats a topic beats a category."""
        if not overrides:
            return self

        def severity(entry: Entry) -> str:
            for name in reversed(entry.names):
                if name in overrides:
                    return overrides[name]
            return entry.severity

        return Lexicon(tuple(replace(e, severity=severity(e)) for e in self.entries))

    def merged(self, other: Lexicon) -> Lexicon:
        """Add an organisation's own entries: one with the same id, or sharing a term, replaces
        ours, so a team can reword, re-source or narrow any shipped entry."""
        ids = {e.id for e in other.entries}
        terms = {t.lower() for e in other.entries for t in e.terms}
        kept = tuple(
            e for e in self.entries if e.id not in ids and not terms & {t.lower() for t in e.terms}
        )
        return Lexicon(kept + other.entries)


def builtin_lexicon_dir() -> Path:
    """Where the shipped lexicons live: inside the wheel, or at the repository root in a checkout."""
    here = Path(__file__).resolve()
    packaged = here.parent / "lexicons"  # importlib.resources would cost a tenth of a start-up
    if packaged.is_dir():
        return packaged
    return here.parents[2] / "lexicons"


def builtin_lexicon_names() -> list[str]:
    return sorted(p.stem for p in builtin_lexicon_dir().glob("*.yaml"))


def resolve_lexicon(name: str | Path) -> Path:
    """A built-in lexicon name ("stigma") or a path to a YAML file."""
    text = str(name)
    if "/" not in text and "\\" not in text and not text.endswith((".yaml", ".yml")):
        path = builtin_lexicon_dir() / f"{text}.yaml"
        if not path.is_file():
            names = builtin_lexicon_names()
            known = ", ".join(names) or "none"
            raise LexiconError(
                [
                    DataError(
                        text,
                        None,
                        f"no built-in lexicon of that name (built-in: {known})"
                        + did_you_mean(text, names),
                    )
                ]
            )
        return path
    return Path(text)


def load_lexicon(names: Iterable[str | Path]) -> Lexicon:
    """Load and validate lexicon files; raise ``LexiconError`` listing every problem."""
    entries: list[Entry] = []
    problems: list[DataError] = []
    for name in names:
        try:
            path = resolve_lexicon(name)
            data = load_yaml_file(path)
        except LexiconError as error:
            problems.extend(error.problems)
            continue
        except DataError as error:
            problems.append(error)
            continue
        file_entries, file_problems = parse_lexicon(data, str(path))
        entries.extend(file_entries)
        problems.extend(file_problems)
    problems.extend(_cross_entry_problems(entries))
    if problems:
        raise LexiconError(problems)
    return Lexicon(tuple(entries))


def parse_lexicon(data: Any, path: str) -> tuple[list[Entry], list[DataError]]:
    """Turn one file's parsed YAML into entries, collecting problems instead of stopping at one."""
    problems: list[DataError] = []
    if data is None:
        return [], [DataError(path, None, "the lexicon file is empty")]
    if not isinstance(data, LineDict):
        return [], [
            DataError(path, 1, "a lexicon file must be a mapping with 'category' and 'entries'")
        ]
    unknown = set(data) - {"version", "category", "description", "entries"}
    for key in sorted(unknown, key=str):
        problems.append(
            DataError(path, data.line_of(str(key)), f"unknown key {key!r} at the top level")
        )
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        problems.append(
            DataError(
                path,
                data.line_of("version"),
                f"unsupported lexicon version {version!r} (this plainwords reads version {FORMAT_VERSION})",
            )
        )
    category = data.get("category")
    if not isinstance(category, str) or not _CATEGORY.match(category):
        problems.append(
            DataError(
                path,
                data.line_of("category"),
                "'category' must be a lower-case word such as 'stigma' or 'jargon'",
            )
        )
        category = "unknown"
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, LineList):
        problems.append(
            DataError(path, data.line_of("entries"), "'entries' must be a list of entries")
        )
        return [], problems
    entries = []
    for index, raw in enumerate(raw_entries):
        line = raw_entries.line_of(index)
        entry, entry_problems = _parse_entry(raw, category, path, line)
        problems.extend(entry_problems)
        if entry is not None:
            entries.append(entry)
    return entries, problems


_ENTRY_KEYS = {
    "id",
    "terms",
    "alternatives",
    "reason",
    "severity",
    "source",
    "topic",
    "topics",
    "kind",
    "note",
    "autofix",
    "inflect",
    "spelling_variants",
    "case_sensitive",
    "patterns",
    "productive",
    "when",
    "unless",
    "examples",
}
_CONDITION_KEYS = {c.name for c in CONDITIONS} | {"window"}


def _parse_entry(
    raw: Any, category: str, path: str, line: int
) -> tuple[Entry | None, list[DataError]]:
    problems: list[DataError] = []

    def problem(key: str | None, message: str, at: int | None = None) -> None:
        where = at or (raw.line_of(key) if key and isinstance(raw, LineDict) else line)
        label = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
        prefix = f"entry '{label}': " if label else ""
        problems.append(DataError(path, where, prefix + message))

    if not isinstance(raw, LineDict):
        return None, [DataError(path, line, "each entry must be a mapping with 'id', 'terms', …")]
    for key in sorted(set(raw) - _ENTRY_KEYS, key=str):
        problem(str(key), f"unknown key {key!r} (known keys: {', '.join(sorted(_ENTRY_KEYS))})")

    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        problem("id", "'id' must be kebab-case, like 'hard-to-reach'")
        entry_id = ""

    terms = _strings(raw, "terms", problem, required=False)
    patterns = _patterns(raw, problem)
    productive = _strings(raw, "productive", problem, required=False)
    for name in productive:
        if name not in PRODUCTIVE_NAMES:
            problem("productive", f"unknown shape {name!r} (known: {', '.join(PRODUCTIVE_NAMES)})")
    if not terms and not patterns:
        problem("terms", "'terms' must list at least one phrase (or give 'patterns')")
    for term in terms:
        if not re.search(r"\w", term):
            problem("terms", f"term {term!r} has no letters or digits, so it can never match")
    shapes = _alternatives(raw, problem)
    known = {" ".join(t.lower().split()) for t in terms}
    for alternative in shapes:
        stray = [t for t in alternative.applies_to if t not in known]
        if stray:
            problem(
                "alternatives",
                f"alternative {alternative.text!r} is 'for' {stray[0]!r}, not one of the terms",
            )
    reason = _text(raw, "reason", problem, required=True)
    note = _text(raw, "note", problem, required=False)
    topic = _text(raw, "topic", problem, required=False)
    topics = _strings(raw, "topics", problem, required=False)
    if topic and topic not in topics:
        topics.insert(0, topic)
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        problem("severity", f"'severity' must be one of {', '.join(SEVERITIES)}")
        severity = "warning"
    kind = raw.get("kind")
    if kind is not None and kind not in KINDS:
        problem("kind", f"'kind' must be one of {', '.join(KINDS)}")
        kind = None
    if kind and severity in SEVERITIES and severity != KINDS[kind]:
        problem(
            "severity",
            f"severity '{severity}' does not match kind '{kind}' (the rubric gives '{KINDS[kind]}')",
        )
    source = _reference(raw, problem)
    inflect = raw.get("inflect", "noun")
    if inflect not in INFLECTIONS:
        problem("inflect", f"'inflect' must be one of {', '.join(INFLECTIONS)}")
        inflect = "noun"
    flags = {}
    for key in ("autofix", "spelling_variants", "case_sensitive"):
        value = raw.get(key, False)
        if not isinstance(value, bool):
            problem(key, f"'{key}' must be true or false")
            value = False
        flags[key] = value
    when = _conditions(raw, "when", problem)
    unless = _conditions(raw, "unless", problem)
    examples = _examples(raw, problem)

    if problems:
        return None, problems
    return (
        Entry(
            id=entry_id,
            category=category,
            terms=tuple(terms),
            alternatives=tuple(a.text for a in shapes),
            shapes=tuple(shapes),
            kind=kind,
            topics=tuple(topics),
            reason=reason or "",
            severity=severity,
            source=source or Reference("", ""),
            topic=topic or (topics[0] if topics else None),
            note=note,
            inflect=inflect,
            patterns=tuple(patterns),
            productive=tuple(productive),
            when=when,
            unless=unless,
            examples=examples,
            file=path,
            line=line,
            **flags,
        ),
        [],
    )


def _strings(raw: LineDict, key: str, problem, *, required: bool) -> list[str]:
    value = raw.get(key)
    if value is None:
        if required:
            problem(key, f"'{key}' is required: list at least one")
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problem(key, f"'{key}' must be a list of non-empty text")
        return []
    if required and not value:
        problem(key, f"'{key}' must list at least one")
    return [" ".join(v.split()) for v in value]


def _alternatives(raw: LineDict, problem) -> list[Alternative]:
    value = raw.get("alternatives")
    if isinstance(value, str | dict):
        value = [value]
    if not isinstance(value, list) or not value:
        problem("alternatives", "'alternatives' is required: list at least one")
        return []
    shapes = []
    for item in value:
        alternative, message = parse_alternative(item)
        if message:
            problem("alternatives", message)
        elif alternative is not None:
            shapes.append(alternative)
    return shapes


def _text(raw: LineDict, key: str, problem, *, required: bool) -> str | None:
    value = raw.get(key)
    if value is None:
        if required:
            problem(key, f"'{key}' is required")
        return None
    if not isinstance(value, str) or not value.strip():
        problem(key, f"'{key}' must be non-empty text")
        return None
    return " ".join(value.split())


def _reference(raw: LineDict, problem) -> Reference | None:
    value = raw.get("source")
    if value is None:
        problem("source", "'source' is required: give the guide's 'name' and 'url'")
        return None
    if not isinstance(value, dict) or set(value) - {"name", "url"}:
        problem("source", "'source' must be a mapping with 'name' and 'url'")
        return None
    name, url = value.get("name"), value.get("url")
    if not isinstance(name, str) or not name.strip():
        problem("source", "'source' needs a 'name'")
        return None
    if not isinstance(url, str) or not re.match(r"^https?://\S+$", url):
        problem("source", "'source' needs a 'url' starting with http:// or https://")
        return None
    return Reference(name.strip(), url.strip())


def _conditions(raw: LineDict, key: str, problem) -> Conditions | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        problem(
            key, f"'{key}' must be a mapping of conditions ({', '.join(sorted(_CONDITION_KEYS))})"
        )
        return None
    unknown = set(value) - _CONDITION_KEYS
    if unknown:
        name = sorted(map(str, unknown))[0]
        at = value.line_of(name) if isinstance(value, LineDict) else None
        problem(
            key,
            f"unknown condition {name!r} in '{key}' (known: {', '.join(sorted(_CONDITION_KEYS))})",
            at=at,
        )
        return None
    fields: dict[str, Any] = {}
    ok = True

    def report(name: str, message: str) -> None:
        # Point at the condition's own line where the YAML gives one.
        nonlocal ok
        ok = False
        problem(key, message, at=value.line_of(name) if isinstance(value, LineDict) else None)

    for condition in CONDITIONS:
        name = condition.name
        if condition.kind == "flag":
            flag = value.get(name)
            if flag is not None and not isinstance(flag, bool):
                report(name, f"'{key}.{name}' must be true or false")
                continue
            fields[name] = flag
            continue
        items = value.get(name, [])
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            report(name, f"'{key}.{name}' must be a list of words or phrases")
            continue
        if condition.kind == "pos":
            bad = [i for i in items if i.strip().upper() not in UNIVERSAL_POS]
            if bad:
                report(
                    name,
                    f"'{key}.pos' has {bad[0]!r}, not a universal part-of-speech tag (such as NOUN, VERB, ADJ)",
                )
                continue
            fields[name] = tuple(i.strip().upper() for i in items)
        elif condition.kind == "tags":
            fields[name] = tuple(i.strip() for i in items)
        elif condition.kind == "words" and any(len(i.split()) > 1 for i in items):
            report(name, f"'{key}.{name}' lists single words (the lemma or form of one token)")
        else:
            fields[name] = tuple(" ".join(i.lower().split()) for i in items)
    window = value.get("window", 6)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 50:
        report("window", f"'{key}.window' must be a whole number from 1 to 50")
    if not ok:
        return None
    conditions = Conditions(window=window, **fields)
    if conditions.is_empty():
        problem(key, f"'{key}' states no condition")
        return None
    return conditions


def _examples(raw: LineDict, problem) -> Examples:
    value = raw.get("examples")
    if value is None:
        return Examples()
    if not isinstance(value, dict) or set(value) - {"flag", "ok", "rewrite"}:
        problem(
            "examples",
            "'examples' must be a mapping with 'flag', 'ok' and/or 'rewrite' lists of sentences",
        )
        return Examples()
    lists = {}
    for name in ("flag", "ok"):
        items = value.get(name, [])
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            problem("examples", f"'examples.{name}' must be a list of sentences")
            items = []
        lists[name] = tuple(items)
    rewrites = value.get("rewrite", [])
    if not isinstance(rewrites, list) or not all(
        isinstance(r, dict)
        and {"before", "after"} <= set(r) <= {"before", "after", "reworded"}
        and all(isinstance(r[k], str) and r[k].strip() for k in ("before", "after"))
        and isinstance(r.get("reworded", False), bool)
        for r in rewrites
    ):
        problem(
            "examples",
            "'examples.rewrite' must be a list of {before: …, after: …, reworded: true|false}",
        )
        rewrites = []
    return Examples(
        **lists,
        rewrite=tuple(Rewrite(r["before"], r["after"], r.get("reworded", False)) for r in rewrites),
    )


def _patterns(raw: LineDict, problem) -> list[Any]:
    value = raw.get("patterns")
    if value is None:
        return []
    if not isinstance(value, list) or not value:
        problem(
            "patterns", "'patterns' must be a list of token patterns (each a list of token specs)"
        )
        return []
    for pattern in value:
        if (
            not isinstance(pattern, list)
            or not pattern
            or not all(isinstance(t, dict) for t in pattern)
        ):
            problem(
                "patterns",
                "each pattern must be a non-empty list of token specs such as {LOWER: 'did'}",
            )
            return []
        for token in pattern:
            for key, spec in token.items():
                if key not in PATTERN_KEYS:
                    problem("patterns", f"token attribute {key!r} is not allowed in patterns")
                    return []
                if isinstance(spec, dict) and set(spec) - PATTERN_PREDICATES:
                    bad = sorted(set(map(str, spec)) - PATTERN_PREDICATES)[0]
                    problem(
                        "patterns",
                        f"predicate {bad!r} is not allowed (use IN, NOT_IN or comparisons)",
                    )
                    return []
    return [_plain(p) for p in value]


def _plain(value: Any) -> Any:
    """Strip line-tracking types so patterns are ordinary JSON-like data."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _cross_entry_problems(entries: Sequence[Entry]) -> list[DataError]:
    problems = []
    seen_ids: dict[str, Entry] = {}
    seen_terms: dict[tuple[str, bool], Entry] = {}
    for entry in entries:
        first = seen_ids.get(entry.id)
        if first is not None:
            problems.append(
                DataError(
                    entry.file,
                    entry.line,
                    f"duplicate id '{entry.id}' (first at {first.file}:{first.line})",
                )
            )
        else:
            seen_ids[entry.id] = entry
        for term in entry.terms:
            key = (term if entry.case_sensitive else term.lower(), entry.case_sensitive)
            other = seen_terms.get(key)
            if other is not None and other.id != entry.id:
                problems.append(
                    DataError(
                        entry.file,
                        entry.line,
                        f"entry '{entry.id}': term {term!r} is already in entry '{other.id}' ({other.file}:{other.line})",
                    )
                )
            else:
                seen_terms[key] = entry
    return problems
