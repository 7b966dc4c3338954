"""The compiled-lexicon cache: a hit changes nothing but speed; any change of lexicon misses."""

from __future__ import annotations

import pickle

import pytest

from plainwords import cache
from plainwords.cli import main
from plainwords.config import Config
from plainwords.run import build_linter

TEXT = (
    "Going forward we will utilise the hall to reach hard-to-reach groups and service users.\n\n"
    "The spare keys are on a hard to reach shelf. Addicts deserve better words.\n"
)

OWN = """version: 1
category: local
entries:
  - id: wraparound
    terms: [{term}]
    alternatives: [joined-up]
    reason: Local test entry.
    severity: warning
    inflect: noun
    source: {{name: Test guide, url: "https://example.org/guide"}}
    unless:
      followed_by: [car]
"""


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(directory))
    return directory


def _found(linter, text=TEXT):
    return [(f.start, f.end, f.rule, f.severity, f.mention) for f in linter.check_text(text)]


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("PLAINWORDS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "plainwords"
    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(tmp_path / "x"))
    assert cache.cache_dir() == tmp_path / "x"


def test_a_cache_hit_gives_identical_findings(cache_dir):
    uncached = _found(build_linter(Config(), use_cache=False))
    assert not cache_dir.exists()
    first = build_linter(Config())
    files = list(cache_dir.glob("lexicon-*.pickle"))
    assert len(files) == 1
    key = cache.cache_key(["stigma", "jargon"])
    hit = cache.load(key)
    assert hit is not None and hit.lexicon == first.lexicon
    second = build_linter(Config())
    assert second.component.forms == first.component.forms
    assert second.component.conditions == first.component.conditions
    assert _found(first) == _found(second) == uncached
    assert len(uncached) >= 5


def test_cached_tokens_are_the_tokenizers_split_of_each_form(cache_dir):
    build_linter(Config())
    hit = cache.load(cache.cache_key(["stigma", "jargon"]))
    fresh = build_linter(Config(), use_cache=False)
    forms = [form for forms in fresh.component.forms.values() for form in forms]
    assert hit is not None and set(hit.tokens) == set(forms)
    tokenizer = fresh.nlp.tokenizer
    assert all(hit.tokens[f] == tuple(t.text for t in tokenizer(f)) for f in forms)
    assert hit.tokens["hard-to-reach"] == ("hard", "-", "to", "-", "reach")


def test_a_changed_lexicon_file_is_rebuilt(cache_dir, tmp_path):
    own = tmp_path / "own.yaml"
    own.write_text(OWN.format(term="wraparound"), encoding="utf-8")
    text = "We offer wraparound care and wraparounds, not a wraparound car, and joined-up support."
    before = build_linter(Config(builtin=("stigma",)), [str(own)])
    assert [f.text for f in before.check_text(text)] == ["wraparound", "wraparounds"]
    assert [
        f.text for f in build_linter(Config(builtin=("stigma",)), [str(own)]).check_text(text)
    ] == ["wraparound", "wraparounds"]
    own.write_text(OWN.format(term="joined-up support"), encoding="utf-8")
    after = build_linter(Config(builtin=("stigma",)), [str(own)])
    assert [f.text for f in after.check_text(text)] == ["joined-up support"]
    assert len(list(cache_dir.glob("lexicon-*.pickle"))) == 2


def test_key_changes_with_version_and_model(monkeypatch):
    key = cache.cache_key(["stigma"])
    assert cache.cache_key(["stigma"], "en_core_web_sm") != key
    monkeypatch.setattr(cache, "__version__", "0.0.0-test")
    assert cache.cache_key(["stigma"]) != key
    assert cache.cache_key(["no/such/file.yaml"]) is None


def test_an_unwritable_cache_dir_falls_back_silently(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("PLAINWORDS_CACHE_DIR", str(blocker / "cache"))
    assert _found(build_linter(Config())) == _found(build_linter(Config(), use_cache=False))


def test_a_corrupt_or_foreign_cache_file_is_a_miss(cache_dir):
    build_linter(Config())
    (path,) = cache_dir.glob("lexicon-*.pickle")
    path.write_bytes(b"\x80\x04garbage")
    assert cache.load(cache.cache_key(["stigma", "jargon"])) is None
    path.write_bytes(pickle.dumps(print))  # not plainwords data: refused, never called
    assert cache.load(cache.cache_key(["stigma", "jargon"])) is None
    assert _found(build_linter(Config())) == _found(build_linter(Config(), use_cache=False))
    assert cache.load(cache.cache_key(["stigma", "jargon"])) is not None


def test_the_safe_unpickler_refuses_other_classes():
    with pytest.raises(pickle.UnpicklingError):
        cache.loads(pickle.dumps(pytest.raises))


def test_check_no_cache_writes_nothing(cache_dir, tmp_path, capsys):
    document = tmp_path / "notes.txt"
    document.write_text(TEXT, encoding="utf-8")
    assert main(["check", "--no-cache", "-q", str(document)]) == 1
    assert not cache_dir.exists()
    with_cache_out = capsys.readouterr().out
    assert main(["check", "-q", str(document)]) == 1
    assert len(list(cache_dir.glob("lexicon-*.pickle"))) == 1
    assert capsys.readouterr().out == with_cache_out


def test_the_key_follows_the_packages_own_source(tmp_path, monkeypatch):
    """No hand-kept list decides what the compiled lexicon depends on: an edit to any module of
    the package changes the key."""
    package = tmp_path / "package"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n")
    (package / "sub" / "b.py").write_text("B = 1\n")
    before = cache.source_digest(package)
    (package / "sub" / "b.py").write_text("B = 2\n")
    cache._source_digest.cache_clear()
    assert cache.source_digest(package) != before
    key = cache.cache_key(["stigma"])
    monkeypatch.setattr(cache, "source_digest", lambda: "edited")
    assert cache.cache_key(["stigma"]) != key


def test_settings_that_act_after_compiling_share_one_cache_file(cache_dir):
    build_linter(Config())
    build_linter(Config(disable=("jargon",), severity={"stigma": "error"}, allow=("addicts",)))
    assert len(list(cache_dir.glob("lexicon-*.pickle"))) == 1


def test_the_cached_scanner_is_narrowed_to_the_entries_a_project_turns_on(cache_dir):
    build_linter(Config())  # a miss: compiles and stores the scanner with the lexicon
    hit = cache.load(cache.cache_key(["stigma", "jargon"]))
    assert hit is not None and hit.scanner is not None
    text = "Addicts deserve better words. Going forward we will utilise the hall."
    everything = build_linter(Config())
    assert everything.prefilter is not None
    assert everything.prefilter.hits(text) == [0, 30, 52]
    narrowed = build_linter(Config(disable=("jargon",)))
    assert narrowed.prefilter is not None
    assert narrowed.prefilter.hits(text) == [0]  # "going forward" and "utilise" are jargon
    assert [f.rule for f in narrowed.check_text(text)] == ["addict"]
    assert not narrowed.prefilter("Going forward we will utilise the hall.")
