"""Guidance structure: the parts of a document that list words rather than use them.

Language guides, glossaries and training notes name the labels they warn against without quotes
or introducers a sentence could show: a list under "Words to avoid", a table of "Don't say | Say",
a glossary headword ("Service user: a term used…"), a line that holds nothing but terms. Those
are read from the document's lines after matching, over the whole document, and the findings in
them become mentions:

- **a list after a cue**: the items (list items, table rows, short lines) that follow a heading
  or an introducing line with a cue ("Words to avoid", "Avoid:", "Replace these phrases:",
  "Glossary"); in a long item, only its headword before a dash or colon;
- **a table column headed with a cue** ("Don't say", "Avoid", "Instead of", "Old term");
- **a run of terms**: a line that holds three or more findings and nothing else but separators,
  and does not end as a sentence does;
- **a table of swaps**, headed or not: rows (Markdown, or cells split by a bar or a tab) where one
  cell lists words (short items, at least one of them a term) and another offers what to say
  instead: an alternative of one of
  those terms. Two such rows make the table a guide's, and then every cell of terms in the same
  column is a mention;
- and, in a document that is a guide (it has a cue line, or most of what the sentences show is
  mentions), also: a line holding only terms, a short line without a full stop (a headword or
  heading), a headword at the start of a line before a colon or dash, a line that shows an
  example ("Example: …", "Don't say: …"), a list after "such as", "including", "for example" or
  "examples:", and a short quotation no one is said to have said.

Everything here is a pure function of the linted text and the findings' places, so the spaCy
component stays a per-paragraph matcher.

Only the lines around findings are read. A list runs over lines that are items, short lines,
rows or blank lines before more of them; any other line ends every list and table that reaches it
(``_ends_list``), so what is listed on a finding's line can be read from the last such line before
it, as if from the top of the document (``listed_near``); a table of swaps is the run of rows that
holds a finding (``_tables_around``). Lines are made as they are asked for (``Lines``): a book has
tens of thousands, a few hundred near its findings. Only whether the document has a cue line at all
(and so is a guide) is asked of every line, up to the first cue, cheapest test first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import overload

from plainwords.document import Document
from plainwords.findings import Finding
from plainwords.quotes import alone_in_quote, enclosing_quote, said_after

_CUE = re.compile(
    r"\b(?:avoid\w*|don['’]?t\s+(?:say|use|write)|do\s+not\s+(?:say|use|write)|"
    r"never\s+(?:say|use|write)|instead(?:\s+of)?|rather\s+than|not\s+this|unhelpful|outdated|"
    r"old[- ]fashioned|old\s+terms?|offensive|stigmati[sz]ing|(?:words?|phrases?|terms?|labels?)"
    r"\s+(?:to|that|we|matter)|language\s+(?:guide|matters|to)|replace\w*|glossary|definitions?|"
    r"terminology|jargon\s+buster|misused|style\s+guide|person[- ]first)\b",
    re.IGNORECASE,
)
_LIST_MARK = re.compile(r"^\s*(?:[-*+•▪◦‣–—]|\d{1,2}[.)]|[a-z][.)])\s+")
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A headword before its definition or advice: "Service user: …", "• Addict – This word…".
_HEADWORD_END = re.compile(r"\s*(?::|\s[-–—]|[–—])\s*(?=\S)")
# What may stand between listed terms: separators, articles, "and", "or", "not".
_FILLER = re.compile(
    r"^(?:[\s,;:/|•·*+\-–—.()\[\]\"“”‘’'«»]|\b(?:and|or|nor|not|a|an|the|&)\b|\d{1,2}[.)])*$",
    re.IGNORECASE,
)
_LIST_CUE = re.compile(
    r"(?:\bsuch\s+as|\bincluding|\be\.g\.?|\bfor\s+example|\bexamples?(?:\s+include)?\s*:|"
    r"\blike)[\s,:(]*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"(?:\s*[,;/]\s*(?:and|or|nor)?|\s+(?:and|or|nor|&))\s*$", re.IGNORECASE)
# A line that shows what not to write: "Example: He's a drug abuser.", "Don't say: …".
_EXAMPLE = re.compile(
    r"^\W*(?:examples?|e\.g\.|for\s+example|not|don['’]?t\s+(?:say|write)|avoid|instead\s+of|"
    r"wrong|incorrect|before)\s*[:–—-]",
    re.IGNORECASE,
)
_ITEM_EDGE = re.compile(r"[,;/:(]|\s(?:and|or|nor)\s", re.IGNORECASE)
_QUOTES_OPEN = " \"“‘'«("
_QUOTES_CLOSE = " \"”’'»)"
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")
SHORT = 12  # words: a line this short without a full stop is a heading, an item or a headword


@dataclass(frozen=True)
class Line:
    start: int  # offset in the linted text
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def row(self) -> bool:
        return _is_row(self.text)

    @property
    def item(self) -> bool:
        return bool(_LIST_MARK.match(self.text))

    @property
    def sentence(self) -> bool:
        """Ends as a sentence does (a run of terms with a full stop may be an ordinary list)."""
        return _is_sentence(self.text)

    @property
    def short(self) -> bool:
        """Short and without a full stop: a heading, a list entry, a headword, a cell."""
        return _is_short(self.text)

    @property
    def cue(self) -> bool:
        """A heading or an introducing line that announces a list of words."""
        return _is_cue(self.text)


# The properties of a line, as functions of its text, so that asking whether any line of a book
# is a cue need not make a ``Line`` of each. Cheapest tests first: most lines of prose fail them.
def _is_row(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("|") or stripped.count("|") >= 2


def _is_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?"))


# More than SHORT words, as ``_WORD.findall`` counts them, in one match that stops there: each
# word is taken whole (a look-ahead then a back-reference, so no word is split to make up the
# number), after whatever stands before it that cannot start one.
_MORE_THAN_SHORT = re.compile(rf"(?:(?=([\W\d_]*[^\W\d_][\w'’-]*))\1){{{SHORT + 1}}}")


def _is_short(text: str) -> bool:
    return not _is_sentence(text) and bool(_WORD.search(text)) and not _MORE_THAN_SHORT.match(text)


def _is_cue(text: str) -> bool:
    heading = _HEADING_MARK.match(text) or text.rstrip().endswith(":") or _is_short(text)
    return bool(heading and not _is_row(text) and _CUE.search(text))


class Lines(Sequence[Line]):
    """A text's lines, as ``str.splitlines`` cuts them (without their line ends), each made when
    first asked for: the rules read the few lines around findings, not all of a book's."""

    def __init__(self, text: str) -> None:
        self._pieces = text.splitlines(keepends=True)
        # Where each line starts in the text.
        self.starts = [0, *accumulate(map(len, self._pieces))][: len(self._pieces)]
        self._made: dict[int, Line] = {}
        self._filled: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._pieces)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        line = self._made.get(index)
        if line is None:
            if not 0 <= index < len(self._pieces):
                raise IndexError(index)
            body = self._pieces[index].rstrip("\r\n")
            start = self.starts[index]
            line = self._made[index] = Line(start, start + len(body), body)
        return line

    def any_cue(self) -> bool:
        """Whether any line is a cue (read from the top up to the first, without making lines)."""
        return any(_is_cue(piece.rstrip("\r\n")) for piece in self._pieces)

    def filled(self, index: int) -> Line | None:
        """The first line at or after ``index`` that is not blank, if any. Remembered for every
        blank line passed, so a run of blank lines is read once, however often it is asked."""
        passed = []
        while index < len(self) and index not in self._filled and self[index].blank:
            passed.append(index)
            index += 1
        found = self._filled.get(index, index)
        for i in passed:
            self._filled[i] = found
        return self[found] if found < len(self) else None


