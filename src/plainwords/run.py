"""Wiring for one run: configuration → lexicon → linter → documents → findings.

Shared by ``check``, ``fix`` and ``report`` so each command stays a thin layer of options.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from plainwords.config import Config, Override
from plainwords.discovery import discover
from plainwords.document import Document
from plainwords.engine import Linter, Options, allowed_forms, normal_form
from plainwords.findings import Finding
from plainwords.lexicon import Entry, Lexicon, LexiconError, load_lexicon
from plainwords.readers import KNOWN_EXTENSIONS, NotText, ReadError, read_bytes, read_path
from plainwords.yamlfile import DataError


def lexicon_names(config: Config, extra: Iterable[str] = ()) -> list[str]:
    return [*config.builtin, *config.lexicons, *extra]


def build_lexicon(config: Config, extra: Iterable[str] = ()) -> Lexicon:
    """The built-in lexicons, the team's own files, minus what is disabled, with severity
    overrides applied."""
    return _configured(_load(config, extra), config)


def _load(config: Config, extra: Iterable[str] = ()) -> Lexicon:
    """The built-in lexicons merged with the team's own files, whose entries replace built-in
    entries they share an id or a term with."""
    lexicon = load_lexicon(config.builtin)
    own = [*config.lexicons, *extra]
    return lexicon.merged(load_lexicon(own)) if own else lexicon


def _configured(lexicon: Lexicon, config: Config) -> Lexicon:
    return lexicon.without(config.disable).with_severities(config.severity)


def build_linter(
    config: Config, extra_lexicons: Iterable[str] = (), *, use_cache: bool = True
) -> Linter:
    """A linter for the configuration; with ``use_cache`` the compiled lexicon is read from (or
    written to) the on-disk cache, see ``plainwords.cache``."""
    options = Options(
        include_mentions=config.include_mentions,
        allow=config.allow,
        skip_quotations=config.skip_quotations,
    )
    if not use_cache:
        linter = Linter(build_lexicon(config, extra_lexicons), model=config.model, options=options)
        check_own_entries(linter, [*config.lexicons, *extra_lexicons])
        return linter
    from plainwords import cache

    names = lexicon_names(config, extra_lexicons)
    key = cache.cache_key(names, config.model)
    compiled = cache.load(key)
    lexicon = compiled.lexicon if compiled is not None else _load(config, extra_lexicons)
    linter = Linter(
        _configured(lexicon, config), model=config.model, options=options, compiled=compiled
    )
    if compiled is None:
        # Checked once, before the lexicon is cached: a cache hit has passed this already.
        check_own_entries(linter, [*config.lexicons, *extra_lexicons])
        cache.store(key, cache.compiled_from(lexicon, linter.component))
    return linter


def check_own_entries(linter: Linter, own_files: Iterable[str]) -> None:
    """The checks of an organisation's entries that need the compiled pipeline: every term can be
    matched in running text (see ``plainwords.matchable``) and no alternative is itself flagged.
    Each problem is reported as ``file:line``; the shipped lexicons are held to the same rules by
    the test suite. Run on a cache miss only: a cached lexicon has passed them already."""
    from plainwords.matchable import unmatchable

    own = _own_entries(linter, own_files)
    problems = unmatchable(linter.nlp.tokenizer, own, linter.component.forms)
    problems += _alternative_problems(linter, own)
    if problems:
        raise LexiconError(problems)


def _own_entries(linter: Linter, own_files: Iterable[str]) -> list[Entry]:
    files = {str(Path(f)) for f in own_files}
    return [entry for entry in linter.lexicon if str(Path(entry.file)) in files]


def _alternative_problems(linter: Linter, entries: Iterable[Entry]) -> list[DataError]:
    """An entry whose alternative is itself flagged would send writers in a circle."""
    problems = []
    for entry in entries:
        for alternative in entry.alternatives:
            flagged = linter.check_text(alternative)
            if flagged:
                problems.append(
                    DataError(
                        entry.file,
                        entry.line,
                        f"entry '{entry.id}': alternative {alternative!r} is itself flagged by "
                        f"'{flagged[0].rule}'; choose another or narrow that entry",
                    )
                )
    return problems


class Problems:
    """Collects per-file errors and notices so one bad file never stops the others."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.skipped: list[str] = []
        self.notices: list[str] = []


def documents(
    paths: Iterable[str],
    config: Config,
    problems: Problems,
    *,
    stdin_filename: str | None = None,
    max_bytes: int | None = None,
    on_file: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Read every file the paths name; errors and skips are recorded, not raised."""
    limit = {"max_bytes": max_bytes} if max_bytes else {}
    for path in discover(paths, KNOWN_EXTENSIONS, include=config.include, exclude=config.exclude):
        if on_file:
            on_file(path)
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
                document = read_bytes(stdin_filename or "<stdin>", data, **limit)
            else:
                document = read_path(path, display=os.path.normpath(path), **limit)
        except NotText as notice:
            problems.skipped.append(str(notice))
            continue
        except ReadError as error:
            problems.errors.append(str(error))
            continue
        problems.notices.extend(document.notices)
        yield document


def _applies(override: Override, path: str) -> bool:
    posix = str(PurePosixPath(Path(path).as_posix())).removeprefix("./")
    return any(
        fnmatch.fnmatch(posix, glob) or PurePosixPath(posix).match(glob) for glob in override.paths
    )


def apply_overrides(findings: list[Finding], path: str, config: Config) -> list[Finding]:
    """Per-path settings: disable, allow and severity for files matching an override's globs."""
    overrides = [o for o in config.overrides if _applies(o, path)]
    if not overrides:
        return findings
    allowed = [allowed_forms(o.allow) for o in overrides]
    result = []
    for finding in findings:
        keep = True
        severity = finding.severity
        for override, override_allowed in zip(overrides, allowed, strict=True):
            names = {finding.rule, finding.category, finding.entry.topic}
            if names & set(override.disable):
                keep = False
            if normal_form(finding.text) in override_allowed:
                keep = False
            for key in (finding.category, finding.entry.topic, finding.rule):
                if key in override.severity and not finding.mention:
                    severity = override.severity[key]
        if keep:
            result.append(
                replace(finding, severity=severity) if severity != finding.severity else finding
            )
    return result


def check_paths(
    linter: Linter,
    paths: Iterable[str],
    config: Config,
    problems: Problems,
    jobs: int | None = 1,
    **kwargs,
) -> Iterator[tuple[Document, list[Finding]]]:
    """Findings per document, in order; ``jobs`` processes (``None``: as many as the work
    deserves, see ``plainwords.parallel``)."""
    from plainwords.parallel import check_many

    for document, findings in check_many(
        linter, documents(paths, config, problems, **kwargs), jobs
    ):
        yield document, apply_overrides(findings, document.path, config)
