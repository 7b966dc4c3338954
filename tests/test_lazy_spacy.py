"""A run whose files hold no candidate never imports spaCy, nor PyYAML, once the compiled lexicon
(with the scanner's phrases) is cached; a file with a candidate builds the pipeline and finds it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")

# Runs ``plainwords check`` in this process and says which heavy modules it imported.
PROBE = (
    "import sys\n"
    "from plainwords.cli import main\n"
    "code = main(['check', '--no-color', *sys.argv[1:]])\n"
    "heavy = ('spacy', 'thinc', 'yaml', 'lemminflect', 'numpy')\n"
    "print(code, sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy}))\n"
)


def _probe(tmp_path: Path, *paths: Path) -> tuple[int, list[str]]:
    env = {**os.environ, "PLAINWORDS_CACHE_DIR": str(tmp_path / "cache")}
    env["PYTHONPATH"] = os.pathsep.join([SRC, env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    code, modules = result.stdout.strip().splitlines()[-1].split(" ", 1)
    return int(code), eval(modules)  # noqa: S307 - our own probe's printed list


def test_clean_files_never_import_spacy_once_the_scanner_is_cached(tmp_path):
    clean = tmp_path / "notes.md"
    clean.write_text("# Notes\n\nThe team met on Tuesday and agreed the plan.\n", encoding="utf-8")
    other = tmp_path / "readme.txt"
    other.write_text("Nothing to see here.\n", encoding="utf-8")
    code, first = _probe(tmp_path, clean)  # no cache yet: the lexicon is compiled and stored
    assert code == 0 and "spacy" in first
    code, modules = _probe(tmp_path, clean, other)
    assert code == 0
    assert modules == []  # neither spaCy (nor thinc), PyYAML, lemminflect nor numpy


def test_a_candidate_builds_the_pipeline_and_is_reported(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The team met on Tuesday.\n", encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("We will reach hard to reach groups going forward.\n", encoding="utf-8")
    _probe(tmp_path, clean)
    code, modules = _probe(tmp_path, clean, dirty)
    assert code == 1 and "spacy" in modules
    # The finding's alternatives are shaped from lemminflect answers cached with the lexicon.
    assert "lemminflect" not in modules
    # Nor do person-first alternatives after words from the text that no cache can hold.
    labels = tmp_path / "labels.txt"
    labels.write_text(
        "The poorest inhabitants and unfortunate drug addicts slept in the sick rooms.\n",
        encoding="utf-8",
    )
    code, modules = _probe(tmp_path, labels)
    assert code == 1 and "lemminflect" not in modules
    # A candidate the pipeline rules out ("key" as a noun of doors) still costs the import,
    # and still finds nothing.
    door = tmp_path / "door.txt"
    door.write_text("She turned the key in the door.\n", encoding="utf-8")
    code, _ = _probe(tmp_path, door)
    assert code == 0
