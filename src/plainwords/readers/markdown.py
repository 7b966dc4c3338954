"""Markdown: lint the prose, never the code, URLs, HTML or front-matter keys.

markdown-it-py (a CommonMark parser) finds the structure; this module only locates, in the source,
the constructs the parser reported, and blanks them out at the same length so every offset in the
linted text is an offset in the file. YAML front matter is composed with PyYAML, whose nodes carry
exact positions: string values (a ``title:`` or ``description:``) are prose, keys and URLs are not.
Suppression comments are HTML comments: ``<!-- plainwords-disable-next-line hard-to-reach -->``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from plainwords.document import Document, LineIndex, masked
from plainwords.suppressions import Directive, directive, resolve

if TYPE_CHECKING:
    import yaml
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SKIPPED_BLOCKS = {"fence", "code_block", "html_block", "front_matter"}
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_QUOTE_MARKERS = re.compile(r"(?:[ \t]{0,3}>[ \t]?)+")
# A front-matter value that names a place rather than saying something: URLs, e-mail, paths.
_ADDRESS = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*:|www\.|/|\.{1,2}/|#)|^\S+@\S+$|^\S*[/\\]\S*$", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported here: a run over text files alone never pays for loading the Markdown parser.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").enable("strikethrough").use(front_matter_plugin)


def read_markdown(path: str, text: str, **kwargs) -> Document:
    blocks, inline, comments = _analyse(text)
    suppressions = _suppressions(text, comments) if comments else ()
    return Document(
        path=path,
        text=text,
        lint_text=masked(text, blocks, inline=inline),
        kind="markdown",
        suppressions=suppressions,
        **kwargs,
    )


def skipped_ranges(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges to blank out: whole blocks, and inline code/HTML/URLs within prose."""
    blocks, inline, _ = _analyse(text)
    return blocks, inline


