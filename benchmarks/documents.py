"""How well plainwords does on whole documents, genre by genre.

``python -m benchmarks.documents [PATH ...]`` lints annotated documents and prints, for each genre
and overall: precision, recall, recall of serious labels, precision at warning level, the share of
findings that are wrong senses and mentions, and the warnings on a guide's list of words to avoid;
then every miss and false positive, grouped by why it is wrong.

A PATH is either a folder of suite files (``tests/accuracy/documents/``, the default), one suite
file, or a folder of plain-text documents with an ``annotations.yaml`` beside them (real documents,
kept outside the repository). Both kinds load into the same :class:`Document`, so both are scored
by the same arithmetic.

Suite files mark the text inline, so that the annotation sits where the words are:

- ``[[addicts|addict]]`` - a finding plainwords should report here, for entry ``addict``;
  ``[[the street homeless|the-homeless/the-poor]]`` allows either entry;
  ``[[junkies|junkie|quoted]]`` is someone else's words, quoted: still a finding.
- ``{{cohort|sense}}`` - must stay silent. The kind says why: ``sense`` (an innocent sense),
  ``name`` (a proper name), ``mention`` (the word is talked about, not used), ``avoid`` (a
  mention on a guide's list of words to avoid).

A finding matches an expected one when its entry is one of the expected entries and its text
overlaps the expected text. A finding that overlaps no annotation at all is ``unmarked``: either
the annotation is incomplete or plainwords is wrong; the report lists them so they are read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmarks.accuracy import _pct, _ratio, build_lexicon

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "tests" / "accuracy" / "documents"
FLOORS = SUITE / "floors.yaml"
SILENT_KINDS = ("sense", "name", "mention", "avoid")
WRONG_SENSE = ("sense", "name")
MENTION = ("mention", "avoid")
LOUD = ("warning", "error")
TARGETS = {
    "recall": (">=", 0.75),
    "serious_recall": (">=", 0.85),
    "warning_precision": (">=", 0.90),
    "wrong_sense_share": ("<=", 0.10),
    "mention_share": ("<=", 0.15),
    "avoid_warnings": ("<=", 0),
}


# -- the model --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Span:
    """An annotated place: expected (``entries`` set) or silent (``kind`` set)."""

    start: int
    end: int
    text: str
    entries: tuple[str, ...] = ()
    quoted: bool = False
    kind: str = "use"  # use, or one of SILENT_KINDS


@dataclass(frozen=True)
class Document:
    id: str
    genre: str
    text: str
    expected: tuple[Span, ...]
    silent: tuple[Span, ...]


@dataclass(frozen=True)
class Found:
    """What the scorer needs of a finding (plainwords' Finding, or a test's fixture)."""

    start: int
    end: int
    text: str
    entry: str
    severity: str
    quoted: bool = False


@dataclass(frozen=True)
class Outcome:
    """One document scored: each expected span hit or missed, each finding matched or not."""

    document: Document
    found: tuple[Found, ...]
    hits: tuple[Span, ...]
    misses: tuple[Span, ...]
    matched: tuple[Found, ...]
    wrong: tuple[tuple[Found, str], ...]  # a finding that was not expected, and why (a kind)
    exact: int  # hits whose finding has the expected span's offsets exactly


@dataclass(frozen=True)
class Scores:
    documents: int
    expected: int
    findings: int
    hits: int
    serious: int
    serious_hits: int
    loud: int
    loud_matched: int
    wrong_sense: int
    mentions: int
    avoid_warnings: int
    quoted: int
    quoted_hits: int
    quoted_marked: int
    exact: int
    by_reason: dict[str, int]

    @property
    def precision(self) -> float:
        return _ratio(self.findings - sum(self.by_reason.values()), self.findings)

    @property
    def recall(self) -> float:
        return _ratio(self.hits, self.expected)

    @property
    def serious_recall(self) -> float:
        return _ratio(self.serious_hits, self.serious)

    @property
    def warning_precision(self) -> float:
        return _ratio(self.loud_matched, self.loud)

    @property
    def wrong_sense_share(self) -> float:
        return self.wrong_sense / self.findings if self.findings else 0.0

    @property
    def mention_share(self) -> float:
        return self.mentions / self.findings if self.findings else 0.0


# -- loading: inline markers ------------------------------------------------------------------------
MARK = re.compile(r"\[\[([^\]|]+)\|([^\]|]+)(?:\|(quoted))?\]\]|\{\{([^}|]+)\|([a-z]+)\}\}")


def parse_marked(doc_id: str, genre: str, marked: str) -> Document:
    """Strip the markers from a suite document, keeping each one's place in the plain text."""
    parts: list[str] = []
    expected: list[Span] = []
    silent: list[Span] = []
    at = 0  # in the plain text
    last = 0  # in the marked text
    for m in MARK.finditer(marked):
        parts.append(marked[last : m.start()])
        at += m.start() - last
        last = m.end()
        if m.group(1) is not None:
            surface = m.group(1)
            entries = tuple(e.strip() for e in m.group(2).split("/"))
            expected.append(Span(at, at + len(surface), surface, entries, m.group(3) == "quoted"))
        else:
            surface, kind = m.group(4), m.group(5)
            if kind not in SILENT_KINDS:
                raise ValueError(f"{doc_id}: unknown silent kind {kind!r} at {surface!r}")
            silent.append(Span(at, at + len(surface), surface, kind=kind))
        parts.append(surface)
        at += len(surface)
    parts.append(marked[last:])
    text = "".join(parts)
    if "[[" in text or "{{" in text:
        raise ValueError(f"{doc_id}: a marker is malformed near {text[text.find('[[') :][:40]!r}")
    return Document(doc_id, genre, text, tuple(expected), tuple(silent))


