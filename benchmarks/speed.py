"""plainwords speed benchmark: ``python -m benchmarks.speed`` from the repository root.

Measures, in one run so that ratios are fair on a busy machine:

* throughput on a long book (words per second), against spaCy's bare tokenizer on the same text;
* 500 small files against the same text as one file;
* cold start of ``plainwords check FILE`` against ``import spacy; spacy.blank("en")``;
* peak memory (``ru_maxrss`` of each child process);
* alex, write-good (npm) and proselint (PyPI) on the same text, installed by this script into a
  cache directory outside the repository;
* how time grows with lexicon size (synthetic entries) and with file size.

Every command-line run is a fresh process using this checkout (``PYTHONPATH=src``). Wall times
are the best of ``--repeat`` runs; CPU times are user + system of the child and its children.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system, including waited-for children
    rss_mb: float  # peak resident set size
    code: int


def run(command: Sequence[str], env: dict[str, str] | None = None, timeout: float = 1800) -> Run:
    """Run a command, discarding its output; its own rusage comes from ``wait4``."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            process.returncode = -9
            return Run(float("inf"), usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, -9)
        time.sleep(0.005)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode)


def best(
    command: Sequence[str], repeat: int, env: dict[str, str] | None = None, timeout: float = 1800
) -> Run:
    return interleaved([command], repeat, env, timeout)[0]


def interleaved(
    commands: Sequence[Sequence[str]],
    repeat: int,
    env: dict[str, str] | None = None,
    timeout: float = 1800,
) -> list[Run]:
    """The best of ``repeat`` runs of each command, run in rounds rather than one after another
    (fastest wall and CPU time, highest peak memory, the last exit code)."""
    rounds = [[run(command, env, timeout) for command in commands] for _ in range(repeat)]
    return [
        Run(
            min(r[i].wall for r in rounds),
            min(r[i].cpu for r in rounds),
            max(r[i].rss_mb for r in rounds),
            rounds[-1][i].code,
        )
        for i in range(len(commands))
    ]


def words(text: str) -> int:
    return len(text.split())


# -- environment ------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    import spacy

    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
    return {
        "cores (nproc)": str(os.cpu_count()),
        "CPU": model,
        "load average at start": " ".join(f"{x:.2f}" for x in load),
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "spaCy": spacy.__version__,
        "node": _version(["node", "--version"]),
    }


def _version(command: Sequence[str]) -> str:
    try:
        return (
            subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
            or "?"
        )
    except (OSError, subprocess.SubprocessError):
        return "not installed"


def install_peers(directory: Path) -> dict[str, list[str]]:
    """alex and write-good from npm, proselint from PyPI, into ``directory``; returns the
    command prefix for each peer that is available."""
    directory.mkdir(parents=True, exist_ok=True)
    peers: dict[str, list[str]] = {}
    npm_dir = directory / "npm"
    bins = npm_dir / "node_modules" / ".bin"
    if not (bins / "alex").exists() or not (bins / "write-good").exists():
        print(f"installing alex and write-good into {npm_dir} ...", file=sys.stderr)
        subprocess.run(
            ["npm", "install", "--prefix", str(npm_dir), "alex", "write-good"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    for name in ("alex", "write-good"):
        if (bins / name).exists():
            peers[name] = [str(bins / name)]
    venv = directory / "proselint-venv"
    proselint = venv / "bin" / "proselint"
    if not proselint.exists():
        print(f"installing proselint into {venv} ...", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "venv", str(venv)], check=False, stdout=subprocess.DEVNULL
        )
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "proselint"],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    if proselint.exists():
        help_text = subprocess.run(
            [str(proselint), "--help"], capture_output=True, text=True
        ).stdout
        peers["proselint"] = [str(proselint), "check"] if "check" in help_text else [str(proselint)]
    return peers


# -- in-process measurements ------------------------------------------------------------------


def fresh_cpu_time(make_linter, read, repeat: int) -> float:
    """CPU seconds to ``read()`` a document and check it with a linter built just before (not
    timed), best of ``repeat``. A fresh pipeline has met no word yet, as in a new process, so the
    time includes spaCy's cost of a word seen for the first time."""
    times = []
    for _ in range(repeat):
        linter = make_linter()
        start = time.process_time()
        linter.check(read())
        times.append(time.process_time() - start)
    return min(times)