def _analyse(
    text: str,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Ranges to blank (block, inline) and the ranges of HTML in which comments may sit."""
    # markdown-it counts lines split on \n after normalising \r\n and \r; do the same to find them.
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    line_count = len(line_starts)
    line_starts.append(len(text))
    normalised = re.sub(r"\r\n?", "\n", text)
    tokens = _parser().parse(normalised)
    blocks: list[tuple[int, int]] = []
    inline: list[tuple[int, int]] = []
    html: list[tuple[int, int]] = []
    covered = [False] * line_count
    cursors: dict[int, int] = {}  # table cells share a line: carry the search position along it
    for token in tokens:
        if token.map is None:
            continue
        first, last = token.map[0], min(token.map[1], line_count)
        for line in range(first, last):
            covered[line] = True
        start = line_starts[first]
        end = line_starts[last]
        if token.type == "front_matter":
            blocks.extend(_front_matter_masks(text, line_starts, first, last))
        elif token.type in _SKIPPED_BLOCKS:
            blocks.append((start, end))
            if token.type == "html_block":
                html.append((start, end))
        elif token.type == "blockquote_open":
            for line in range(first, last):
                marker = _QUOTE_MARKERS.match(text, line_starts[line], line_starts[line + 1])
                if marker and marker.end() > marker.start():
                    blocks.append((marker.start(), marker.end()))
        elif token.type == "inline" and token.children:
            cursor = max(start, cursors.get(first, start))
            code, urls, comments, cursors[first] = _inline_ranges(text, cursor, end, token.children)
            inline.extend(code)
            blocks.extend(urls)
            html.extend(comments)
    # Lines no block claims, that are not blank, are link reference definitions: all address.
    for line, claimed in enumerate(covered):
        start, end = line_starts[line], line_starts[line + 1]
        if not claimed and text[start:end].strip():
            blocks.append((start, end))
    return blocks, inline, html


def _front_matter_masks(
    text: str, line_starts: list[int], first: int, last: int
) -> list[tuple[int, int]]:
    """Blank the front matter except its string values; all of it if it is not valid YAML."""
    whole = (line_starts[first], line_starts[last])
    body_start, body_end = line_starts[first + 1], line_starts[max(last - 1, first + 1)]
    import yaml  # only for a file with front matter

    try:
        root = yaml.compose(text[body_start:body_end], Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return [whole]
    keep = sorted(_value_ranges(root, text, body_start))
    masks, cursor = [], whole[0]
    for start, end in keep:
        masks.append((cursor, start))
        cursor = end
    masks.append((cursor, whole[1]))
    return [m for m in masks if m[1] > m[0]]


def _value_ranges(node: yaml.Node | None, text: str, base: int) -> Iterator[tuple[int, int]]:
    """Source ranges of prose string values in a composed YAML tree (keys and addresses left out)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _value_ranges(value, text, base)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _value_ranges(item, text, base)
    elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        if not node.value.strip() or _ADDRESS.search(node.value.strip()):
            return
        start, end = base + node.start_mark.index, base + node.end_mark.index
        if node.style in ("'", '"'):
            start, end = start + 1, end - 1  # the quotes would make the value read as a mention
        elif node.style in ("|", ">"):
            newline = re.compile(r"\r\n|\r|\n").search(text, start, end)
            start = newline.end() if newline else end  # skip the indicator line
        if end > start:
            yield start, end


def _suppressions(text: str, html: list[tuple[int, int]]):
    lines = LineIndex(text)
    found: list[Directive] = []
    for start, end in html:
        for comment in _COMMENT.finditer(text, start, end):
            if "plainwords-" not in comment.group(1):
                continue
            first = lines.position(comment.start())[0]
            last = lines.position(comment.end() - 1)[0]
            parsed = directive(comment.group(1), first, last)
            if parsed:
                found.append(parsed)
    return resolve(found, text)


def _find(text: str, needle: str, start: int, end: int) -> int:
    """Find ``needle`` not escaped by a backslash; -1 if absent."""
    position = text.find(needle, start, end)
    while position > 0 and text[position - 1] == "\\":
        position = text.find(needle, position + 1, end)
    return position


def _closing_paren(text: str, start: int, end: int) -> int:
    """Offset just past the ``)`` that closes a link destination opened at ``start``."""
    depth = 0
    i = start
    while i < end:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        elif char == "<" and depth == 1 and text[i - 1] == "(":
            close = text.find(">", i, end)
            i = close if close != -1 else i
        i += 1
    return end


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.type != "image" and token.children:
            yield from _walk(token.children)


def _inline_ranges(
    text: str, start: int, end: int, children: list[Token]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]], int]:
    """Inline code and HTML, URLs, and HTML ranges, found in order; and where the search ended."""
    code: list[tuple[int, int]] = []
    html: list[tuple[int, int]] = []
    urls: list[tuple[int, int]] = []
    cursor = start
    for child in _walk(children):
        if child.type == "code_inline":
            opening = _find(text, child.markup, cursor, end)
            if opening == -1:
                continue
            closing = text.find(child.markup, opening + len(child.markup), end)
            while (
                closing != -1
                and text[closing + len(child.markup) : closing + len(child.markup) + 1] == "`"
            ):
                closing = text.find(child.markup, closing + len(child.markup) + 1, end)
            if closing == -1:
                continue
            cursor = closing + len(child.markup)
            code.append((opening, cursor))
        elif child.type == "html_inline":
            position = text.find(child.content, cursor, end)
            if position != -1:
                cursor = position + len(child.content)
                code.append((position, cursor))
                html.append((position, cursor))
        elif child.type == "link_open" and child.markup == "autolink":
            opening = text.find("<", cursor, end)
            if opening != -1:
                closing = text.find(">", opening, end)
                if closing != -1:
                    urls.append((opening, closing + 1))
                    cursor = closing + 1
        elif child.type in ("link_close", "image"):
            if child.type == "link_close" and child.markup == "autolink":
                continue
            if child.type == "image":
                alt_open = _find(text, "![", cursor, end)
                cursor = alt_open + 2 if alt_open != -1 else cursor
            bracket = _find(text, "]", cursor, end)
            if bracket == -1:
                continue
            after = bracket + 1
            if text.startswith("(", after):
                closing = _closing_paren(text, after, end)
                urls.append((bracket, closing))
                cursor = closing
            elif text.startswith("[", after):
                closing = text.find("]", after, end)
                closing = closing + 1 if closing != -1 else after
                urls.append((bracket, closing))
                cursor = closing
            else:
                cursor = after
    return code, urls, html, cursor
