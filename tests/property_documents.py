"""Random documents for the property tests, and how many of them each test runs.

Every generator mixes lexicon terms with a format's own markup, entities and every kind of line
ending, so the readers' offset bookkeeping and ``fix``'s edits meet the awkward cases. The count of
examples comes from ``examples``: a quick default for every run, raised for a long hunt with
``PLAINWORDS_PROPERTY_EXAMPLES`` (see docs/maintainers.md).
"""

from __future__ import annotations

import os

from hypothesis import strategies as st

from plainwords.readers.html import read_html
from plainwords.readers.markdown import read_markdown
from plainwords.readers.rst import read_rst
from plainwords.readers.text import read_text

ENVIRONMENT_VARIABLE = "PLAINWORDS_PROPERTY_EXAMPLES"


def examples(default: int) -> int:
    """Examples per property test: ``default``, or ``$PLAINWORDS_PROPERTY_EXAMPLES`` when set."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    return int(value) if value else default


TERMS = [
    "hard to reach",
    "Hard-to-reach",
    "service users",
    "Service User",
    "addicts",
    "addict",
    "utilise",
    "Utilised",
    "going forward",
    "the homeless",
    "suffer from",
    "suffers from",
    "in order to",
    "hard to\nreach",
    "service\r\nusers",
    "the\rhomeless",
]
WORDS = [
    "we",
    "people",
    "groups",
    "are",
    "not",
    "our",
    "and",
    "café",
    "😀",
    "—",
    ".",
    ",",
    "’",
    "'",
    '"',
]
SPACE = [" ", " ", " ", "\n", "\r\n", "\r", "\n\n", "\t", "\u00a0"]
MARKUP = {
    "markdown": [
        "**",
        "_",
        "`",
        "``",
        "# ",
        "> ",
        "- ",
        "1. ",
        "| ",
        " |",
        "|---|",
        "[",
        "](https://x.org/addicts)",
        "<https://x.org/the-homeless>",
        "![",
        "<!-- plainwords-disable-next-line -->",
        "<!-- plainwords-disable-line addict -->",
        "<b>",
        "</b>",
        "&amp;",
        "```\n",
        "~~~\n",
        "    ",
        "---\n",
        "title: ",
        '"',
        "'",
        ": ",
        "[ref]: https://x.org/service-users\n",
        "\\",
    ],
    "rst": [
        "``",
        ":code:`",
        ":ref:`",
        "`",
        "`_",
        " <https://x.org/addicts>`_",
        "::\n\n    ",
        ".. ",
        ".. plainwords-disable-next-line\n\n",
        ".. code-block:: python\n\n   ",
        "=====\n",
        "-----\n",
        "* ",
        "| ",
        "*",
        "**",
        "[#]_",
        ".. _target:\n",
        ".. note:: ",
        "|sub|",
        "\\",
        "   ",
        "+---+\n",
    ],
    "html": [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<em>",
        "</em>",
        "&amp;",
        "&nbsp;",
        "&#32;",
        "&#x20;",
        "&bogus;",
        "&",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<code>",
        "</code>",
        "<pre>",
        "</pre>",
        "<!--",
        "-->",
        "<!-- plainwords-disable-line -->",
        '<img alt="',
        "\" title='",
        "'>",
        "<br>",
        '<a href="https://x.org/addicts">',
        "</a>",
        "<",
        ">",
        "<div",
        " class=x>",
        "</div>",
    ],
    "text": [
        "# plainwords-disable-line",
        "// plainwords-disable-next-line addict\n",
        "plainwords-disable",
        "plainwords-enable",
        "#",
        "//",
        "\\",
    ],
}
READERS = {"markdown": read_markdown, "rst": read_rst, "html": read_html, "text": read_text}


def documents(kind: str, terms: list[str] = TERMS):
    """Documents in one format's markup (a key of ``MARKUP``) with ``terms`` mixed in."""
    piece = st.one_of(
        st.sampled_from(terms),
        st.sampled_from(WORDS),
        st.sampled_from(SPACE),
        st.sampled_from(MARKUP[kind]),
    )
    return st.lists(piece, max_size=60).map("".join)
