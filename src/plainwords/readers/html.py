"""HTML: lint what a reader sees (text, ``alt`` and ``title``), never scripts, styles or code.

The standard library's ``html.parser`` tokenizes; with ``convert_charrefs=False`` it hands over raw
text runs and each character reference separately, each at a position ``getpos()`` reports, so the
linted text is built from pieces that each know their source range. An entity such as ``&amp;``
is one piece whose linted length (1) differs from its source length (5); tags become separators
that keep block elements apart, so a phrase never runs from one paragraph into the next.
Suppression comments are HTML comments: ``<!-- plainwords-disable-next-line hard-to-reach -->``.
"""

from __future__ import annotations

import html
import re
from html.parser import (  # type: ignore[attr-defined]  # undocumented, not in the stubs
    HTMLParser,
    attrfind_tolerant,
    tagfind_tolerant,
)

from plainwords.document import Document, LineIndex, OffsetMap, Piece
from plainwords.readers.decoding import NotText
from plainwords.suppressions import Directive, directive, resolve

# Elements whose content is never prose.
SKIPPED = frozenset(
    {"script", "style", "pre", "code", "kbd", "samp", "textarea", "template", "svg", "math"}
)
# Skipped elements that sit inside a sentence: leave a mark so the words either side stay apart.
_INLINE_SKIPPED = frozenset({"code", "kbd", "samp"})
# Elements that do not break a sentence; every other tag starts a new paragraph.
INLINE = frozenset(
    {
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "label",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
    }
)
LINTED_ATTRIBUTES = ("alt", "title")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
# The character references html.parser recognises (names may hold "-" and "." there too).
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][-.A-Za-z0-9]*);?")
_PARAGRAPH = "\n\n"


class _Collector(HTMLParser):
    """Collects (linted text, source start, source end) pieces and suppression comments."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        # getpos() counts lines by "\n" only; map (line, column) back with the same rule.
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.pieces: list[tuple[str, int, int]] = []
        self.comments: list[tuple[int, int, str]] = []
        self._skipping: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _separate(self, at: int, separator: str = _PARAGRAPH) -> None:
        """Keep what comes next apart from what came before; separators have no source."""
        if self.pieces:
            last, start, end = self.pieces[-1]
            if start == end and last in (separator, _PARAGRAPH):
                return  # already separated at least as strongly
        self.pieces.append((separator, at, at))

    # Structure -----------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        if self._skipping:
            if tag == self._skipping[-1] and tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in SKIPPED:
            self._separate(start, " · " if tag in _INLINE_SKIPPED else _PARAGRAPH)
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag not in INLINE:
            self._separate(start, "\n" if tag == "br" else _PARAGRAPH)
        self._attributes(raw, start)

    def handle_startendtag(self, tag: str, attrs) -> None:
        start = self._offset()
        if self._skipping or tag in SKIPPED:
            return
        if tag not in INLINE:
            self._separate(start, "\n" if tag == "br" else _PARAGRAPH)
        self._attributes(self.get_starttag_text() or "", start)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
                if not self._skipping:
                    self._separate(start, " · " if tag in _INLINE_SKIPPED else _PARAGRAPH)
            return
        if tag not in INLINE:
            self._separate(start)

    def _attributes(self, raw: str, start: int) -> None:
        """Lint ``alt`` and ``title`` values in place, each as a paragraph of its own."""
        name = tagfind_tolerant.match(raw, 1)
        if name is None:
            return
        position = name.end()
        while position < len(raw):
            match = attrfind_tolerant.match(raw, position)
            if not match or match.end() <= position:
                break
            position = match.end()
            attribute, value = match.group(1).lower(), match.group(3)
            if attribute not in LINTED_ATTRIBUTES or not value:
                continue
            value_start = match.start(3)
            if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) >= 2:
                value, value_start = value[1:-1], value_start + 1
            source_start = start + value_start
            if self.text[source_start : source_start + len(value)] != value:
                continue  # the tag text is not where getpos() said; never guess
            self._separate(source_start)
            self._text_with_references(value, source_start)
            self._separate(source_start + len(value))

    # Content -------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self._skipping or not data:
            return
        start = self._offset()
        if self.text[start : start + len(data)] == data:
            self.pieces.append((data, start, start + len(data)))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def _reference(self) -> None:
        if self._skipping:
            return
        start = self._offset()
        match = _REFERENCE.match(self.text, start)
        if match:
            self.pieces.append((html.unescape(match.group()), start, match.end()))

    def _text_with_references(self, value: str, start: int) -> None:
        cursor = 0
        for match in _REFERENCE.finditer(value):
            if match.start() > cursor:
                self.pieces.append(
                    (value[cursor : match.start()], start + cursor, start + match.start())
                )
            self.pieces.append(
                (html.unescape(match.group()), start + match.start(), start + match.end())
            )
            cursor = match.end()
        if cursor < len(value):
            self.pieces.append((value[cursor:], start + cursor, start + len(value)))

    def handle_comment(self, data: str) -> None:
        if "plainwords-" in data:
            start = self._offset()
            self.comments.append((start, start + len(data) + 7, data))


# The mark ``plainwords report`` puts in the head of every page it writes.
_OUR_REPORT = re.compile(r'<meta name="generator" content="plainwords[ "]', re.IGNORECASE)


def read_html(path: str, text: str, **kwargs) -> Document:
    """The document a reader sees. A page ``plainwords report`` wrote is skipped: it quotes every
    document it reports on, so reading it back would count each finding twice."""
    if _OUR_REPORT.search(text, 0, 4096):
        raise NotText(f"{path}: a plainwords report, skipped")
    collector = _Collector(text)
    collector.feed(text)
    collector.close()
    lint_parts: list[str] = []
    pieces: list[Piece] = []
    length = 0
    for lint, source_start, source_end in collector.pieces:
        if not lint:
            continue
        pieces.append(Piece(length, length + len(lint), source_start, source_end))
        lint_parts.append(lint)
        length += len(lint)
    return Document(
        path=path,
        text=text,
        lint_text="".join(lint_parts),
        kind="html",
        offsets=OffsetMap(tuple(pieces)),
        suppressions=_suppressions(text, collector.comments),
        **kwargs,
    )


def _suppressions(text: str, comments: list[tuple[int, int, str]]):
    if not comments:
        return ()
    lines = LineIndex(text)
    found: list[Directive] = []
    for start, end, data in comments:
        first = lines.position(start)[0]
        last = lines.position(max(start, min(end, len(text)) - 1))[0]
        parsed = directive(data, first, last)
        if parsed:
            found.append(parsed)
    return resolve(found, text)
