"""Markdown: lint the prose, never the code, URLs, HTML or front matter.

markdown-it-py (a CommonMark parser) finds the structure; this module only locates, in the source,
the constructs the parser reported, and blanks them out at the same length so every offset in the
linted text is an offset in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from plainwords.document import Document, masked

_SKIPPED_BLOCKS = {"fence", "code_block", "html_block", "front_matter"}


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").use(front_matter_plugin)


def read_markdown(path: str, text: str, **kwargs) -> Document:
    blocks, inline = skipped_ranges(text)
    return Document(path=path, text=text, lint_text=masked(text, blocks, inline=inline), kind="markdown", **kwargs)


def skipped_ranges(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges to blank out: whole blocks, and inline code/HTML/URLs within prose."""
    # markdown-it counts lines split on \n after normalising \r\n and \r; do the same to find them.
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    line_starts.append(len(text))
    normalised = re.sub(r"\r\n?", "\n", text)
    tokens = _parser().parse(normalised)
    blocks: list[tuple[int, int]] = []
    inline: list[tuple[int, int]] = []
    for token in tokens:
        if token.map is None:
            continue
        start = line_starts[token.map[0]]
        end = line_starts[min(token.map[1], len(line_starts) - 1)]
        if token.type in _SKIPPED_BLOCKS:
            blocks.append((start, end))
        elif token.type == "inline" and token.children:
            code, urls = _inline_ranges(text, start, end, token.children)
            inline.extend(code)
            blocks.extend(urls)
    return blocks, inline


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
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    code: list[tuple[int, int]] = []
    urls: list[tuple[int, int]] = []
    cursor = start
    for child in _walk(children):
        if child.type == "code_inline":
            opening = _find(text, child.markup, cursor, end)
            if opening == -1:
                continue
            closing = text.find(child.markup, opening + len(child.markup), end)
            while closing != -1 and text[closing + len(child.markup) : closing + len(child.markup) + 1] == "`":
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
    return code, urls