def throughput(book: Path, repeat: int, synthetic: Path) -> list[tuple[str, float, str]]:
    """CPU seconds and words/s for the bare tokenizer and for plainwords, one process."""
    import spacy

    from plainwords.engine import Linter, Options
    from plainwords.lexicon import load_lexicon
    from plainwords.readers import read_path
    from plainwords.segments import paragraphs

    text = book.read_text(encoding="utf-8")
    count = words(text)
    pieces = [p for _, p in paragraphs(text)]

    def tokenize() -> None:
        nlp = spacy.blank("en")  # fresh each time, like the linters below (built untimed)
        start = time.process_time()
        for _ in nlp.tokenizer.pipe(pieces, batch_size=256):
            pass
        return time.process_time() - start

    rows = []
    floor = min(tokenize() for _ in range(repeat))
    rows.append(("spaCy tokenizer alone (`nlp.tokenizer.pipe` over paragraphs)", floor, "1.00"))
    shipped = load_lexicon(["stigma", "jargon"])
    big = load_lexicon(["stigma", "jargon", str(synthetic)])
    for label, lexicon, options in (
        (f"plainwords, shipped lexicon ({len(shipped)} entries)", shipped, Options()),
        (f"plainwords, {len(big)}-entry lexicon", big, Options()),
        (
            f"plainwords, {len(big)} entries, prefilter off (every paragraph parsed)",
            big,
            Options(prefilter=False),
        ),
    ):
        seconds = fresh_cpu_time(
            lambda lexicon=lexicon, options=options: Linter(lexicon, options=options),
            lambda: read_path(str(book)),
            repeat,
        )
        rows.append((label, seconds, f"{floor / seconds:.2f}"))
    return [(label, seconds, f"{count / seconds:,.0f}", ratio) for label, seconds, ratio in rows]


def parallel_gain(book: Path, synthetic: Path, repeat: int) -> list[tuple]:
    """Wall time with 1 and 2 processes where spaCy does most of the work: the 400-entry lexicon
    with the prefilter off, so every paragraph of the book is parsed."""
    from plainwords import parallel
    from plainwords.engine import Linter, Options
    from plainwords.lexicon import load_lexicon
    from plainwords.readers import read_path

    linter = Linter(
        load_lexicon(["stigma", "jargon", str(synthetic)]), options=Options(prefilter=False)
    )
    document = read_path(str(book))
    count = words(document.text)
    rows, base = [], None
    for jobs in (1, 2):
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            for _ in parallel.check_many(linter, [document], jobs=jobs):
                pass
            times.append(time.perf_counter() - start)
        wall = min(times)
        base = base or wall
        rows.append((f"--jobs {jobs}", wall, f"{count / wall:,.0f}", f"{base / wall:.2f}"))
    return rows


def lexicon_scaling(book: Path, source: Path, workdir: Path, repeat: int) -> list[tuple]:
    from benchmarks.synthetic import write_lexicon
    from plainwords.engine import Linter
    from plainwords.lexicon import load_lexicon
    from plainwords.readers import read_path

    shipped = len(load_lexicon(["stigma", "jargon"]))
    text = source.read_text(encoding="utf-8")
    count = words(book.read_text(encoding="utf-8"))
    rows = []
    for factor in (1, 10, 100):
        names = ["stigma", "jargon"]
        if factor > 1:
            extra = write_lexicon(
                workdir / f"synthetic-{factor}x.yaml", shipped * factor - shipped, text
            )
            names.append(str(extra))
        start = time.process_time()
        lexicon = load_lexicon(names)
        linter = Linter(lexicon)
        build = time.process_time() - start
        document = read_path(str(book))
        segments = list(linter.segments(document))
        seconds = fresh_cpu_time(
            lambda lexicon=lexicon: Linter(lexicon), lambda: read_path(str(book)), repeat
        )
        share = sum(len(s.text) for s in segments) / max(len(document.lint_text), 1)
        rows.append(
            (f"{factor}×", len(lexicon), build, f"{share:.1%}", seconds, f"{count / seconds:,.0f}")
        )
    return rows


