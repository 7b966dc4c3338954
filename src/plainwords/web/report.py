"""One self-contained HTML page showing documents with their findings highlighted.

Everything the page needs is inside it (styles, script, the chart as SVG) and a Content-Security-
Policy forbids anything else, so it opens offline and from an email attachment without reaching
the network. Every piece of document and lexicon text is escaped with ``html.escape``.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources
from string import Template

from plainwords import __version__
from plainwords.document import Document
from plainwords.findings import Finding
from plainwords.web.readability import Readability, measure

KNOWN_CATEGORIES = ("stigma", "jargon")
_LETTERS = {"stigma": "S", "jargon": "J"}
_UNDERLINES = {"stigma": "solid underline", "jargon": "dotted underline"}


def asset(name: str) -> str:
    """A file shipped in ``plainwords/web`` (``static/…`` or ``templates/…``)."""
    return resources.files("plainwords.web").joinpath(name).read_text(encoding="utf-8")


def letter(category: str) -> str:
    return _LETTERS.get(category, category[:1].upper() or "?")


def category_class(category: str) -> str:
    return category if category in KNOWN_CATEGORIES else "other"


def csp_hash(content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@dataclass(frozen=True)
class DocumentReport:
    """One document, what was found in it, and how readable its prose is."""

    document: Document
    findings: list[Finding]
    readability: Readability


def prepare(results: Iterable[tuple[Document, list[Finding]]]) -> list[DocumentReport]:
    return [
        DocumentReport(document, list(findings), measure(document))
        for document, findings in results
    ]


# -- pieces of HTML ------------------------------------------------------------------------------
def tip_html(finding: Finding, tip_id: str) -> str:
    """The explanation of one highlight; the same structure ``plainwords.js`` builds for the page."""
    entry = finding.entry
    head = " · ".join(x for x in (entry.category.capitalize(), entry.topic, finding.severity) if x)
    parts = [
        f'<span class="pw-tip pw-tip-{category_class(entry.category)}" role="tooltip" id="{tip_id}">',
        f'<span class="pw-tip-head">{escape(head)}</span>',
        f'<span class="pw-tip-reason">{escape(entry.reason)}</span>',
    ]
    for label, options in (
        ("Say instead: ", finding.alternatives),
        ("Consider: ", finding.consider),
        ("Advice: ", finding.advice),
    ):
        if options:
            shown = " ".join(f'<span class="pw-alt">{escape(a)}</span>' for a in options)
            parts.append(
                f'<span class="pw-tip-alts"><span class="pw-tip-label">{label}</span>{shown} </span>'
            )
    if entry.note:
        parts.append(f'<span class="pw-tip-note">{escape(entry.note)}</span>')
    parts.append(
        f'<span class="pw-tip-source">Source: <a href="{escape(entry.source.url)}" rel="noopener noreferrer" '
        f'target="_blank" tabindex="-1">{escape(entry.source.name)}</a></span>'
    )
    parts.append("</span>")
    return "".join(parts)


def visible(findings: Sequence[Finding]) -> list[Finding]:
    """Findings that can be drawn: in order, none overlapping one already drawn."""
    kept: list[Finding] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if finding.start >= position and finding.end > finding.start:
            kept.append(finding)
            position = finding.end
    return kept


def skipped_runs(document: Document) -> list[tuple[int, int]]:
    """Stretches of the source that were not checked (code, front matter, URLs, markup).

    Readers blank these out of the linted text at the same length; where a reader rebuilt the text
    instead (its offset map has pieces), nothing is marked.
    """
    text, lint = document.text, document.lint_text
    if document.offsets.pieces or len(text) != len(lint):
        return []
    runs: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == lint[i]:
            i += 1
            continue
        j = i
        while j < n and (text[j] != lint[j] or text[j].isspace()):
            j += 1
        end = j
        while end > i and text[end - 1].isspace():
            end -= 1
        runs.append((i, end))
        i = j
    return runs


def _plain(text: str, start: int, end: int, skipped: Sequence[tuple[int, int]]) -> str:
    """Escape text[start:end], dimming the parts that were not checked."""
    out, position = [], start
    for run_start, run_end in skipped:
        if run_end <= position or run_start >= end:
            continue
        a, b = max(run_start, position), min(run_end, end)
        out.append(escape(text[position:a]))
        out.append(f'<span class="pw-skipped">{escape(text[a:b])}</span>')
        position = b
    out.append(escape(text[position:end]))
    return "".join(out)


def highlighted(
    text: str, findings: Sequence[Finding], prefix: str, skipped: Sequence[tuple[int, int]] = ()
) -> str:
    """The text, escaped, with each finding wrapped in a focusable mark and its explanation."""
    out: list[str] = []
    position = 0
    for n, finding in enumerate(findings, 1):
        out.append(_plain(text, position, finding.start, skipped))
        tip_id = f"{prefix}-tip-{n}"
        css = f"pw-mark pw-cat-{category_class(finding.category)} pw-sev-{finding.severity}"
        out.append(
            f'<mark class="{css}" id="{prefix}-m-{n}" tabindex="0" aria-describedby="{tip_id}" '
            f'data-letter="{escape(letter(finding.category))}" data-rule="{escape(finding.rule)}" data-n="{n}">'
            f"{escape(text[finding.start : finding.end])}</mark>"
        )
        out.append(tip_html(finding, tip_id))
        position = finding.end
    out.append(_plain(text, position, len(text), skipped))
    return "".join(out)


def notes_html(findings: Sequence[Finding], prefix: str) -> str:
    """The findings as a numbered list: a reading list on screen, footnotes on paper."""
    if not findings:
        return '<p class="pw-muted">No findings in this document.</p>'
    items = []
    for n, finding in enumerate(findings, 1):
        entry = finding.entry
        where = finding.location or f"line {finding.line}"
        options = " ".join(
            f"<strong>{label}</strong> {escape('; '.join(values))}."
            for label, values in (
                ("Say instead:", finding.alternatives),
                ("Consider:", finding.consider),
                ("Advice:", finding.advice),
            )
            if values
        )
        items.append(
            f'<li value="{n}"><a class="pw-quote" href="#{prefix}-m-{n}">“{escape(finding.text)}”</a> '
            f'<span class="pw-muted">({escape(where)}, {escape(finding.severity)})</span> — '
            f"{escape(entry.reason)} {options} "
            f'<span class="pw-muted">Source:</span> <a href="{escape(entry.source.url)}" '
            f'rel="noopener noreferrer" target="_blank">{escape(entry.source.name)}</a></li>'
        )
    return f'<ol class="pw-notes">{"".join(items)}</ol>'


def bar_chart(counts: Sequence[tuple[str, str, int]], title: str) -> str:
    """A horizontal bar chart in SVG: (label, category, count) rows, largest first."""
    if not counts:
        return ""
    row, label_width, bar_width, top = 30, 210, 330, 8
    height = top + row * len(counts) + 4
    largest = max(c for _, _, c in counts)
    rows = []
    for i, (label, category, count) in enumerate(counts):
        y = top + i * row
        width = max(3, round(bar_width * count / largest))
        shown = label if len(label) <= 28 else label[:27] + "…"
        rows.append(
            f'<g class="pw-bar pw-bar-{category_class(category)}"><title>{escape(label)}: {count}</title>'
            f'<text x="{label_width - 10}" y="{y + 19}" text-anchor="end">{escape(shown)}</text>'
            f'<rect x="{label_width}" y="{y + 5}" width="{width}" height="18" rx="3" '
            f'fill="{_INK.get(category_class(category))}"></rect>'
            f'<text x="{label_width + width + 8}" y="{y + 19}">{count}</text></g>'
        )
    return (
        f'<svg class="pw-chart" role="img" aria-labelledby="pw-chart-title" viewBox="0 0 {label_width + bar_width + 60} {height}" '
        f'width="{label_width + bar_width + 60}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="pw-chart-title">{escape(title)}</title>{"".join(rows)}</svg>'
    )


# Bar colours: the categories' ink colours in plainwords.css (SVG attributes need literal values).
_INK = {"stigma": "#9f1d14", "jargon": "#1d4d94", "other": "#5e4b16"}


def _number(value: float | None, suffix: str = "") -> str:
    return "–" if value is None else f"{value:g}{suffix}"


def readability_rows(reports: Sequence[DocumentReport]) -> str:
    rows = []
    for report in reports:
        r = report.readability
        grade = (
            "–"
            if r.grade is None
            else f'{r.grade:g} <span class="pw-muted">(reading age {r.reading_age})</span>'
        )
        rows.append(
            f'<tr><th scope="row">{escape(report.document.path)}</th>'
            f'<td class="pw-num">{r.words}</td>'
            f'<td class="pw-num">{_number(r.reading_ease)} <span class="pw-muted">{escape(r.ease_label)}</span></td>'
            f'<td class="pw-num">{grade}</td>'
            f'<td class="pw-num">{_number(r.average_sentence)}</td>'
            f'<td class="pw-num">{r.longest_sentence}</td>'
            f'<td class="pw-num">{len(report.findings)}</td></tr>'
        )
    return (
        '<div class="pw-scroll"><table class="pw-table pw-readability"><caption class="pw-visually-hidden">Readability of each document</caption>'
        '<thead><tr><th scope="col">Document</th><th scope="col" class="pw-num">Words</th>'
        '<th scope="col" class="pw-num">Reading ease</th><th scope="col" class="pw-num">Grade</th>'
        '<th scope="col" class="pw-num">Average sentence (words)</th><th scope="col" class="pw-num">Longest sentence (words)</th>'
        f'<th scope="col" class="pw-num">Findings</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def summary_html(reports: Sequence[DocumentReport]) -> str:
    findings = [f for r in reports for f in r.findings]
    by_category = Counter(f.category for f in findings)
    by_topic = Counter((f.category, f.entry.topic or "other") for f in findings)
    by_severity = Counter(f.severity for f in findings)
    terms: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        terms[(" ".join(finding.text.lower().split()), finding.category)] += 1
    severities = ", ".join(
        _plural(by_severity[s], s) for s in ("error", "warning", "suggestion") if by_severity[s]
    )
    parts = [
        '<section class="pw-card pw-summary" aria-labelledby="pw-summary-title">',
        '<h2 id="pw-summary-title">Summary</h2>',
        f'<p class="pw-total"><strong>{_plural(len(findings), "finding")}</strong> in '
        f"{_plural(len(reports), 'document')}{f' ({severities})' if severities else ''}.</p>",
    ]
    if findings:
        parts.append(
            '<div class="pw-columns"><div><h3>By category</h3><table class="pw-table pw-by-category"><tbody>'
        )
        for category, count in by_category.most_common():
            parts.append(
                f'<tr><th scope="row"><span class="pw-letter pw-letter-{category_class(category)}" aria-hidden="true">'
                f'{escape(letter(category))}</span> {escape(category.capitalize())}</th><td class="pw-num">{count}</td></tr>'
            )
        parts.append(
            '</tbody></table></div><div><h3>By topic</h3><table class="pw-table pw-by-topic"><tbody>'
        )
        for (category, topic), count in by_topic.most_common():
            parts.append(
                f'<tr><th scope="row">{escape(topic)} <span class="pw-muted">({escape(category)})</span></th>'
                f'<td class="pw-num">{count}</td></tr>'
            )
        parts.append("</tbody></table></div></div>")
        top = [(term, category, count) for (term, category), count in terms.most_common(10)]
        parts.append("<h3>Most frequent terms</h3>")
        parts.append(bar_chart(top, "Most frequent flagged terms, with how often each was found"))
    parts.append("<h3>Readability</h3>")
    parts.append(readability_rows(reports))
    parts.append(
        '<p class="pw-muted pw-small">Reading ease runs from 0 (very hard) to 100 (very easy); 60 to 70 '
        "is plain English. The grade is the Flesch–Kincaid school grade; the reading age adds five years.</p>"
    )
    parts.append("</section>")
    return "".join(parts)


def key_html(categories: Iterable[str]) -> str:
    keys = []
    for category in dict.fromkeys([*KNOWN_CATEGORIES, *categories]):
        style = _UNDERLINES.get(category, "dashed underline")
        keys.append(
            f'<span class="pw-key"><mark class="pw-mark pw-cat-{category_class(category)}" '
            f'data-letter="{escape(letter(category))}">{escape(category)}</mark>'
            f'<span class="pw-muted">{escape(style)}</span></span>'
        )
    return f'<p class="pw-legend">{"".join(keys)}</p>'


def document_html(report: DocumentReport, index: int) -> str:
    prefix = f"d{index}"
    shown = visible(report.findings)
    r = report.readability
    figures = (
        f"{_plural(r.words, 'word')}, reading ease {_number(r.reading_ease)} ({escape(r.ease_label)}), "
        f"average sentence {_number(r.average_sentence)} words, longest {r.longest_sentence} words"
    )
    return (
        f'<section class="pw-card pw-doc" aria-labelledby="{prefix}-title">'
        f'<h2 id="{prefix}-title">{escape(report.document.path)}</h2>'
        f'<p class="pw-muted pw-figures">{_plural(len(report.findings), "finding")} · {figures}</p>'
        f'<div class="pw-text" id="{prefix}-text">{highlighted(report.document.text, shown, prefix, skipped_runs(report.document))}</div>'
        f'<h3 id="{prefix}-notes">Findings</h3>{notes_html(shown, prefix)}</section>'
    )


def render_report(reports: Sequence[DocumentReport], *, title: str = "plainwords report") -> str:
    """The whole page as one string."""
    categories = sorted({f.category for r in reports for f in r.findings})
    body = "".join(
        [
            f"<header><h1>{escape(title)}</h1>"
            '<p class="pw-lead">Words that label people or shut readers out are highlighted below. '
            "Hover over, tap or tab to a highlight to see why it matters and what to say instead; "
            "press Enter on one to reach its source.</p>",
            key_html(categories),
            "</header>",
            summary_html(reports),
            *(document_html(report, i) for i, report in enumerate(reports, 1)),
            f'<footer class="pw-muted pw-small"><p>Made by plainwords {escape(__version__)}. '
            "This page is self-contained: it makes no network requests.</p></footer>",
        ]
    )
    css = asset("static/plainwords.css")
    js = (
        asset("static/plainwords.js")
        + '\nwindow.Plainwords.enhance(document.getElementById("pw-report"));\n'
    )
    csp = (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return Template(asset("templates/report.html")).substitute(
        title=escape(title), css=css, js=js, body=body, csp=csp, version=escape(__version__)
    )