def load_suite_file(path: Path) -> list[Document]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    genre = raw["genre"]
    return [parse_marked(d["id"], genre, d["text"]) for d in raw["documents"]]


# -- loading: real documents with an annotations file -----------------------------------------------
def _places(text: str, surface: str, within: str | None, nth: int | None) -> list[int]:
    """Where ``surface`` occurs (as whole words), optionally only inside ``within``, or only the nth."""
    word = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    if within is None:
        starts = [m.start() for m in word.finditer(text)]
    else:
        starts = []
        for c in re.finditer(re.escape(within), text):
            inner = word.search(within)
            if inner is None:
                raise ValueError(f"{surface!r} is not inside {within!r}")
            starts.append(c.start() + inner.start())
    if nth is not None:
        starts = starts[nth - 1 : nth]
    return starts


def load_annotated_folder(folder: Path) -> list[Document]:
    """Real documents: ``annotations.yaml`` names each file and its expected and silent places."""
    raw = yaml.safe_load((folder / "annotations.yaml").read_text(encoding="utf-8"))
    documents = []
    for d in raw["documents"]:
        text = (folder / d["file"]).read_text(encoding="utf-8")
        expected: list[Span] = []
        silent: list[Span] = []
        for e in d.get("expect") or ():
            entries = tuple(x.strip() for x in str(e["entry"]).split("/"))
            starts = _places(text, e["text"], e.get("in"), e.get("nth"))
            if not starts:
                raise ValueError(f"{d['file']}: expected text {e['text']!r} not found")
            expected += [
                Span(s, s + len(e["text"]), e["text"], entries, bool(e.get("quoted")))
                for s in starts
            ]
        for s_ in d.get("silent") or ():
            if s_["kind"] not in SILENT_KINDS:
                raise ValueError(f"{d['file']}: unknown silent kind {s_['kind']!r}")
            starts = _places(text, s_["text"], s_.get("in"), s_.get("nth"))
            if not starts:
                raise ValueError(f"{d['file']}: silent text {s_['text']!r} not found")
            silent += [Span(s, s + len(s_["text"]), s_["text"], kind=s_["kind"]) for s in starts]
        documents.append(Document(d["file"], d["genre"], text, tuple(expected), tuple(silent)))
    return documents


def load(paths: Iterable[Path]) -> list[Document]:
    documents: list[Document] = []
    for path in paths:
        if path.is_dir() and (path / "annotations.yaml").is_file():
            documents += load_annotated_folder(path)
        elif path.is_dir():
            for file in sorted(path.glob("*.yaml")):
                if file.name != FLOORS.name:
                    documents += load_suite_file(file)
        else:
            documents += load_suite_file(path)
    return documents


# -- scoring ----------------------------------------------------------------------------------------
def _overlaps(f: Found, s: Span) -> bool:
    return f.start < s.end and s.start < f.end


