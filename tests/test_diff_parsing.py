"""Reading a unified diff into changed lines (``plainwords.changes.parse_diff``): git's own
awkward cases by hand, and any diff difflib writes, with or without context, by property."""

from __future__ import annotations

import difflib
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from plainwords.changes import WHOLE, ChangedLines, parse_diff

ROOT = os.path.realpath("/repository")


def lines(diff: str | bytes) -> dict[str, ChangedLines]:
    data = diff.encode() if isinstance(diff, str) else diff
    return {os.path.relpath(k, ROOT): v for k, v in parse_diff(data, ROOT).items()}


def test_git_zero_context_hunks():
    diff = (
        "diff --git a/notes.md b/notes.md\n"
        "index 1111111..2222222 100644\n"
        "--- a/notes.md\n"
        "+++ b/notes.md\n"
        "@@ -3 +3 @@\n"
        "-old\n"
        "+new\n"
        "@@ -10,0 +11,2 @@\n"
        "+added\n"
        "+added too\n"
        "@@ -20,2 +21,0 @@\n"
        "-gone\n"
        "-gone too\n"
    )
    assert lines(diff) == {"notes.md": ChangedLines(frozenset({3, 11, 12}))}


def test_content_that_looks_like_headers_stays_content():
    diff = (
        "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n"
        "--- a rule in the old text\n"  # a removed line "-- a rule…"
        "+++ a heading in the new\n"  # an added line "++ a heading…"
        " context\n"
    )
    assert lines(diff) == {"a.md": ChangedLines(frozenset({1}))}


def test_new_deleted_renamed_and_binary_files():
    diff = (
        "diff --git a/new.md b/new.md\nnew file mode 100644\n--- /dev/null\n+++ b/new.md\n"
        "@@ -0,0 +1,2 @@\n+one\n+two\n"
        "diff --git a/old.md b/old.md\ndeleted file mode 100644\n--- a/old.md\n+++ /dev/null\n"
        "@@ -1 +0,0 @@\n-one\n"
        "diff --git a/from.md b/to.md\nsimilarity index 100%\nrename from from.md\n"
        "rename to to.md\n"
        "diff --git a/a b.md b/c d.md\nsimilarity index 90%\nrename from a b.md\n"
        "rename to c d.md\n--- a/a b.md\n+++ b/c d.md\n@@ -2 +2 @@\n-x\n+y\n"
        "diff --git a/report.docx b/report.docx\nindex 1..2 100644\n"
        "Binary files a/report.docx and b/report.docx differ\n"
        "diff --git a/gone.odt b/gone.odt\ndeleted file mode 100644\n"
        "Binary files a/gone.odt and /dev/null differ\n"
    )
    assert lines(diff) == {
        "new.md": ChangedLines(frozenset({1, 2})),
        "c d.md": ChangedLines(frozenset({2})),
        "report.docx": WHOLE,
    }


def test_quoted_paths_and_missing_newline_marks():
    diff = (
        'diff --git "a/caf\\303\\251 \\"notes\\".md" "b/caf\\303\\251 \\"notes\\".md"\n'
        '--- "a/caf\\303\\251 \\"notes\\".md"\n'
        '+++ "b/caf\\303\\251 \\"notes\\".md"\n'
        "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n"
        'diff --git "a/tab\\there.docx" "b/tab\\there.docx"\n'
        'Binary files "a/tab\\there.docx" and "b/tab\\there.docx" differ\n'
    )
    assert lines(diff) == {
        'café "notes".md': ChangedLines(frozenset({1})),
        "tab\there.docx": WHOLE,
    }


def test_crlf_content_and_non_utf8_names():
    diff = b"--- a/\xe9.txt\n+++ b/\xe9.txt\n@@ -1 +1,2 @@\n a\r\n+b\r\n"
    assert lines(diff) == {os.fsdecode(b"\xe9.txt"): ChangedLines(frozenset({2}))}


def test_a_touched_range_includes_any_changed_line():
    changed = ChangedLines(frozenset({4, 9}))
    assert changed.touches(4, 4) and changed.touches(2, 5) and changed.touches(1, 100)
    assert not changed.touches(5, 8) and not changed.touches(10, 10)
    assert WHOLE.touches(1, 1)


text_lines = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n", "\n", " e\n"]), max_size=25)


@settings(max_examples=300, deadline=None)
@given(old=text_lines, new=text_lines, context=st.integers(0, 4))
def test_any_difflib_diff_gives_the_lines_difflib_inserted(old, new, context):
    diff = "".join(difflib.unified_diff(old, new, "a/f.txt", "b/f.txt", n=context))
    matcher = difflib.SequenceMatcher(None, old, new)
    inserted = {
        line + 1
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag in ("insert", "replace")
        for line in range(j1, j2)
    }
    expected = {"f.txt": ChangedLines(frozenset(inserted))} if inserted else {}
    assert lines(diff) == expected
