"""How well plainwords tells a use from an innocent sense and from a mention.

``python -m benchmarks.accuracy`` lints the labelled sentences in tests/accuracy/sentences.yaml and
prints, for each run in tests/accuracy/thresholds.yaml, precision and recall by category, recall on
clear uses, the share of innocent-sense and mention sentences flagged, and every miss and false
positive. tests/accuracy/test_accuracy.py holds the same numbers to the thresholds there.

A finding matches an expected one when its category is the same and its text overlaps the
expected text's place in the sentence, so entries may draw a phrase's edges a little differently
("DNA" for "DNA'd") without counting as both a miss and a false positive.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "accuracy"
SENTENCES = DATA / "sentences.yaml"
HELDOUT = DATA / "heldout.yaml"
THRESHOLDS = DATA / "thresholds.yaml"
KINDS = ("use", "innocent", "mention")


@dataclass(frozen=True)
class Expected:
    term: str
    category: str


@dataclass(frozen=True)
class Item:
    text: str
    expect: tuple[Expected, ...]
    kind: str
    domain: str
    focus: str


@dataclass(frozen=True)
class Found:
    text: str
    category: str
    start: int
    end: int
    mention: bool = False


@dataclass(frozen=True)
class Outcome:
    """One sentence linted: what was expected, found, matched, missed and wrongly flagged."""

    item: Item
    found: tuple[Found, ...]
    hits: tuple[Expected, ...]
    misses: tuple[Expected, ...]
    false_positives: tuple[Found, ...]
    mentions: tuple[Found, ...] = ()


@dataclass(frozen=True)
class Run:
    name: str
    gate: tuple[str, ...] | None  # None: every sentence
    limits: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Scores:
    sentences: int
    by_kind: dict[str, int]
    use_recall: float
    innocent_rate: float
    mention_rate: float
    precision: float
    by_category: dict[str, tuple[float, float, int, int, int]]  # precision, recall, tp, fp, fn


# -- loading ----------------------------------------------------------------------------------------
def load_items(path: Path = SENTENCES) -> list[Item]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = []
    for row in raw:
        expect = tuple(Expected(e["term"], e["category"]) for e in row.get("expect") or ())
        if row["kind"] not in KINDS:
            raise ValueError(f"{path}: unknown kind {row['kind']!r} in {row['text']!r}")
        items.append(Item(row["text"], expect, row["kind"], row["domain"], row["focus"]))
    return items


def load_runs(path: Path = THRESHOLDS) -> list[Run]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    runs = []
    for name, spec in raw["runs"].items():
        gate = spec.get("gate", "all")
        limits = {k: v for k, v in spec.items() if k.startswith(("min_", "max_"))}
        runs.append(Run(name, None if gate == "all" else tuple(gate), limits))
    return runs


def build_lexicon():
    """The shipped lexicons, as a user gets them by default."""
    from plainwords.lexicon import load_lexicon

    return load_lexicon(["stigma", "jargon"])


# -- scoring ----------------------------------------------------------------------------------------
def _places(text: str, expect: Iterable[Expected]) -> list[tuple[Expected, int, int]]:
    places, lower, used = [], text.lower(), set()
    for e in expect:
        at = lower.find(e.term.lower())
        while at in used:
            at = lower.find(e.term.lower(), at + 1)
        used.add(at)
        places.append((e, at, at + len(e.term)))
    return places


def score_item(item: Item, findings: Sequence) -> Outcome:
    found = tuple(Found(f.text, f.category, f.start, f.end, f.mention) for f in findings)
    uses = [f for f in found if not f.mention]
    places = _places(item.text, item.expect)
    hits, misses = [], []
    for e, start, end in places:
        if any(f.category == e.category and f.start < end and start < f.end for f in uses):
            hits.append(e)
        else:
            misses.append(e)
    wrong = tuple(
        f
        for f in uses
        if not any(
            f.category == e.category and f.start < end and start < f.end for e, start, end in places
        )
    )
    return Outcome(
        item, found, tuple(hits), tuple(misses), wrong, tuple(f for f in found if f.mention)
    )


def evaluate(items: Sequence[Item]) -> list[Outcome]:
    """Lint every sentence (mentions included, kept apart) and score it."""
    from plainwords.engine import Linter, Options

    linter = Linter(build_lexicon(), options=Options(include_mentions=True))
    return [score_item(item, linter.check_text(item.text)) for item in items]


def in_gate(item: Item, gate: tuple[str, ...] | None) -> bool:
    return gate is None or item.focus.lower() in {g.lower() for g in gate}


def scores(outcomes: Sequence[Outcome]) -> Scores:
    by_kind = {k: [o for o in outcomes if o.item.kind == k] for k in KINDS}
    expected_uses = sum(len(o.item.expect) for o in by_kind["use"])
    found_uses = sum(len(o.hits) for o in by_kind["use"])

    def rate(kind: str) -> float:
        group = by_kind[kind]
        return sum(1 for o in group if o.false_positives) / len(group) if group else 0.0

    categories = sorted(
        {e.category for o in outcomes for e in o.item.expect}
        | {f.category for o in outcomes for f in o.false_positives}
    )
    by_category = {}
    for category in categories:
        tp = sum(1 for o in outcomes for e in o.hits if e.category == category)
        fn = sum(1 for o in outcomes for e in o.misses if e.category == category)
        fp = sum(1 for o in outcomes for f in o.false_positives if f.category == category)
        by_category[category] = (_ratio(tp, tp + fp), _ratio(tp, tp + fn), tp, fp, fn)
    tp = sum(v[2] for v in by_category.values())
    fp = sum(v[3] for v in by_category.values())
    return Scores(
        sentences=len(outcomes),
        by_kind={k: len(v) for k, v in by_kind.items()},
        use_recall=_ratio(found_uses, expected_uses),
        innocent_rate=rate("innocent"),
        mention_rate=rate("mention"),
        precision=_ratio(tp, tp + fp),
        by_category=by_category,
    )


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def failures(s: Scores, limits: dict) -> list[str]:
    """Which thresholds the scores break, in words."""
    checks = {
        "min_use_recall": (s.use_recall, lambda v, t: v >= t),
        "max_innocent_rate": (s.innocent_rate, lambda v, t: v <= t),
        "max_mention_rate": (s.mention_rate, lambda v, t: v <= t),
        "min_precision": (s.precision, lambda v, t: v >= t),
    }
    return [
        f"{name}: {value:.3f} against {limits[name]}"
        for name, (value, ok) in checks.items()
        if name in limits and not ok(value, limits[name])
    ]


# -- report -----------------------------------------------------------------------------------------
def _pct(value: float) -> str:
    return f"{100 * value:5.1f}%"


def format_scores(title: str, s: Scores) -> list[str]:
    lines = [
        f"{title}: {s.sentences} sentences ({s.by_kind['use']} use, {s.by_kind['innocent']} innocent, {s.by_kind['mention']} mention)",
        f"  recall on clear uses        {_pct(s.use_recall)}   (target >= 85%)",
        f"  innocent senses flagged     {_pct(s.innocent_rate)}   (target <= 10%)",
        f"  mentions flagged            {_pct(s.mention_rate)}   (target <= 14.3%)",
        f"  precision (all findings)    {_pct(s.precision)}",
    ]
    for category, (p, r, tp, fp, fn) in s.by_category.items():
        lines.append(
            f"  {category:<10} precision {_pct(p)}  recall {_pct(r)}  (tp {tp}, fp {fp}, fn {fn})"
        )
    return lines


def format_errors(outcomes: Sequence[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        for e in o.misses:
            lines.append(
                f"  MISS [{o.item.kind}/{o.item.domain}] {e.term!r} ({e.category}): {o.item.text}"
            )
        for f in o.false_positives:
            lines.append(
                f"  FALSE POSITIVE [{o.item.kind}/{o.item.domain}] {f.text!r} ({f.category}): {o.item.text}"
            )
    return lines or ["  none"]


def report(
    runs: Sequence[Run], items: Sequence[Item], *, errors: bool = True, heldout: Sequence[Item] = ()
) -> tuple[list[str], bool]:
    lines: list[str] = []
    ok = True
    for run in runs:
        outcomes = evaluate(list(items) + list(heldout))
        outcomes, held = outcomes[: len(items)], outcomes[len(items) :]
        gated = [o for o in outcomes if in_gate(o.item, run.gate)]
        lines.append(f"== run '{run.name}': shipped lexicons ==")
        lines += format_scores(
            "all sentences" + (" (gated)" if run.gate is None else ""), scores(outcomes)
        )
        gated_scores = scores(gated)
        if run.gate is not None:
            lines += format_scores(f"gated ({len(run.gate)} focus terms)", gated_scores)
        broken = failures(gated_scores, run.limits)
        lines.append("  thresholds: " + ("met" if not broken else "BROKEN: " + "; ".join(broken)))
        ok = ok and not broken
        if held:
            lines += format_scores("held-out sentences (not gated)", scores(held))
        if errors:
            lines.append("  misses and false positives (all sentences):")
            lines += format_errors(outcomes)
            if held:
                lines.append("  misses and false positives (held-out sentences):")
                lines += format_errors(held)
        lines.append("")
    return lines, ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.accuracy", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--run", action="append", help="only this run from thresholds.yaml (repeatable)"
    )
    parser.add_argument("--quiet", action="store_true", help="numbers only, no list of errors")
    args = parser.parse_args(argv)
    runs = [r for r in load_runs() if not args.run or r.name in args.run]
    heldout = load_items(HELDOUT) if HELDOUT.is_file() else []
    lines, ok = report(runs, load_items(), errors=not args.quiet, heldout=heldout)
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