def size_scaling(book: Path, repeat: int) -> list[tuple]:
    from plainwords.engine import Linter
    from plainwords.lexicon import load_lexicon
    from plainwords.readers import read_text

    lexicon = load_lexicon(["stigma", "jargon"])
    text = book.read_text(encoding="utf-8")
    rows = []
    for fraction in (1 / 32, 1 / 8, 1 / 2, 1, 2):
        size = int(len(text) * fraction)
        sample = text[:size] if fraction <= 1 else text * int(fraction)
        seconds = fresh_cpu_time(
            lambda: Linter(lexicon), lambda sample=sample: read_text("sample.txt", sample), repeat
        )
        rows.append(
            (f"{len(sample.encode()) / 1e6:.2f} MB", seconds, f"{words(sample) / seconds:,.0f}")
        )
    return rows


# -- report -----------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.speed", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "bench-corpus")
    parser.add_argument(
        "--peers-dir", type=Path, default=Path.home() / ".cache" / "plainwords-bench"
    )
    parser.add_argument(
        "--no-peers", action="store_true", help="skip alex, write-good and proselint"
    )
    parser.add_argument(
        "--peer-kb",
        type=int,
        default=0,
        help="time peers on the first N kB of the book only (default: all of it)",
    )
    parser.add_argument(
        "--peer-timeout", type=int, default=1500, help="seconds before a peer run is stopped"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best is kept)")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args(argv)

    corpus = args.corpus.resolve()
    book = corpus / "long" / "war-and-peace.txt"
    small = corpus / "small" / "war-and-peace"
    if not book.is_file() or not small.is_dir():
        parser.error(f"{corpus} does not hold long/war-and-peace.txt and small/war-and-peace/")
    book_words = words(book.read_text(encoding="utf-8"))
    workdir = Path(tempfile.mkdtemp(prefix="plainwords-bench-"))
    env = dict(os.environ, PYTHONPATH=str(SRC), PLAINWORDS_CACHE_DIR=str(workdir / "cache"))
    plainwords = [sys.executable, "-m", "plainwords", "check", "-q"]
    out: list[str] = []
    goals: list[tuple[str, str, bool | None]] = []  # (goal, measured, met)

    def section(title: str, body: str) -> None:
        out.append(f"### {title}\n\n{body}\n")
        print(out[-1], flush=True)

    try:
        section("Machine", table(["", ""], list(machine().items())))
        peers = {} if args.no_peers else install_peers(args.peers_dir)

        # Byte-compile the checkout, as installing a package does: with PYTHONDONTWRITEBYTECODE
        # set, every run would otherwise compile plainwords' modules from source again.
        run([sys.executable, "-m", "compileall", "-q", str(SRC / "plainwords")])
        # Warm the compiled-lexicon cache and the OS file cache.
        run([*plainwords, str(book)], env)
        run([*plainwords, str(small)], env)

        r = args.repeat
        # Interleaved, best of ``r`` rounds: on a shared machine whose speed drifts, each round
        # meets the same conditions for every command.
        one, one_serial, one_two, many, many_serial, many_two = interleaved(
            [
                [*plainwords, str(book)],
                [*plainwords, "--jobs", "1", str(book)],
                [*plainwords, "--jobs", "2", str(book)],
                [*plainwords, str(small)],
                [*plainwords, "--jobs", "1", str(small)],
                [*plainwords, "--jobs", "2", str(small)],
            ],
            r,
            env,
        )
        rows = [
            (
                "one file, 3.2 MB (automatic jobs)",
                one.wall,
                one.cpu,
                f"{book_words / one.wall:,.0f}",
                f"{one.rss_mb:.0f}",
                "1.00",
            ),
            (
                "one file, --jobs 1",
                one_serial.wall,
                one_serial.cpu,
                f"{book_words / one_serial.wall:,.0f}",
                f"{one_serial.rss_mb:.0f}",
                f"{one_serial.wall / one.wall:.2f}",
            ),
            (
                "one file, --jobs 2",
                one_two.wall,
                one_two.cpu,
                f"{book_words / one_two.wall:,.0f}",
                f"{one_two.rss_mb:.0f}",
                f"{one_two.wall / one.wall:.2f}",
            ),
            (
                "500 small files, same text (automatic)",
                many.wall,
                many.cpu,
                f"{book_words / many.wall:,.0f}",
                f"{many.rss_mb:.0f}",
                f"{many.wall / one.wall:.2f}",
            ),
            (
                "500 small files, --jobs 1",
                many_serial.wall,
                many_serial.cpu,
                f"{book_words / many_serial.wall:,.0f}",
                f"{many_serial.rss_mb:.0f}",
                f"{many_serial.wall / one.wall:.2f}",
            ),
            (
                "500 small files, --jobs 2",
                many_two.wall,
                many_two.cpu,
                f"{book_words / many_two.wall:,.0f}",
                f"{many_two.rss_mb:.0f}",
                f"{many_two.wall / one.wall:.2f}",
            ),
        ]
        goals.append(
            (
                "500 small files in ≤ 1.3× the time of one file",
                f"{many.wall / one.wall:.2f}× (automatic jobs)",
                many.wall / one.wall <= 1.3,
            )
        )
        peak = max(one.rss_mb, one_serial.rss_mb, one_two.rss_mb)
        goals.append(("peak memory < 400 MB on the book", f"{peak:.0f} MB", peak < 400))
        section(
            "Whole runs of `plainwords check` (fresh process, cache warm)",
            table(["run", "wall s", "CPU s", "words/s (wall)", "peak MB", "× one file"], rows),
        )

        first = sorted(small.iterdir())[0]
        spacy_cmd = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
        cold: dict[str, list[Run]] = {"spacy": [], "cached": [], "nocache": []}
        for _ in range(max(r, 5)):  # interleaved, so load changes hit all three alike
            cold["spacy"].append(run(spacy_cmd, env))
            cold["cached"].append(run([*plainwords, str(first)], env))
            cold["nocache"].append(run([*plainwords, "--no-cache", str(first)], env))
        base_wall = min(x.wall for x in cold["spacy"])
        base_cpu = min(x.cpu for x in cold["spacy"])
        rows = []
        for label, key in (
            ("`python -c \"import spacy; spacy.blank('en')\"`", "spacy"),
            (f"`plainwords check {first.name}` (cache warm)", "cached"),
            (f"`plainwords check --no-cache {first.name}`", "nocache"),
        ):
            runs = cold[key]
            wall, cpu = min(x.wall for x in runs), min(x.cpu for x in runs)
            median = statistics.median(x.wall for x in runs)
            rows.append(
                (
                    label,
                    wall,
                    median,
                    cpu,
                    f"{max(x.rss_mb for x in runs):.0f}",
                    f"{wall / base_wall:.2f}",
                    f"{cpu / base_cpu:.2f}",
                )
            )
        cached = min(x.wall for x in cold["cached"]) / base_wall
        goals.append(
            (
                "one-file run ≤ 1.6× importing spaCy",
                f"{cached:.2f}× (wall, cache warm)",
                cached <= 1.6,
            )
        )
        section(
            "Cold start: one small file, the pre-commit case",
            table(
                [
                    "command",
                    "best wall s",
                    "median wall s",
                    "best CPU s",
                    "peak MB",
                    "× spaCy (wall)",
                    "× spaCy (CPU)",
                ],
                rows,
            ),
        )

        if peers:
            sample_text = book.read_text(encoding="utf-8")
            if args.peer_kb:
                sample_text = sample_text[: args.peer_kb * 1000]
                sample_text = sample_text[: sample_text.rfind("\n\n")] + "\n"
            sample = workdir / "sample.txt"
            sample.write_text(sample_text, encoding="utf-8")
            sample_words = words(sample_text)
            tiny = workdir / "tiny.txt"
            # A line plainwords flags: its start-up then includes importing spaCy and building
            # the pipeline, as each peer's includes loading its rules (a clean line would leave
            # spaCy out and count its import as checking work).
            tiny.write_text("Going forward we will utilise the hall.\n", encoding="utf-8")
            ours = best([*plainwords, str(sample)], r, env)
            ours_start = best([*plainwords, str(tiny)], r, env)
            ours_work = max(ours.cpu - ours_start.cpu, 1e-3)
            rows = [
                (
                    "plainwords",
                    ours.wall,
                    ours.cpu,
                    ours_start.cpu,
                    f"{sample_words / ours.cpu:,.0f}",
                    f"{ours.rss_mb:.0f}",
                    "1.0",
                    "1.0",
                    "1.0",
                )
            ]
            for name, command in peers.items():
                start = best([*command, str(tiny)], r, timeout=300)
                peer = run([*command, str(sample)], timeout=args.peer_timeout)
                if peer.code == -9:
                    rows.append(
                        (
                            name,
                            f"> {args.peer_timeout} (stopped)",
                            peer.cpu,
                            start.cpu,
                            "",
                            f"{peer.rss_mb:.0f}",
                            f"> {args.peer_timeout / ours.wall:.1f}",
                            f"> {peer.cpu / ours.cpu:.1f}",
                            "",
                        )
                    )
                    continue
                rows.append(
                    (
                        name,
                        peer.wall,
                        peer.cpu,
                        start.cpu,
                        f"{sample_words / peer.cpu:,.0f}",
                        f"{peer.rss_mb:.0f}",
                        f"{peer.wall / ours.wall:.1f}",
                        f"{peer.cpu / ours.cpu:.1f}",
                        f"{(peer.cpu - start.cpu) / ours_work:.1f}",
                    )
                )
            for name, row in ((row[0], row) for row in rows[1:]):
                need = {"alex": 20.0, "proselint": 5.0}.get(name)
                if need is None or row[6].startswith(">"):
                    continue
                wall_ratio, work_ratio = float(row[6]), float(row[8])
                goals.append(
                    (
                        f"≥ {need:.0f}× {name} on the same text",
                        f"{work_ratio:.1f}× checking work (CPU minus each tool's start-up); "
                        f"{wall_ratio:.1f}× whole runs (wall)",
                        work_ratio >= need,
                    )
                )
            section(
                f"Peers on the same text: {len(sample_text.encode()) / 1e6:.2f} MB of War and Peace ({sample_words:,} words), one file, fresh process",
                table(
                    [
                        "tool",
                        "wall s",
                        "CPU s",
                        "start-up CPU s",
                        "words/s (CPU)",
                        "peak MB",
                        "× plainwords (wall)",
                        "× plainwords (CPU)",
                        "× plainwords (CPU minus start-up)",
                    ],
                    rows,
                )
                + "\n\nStart-up is each tool's CPU time on a one-line file holding a term plainwords flags (so its start-up includes importing spaCy). Exit statuses are ignored (each tool exits non-zero when it finds something).",
            )

        from benchmarks.synthetic import write_lexicon

        synthetic = write_lexicon(
            workdir / "synthetic-400.yaml",
            400,
            (corpus / "medium" / "pride-and-prejudice.txt").read_text(encoding="utf-8"),
        )
        speeds = throughput(book, r, synthetic)
        shipped_rate = int(speeds[1][2].replace(",", ""))
        goals.append(
            (
                "≥ 60% of the bare tokenizer's speed",
                f"{float(speeds[1][3]):.2f}× the tokenizer (shipped lexicons, one process, CPU)",
                float(speeds[1][3]) >= 0.6,
            )
        )
        goals.append(
            (
                "≥ 250,000 words/s on the 3 MB book",
                f"{shipped_rate:,} words/s checking in one process (CPU); "
                f"{book_words / one.wall:,.0f} words/s for a whole `plainwords check` process "
                f"(wall, start-up included)",
                shipped_rate >= 250_000,
            )
        )
        section(
            "Throughput in one process (CPU time, best of runs; the 3.2 MB book, read included)",
            table(["what", "CPU s", "words/s", "× tokenizer speed"], speeds),
        )
        section(
            "Both cores: the book with every paragraph parsed (400 entries, prefilter off), wall time",
            table(
                ["processes", "wall s", "words/s", "speed-up"], parallel_gain(book, synthetic, r)
            ),
        )
        section(
            "Lexicon size (synthetic entries: rare word pairs from *Pride and Prejudice*)",
            table(
                [
                    "size",
                    "entries",
                    "build s (no cache)",
                    "text sent to spaCy",
                    "check CPU s",
                    "words/s",
                ],
                lexicon_scaling(
                    book, corpus / "medium" / "pride-and-prejudice.txt", workdir, min(r, 3)
                ),
            ),
        )
        section(
            "File size (shipped lexicon, one process)",
            table(["size", "CPU s", "words/s"], size_scaling(book, r)),
        )
        section(
            "Against the goals",
            table(
                ["goal", "measured", "met"],
                [(g, m, "yes" if met else "no") for g, m, met in goals],
            )
            + "\n\nSpeed against text is judged with start-up left out: checking work in CPU "
            "seconds, since start-up has a goal of its own (the one-file run). Whole-process "
            "figures are given beside.",
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if args.output:
        args.output.write_text("\n".join(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
