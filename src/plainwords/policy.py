"""The one place every setting is decided: a frozen ``Policy``, read once, asked per path.

The configuration file (``plainwords.config``), the command line (or an editor's or an audit's
options) and the per-path overrides are merged into one ``Policy`` by ``Policy.from_config``.
For a document, ``resolve(path)`` answers which entries are on, at which severity, and which
phrases the team allows; ``lexicon_in_use`` is the same answer for the lexicon that is compiled
(entries off everywhere are never matched). The engine asks ``resolve`` for every document it
finishes, whichever command runs it, so ``check``, ``fix``, ``report``, ``--statistics`` and the
workshop page can never disagree about a setting.

Paths are matched as ``include`` and ``exclude`` match them (``plainwords.paths``): files,
folders and globs. Names are checked here, once: every entry id, category, topic and built-in
lexicon a setting names must exist, or the run stops with where it was written and the nearest
real name, because a misspelt ``disable`` leaves a rule on while a team believes it off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from plainwords.errors import UnknownNameError, did_you_mean
from plainwords.forms import inflections, joinings
from plainwords.lexicon import Entry, Lexicon, builtin_lexicon_names
from plainwords.paths import matches

if TYPE_CHECKING:
    from plainwords.config import Config
    from plainwords.findings import Finding

DEFAULT_BUILTIN = ("stigma", "jargon")


@dataclass(frozen=True)
class Layer:
    """Settings for some paths: the whole project (no ``paths``), or one override."""

    paths: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (entry id, category or topic, severity)

    def applies_to(self, path: str) -> bool:
        return not self.paths or matches(path, self.paths)


@dataclass(frozen=True)
class Named:
    """A name a setting uses and where it was written, for the message if nothing has it."""

    name: str
    setting: str  # "disable", "overrides[2].severity", "--disable"
    source: str | None = None  # the configuration file; None for the command line or a caller
    kind: str = "entry"  # "entry" (id, category or topic) or "lexicon" (a built-in lexicon)

    def where(self) -> str:
        """``file:line: setting`` where the file says it, else the file, else the setting."""
        if self.source is None:
            return self.setting
        from plainwords.config import line_of

        line = line_of(self.source, self.name)
        return f"{self.source}:{line}: {self.setting}" if line else f"{self.source}: {self.setting}"


@dataclass(frozen=True)
class Settings:
    """What the policy says for one path."""

    disabled: frozenset[str]
    severities: tuple[Mapping[str, str], ...]  # layer by layer; a later layer wins
    allowed: frozenset[str]  # the allow list's phrases in ``normal_form``

    def is_on(self, entry: Entry) -> bool:
        return self.disabled.isdisjoint(entry.names)

    def severity_of(self, entry: Entry) -> str:
        """The entry's severity here: each layer in turn, its most specific name winning."""
        severity = entry.severity
        for layer in self.severities:
            for name in entry.names:
                severity = layer.get(name, severity)
        return severity

    def allows(self, text: str) -> bool:
        return normal_form(text) in self.allowed

    def apply(self, finding: Finding) -> Finding | None:
        """The finding as this path's settings have it (its severity), or ``None`` when they
        turn it off. A mention or a quoted use stays a suggestion whatever its entry's severity."""
        if not self.is_on(finding.entry) or self.allows(finding.text):
            return None
        if finding.mention or finding.quoted:
            return finding
        severity = self.severity_of(finding.entry)
        return finding if severity == finding.severity else replace(finding, severity=severity)


