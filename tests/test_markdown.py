"""Markdown: prose is linted; code, URLs, HTML comments and front matter are not; offsets exact."""

from __future__ import annotations

from plainwords.readers import read_bytes


def _check(linter, text: str, name: str = "doc.md"):
    document = read_bytes(name, text.encode("utf-8"))
    return document, linter.check(document)


def test_code_urls_comments_and_front_matter_are_not_linted(linter):
    text = (
        "---\naddicts: 3\nlink: https://example.org/addicts\n---\n"
        "Prose about addicts.\n\n"
        "```python\naddicts = []\n```\n\n"
        "    addicts indented code\n\n"
        "Inline `addicts` code and <!-- addicts --> comment.\n\n"
        "A [link](https://example.org/addicts) and ![image](addicts.png) and <https://x.org/addicts>.\n"
    )
    document, findings = _check(linter, text)
    assert [(f.text, f.line) for f in findings] == [("addicts", 5)]


def test_link_text_is_linted_but_its_url_is_not(linter):
    _, findings = _check(
        linter, "Read about [service users](https://example.org/service-users) today.\n"
    )
    assert [f.text for f in findings] == ["service users"]


def test_inline_code_does_not_join_the_words_around_it(linter):
    _, findings = _check(linter, "Our service `x` users.\n")
    assert findings == []


def test_hard_wrapped_phrase_is_found_across_the_line_break(linter):
    document, findings = _check(linter, "We met hard to\nreach groups.\r\n")
    (finding,) = findings
    assert finding.text == "hard to\nreach" and (
        finding.line,
        finding.column,
        finding.end_line,
    ) == (1, 8, 2)


def test_headings_lists_quotes_and_tables_are_linted(linter):
    text = (
        "# Addicts\n\n- service users\n\n> the homeless\n\n| a | b |\n|---|---|\n| utilise | x |\n"
    )
    _, findings = _check(linter, text)
    assert [f.rule for f in findings] == ["addict", "service-user", "the-homeless", "utilise"]


def test_offsets_point_at_the_source_with_crlf_and_bom(linter):
    text = "\ufeffIntro line\r\n\r\nWe **utilise** `code` for Service Users.\r\n"
    document = read_bytes("doc.md", text.encode("utf-8"))
    assert document.bom and not document.text.startswith("\ufeff")
    findings = linter.check(document)
    assert [f.text for f in findings] == ["utilise", "Service Users"]
    for finding in findings:
        assert document.text[finding.start : finding.end] == finding.text
        assert (finding.line, finding.column) == (
            3,
            document.text.splitlines()[2].index(finding.text) + 1,
        )
