"""The benchmark's synthetic lexicons are valid lexicons that match real text."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import speed  # noqa: E402
from benchmarks.synthetic import write_lexicon  # noqa: E402

from plainwords.engine import Linter  # noqa: E402
from plainwords.lexicon import load_lexicon  # noqa: E402

SOURCE = (
    "The parish council met on a wet Tuesday evening. The parish council agreed the budget. "
    "Residents asked about the village green, the bus shelter and the old library roof. "
) * 3 + "A quiet lane ran past the mill pond towards the chapel yard."


def test_synthetic_lexicon_loads_and_matches(tmp_path):
    path = write_lexicon(tmp_path / "synthetic.yaml", 6, SOURCE)
    lexicon = load_lexicon([str(path)])
    assert len(lexicon) == 6
    assert write_lexicon(tmp_path / "again.yaml", 6, SOURCE).read_text() == path.read_text()
    findings = Linter(lexicon).check_text(SOURCE)
    assert {f.rule for f in findings} <= {e.id for e in lexicon}
    assert findings, "terms are drawn from the source text, so some must be found in it"


def test_synthetic_terms_never_repeat_a_shipped_term(tmp_path):
    text = "We will release from hospital the people who suffer from colds. " * 2
    path = write_lexicon(tmp_path / "synthetic.yaml", 50, text)
    terms = {t for e in load_lexicon([str(path)]) for t in e.terms}
    assert "release from" not in terms and "suffer from" not in terms
    assert "hospital the" in terms
    load_lexicon(["stigma", "jargon", str(path)])  # loads together: no shared term


def test_speed_tables_measure_real_runs_on_a_small_book(tmp_path):
    book = tmp_path / "book.txt"
    book.write_text((SOURCE + " We will utilise the hall going forward.\n\n") * 40, "utf-8")
    synthetic = write_lexicon(tmp_path / "synthetic.yaml", 6, SOURCE)
    rows = speed.throughput(book, 1, synthetic)
    assert [r[0].split(" (")[0].split(",")[0] for r in rows] == [
        "spaCy tokenizer alone",
        "plainwords",
        "plainwords",
        "plainwords",
    ]
    assert all(seconds > 0 and int(rate.replace(",", "")) > 0 for _, seconds, rate, _ in rows)
    sizes = speed.size_scaling(book, 1)
    assert len(sizes) == 5 and all(seconds > 0 for _, seconds, _ in sizes)


def test_instant_cases_pick_clean_pieces_and_one_with_a_finding(tmp_path):
    from benchmarks import instant

    small = tmp_path / "small"
    small.mkdir()
    for number in range(12):
        text = "The parish council met on Tuesday.\n" if number != 4 else "We utilise it.\n"
        (small / f"piece-{number:03}.txt").write_text(text, encoding="utf-8")
    clean, precommit = instant.pick_files(small)
    assert clean.name == "piece-000.txt"
    assert len(precommit) == 10 and precommit[-1].name == "piece-004.txt"
    assert "piece-004.txt" not in {p.name for p in precommit[:-1]}


def test_instant_ratios_are_taken_round_by_round(tmp_path):
    from benchmarks import instant

    quick = [sys.executable, "-c", "pass"]
    measured = instant.measure({"nothing": quick}, 2, None)
    assert set(measured) == {"spacy", "nothing"}
    wall, cpu, ratio = measured["nothing"]
    assert wall > 0 and cpu >= 0 and 0 < ratio < 1  # starting Python beats importing spaCy
    assert measured["spacy"][2] == 1.0


def test_the_floor_tokenizes_exactly_the_windows_plainwords_sends(tmp_path):
    import json
    import subprocess

    from benchmarks import instant

    book = tmp_path / "book.txt"
    book.write_text(
        "The parish council met.\n\nWe utilise the hall.\n\nRain fell.\n\nAddicts deserve better.\n",
        encoding="utf-8",
    )
    windows = instant.write_windows(book, tmp_path)
    assert json.loads(windows.read_text(encoding="utf-8")) == [
        "We utilise the hall.",
        "Addicts deserve better. ",  # the final line break, folded to a space
    ]
    subprocess.run(instant.floor_command(windows), check=True)