def lines_of(text: str) -> Lines:
    """The text's lines (made as they are asked for)."""
    return Lines(text)


def listed_ranges(lines: Lines) -> list[tuple[int, int]]:
    """Linted-text ranges of the entries in lists and tables introduced by a cue."""
    return _listed(lines, 0, len(lines) - 1)


def listed_near(lines: Lines, numbers: Iterable[int]) -> list[tuple[int, int]]:
    """What ``listed_ranges`` gives on the lines ``numbers`` (and maybe more), reading only the
    lines from the last line at or before each that ends any list (``_ends_list``) to it."""
    ranges: list[tuple[int, int]] = []
    for first, last in _stretches(lines, sorted(set(numbers))):
        ranges += _listed(lines, first, last)
    return ranges


def _stretches(lines: Lines, numbers: Sequence[int]) -> list[tuple[int, int]]:
    """For sorted line numbers, the stretches of lines to read, each from a line that ends any
    list reaching it (or the first line) to the last number it holds. Lines between a number
    and the one before it are read once: a stretch with no such line goes on from the last."""
    stretches: list[tuple[int, int]] = []
    floor = 0
    for number in numbers:
        first = number
        while first >= floor and not _ends_list(lines, first):
            first -= 1
        if first >= floor:
            stretches.append((first, number))
        elif stretches:
            stretches[-1] = (stretches[-1][0], number)
        else:
            stretches.append((0, number))
        floor = number + 1
    return stretches


