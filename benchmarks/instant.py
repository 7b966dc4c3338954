"""Instant runs: ``python -m benchmarks.instant`` from the repository root.

Three cases, each timed as a ratio to ``python -c "import spacy; spacy.blank('en')"`` measured in
the same rounds (the machine is shared, and only ratios taken side by side mean anything):

* **clean small file**: ``plainwords check`` on the first 6 kB piece of *War and Peace* in which
  the candidate scanner finds nothing (spaCy is never imported);
* **pre-commit**: ten such pieces, one of which holds a finding (the pipeline is built once);
* **whole book**: all of *War and Peace* (3.2 MB), used in place from the benchmark corpus;
* **the book's floor**: not plainwords but what any run of this design must pay on the book:
  importing spaCy and tokenizing only the windows plainwords sends to it (the paragraphs that
  hold a candidate), with no matching, rules or report.

Every run is a fresh process using this checkout (``PYTHONPATH=src``, byte-compiled first), with a
throw-away compiled-lexicon cache warmed once. The commands run in interleaved rounds; the report
gives the median wall time of each and the median of the per-round ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from benchmarks.speed import Run, run, table  # noqa: E402

SPACY = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
GOALS = {"clean small file": 0.4, "whole book": 1.3}


@lru_cache(maxsize=1)
def _linter():
    """This checkout's linter, built once without the cache (the cases are chosen with it)."""
    from plainwords.commands.common import policy_for
    from plainwords.run import build_linter

    return build_linter(policy_for(None), use_cache=False)


def pick_files(small: Path) -> tuple[Path, list[Path]]:
    """The first piece the scanner calls clean, and the pre-commit set: nine clean pieces and
    the first piece with a finding (decided with this checkout's own linter)."""
    linter = _linter()
    clean: list[Path] = []
    dirty: Path | None = None
    for path in sorted(small.iterdir()):
        text = path.read_text(encoding="utf-8")
        if not linter.prefilter.hits(text):
            clean.append(path)
        elif dirty is None and linter.check_text(text, str(path)):
            dirty = path
        if len(clean) >= 9 and dirty is not None:
            break
    if len(clean) < 9 or dirty is None:
        raise SystemExit(f"{small}: not enough clean pieces and one with a finding")
    return clean[0], [*clean[:9], dirty]


def write_windows(book: Path, into: Path) -> Path:
    """The texts of the book's windows (what ``Linter.segments`` sends to spaCy), as JSON."""
    import json

    from plainwords.readers import read_text

    document = read_text(str(book), book.read_text(encoding="utf-8"))
    windows = [segment.text for segment in _linter().segments(document)]
    target = into / "windows.json"
    target.write_text(json.dumps(windows), encoding="utf-8")
    return target


def floor_command(windows: Path) -> list[str]:
    """Import spaCy and tokenize the windows, as a blank pipeline would: nothing else."""
    code = (
        "import json, spacy; nlp = spacy.blank('en'); "
        f"texts = json.load(open({str(windows)!r}, encoding='utf-8')); "
        "[nlp.make_doc(t) for t in texts]"
    )
    return [sys.executable, "-c", code]


def measure(
    cases: dict[str, list[str]], rounds: int, env: dict[str, str]
) -> dict[str, tuple[float, float, float]]:
    """Case → (median wall s, median CPU s, median of per-round ratios to the spaCy import)."""
    runs: dict[str, list[Run]] = {name: [] for name in ["spacy", *cases]}
    for _ in range(rounds):
        runs["spacy"].append(run(SPACY, env))
        for name, command in cases.items():
            runs[name].append(run(command, env))
    result = {}
    for name, got in runs.items():
        ratios = [g.wall / s.wall for g, s in zip(got, runs["spacy"], strict=True)]
        result[name] = (
            statistics.median(g.wall for g in got),
            statistics.median(g.cpu for g in got),
            statistics.median(ratios),
        )
    return result


def instant_report(
    corpus: Path, rounds: int, env: dict[str, str], workdir: Path
) -> tuple[str, list[tuple]]:
    """The table of the cases and the goals they are held to, as Markdown."""
    book = corpus / "long" / "war-and-peace.txt"
    clean, precommit = pick_files(corpus / "small" / "war-and-peace")
    windows = write_windows(book, workdir)
    plainwords = [sys.executable, "-m", "plainwords", "check", "-q"]
    cases = {
        "clean small file": [*plainwords, str(clean)],
        "pre-commit (10 files, 1 with a finding)": [*plainwords, *map(str, precommit)],
        "whole book": [*plainwords, str(book)],
        "the book's floor (spaCy import + tokenizing its windows)": floor_command(windows),
    }
    for command in cases.values():
        run(command, env)  # warm the cache and the OS file cache
    load_before = os.getloadavg()
    measured = measure(cases, rounds, env)
    load_after = os.getloadavg()
    rows = [
        (f"`{' '.join(SPACY[1:])}`" if name == "spacy" else name, f"{wall:.3f}", f"{cpu:.3f}",
         f"{ratio:.2f}")
        for name, (wall, cpu, ratio) in measured.items()
    ]  # fmt: skip
    goals = [
        (f"{name} ≤ {limit}× the spaCy import", f"{measured[name][2]:.2f}×",
         measured[name][2] <= limit)
        for name, limit in GOALS.items()
    ]  # fmt: skip
    body = (
        f"Median of {rounds} interleaved rounds; load average {_load(load_before)} before, "
        f"{_load(load_after)} after. Clean file: `{clean.name}` ({clean.stat().st_size:,} bytes); "
        f"pre-commit: {', '.join(p.name for p in precommit[:-1])} and "
        f"`{precommit[-1].name}` (with a finding).\n\n"
        + table(["run", "median wall s", "median CPU s", "× spaCy import (median of rounds)"], rows)
    )
    return body, goals


def default_corpus() -> Path:
    """``shared/bench-corpus`` beside the checkout, or beside a folder of worktrees."""
    for folder in (ROOT.parent, ROOT.parent.parent):
        if (folder / "shared" / "bench-corpus").is_dir():
            return folder / "shared" / "bench-corpus"
    return ROOT.parent / "shared" / "bench-corpus"


def _load(values: Sequence[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.instant", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds (median kept)")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if not (corpus / "long" / "war-and-peace.txt").is_file():
        parser.error(f"{corpus} does not hold long/war-and-peace.txt and small/war-and-peace/")
    workdir = Path(tempfile.mkdtemp(prefix="plainwords-instant-"))
    env = dict(os.environ, PYTHONPATH=str(SRC), PLAINWORDS_CACHE_DIR=str(workdir / "cache"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(SRC / "plainwords")], check=True)
    body, goals = instant_report(corpus, args.rounds, env, workdir)
    print("### Instant runs\n\n" + body + "\n")
    print(table(["goal", "measured", "met"], [(g, m, "yes" if ok else "no") for g, m, ok in goals]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
