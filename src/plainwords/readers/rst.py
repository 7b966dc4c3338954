"""reStructuredText: lint paragraphs, titles and the like; never literal blocks, code, roles'
targets, URLs, comments or targets.

docutils parses the document. Its nodes carry the raw source of each paragraph or title and a line
number, but no column, so each prose node is found in the source from its line (text between words
may be re-wrapped or indented, so whitespace matches loosely). Everything that is not found prose
is blanked out at the same length, which keeps every offset of the linted text an offset in the
file: a construct that cannot be placed with certainty is never linted rather than linted in the
wrong place. Suppression comments are reST comments: ``.. plainwords-disable-next-line addict``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from plainwords.document import Document, LineIndex, masked
from plainwords.suppressions import Directive, directive, resolve

_SETTINGS = {
    "report_level": 5,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "_disable_config": True,
    "input_encoding": "unicode",
    "pep_references": False,
    "rfc_references": False,
    "syntax_highlight": "none",
}
# Roles whose content is code or an address, not words a reader is meant to read as prose.
PROSE_ROLES = frozenset(
    {
        "emphasis",
        "strong",
        "title-reference",
        "title",
        "t",
        "sub",
        "subscript",
        "sup",
        "superscript",
        "abbr",
        "abbreviation",
        "ac",
        "acronym",
        "dfn",
        "term",
        "guilabel",
        "menuselection",
    }
)
_ROLE = re.compile(
    r"^(?::(?P<prefix>[A-Za-z0-9_.+:-]+):)?`(?P<body>.*)`(?::(?P<suffix>[A-Za-z0-9_.+:-]+):)?$",
    re.DOTALL,
)
_EXPLICIT_TITLE = re.compile(r"^(?P<title>.*?\S)\s*<(?P<target>[^<>]*)>$", re.DOTALL)
_NEWLINE = re.compile(r"\r\n|\r|\n")


def read_rst(path: str, text: str, **kwargs) -> Document:
    notices = tuple(kwargs.pop("notices", ()))
    try:
        tree = _parse(text)
    except Exception as error:  # noqa: BLE001 - docutils raises many kinds; the text is still readable
        notices += (
            f"{path}: reStructuredText could not be parsed ({type(error).__name__}); read as plain text",
        )
        from plainwords.readers.text import read_text

        return read_text(path, text, notices=notices, **kwargs)
    locator = _Locator(text)
    prose, inline, comments = locator.analyse(tree)
    blank = _complement(prose, len(text))
    return Document(
        path=path,
        text=text,
        lint_text=masked(text, blank, inline=inline),
        kind="rst",
        suppressions=_suppressions(text, comments) if comments else (),
        notices=notices,
        **kwargs,
    )


def _parse(text: str):
    from docutils.core import publish_doctree

    settings = dict(_SETTINGS, warning_stream=io.StringIO())
    return publish_doctree(text, settings_overrides=settings)


def _loose(raw: str) -> str:
    """A pattern for raw source text whose whitespace may have been re-indented or re-wrapped."""
    return r"\s+".join(re.escape(word) for word in raw.split())


class _Locator:
    """Finds doctree nodes in the source text, in document order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)
        self.cursor = 0

    def line_start(self, line: int | None) -> int | None:
        if not line:
            return None
        line = max(1, min(line, len(self.lines.starts)))
        return self.lines.starts[line - 1]

    def analyse(
        self, tree
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int, str]]]:
        prose: list[tuple[int, int]] = []
        inline: list[tuple[int, int]] = []
        comments: list[tuple[int, int, str]] = []
        for node in _walk(tree):
            kind = type(node).__name__
            if kind == "comment":
                found = self._comment(node)
                if found:
                    comments.append(found)
                continue
            raw = node.rawsource.strip() if isinstance(node.rawsource, str) else ""
            if not raw:
                continue
            span = self._find(raw, node.line)
            if span is None:
                continue
            prose.append(span)
            inline.extend(self._inline(node, span))
        return prose, inline, comments

    def _find(self, raw: str, line: int | None) -> tuple[int, int] | None:
        pattern = re.compile(r"(?<![^\s|])" + _loose(raw) + r"(?![^\s|])")
        # Line numbers from docutils can be one or two lines late (titles, some blocks).
        hint = self.line_start(line - 2 if line else None)
        if hint is None:
            start = self.cursor
        else:
            # Never search before the last node found, unless that would skip this node's own line.
            own = self.line_start(line)
            start = max(hint, self.cursor) if own is None or self.cursor <= own else hint
        match = pattern.search(self.text, start)
        if match is None:
            return None
        self.cursor = match.end()
        return match.start(), match.end()

    def _inline(self, node, span: tuple[int, int]) -> Iterator[tuple[int, int]]:
        """Ranges inside a prose node to blank: literals, code roles, URLs, references to notes."""
        from docutils import nodes

        cursor, end = span
        for child in node.findall(include_self=False):
            if isinstance(child, (nodes.Text, nodes.target)):
                continue
            raw = child.rawsource.strip() if isinstance(child.rawsource, str) else ""
            if not raw:
                continue
            match = re.compile(_loose(raw)).search(self.text, cursor, end)
            if match is None:
                continue
            mask = _inline_mask(child, raw)
            if mask is None:
                continue  # prose inline markup (emphasis and the like): look inside it
            cursor = match.end()
            for start_in, end_in in mask:
                start, stop = _project(match, raw, start_in, end_in)
                if stop > start:
                    yield start, stop

    def _comment(self, node) -> tuple[int, int, str] | None:
        raw = node.rawsource if isinstance(node.rawsource, str) else ""
        if "plainwords-" not in raw:
            return None
        pattern = re.compile(r"\.\.[ \t]+" + _loose(raw))
        hint = self.line_start(node.line - 3 if node.line else None)
        match = pattern.search(self.text, hint if hint is not None else self.cursor)
        if match is None:
            return None
        self.cursor = max(self.cursor, match.end())
        return match.start(), match.end(), raw


