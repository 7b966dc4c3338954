"""Wiring for one run: policy → lexicon → linter → documents → findings.

Every command (check, fix, report, serve, lexicon, and the audit and editor helpers) builds its
linter with ``build_linter(policy)`` and reads its documents with ``documents``/``check_paths``;
what is on, at which severity, for which path, is the policy's to say (``plainwords.policy``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from plainwords.config import Config
from plainwords.discovery import discover
from plainwords.document import Document
from plainwords.engine import Linter
from plainwords.errors import LexiconError
from plainwords.findings import Finding
from plainwords.lexicon import Entry, Lexicon, load_lexicon
from plainwords.policy import Policy
from plainwords.readers import (
    KNOWN_EXTENSIONS,
    MAX_BYTES,
    NotText,
    ReadError,
    read_path,
    read_stream,
)
from plainwords.suppressions import nameable, unknown_names


def policy_of(settings: Policy | Config, extra_lexicons: Iterable[str] = ()) -> Policy:
    """A policy as given, or the one a configuration (plus extra lexicon files) makes."""
    if isinstance(settings, Policy):
        if extra_lexicons:
            from dataclasses import replace

            return replace(settings, lexicons=(*settings.lexicons, *extra_lexicons))
        return settings
    return Policy.from_config(settings, lexicons=extra_lexicons)


def load(policy: Policy) -> Lexicon:
    """The built-in lexicons merged with the team's own files, whose entries replace built-in
    entries they share an id or a term with; nothing turned off yet."""
    policy.check_lexicon_names()
    lexicon = load_lexicon(policy.builtin)
    return lexicon.merged(load_lexicon(policy.lexicons)) if policy.lexicons else lexicon


def build_lexicon(settings: Policy | Config, extra_lexicons: Iterable[str] = ()) -> Lexicon:
    """The lexicon in use: loaded, names checked, minus what the project turns off, at the
    project's severities (what ``lexicon list`` and ``explain`` show)."""
    policy = policy_of(settings, extra_lexicons)
    loaded = load(policy)
    policy.check_names(loaded)
    return policy.lexicon_in_use(loaded)


def build_linter(
    settings: Policy | Config, extra_lexicons: Iterable[str] = (), *, use_cache: bool = True
) -> Linter:
    """The linter for a policy (or a configuration, with extra lexicon files): every name the
    policy uses is checked against the lexicons, and the team's own entries pass
    ``check_entries``. With ``use_cache`` the compiled lexicon is read from (or written to) the
    on-disk cache, see ``plainwords.cache``; a cached lexicon has passed the checks already."""
    from plainwords import cache
    from plainwords.entry_checks import check_entries

    policy = policy_of(settings, extra_lexicons)
    key = cache.cache_key(policy.lexicon_names, policy.model) if use_cache else None
    compiled = cache.load(key)
    loaded = compiled.lexicon if compiled is not None else load(policy)
    policy.check_names(loaded)
    linter = Linter(
        policy.lexicon_in_use(loaded),
        model=policy.model,
        policy=policy,
        compiled=compiled,
        known_names=nameable(loaded),
    )
    if compiled is None:
        problems = check_entries(linter, _own_entries(linter.lexicon, policy.lexicons))
        if problems:
            raise LexiconError(problems)
        if use_cache:
            cache.rehearse(linter.lexicon, linter.component.forms)
            cache.store(key, cache.compiled_from(loaded, linter.component))
    return linter


def _own_entries(lexicon: Lexicon, own_files: Iterable[str]) -> list[Entry]:
    files = {str(Path(f)) for f in own_files}
    return [entry for entry in lexicon if str(Path(entry.file)) in files]


class Problems:
    """Collects per-file errors, warnings and notices so one bad file never stops the others."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.skipped: list[str] = []
        self.notices: list[str] = []


def discovered(paths: Iterable[str], policy: Policy, problems: Problems) -> Iterator[str]:
    """The files a run reads from ``paths``: known kinds in folders, the policy's include and
    exclude; a folder that cannot be listed is recorded as an error."""
    return discover(
        paths,
        KNOWN_EXTENSIONS,
        include=policy.include,
        exclude=policy.exclude,
        on_error=problems.errors.append,
    )


def documents(
    paths: Iterable[str],
    policy: Policy,
    problems: Problems,
    *,
    stdin_filename: str | None = None,
    on_file: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Read every file the paths name (the policy's include and exclude, its size limit);
    errors and skips are recorded, not raised."""
    limit = policy.max_bytes or MAX_BYTES
    for path in discovered(paths, policy, problems):
        if on_file:
            on_file(path)
        try:
            if path == "-":
                document = read_stream(
                    sys.stdin.buffer, stdin_filename or "<stdin>", max_bytes=limit
                )
            else:
                document = read_path(path, display=os.path.normpath(path), max_bytes=limit)
        except NotText as notice:
            problems.skipped.append(str(notice))
            continue
        except ReadError as error:
            problems.errors.append(str(error))
            continue
        problems.notices.extend(document.notices)
        yield document


def check_paths(
    linter: Linter,
    paths: Iterable[str],
    problems: Problems,
    *,
    jobs: int | None = 1,
    stdin_filename: str | None = None,
    on_file: Callable[[str], None] | None = None,
) -> Iterator[tuple[Document, list[Finding]]]:
    """Findings per document, in order, as the linter's policy has them; ``jobs`` processes
    (``None``: as many as the work deserves, see ``plainwords.parallel``). Suppression comments
    that name no entry id or category are recorded as warnings."""
    from plainwords.parallel import check_many

    read = documents(paths, linter.policy, problems, stdin_filename=stdin_filename, on_file=on_file)
    for document, findings in check_many(linter, read, jobs):
        problems.warnings.extend(unknown_names(document, linter.known_names))
        yield document, findings
