"""``plainwords report``: one self-contained, escaped, accessible HTML page."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from plainwords.cli import main
from plainwords.readers import read_text
from plainwords.readers.markdown import read_markdown
from plainwords.web.readability import measure, sentences
from plainwords.web.report import asset

STRATEGY = """\
---
title: Strategy
---
# Our homelessness strategy

Our service users include the homeless and addicts. We will utilise every tool in order to reach them.

- Going forward, we will meet monthly.
- We work with hard-to-reach groups & the homeless <script>alert("x")</script>.

```python
addicts = "in code, never flagged"
```

Emoji 😀 before addicts keeps offsets honest.
"""


class Tree(HTMLParser):
    """Just enough of a DOM: elements with attributes, parents and text, in document order."""

    VOID = {"meta", "link", "br", "img", "input", "rect"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = {"tag": "#root", "attrs": {}, "children": [], "parent": None}
        self.current = self.root
        self.elements: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "children": [], "parent": self.current}
        self.current["children"].append(node)
        self.elements.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "children": [], "parent": self.current}
        self.current["children"].append(node)
        self.elements.append(node)

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node["tag"] != tag:
            node = node["parent"]
        if node is not self.root:
            self.current = node["parent"]

    def handle_data(self, data):
        self.current["children"].append(data)

    def find(self, predicate):
        return [e for e in self.elements if predicate(e)]

    def by_class(self, name):
        return self.find(lambda e: name in e["attrs"].get("class", "").split())

    def by_id(self, value):
        [node] = self.find(lambda e: e["attrs"].get("id") == value)
        return node

    @staticmethod
    def text(node, skip_class: str | None = None) -> str:
        parts = []
        for child in node["children"]:
            if isinstance(child, str):
                parts.append(child)
            elif not (skip_class and skip_class in child["attrs"].get("class", "").split()):
                parts.append(Tree.text(child, skip_class))
        return "".join(parts)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    source = folder / "strategy.md"
    source.write_text(STRATEGY, encoding="utf-8")
    out = folder / "report.html"
    assert main(["report", str(source), "-o", str(out)]) == 0
    return source, out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tree(made):
    return Tree(made[1])


def test_report_shows_exactly_what_check_finds(made, tree, capsys):
    source, _ = made
    capsys.readouterr()
    main(["check", "--format", "json", str(source)])
    checked = json.loads(capsys.readouterr().out)["findings"]
    marks = tree.find(lambda e: e["tag"] == "mark" and e["attrs"].get("data-rule"))
    assert [m["attrs"]["data-rule"] for m in marks] == [f["rule"] for f in checked]
    assert [Tree.text(m) for m in marks] == [f["text"] for f in checked]
    assert len(marks) == 9  # the code block's "addicts" is not flagged


def test_document_text_survives_escaped_and_whole(made, tree):
    source, html = made
    text = tree.by_id("d1-text")
    assert Tree.text(text, skip_class="pw-tip") == source.read_text(encoding="utf-8")
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html and "alert(&quot;x&quot;)" in html
    assert html.count("<script>") == 1  # only the page's own


def test_unchecked_code_and_markup_are_dimmed(tree):
    skipped = [Tree.text(node) for node in tree.by_class("pw-skipped")]
    assert '```python\naddicts = "in code, never flagged"\n```' in skipped
    # Front matter: the delimiters and keys are not prose; the title's value is linted.
    assert "---\ntitle:" in skipped and "---" in skipped and "Strategy" not in "".join(skipped)
    assert "<script>" in skipped and "</script>" in skipped  # inline HTML is not prose


def test_every_highlight_is_focusable_and_described(tree):
    marks = tree.find(lambda e: e["tag"] == "mark" and e["attrs"].get("data-rule"))
    for mark in marks:
        attrs = mark["attrs"]
        assert attrs["tabindex"] == "0"
        assert attrs["data-letter"] in {"S", "J"}  # a cue that is not colour
        tip = tree.by_id(attrs["aria-describedby"])
        assert tip["attrs"]["role"] == "tooltip"
        siblings = [c for c in mark["parent"]["children"] if not isinstance(c, str)]
        assert siblings[siblings.index(mark) + 1] is tip  # CSS shows it on hover/focus of the mark
    first = tree.by_id(marks[0]["attrs"]["aria-describedby"])
    words = Tree.text(first)
    assert "Defines people by their contact with a service" in words
    assert "people who use our services" in words
    [link] = [c for c in tree.by_class("pw-tip-source")[0]["children"] if isinstance(c, dict)]
    assert link["attrs"]["href"].startswith("https://www.comms.nihr.ac.uk/")


def test_summary_counts_chart_and_readability(made, tree):
    _, html = made
    rows = tree.find(
        lambda e: (
            e["tag"] == "tr" and "pw-by-category" in e["parent"]["parent"]["attrs"].get("class", "")
        )
    )
    by_category = {
        Tree.text(r["children"][0]).split()[-1]: int(Tree.text(r["children"][1])) for r in rows
    }
    assert by_category == {"Stigma": 6, "Jargon": 3}
    topics = Tree.text(tree.by_class("pw-by-topic")[0])
    assert "homelessness" in topics and "plain English" in topics
    [chart] = tree.find(lambda e: e["tag"] == "svg")
    bars = [e for e in tree.elements if "pw-bar" in e["attrs"].get("class", "") and e["tag"] == "g"]
    labels = [Tree.text(b["children"][0]) for b in bars]
    assert labels[0] in ("the homeless: 2", "addicts: 2")
    assert "utilise: 1" in labels
    assert chart["attrs"]["role"] == "img"
    readability = Tree.text(tree.by_class("pw-readability")[0])
    assert "Reading ease" in readability and "reading age" in readability


def test_page_is_self_contained_under_its_own_policy(made, tree):
    _, html = made
    assert not re.search(r"<link\b|\bsrc=|@import|url\(", html)
    external = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    hrefs = {
        e["attrs"]["href"] for e in tree.find(lambda e: e["tag"] == "a" and "href" in e["attrs"])
    }
    assert external <= hrefs | {"http://www.w3.org/2000/svg"}
    [meta] = tree.find(
        lambda e: e["tag"] == "meta" and e["attrs"].get("http-equiv") == "Content-Security-Policy"
    )
    policy = meta["attrs"]["content"]
    assert "default-src 'none'" in policy
    [style] = tree.find(lambda e: e["tag"] == "style")
    [script] = tree.find(lambda e: e["tag"] == "script")
    for node, directive in ((style, "style-src"), (script, "script-src")):
        digest = base64.b64encode(hashlib.sha256(Tree.text(node).encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy
    assert not tree.find(
        lambda e: "style" in e["attrs"]
    )  # inline style attributes would be blocked


def test_print_styles_turn_explanations_into_footnotes():
    css = asset("static/plainwords.css")
    printing = css[css.index("@media print") :]
    assert ".pw-tip" in printing and "display: none" in printing
    assert 'content: "[" attr(data-n) "]"' in printing
    assert "attr(href)" in printing


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_meet_wcag_aa():
    css = asset("static/plainwords.css")
    colours = dict(re.findall(r"--pw-([a-z-]+):\s*(#[0-9a-f]{6})", css))
    pairs = [
        ("text", "page"),
        ("text", "card"),
        ("muted", "page"),
        ("muted", "card"),
        ("link", "card"),
        ("link", "page"),
    ]
    for category in ("stigma", "jargon", "other"):
        pairs += [
            ("text", f"{category}-bg"),
            (f"{category}-ink", "card"),
            (f"{category}-ink", "page"),
        ]
    for fg, bg in pairs:
        assert _contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg)
    for category in ("stigma", "jargon", "other"):  # white category letters on the ink colour
        assert _contrast("#ffffff", colours[f"{category}-ink"]) >= 4.5
    assert _contrast("#1e4620", "#eef5ea") >= 4.5  # alternatives
    assert _contrast("#ffffff", "#1e5b2b") >= 4.5  # the fix button


def test_readability_counts_headings_and_items_as_sentences_and_skips_code():
    document = read_markdown(
        "a.md",
        "# A title\n\nOne two three. Four five.\n\n- An item here\n- Another\n\n```\ncode is not prose\n```\n",
    )
    assert sentences(document) == [
        "A title",
        "One two three.",
        "Four five.",
        "An item here",
        "Another",
    ]
    figures = measure(document)
    assert (figures.words, figures.sentences, figures.longest_sentence) == (11, 5, 3)
    assert figures.average_sentence == 2.2
    assert figures.longest_text == "One two three."


def test_plain_prose_reads_easier_than_jargon():
    plain = measure(read_text("p.txt", "We help people find a home. We listen. We act fast."))
    dense = measure(
        read_text(
            "d.txt",
            "Multi-agency stakeholders will operationalise holistic, outcome-focused interventions, "
            "leveraging cross-organisational capacity-building methodologies.",
        )
    )
    assert plain.reading_ease > 70 > dense.reading_ease
    assert plain.grade < dense.grade
    assert measure(read_text("e.txt", "")).reading_ease is None


def test_readability_never_touches_the_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert (
        measure(
            read_text("x.txt", "Another sentence entirely, with syllables aplenty.")
        ).reading_ease
        is not None
    )


def test_report_errors_are_one_line_exit_2(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.md"), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "missing.md: no such file or directory" in err
    assert not (tmp_path / "r.html").exists()


def test_report_file_is_readable_like_any_new_file(tmp_path):
    import os

    source = tmp_path / "a.txt"
    source.write_text("Addicts.", encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert main(["report", str(source), "-o", str(tmp_path / "r.html")]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "r.html").stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_report_to_stdout(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("We utilise the hall.", encoding="utf-8")
    assert main(["report", str(source), "-o", "-", "--title", "Hall <booking>"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "<title>Hall &lt;booking&gt;</title>" in out
    assert Path(source).read_text(encoding="utf-8") == "We utilise the hall."


def test_report_on_a_folder_shows_each_document(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text("# A\n\nWe utilise the hall.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The homeless and addicts.\n", encoding="utf-8")
    (folder / "c.png").write_bytes(b"\x89PNG not a document")
    out = tmp_path / "r.html"
    assert main(["report", str(folder), "-o", str(out), "--disable", "jargon"]) == 0
    assert "2 findings in 2 documents" in capsys.readouterr().err
    tree = Tree(out.read_text(encoding="utf-8"))
    titles = [
        Tree.text(e)
        for e in tree.find(lambda e: e["tag"] == "h2" and e["parent"]["tag"] == "section")
    ]
    assert titles == ["Summary", str(folder / "a.md"), str(folder / "b.txt")]
    rules = [
        e["attrs"]["data-rule"]
        for e in tree.find(lambda e: e["tag"] == "mark" and e["attrs"].get("data-rule"))
    ]
    assert rules == ["the-homeless", "addict"]  # jargon disabled, as `check --disable` would
    rows = tree.find(
        lambda e: (
            e["tag"] == "tr"
            and e["parent"]["tag"] == "tbody"
            and "pw-readability" in e["parent"]["parent"]["attrs"].get("class", "")
        )
    )
    assert len(rows) == 2