def _walk(node) -> Iterator:
    """Prose-bearing nodes, in document order, not descending into code, comments or errors."""
    from docutils import nodes

    skip = (
        nodes.literal_block,
        nodes.doctest_block,
        nodes.raw,
        nodes.system_message,
        nodes.target,
        nodes.substitution_definition,
        nodes.math_block,
        nodes.field_name,
        nodes.label,
        nodes.option_list,
        nodes.comment,
    )
    prose = (
        nodes.paragraph,
        nodes.title,
        nodes.subtitle,
        nodes.term,
        nodes.line,
        nodes.caption,
        nodes.rubric,
        nodes.attribution,
        nodes.classifier,
    )
    for child in node.children:
        if isinstance(child, nodes.comment):
            yield child
        elif isinstance(child, skip):
            continue
        elif isinstance(child, prose):
            yield child
        elif isinstance(child, nodes.Element):
            yield from _walk(child)


def _inline_mask(child, raw: str) -> list[tuple[int, int]] | None:
    """Which part of an inline construct's raw text to blank, or ``None`` for prose markup."""
    from docutils import nodes

    whole = [(0, len(raw))]
    if isinstance(
        child,
        (
            nodes.literal,
            nodes.math,
            nodes.raw,
            nodes.footnote_reference,
            nodes.citation_reference,
            nodes.substitution_reference,
            nodes.image,
        ),
    ):
        return whole
    if isinstance(child, (nodes.reference, nodes.problematic)):
        role = _ROLE.match(raw)
        name = role and (role.group("prefix") or role.group("suffix"))
        if role is not None and name:
            if name.split(":")[-1] in PROSE_ROLES:
                return None
            title = _EXPLICIT_TITLE.match(role.group("body"))
            if not title:
                return whole
            body = role.start("body")
            return [(0, body), (body + title.end("title"), len(raw))]
        if isinstance(child, nodes.reference):
            if child.get("refuri") and child.astext().strip() == raw:
                return whole  # a standalone URL or e-mail address
            embedded = raw.rfind("<")
            if embedded != -1 and raw.rstrip("_").endswith(">`"):
                return [(embedded, raw.rstrip("_").rfind(">") + 1)]
        return None
    return None


def _project(match: re.Match, raw: str, start: int, end: int) -> tuple[int, int]:
    """Map a range of ``raw`` onto the source ``match`` of it (whitespace may differ in length)."""
    words = list(re.finditer(r"\S+", raw))
    source_words = list(re.finditer(r"\S+", match.group()))
    base = match.start()

    def place(offset: int, *, is_end: bool) -> int:
        for word, source in zip(words, source_words, strict=False):
            if word.start() <= offset <= word.end() and not (
                is_end and offset == word.start() and offset
            ):
                return base + source.start() + (offset - word.start())
            if offset < word.start():
                return base + source.start()
        return match.end()

    return place(start, is_end=False), place(end, is_end=True)


def _complement(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    blank, cursor = [], 0
    for start, end in sorted(ranges):
        if start > cursor:
            blank.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < length:
        blank.append((cursor, length))
    return blank


def _suppressions(text: str, comments: list[tuple[int, int, str]]):
    lines = LineIndex(text)
    found: list[Directive] = []
    for start, end, raw in comments:
        parsed = directive(raw, lines.position(start)[0], lines.position(max(start, end - 1))[0])
        if parsed:
            found.append(parsed)
    return resolve(found, text)