def _ends_list(lines: Lines, i: int) -> bool:
    """Line ``i`` ends any list or table that reaches it, and is itself read as if from the top:
    a blank line not followed by an item or a row, a heading, a line of prose, or a new cue."""
    line = lines[i]
    if line.blank:
        following = lines.filled(i + 1)
        return following is None or not (following.item or following.row)
    if line.row:
        return False
    return (
        bool(_HEADING_MARK.match(line.text))  # a heading or a sentence of prose ends the list
        or not (line.item or line.short)
        or (line.cue and not line.item)  # the next cued list begins
    )


def _listed(lines: Lines, first: int, last: int) -> list[tuple[int, int]]:
    """The entries of the lists and tables begun from line ``first`` to line ``last``, read from
    ``first`` as from the top of the document (each list is read to its end)."""
    ranges: list[tuple[int, int]] = []
    i = first
    while i < len(lines) and i <= last:
        line = lines[i]
        if line.row and _CUE.search(line.text):
            i = _table(lines, i, ranges, cued_columns=True)
            continue
        if not line.cue:
            i += 1
            continue
        i += 1
        while i < len(lines):
            line = lines[i]
            if line.row:
                i = _table(lines, i, ranges, cued_columns=False)
                continue
            if _ends_list(lines, i):
                break
            if not line.blank:  # a blank line between items or rows
                ranges.append(_entry_range(line))
            i += 1
    return [r for r in ranges if r[1] > r[0]]


def _entry_range(line: Line) -> tuple[int, int]:
    """A list entry: the whole of a short one, the headword of a long one."""
    headword = _HEADWORD_END.search(line.text)
    if headword and len(_WORD.findall(line.text[: headword.start()])) <= 6:
        return line.start, line.start + headword.start()
    if line.short or line.words <= SHORT:
        return line.start, line.end
    return line.start, line.start


def _table(lines: Sequence[Line], i: int, ranges: list[tuple[int, int]], *, cued_columns: bool):
    """Add the cells of a table's cued columns (or, under a cue heading, its first column);
    return the index after the table."""
    header = _cells(lines[i])
    columns = {n for n, (s, e) in enumerate(header) if _CUE.search(lines[i].text[s:e])}
    if not cued_columns:
        columns = columns or {0}
    i += 1
    while i < len(lines) and lines[i].row:
        cells = _cells(lines[i])
        if not all(set(lines[i].text[s:e].strip()) <= set("-: ") for s, e in cells):
            ranges.extend(
                (lines[i].start + s, lines[i].start + e)
                for n, (s, e) in enumerate(cells)
                if n in columns
            )
        i += 1
    return i


def _cells(line: Line) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row, relative to the line."""
    bars = [m.start() for m in re.finditer(r"\|", line.text)]
    text = line.text
    if not text.strip().startswith("|"):
        bars = [-1, *bars]
    if not text.rstrip().endswith("|"):
        bars = [*bars, len(text)]
    return [(a + 1, b) for a, b in zip(bars, bars[1:], strict=False)]


def _split(line: Line) -> list[tuple[int, int]]:
    """The cells of a row: a Markdown row's, or a line cut by bars or tabs into two or more."""
    if "|" not in line.text and "\t" not in line.text:
        return []  # nothing cuts it (and a paragraph of prose is not read through)
    if line.row:
        return _cells(line)
    bars = [m.start() for m in re.finditer(r"\s\|\s|\t", line.text)]
    if not bars:
        return []
    edges = [-1, *bars, len(line.text)]
    return [(a + 1, b) for a, b in zip(edges, edges[1:], strict=False)]


_PEOPLE = re.compile(r"\b(?:people|persons)\b", re.IGNORECASE)
_STOP = frozenset(
    [
        "with",
        "who",
        "are",
        "is",
        "the",
        "a",
        "an",
        "of",
        "for",
        "and",
        "or",
        "has",
        "have",
        "their",
        "our",
    ]
)


def _keys(text: str) -> set[str]:
    """Words that carry an alternative's meaning, cut to a stem (five letters) so that "person
    with a disability" offers what "people with disabilities" does."""
    words = _WORD.findall(_PEOPLE.sub("person", text.lower()))
    return {w[:5] for w in words if w not in _STOP}


def _offers(cell: str, findings: Sequence[_Placed]) -> bool:
    """Whether a cell offers one of the findings' alternatives (what to say instead)."""
    have = _keys(cell)
    return any(
        (keys := _keys(alternative)) and keys <= have
        for p in findings
        for alternative in (
            *p.finding.alternatives,
            *p.finding.consider,
            *(shape.text for shape in p.finding.entry.shapes),
        )
    )