def score_document(document: Document, found: Sequence[Found]) -> Outcome:
    hits, misses, exact = [], [], 0
    for span in document.expected:
        match = [f for f in found if f.entry in span.entries and _overlaps(f, span)]
        if match:
            hits.append(span)
            exact += any((f.start, f.end) == (span.start, span.end) for f in match)
        else:
            misses.append(span)
    matched, wrong = [], []
    for f in found:
        if any(f.entry in s.entries and _overlaps(f, s) for s in document.expected):
            matched.append(f)
            continue
        silent = [s for s in document.silent if _overlaps(f, s)]
        if silent:
            wrong.append((f, silent[0].kind))
        elif any(_overlaps(f, s) for s in document.expected):
            wrong.append((f, "wrong entry"))
        else:
            wrong.append((f, "unmarked"))
    return Outcome(
        document, tuple(found), tuple(hits), tuple(misses), tuple(matched), tuple(wrong), exact
    )


def scores(outcomes: Sequence[Outcome], serious: set[str]) -> Scores:
    """Sum the outcomes; ``serious`` is the set of entry ids whose labels count as serious."""
    by_reason: dict[str, int] = {}
    for o in outcomes:
        for _, reason in o.wrong:
            by_reason[reason] = by_reason.get(reason, 0) + 1

    def is_serious(span: Span) -> bool:
        return span.entries[0] in serious

    quoted = [(s, o) for o in outcomes for s in o.document.expected if s.quoted]
    return Scores(
        documents=len(outcomes),
        expected=sum(len(o.document.expected) for o in outcomes),
        findings=sum(len(o.found) for o in outcomes),
        hits=sum(len(o.hits) for o in outcomes),
        serious=sum(1 for o in outcomes for s in o.document.expected if is_serious(s)),
        serious_hits=sum(1 for o in outcomes for s in o.hits if is_serious(s)),
        loud=sum(1 for o in outcomes for f in o.found if f.severity in LOUD),
        loud_matched=sum(1 for o in outcomes for f in o.matched if f.severity in LOUD),
        wrong_sense=by_reason.get("sense", 0) + by_reason.get("name", 0),
        mentions=by_reason.get("mention", 0) + by_reason.get("avoid", 0),
        avoid_warnings=sum(
            1 for o in outcomes for f, why in o.wrong if why == "avoid" and f.severity in LOUD
        ),
        quoted=len(quoted),
        quoted_hits=sum(1 for s, o in quoted if s in o.hits),
        quoted_marked=sum(
            1
            for s, o in quoted
            if any(
                f.quoted and s.entries and f.entry in s.entries and _overlaps(f, s) for f in o.found
            )
        ),
        exact=sum(o.exact for o in outcomes),
        by_reason=by_reason,
    )


def by_genre(outcomes: Sequence[Outcome]) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault(o.document.genre, []).append(o)
    return dict(sorted(groups.items()))


# -- running plainwords -----------------------------------------------------------------------------
def serious_entries(lexicon) -> set[str]:
    """Serious labels: every error, and every stigma warning (as the issue counts them)."""
    return {
        e.id
        for e in lexicon.entries
        if e.severity == "error" or (e.category == "stigma" and e.severity == "warning")
    }


def known_entries(lexicon) -> set[str]:
    return {e.id for e in lexicon.entries}


def as_found(finding) -> Found:
    return Found(
        finding.start,
        finding.end,
        finding.text,
        finding.rule,
        finding.severity,
        bool(getattr(finding, "quoted", False)),
    )


def evaluate(documents: Sequence[Document], lexicon=None) -> list[Outcome]:
    """Lint each document as a user would by default (mentions left out) and score it."""
    from plainwords.engine import Linter

    linter = Linter(lexicon if lexicon is not None else build_lexicon())
    outcomes = []
    for document in documents:
        found = [as_found(f) for f in linter.check_text(document.text)]
        outcomes.append(score_document(document, found))
    return outcomes


# -- report -----------------------------------------------------------------------------------------
def figures(s: Scores) -> dict[str, float]:
    """The figures the issue sets targets for, by the names in TARGETS and floors.yaml."""
    return {
        "precision": s.precision,
        "recall": s.recall,
        "serious_recall": s.serious_recall,
        "warning_precision": s.warning_precision,
        "wrong_sense_share": s.wrong_sense_share,
        "mention_share": s.mention_share,
        "avoid_warnings": s.avoid_warnings,
    }