@dataclass(frozen=True)
class Policy:
    """Every setting of a run, decided once. Frozen and hashable: a worker process, a Dask
    partition or an editor session can key a built pipeline on it."""

    builtin: tuple[str, ...] = DEFAULT_BUILTIN
    lexicons: tuple[str, ...] = ()  # a team's own lexicon files
    project: Layer = Layer()
    overrides: tuple[Layer, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str = "warning"
    model: str | None = None
    include_mentions: bool = False
    skip_quotations: bool = False  # leave out uses inside quoted words
    max_bytes: int | None = None
    # Where each name was written: for messages only, so not part of equality.
    named: tuple[Named, ...] = field(default=(), compare=False)

    @classmethod
    def from_config(
        cls,
        config: Config,
        *,
        lexicons: Iterable[str] = (),
        disable: Iterable[str] = (),
        fail_on: str | None = None,
        include_mentions: bool | None = None,
        skip_quotations: bool | None = None,
        model: str | None = None,
        max_bytes: int | None = None,
    ) -> Policy:
        """The configuration with the command line's settings on top (``None``: not given).
        ``lexicons`` and ``disable`` add to the file's; the others replace its values."""
        lexicons, disable = tuple(lexicons), tuple(disable)
        source = config.path
        named = [Named(n, "disable", source) for n in config.disable]
        named += [Named(n, "severity", source) for n in config.severity]
        named += [Named(n, "builtin", source, "lexicon") for n in config.builtin]
        for number, override in enumerate(config.overrides, 1):
            named += [Named(n, f"overrides[{number}].disable", source) for n in override.disable]
            named += [Named(n, f"overrides[{number}].severity", source) for n in override.severity]
        named += [Named(n, "--disable") for n in disable]
        return cls(
            builtin=tuple(config.builtin),
            lexicons=(*config.lexicons, *lexicons),
            project=Layer(
                disable=(*config.disable, *disable),
                allow=tuple(config.allow),
                severity=tuple(config.severity.items()),
            ),
            overrides=tuple(
                Layer(
                    paths=tuple(o.paths),
                    disable=tuple(o.disable),
                    allow=tuple(o.allow),
                    severity=tuple(o.severity.items()),
                )
                for o in config.overrides
            ),
            include=tuple(config.include),
            exclude=tuple(config.exclude),
            fail_on=fail_on if fail_on is not None else config.fail_on,
            model=model if model is not None else config.model,
            include_mentions=(
                include_mentions if include_mentions is not None else config.include_mentions
            ),
            skip_quotations=(
                skip_quotations if skip_quotations is not None else config.skip_quotations
            ),
            max_bytes=max_bytes,
            named=tuple(named),
        )

    @property
    def lexicon_names(self) -> tuple[str, ...]:
        """The lexicons to load, built-in names first, in order."""
        return (*self.builtin, *self.lexicons)

    # -- the answers ---------------------------------------------------------------------------
    def resolve(self, path: str) -> Settings:
        """What holds for the document at ``path``: the project's settings, then every override
        whose paths name it, in the order written."""
        layers = (self.project, *(o for o in self.overrides if o.applies_to(path)))
        settings = self._settings.get(layers)
        if settings is None:
            settings = self._settings[layers] = Settings(
                disabled=frozenset(name for layer in layers for name in layer.disable),
                severities=tuple(dict(layer.severity) for layer in layers if layer.severity),
                allowed=frozenset().union(*(allowed_forms(layer.allow) for layer in layers)),
            )
        return settings

    @cached_property
    def _settings(self) -> dict[tuple[Layer, ...], Settings]:
        return {}

    def lexicon_in_use(self, loaded: Lexicon) -> Lexicon:
        """The loaded lexicon without the entries the project turns off, at the project's
        severities: what is compiled, listed and explained. Overrides act per document."""
        return loaded.without(self.project.disable).with_severities(dict(self.project.severity))

    # -- names ---------------------------------------------------------------------------------
    def check_lexicon_names(self) -> None:
        """Every built-in lexicon the configuration names exists (checked before loading)."""
        known = builtin_lexicon_names()
        self._raise_unknown(
            (n for n in self.named if n.kind == "lexicon"), known, "built-in lexicon"
        )

    def check_names(self, loaded: Lexicon) -> None:
        """Every entry id, category and topic a setting names is in the loaded lexicons."""
        self._raise_unknown(
            (n for n in self.named if n.kind == "entry"),
            loaded.names,
            "entry id, category or topic",
        )

    @staticmethod
    def _raise_unknown(named: Iterable[Named], known: Iterable[str], what: str) -> None:
        known = frozenset(known)
        problems = [
            f"{n.where()}: unknown {what} {n.name!r}{did_you_mean(n.name, known)}"
            for n in named
            if n.name not in known
        ]
        if problems:
            raise UnknownNameError(problems)


def normal_form(text: str) -> str:
    """Lower case, hyphens as spaces, single spaces: how allow lists compare a finding's text."""
    return " ".join(re.split(r"[\s\-]+", text.lower())).strip()


@lru_cache(maxsize=64)
def allowed_forms(phrases: tuple[str, ...]) -> frozenset[str]:
    """A team's allow list, with the same plurals and hyphen variants the matcher uses."""
    forms: set[str] = set()
    for phrase in phrases:
        for inflected in inflections(phrase.lower(), "both"):
            forms.update(normal_form(j) for j in joinings(inflected))
    return frozenset(forms)
