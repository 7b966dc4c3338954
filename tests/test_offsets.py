"""Property: every finding's text equals the source at its offsets and at its line/column,
whatever the mix of terms, markup, line endings and Unicode around it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plainwords.readers import read_bytes
from property_documents import examples

TERMS = [
    "service users",
    "Hard-to-reach",
    "hard to\nreach",
    "addicts",
    "Utilised",
    "going forward",
    "the homeless",
    "suffering from",
    "in order to",
]
NOISE = [
    "We",
    "met",
    "the",
    "café",
    "naïve",
    "🙂",
    "e\u0301",
    "and",
    "**bold**",
    "`code`",
    ",",
    ".",
    "[link](http://x.org/addicts)",
    "<!-- c -->",
    "\t",
    "  ",
    "—",
    "“quoted”",
]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " "]

pieces = st.lists(
    st.one_of(st.sampled_from(TERMS), st.sampled_from(NOISE), st.sampled_from(BREAKS)),
    min_size=1,
    max_size=40,
)


def _line_col(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts[line - 1] + column - 1


@settings(max_examples=examples(150), deadline=None)
@given(pieces, st.sampled_from(["doc.md", "doc.txt"]), st.booleans())
def test_every_finding_points_at_its_own_text(linter, parts, name, bom):
    source = " ".join(parts)
    data = ("\ufeff" if bom else "").encode("utf-8") + source.encode("utf-8")
    document = read_bytes(name, data)
    assert document.text == source
    for finding in linter.check(document):
        assert source[finding.start : finding.end] == finding.text
        assert _line_col(source, finding.line, finding.column) == finding.start
        assert _line_col(source, finding.end_line, finding.end_column) == finding.end
        assert finding.text.strip() and finding.text == finding.text.strip()