def meets(value: float, rule: tuple[str, float]) -> bool:
    op, limit = rule
    return value >= limit - 1e-9 if op == ">=" else value <= limit + 1e-9


def table(groups: dict[str, Scores]) -> list[str]:
    head = (
        f"{'genre':<22}{'docs':>5}{'exp':>5}{'found':>6}  {'prec':>6} {'recall':>6} {'serious':>7}"
        f" {'warnP':>6} {'sense':>6} {'mention':>7} {'avoidW':>6} {'exact':>6}"
    )
    lines = [head, "-" * len(head)]
    for name, s in groups.items():
        lines.append(
            f"{name:<22}{s.documents:>5}{s.expected:>5}{s.findings:>6}  {_pct(s.precision):>6}"
            f" {_pct(s.recall):>6} {_pct(s.serious_recall):>7} {_pct(s.warning_precision):>6}"
            f" {_pct(s.wrong_sense_share):>6} {_pct(s.mention_share):>7} {s.avoid_warnings:>6}"
            f" {_pct(_ratio(s.exact, s.hits)):>6}"
        )
    return lines


def targets(s: Scores) -> list[str]:
    values = figures(s)
    lines = []
    for name, rule in TARGETS.items():
        value = values[name]
        shown = f"{value:.0f}" if name == "avoid_warnings" else _pct(value)
        mark = "met" if meets(value, rule) else "NOT MET"
        lines.append(f"  {name:<18} {shown:>7}   target {rule[0]} {rule[1]}   {mark}")
    return lines


def _describe(o: Outcome, start: int, end: int) -> str:
    text = o.document.text
    left = text[max(0, start - 40) : start].replace("\n", " ")
    right = text[end : end + 40].replace("\n", " ")
    return f"[{o.document.id}] …{left}«{text[start:end]}»{right}…"


def errors(outcomes: Sequence[Outcome]) -> list[str]:
    groups: dict[str, list[str]] = {}
    for o in outcomes:
        for s in o.misses:
            key = "MISS quoted" if s.quoted else "MISS"
            groups.setdefault(key, []).append(
                f"    {'/'.join(s.entries)}: {_describe(o, s.start, s.end)}"
            )
        for f, why in o.wrong:
            groups.setdefault(f"FALSE POSITIVE ({why})", []).append(
                f"    {f.entry} ({f.severity}): {_describe(o, f.start, f.end)}"
            )
    lines = []
    for key in sorted(groups):
        lines.append(f"  {key}: {len(groups[key])}")
        lines += groups[key]
    return lines or ["  none"]


def report(
    outcomes: Sequence[Outcome], serious: set[str], *, show_errors: bool = True
) -> list[str]:
    groups = {g: scores(os_, serious) for g, os_ in by_genre(outcomes).items()}
    overall = scores(outcomes, serious)
    groups["ALL"] = overall
    lines = table(groups)
    lines.append("")
    lines.append(
        f"  quoted uses: {overall.quoted_hits} of {overall.quoted} found,"
        f" {overall.quoted_marked} reported as quoted"
    )
    lines.append(
        "  false positives by reason: "
        + (", ".join(f"{k} {v}" for k, v in sorted(overall.by_reason.items())) or "none")
    )
    lines.append("  against the issue's targets (all documents):")
    lines += targets(overall)
    if show_errors:
        lines.append("")
        lines.append("misses and false positives:")
        lines += errors(outcomes)
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.documents", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="suite files, folders of them, or a folder with annotations.yaml (default: the suite)",
    )
    parser.add_argument("--quiet", action="store_true", help="figures only, no list of errors")
    args = parser.parse_args(argv)
    try:
        documents = load(args.paths or [SUITE])
    except (OSError, ValueError, KeyError, yaml.YAMLError) as error:
        print(f"benchmarks.documents: {error}", file=sys.stderr)
        return 2
    lexicon = build_lexicon()
    outcomes = evaluate(documents, lexicon)
    print("\n".join(report(outcomes, serious_entries(lexicon), show_errors=not args.quiet)))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
