"""Plain text (and any text file of an unknown kind): everything is prose.

Suppression comments are the directive words anywhere on a line, so they work after ``#``, ``//``,
``;`` or on a line of their own, whatever the file's own comment syntax is.
"""

from __future__ import annotations

from plainwords.document import Document
from plainwords.suppressions import line_directives, resolve


def read_text(path: str, text: str, **kwargs) -> Document:
    suppressions = resolve(line_directives(text), text) if "plainwords-" in text else ()
    return Document(
        path=path, text=text, lint_text=text, kind="text", suppressions=suppressions, **kwargs
    )