_ITEMS = re.compile(r"[,;/]|\s(?:or|and)\s", re.IGNORECASE)


def _term_list(cell: str) -> bool:
    """A cell that lists words rather than says something: short items (a term or two each,
    some of which plainwords may not know) and no full stop."""
    items = [item for item in _ITEMS.split(cell) if item.strip()]
    return (
        bool(items)
        and not cell.rstrip().endswith((".", "!", "?"))
        and all(len(_WORD.findall(item)) <= 4 for item in items)
    )


def swap_ranges(
    lines: Lines, placed: Sequence[_Placed], numbers: Iterable[int]
) -> list[tuple[int, int]]:
    """Linted-text ranges of the term cells in tables of swaps, headed or not (see above), in
    the tables that hold the lines ``numbers`` (the findings' lines: a table without a finding
    has no term cell)."""
    ordered = sorted(placed, key=lambda p: p.start)
    starts = [p.start for p in ordered]
    ranges: list[tuple[int, int]] = []
    for block in _tables_around(lines, numbers):
        ranges.extend(_swapped_cells(block, ordered, starts))
    return ranges


_Row = tuple[Line, list[tuple[int, int]]]


def _tables_around(lines: Lines, numbers: Iterable[int]) -> Iterator[list[_Row]]:
    """Each run of consecutive lines cut into two or more cells (one table) that holds one of
    the lines ``numbers``, once."""
    cut: dict[int, list[tuple[int, int]]] = {}

    def cells(i: int) -> list[tuple[int, int]]:
        if i not in cut:
            cut[i] = _split(lines[i])
        return cut[i]

    read_to = -1
    for number in sorted(set(numbers)):
        if number <= read_to or len(cells(number)) < 2:
            continue
        first = number
        while first > 0 and len(cells(first - 1)) >= 2:
            first -= 1
        read_to = number
        while read_to + 1 < len(lines) and len(cells(read_to + 1)) >= 2:
            read_to += 1
        yield [(lines[i], cells(i)) for i in range(first, read_to + 1)]


def _swapped_cells(
    block: Sequence[_Row], ordered: Sequence[_Placed], starts: Sequence[int]
) -> list[tuple[int, int]]:
    """The term cells of one table, if two of its rows offer an alternative beside their terms;
    then every term cell in the columns that did."""
    term_cells = []  # (column, range) of every cell of terms in the table
    columns_with_swaps: set[int] = set()
    swaps = 0
    for line, cells in block:
        found_swap = False
        for column, (a, b) in enumerate(cells):
            start, end = line.start + a, line.start + b
            inside = ordered[bisect_right(starts, start - 1) : bisect_right(starts, end - 1)]
            inside = [p for p in inside if p.end <= end]
            if not inside or not _term_list(line.text[a:b]):
                continue
            term_cells.append((column, (start, end)))
            others = [line.text[c:d] for n, (c, d) in enumerate(cells) if n != column]
            if any(_offers(other, inside) for other in others):
                columns_with_swaps.add(column)
                found_swap = True
        swaps += found_swap
    if swaps < 2:
        return []
    return [r for column, r in term_cells if column in columns_with_swaps]


def _to_lint(document: Document, offset: int, source_starts: Sequence[int]) -> int:
    """A source offset's place in the linted text (the inverse of ``document.offsets``);
    ``source_starts`` are the pieces' starts in the source."""
    pieces = document.offsets.pieces
    if not pieces:
        return offset
    index = max(bisect_right(source_starts, offset) - 1, 0)
    piece = pieces[index]
    if piece.lint_end - piece.lint_start == piece.source_end - piece.source_start:
        return piece.lint_start + min(
            offset - piece.source_start, piece.lint_end - piece.lint_start
        )
    return piece.lint_start


@dataclass(frozen=True)
class Covering:
    """Ranges, asked in log time whether one of them covers a stretch (a guide of 20,000 listed
    words would otherwise ask 20,000 ranges for each of its 20,000 findings): the ranges' starts
    in order, and the furthest end reached by the ranges up to each."""

    starts: tuple[int, ...]
    reach: tuple[int, ...]

    @classmethod
    def of(cls, ranges: Iterable[tuple[int, int]]) -> Covering:
        ordered = sorted(ranges)
        return cls(tuple(s for s, _ in ordered), tuple(accumulate((e for _, e in ordered), max)))

    def covers(self, start: int, end: int) -> bool:
        """Some range starts at or before ``start`` and ends at or after ``end``."""
        before = bisect_right(self.starts, start)
        return before > 0 and self.reach[before - 1] >= end


