"""docs/lexicon.md is generated from the lexicons and must be current."""

from __future__ import annotations

from pathlib import Path

from plainwords.catalogue import render_catalogue, shipped_catalogue
from plainwords.lexicon import load_lexicon

PAGE = Path(__file__).parents[1] / "docs" / "lexicon.md"


def test_the_committed_catalogue_is_current():
    assert PAGE.read_text(encoding="utf-8") == shipped_catalogue(), (
        "docs/lexicon.md is stale: run `python -m plainwords.catalogue docs/lexicon.md`"
    )


def test_every_entry_is_listed_under_its_topic_and_its_source(lexicon):
    page = render_catalogue(lexicon)
    topics_part, sources_part = page.split("\n## Sources\n")
    for entry in lexicon:
        assert f"`{entry.id}`" in topics_part
        assert f"`{entry.id}`" in sources_part
    assert "## homelessness" in topics_part and "## disability" in topics_part


def test_options_are_marked_by_kind(tmp_path):
    path = tmp_path / "own.yaml"
    path.write_text(
        "category: own\nentries:\n  - id: x\n    terms: [foo]\n"
        "    alternatives: [bar, {text: baz, consider: true}, (say more)]\n"
        "    reason: r\n    severity: suggestion\n    topics: [money, work]\n"
        '    source: {name: Us, url: "https://example.org"}\n'
    )
    page = render_catalogue(load_lexicon([path]))
    assert "bar; *consider:* baz; *advice:* (say more)" in page
    assert "## money" in page and "Also under: work" in page
    assert "| [Us](https://example.org) | `x` |" in page
