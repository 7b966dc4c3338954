"""The compiled lexicon, cached on disk so a one-file run (a pre-commit hook) starts fast.

Reading and validating the YAML and expanding every term into its inflected, hyphenated and
respelled forms (lemminflect's tables take most of a second to load) cost more than checking a
small file. Their result depends only on the lexicon files' bytes, the model, plainwords' own
source and the versions of spaCy and Python, so it is stored once under a key made of exactly
those (never a hand-kept list of what matters) and reused until any of them changes. A cache that cannot be read or written is silently skipped: the run is
then as slow as without one, never wrong.

Location: ``$PLAINWORDS_CACHE_DIR``, else ``$XDG_CACHE_HOME/plainwords``, else
``~/.cache/plainwords``. Files are pickles read back with an unpickler that only rebuilds
plainwords' own data classes and plain containers, never arbitrary objects.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from plainwords import __version__
from plainwords.atomic import write_atomically
from plainwords.conditions import CompiledConditions
from plainwords.lexicon import Lexicon, resolve_lexicon
from plainwords.scanner import Prefilter

_FORMAT = 4  # bump when the shape of Compiled changes
_STALE_AFTER = 30 * 24 * 3600  # seconds; other cache files older than this are removed on write

# Entry id → (compiled ``when``, compiled ``unless``); either may be None.
Conditions = dict[str, tuple[CompiledConditions | None, CompiledConditions | None]]


@dataclass(frozen=True)
class Compiled:
    """A loaded lexicon with everything the matcher derives from it."""

    lexicon: Lexicon
    forms: dict[str, tuple[str, ...]]
    conditions: Conditions
    # Each surface form as the tokenizer splits it: building the matchers from these words skips
    # running the tokenizer over thousands of short strings at every start.
    tokens: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Entry id → the phrases the candidate scanner looks for (``plainwords.scanner``): with
    # these a run scans its files before, and often instead of, building the pipeline.
    triggers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # lemminflect's answers for the lexicon's words (``plainwords.inflections``): shaping the
    # alternatives of a finding then rarely loads lemminflect's tables.
    inflections: dict[tuple, object] = field(default_factory=dict)
    # The candidate scanner over every entry's phrases, built once (``Prefilter.narrowed`` fits it
    # to the entries a project turns on): building the automaton costs more than a clean run.
    scanner: Prefilter | None = None


def compiled_from(lexicon: Lexicon, component) -> Compiled:
    """What a built ``PlainwordsMatcher`` derived from a lexicon, ready to store or hand on,
    with every lemminflect answer this process has been given."""
    from plainwords import inflections

    triggers = component.triggers()
    return Compiled(
        lexicon,
        dict(component.forms),
        dict(component.conditions),
        dict(component.tokens),
        triggers,
        inflections.answers(),
        Prefilter(triggers),
    )


def rehearse(lexicon: Lexicon, forms: dict[str, tuple[str, ...]]) -> None:
    """Shape every entry's alternatives for each of its forms, so lemminflect's answers for the
    lexicon's own words are known before they are stored (see ``plainwords.inflections``)."""
    from plainwords import inflections
    from plainwords.shaping import suggest

    for entry in lexicon:
        if not (entry.alternatives or entry.shapes):
            continue
        for form in forms.get(entry.id, ()):
            suggest(form, 0, len(form), entry)
        if entry.inflect in ("verb", "both"):
            # The tense a sentence asks for ("had utilised": VBN) is not always the form's own.
            for alternative in entry.alternatives:
                first = alternative.split(" ")[0]
                lemmas = inflections.getLemma(first, upos="VERB", lemmatize_oov=False)
                for tag in ("VBD", "VBG", "VBN", "VBP", "VBZ"):
                    inflections.getInflection(lemmas[0] if lemmas else first, tag=tag)


def cache_dir() -> Path:
    override = os.environ.get("PLAINWORDS_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "plainwords"


def cache_key(names: Iterable[str | Path], model: str | None = None) -> str | None:
    """A digest of everything the compiled lexicon is made from: every lexicon file's bytes, the
    model, and the code that compiles it (plainwords' own source, spaCy's version, Python's), so
    any change to any of them is a miss; ``None`` when a file cannot be read (the loader then
    reports the problem). Settings that act after compiling (disable, severity, allow,
    overrides) are left out on purpose: changing them must not cost a recompile."""
    digest = hashlib.sha256()
    versions = (__version__, _spacy_version(), sys.version_info[:2])
    for part in (_FORMAT, source_digest(), *versions):
        digest.update(repr(part).encode() + b"\0")
    digest.update(repr(model or "").encode() + b"\0")
    try:
        for name in names:
            path = resolve_lexicon(name)
            data = path.read_bytes()
            digest.update(f"{path.name}\0{len(data)}\0".encode() + data)
    except Exception:  # noqa: BLE001 - a missing or bad file is the loader's to report
        return None
    return digest.hexdigest()


def _spacy_version() -> str:
    """spaCy's version, read from its ``about.py`` without importing spaCy: a run whose files
    hold no candidate never pays for that import (see ``plainwords.scanner``)."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    try:
        folder = Path(next(iter(spec.submodule_search_locations or ())))  # type: ignore[union-attr]
        about = (folder / "about.py").read_text(encoding="utf-8")
    except Exception:  # noqa: BLE001 - an unusual install: ask spaCy itself
        import spacy.about

        return spacy.about.__version__
    return hashlib.sha256(about.encode()).hexdigest()


def source_digest(package: Path | None = None) -> str:
    """A digest of every Python file of the package: an edit to any module, released or not,
    changes it. Reading them costs a few milliseconds, once per process."""
    return _source_digest(package or Path(__file__).resolve().parent)


@lru_cache(maxsize=4)
def _source_digest(package: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        data = path.read_bytes()
        name = path.relative_to(package).as_posix()
        digest.update(f"{name}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / f"lexicon-{key[:40]}.pickle"


def load(key: str | None) -> Compiled | None:
    """The cached compile for a key, or ``None`` on a miss or any problem reading it."""
    if key is None:
        return None
    try:
        with open(_path(key), "rb") as handle:
            compiled = _SafeUnpickler(handle).load()
    except Exception:  # noqa: BLE001 - a cache is an optimisation; any fault is a miss
        return None
    return compiled if isinstance(compiled, Compiled) else None


def store(key: str | None, compiled: Compiled) -> bool:
    """Write atomically (a half-written file is never read); ``False`` if the directory is not
    writable or anything else goes wrong."""
    if key is None:
        return False
    target = _path(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(target)
    except Exception:  # noqa: BLE001
        return False
    return True


def _prune(keep: Path) -> None:
    """Remove cache files for lexicons that have not been used for a month."""
    cutoff = time.time() - _STALE_AFTER
    for other in keep.parent.glob("lexicon-*.pickle"):
        try:
            if other != keep and other.stat().st_mtime < cutoff:
                other.unlink()
        except OSError:
            pass


_ALLOWED = {
    "builtins": {"frozenset", "set", "tuple", "list", "dict", "bool", "int", "str"},
    "plainwords.cache": {"Compiled"},
    "plainwords.lexicon": {"Lexicon", "Entry", "Reference", "Examples", "Conditions", "Rewrite"},
    "plainwords.alternatives": {"Alternative"},
    "plainwords.conditions": {"CompiledConditions"},
    "plainwords.scanner": {"Prefilter"},
    "ahocorasick": {"Automaton"},
}


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a plainwords cache")


def loads(data: bytes) -> object:
    """Unpickle bytes with the same restrictions as cache files (for tests)."""
    return _SafeUnpickler(io.BytesIO(data)).load()