@dataclass(frozen=True)
class _Placed:
    finding: Finding
    start: int  # in the linted text
    end: int


def recast_guidance(
    document: Document, findings: Iterable[Finding], keep_mentions: bool
) -> list[Finding]:
    """The findings, with those in a document's guidance structure made mentions (and left out
    unless ``keep_mentions``)."""
    findings = list(findings)
    if not findings:
        return findings
    text = document.lint_text
    source_starts = [p.source_start for p in document.offsets.pieces]
    placed = []
    for f in findings:
        start = _to_lint(document, f.start, source_starts)
        placed.append(_Placed(f, start, start + len(f.text)))
    lines = lines_of(text)
    by_line: dict[int, list[_Placed]] = {}
    for p in placed:
        by_line.setdefault(bisect_right(lines.starts, p.start) - 1, []).append(p)
    listed = Covering.of(listed_near(lines, by_line) + swap_ranges(lines, placed, by_line))
    mentions = sum(1 for p in placed if p.finding.mention)
    guide = (mentions >= 3 and mentions >= len(placed) - mentions) or lines.any_cue()
    ends = {p.end: p.start for p in placed}  # where a finding ends, where it starts
    result = []
    for number, group in by_line.items():
        line = lines[number]
        term_only = _only_terms(line, group)
        # Asked once a line, not once a finding: a line of 200,000 terms is read once.
        run_of_terms = term_only and len(group) >= 3 and not line.sentence
        listing = guide and (term_only or line.short)
        for p in group:
            f = p.finding
            if not f.mention and (
                listed.covers(p.start, p.end)
                or run_of_terms
                or (guide and (listing or _guide_mention(text, line, p, ends)))
            ):
                f = replace(f, mention=True, quoted=False, severity="suggestion")
            if keep_mentions or not f.mention:
                result.append(f)
    return result


def _only_terms(line: Line, group: Sequence[_Placed]) -> bool:
    """The line holds the findings and nothing else but separators, articles and conjunctions."""
    rest, position = [], line.start
    for p in sorted(group, key=lambda p: p.start):
        rest.append(line.text[position - line.start : max(p.start, position) - line.start])
        position = max(position, p.end)
    rest.append(line.text[position - line.start :])
    return bool(_FILLER.match(" ".join(rest)))


def _guide_mention(text: str, line: Line, p: _Placed, ends: dict[int, int]) -> bool:
    """In a guide, besides a term on a line of terms or a short line: a headword, a line that
    shows an example, a quotation of the term alone, or a list after "such as"."""
    lead = text[line.start : p.start]
    body = _LIST_MARK.sub("", lead).lstrip(" *_\"“‘'«")
    if not body and _HEADWORD_END.match(text, p.end):
        return True
    if _EXAMPLE.match(line.text):
        return True
    if p.finding.quoted:
        # A guide quotes words to discuss them: a short quotation no one is said to have said.
        quote = enclosing_quote(text, p.start, p.end)
        if quote is not None and (
            alone_in_quote(text, quote, p.start, p.end)
            or (len(_WORD.findall(text[quote[0] : quote[1]])) <= 6 and not said_after(text, quote))
        ):
            return True
    return _after_list_cue(text, p.start, ends)


def _after_list_cue(text: str, start: int, ends: dict[int, int]) -> bool:
    """ "Examples: crazy, psycho, nuts" / "words such as X and Y": walk back over the list's
    items (other findings, whose starts ``ends`` gives by their ends, or short items of up to three
    words) to a cue, within the sentence."""
    reach = max(0, start - 400)
    sentence_start = max(
        (m.end() for m in _SENTENCE_END.finditer(text, reach, start)), default=reach
    )
    prefix = text[sentence_start:start].rstrip(_QUOTES_OPEN)
    for _ in range(20):
        if _LIST_CUE.search(prefix):
            return True
        separator = _SEPARATOR.search(prefix)
        if not separator:
            return False
        prefix = prefix[: separator.start()].rstrip(_QUOTES_CLOSE)
        item_start = ends.get(sentence_start + len(prefix), -1)
        if item_start >= sentence_start:
            prefix = prefix[: item_start - sentence_start]
        else:
            inner = list(_ITEM_EDGE.finditer(prefix))
            cut = inner[-1].end() if inner else 0
            if len(_WORD.findall(prefix[cut:])) > 3:
                return False
            prefix = prefix[:cut]
        prefix = prefix.rstrip(_QUOTES_OPEN)
    return False
