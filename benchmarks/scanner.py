"""The candidate scanner's two possible engines, side by side: ``python -m benchmarks.scanner``.

Both look for every squeezed phrase of the shipped lexicons (``plainwords.scanner``) in squeezed
text: pyahocorasick's automaton, and one compiled regular expression (the phrases as one
alternation, longest first). Timed: building each from the phrases, and scanning a clean 6 kB file
and the whole of *War and Peace* (for the regular expression: 1/32 of it, times 32). CPU time in this process, best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from benchmarks.instant import default_corpus  # noqa: E402
from benchmarks.speed import table  # noqa: E402


def best(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return min(times)


def phrases() -> list[str]:
    """Every squeezed phrase the shipped lexicons give the scanner."""
    from plainwords.commands.common import policy_for
    from plainwords.run import build_linter
    from plainwords.scanner import squeeze

    linter = build_linter(policy_for(None))
    return sorted({squeeze(p) for p in linter.component.trigger_phrases()} - {""})


def automaton(keys: Sequence[str]):
    import ahocorasick

    built = ahocorasick.Automaton()
    for key in keys:
        built.add_word(key, len(key))
    built.make_automaton()
    return built


def regex(keys: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scanner")
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from plainwords.scanner import squeeze

    keys = phrases()
    book = squeeze((args.corpus / "long" / "war-and-peace.txt").read_text(encoding="utf-8"))
    small = squeeze(
        (args.corpus / "small" / "war-and-peace" / "war-and-peace-002.txt").read_text("utf-8")
    )
    built_automaton, built_regex = automaton(keys), regex(keys)
    hits = sum(1 for _ in built_automaton.iter(book))
    rows = [
        (
            "pyahocorasick automaton",
            best(lambda: automaton(keys), args.repeat),
            best(lambda: next(built_automaton.iter(small), None), args.repeat),
            best(lambda: sum(1 for _ in built_automaton.iter(book)), args.repeat),
        ),
        (
            "one compiled regular expression",
            best(lambda: regex(keys) and re.purge(), args.repeat),
            best(lambda: built_regex.search(small), args.repeat),
            # A regular expression takes minutes on the whole book: timed on 1/32 of it, × 32.
            32 * best(lambda: sum(1 for _ in built_regex.finditer(book[: len(book) // 32])), 1),
        ),
    ]
    print(
        f"{len(keys):,} squeezed phrases; the book squeezed is {len(book):,} characters, "
        f"{hits:,} phrase hits (every overlapping hit, as the scanner reads them).\n"
    )
    print(table(["engine", "build s", "clean 6 kB file s", "whole book s"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
