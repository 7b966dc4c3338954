"""What changed since a git ref, asked of git: ``--changed-since REF``.

Git runs as a list of arguments (never through a shell), with a ref resolved to a commit id
before it goes near ``git diff``, so a ref can never be read as an option. The diff is the
working tree against where the current branch left REF (``git merge-base REF HEAD``; REF itself
when there is no common history, as in a shallow CI clone), so a pull request's check sees the
pull request's lines, not lines the base branch changed since. Staged and unstaged edits both
count (pre-commit stashes unstaged ones, so in a hook ``HEAD`` means the staged changes), and
untracked files count as wholly new.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence

from plainwords.changes import WHOLE, Changes, parse_diff
from plainwords.errors import ChangesError

# Every option that could change the shape of the patch git writes is set here, whatever the
# user's configuration says (prefixes, external diff drivers, text conversion, relative paths).
_DIFF = [
    "-c",
    "core.quotePath=false",
    "diff",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--no-relative",
    "--ignore-submodules=all",
    "--find-renames",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "--unified=0",
]
NOT_A_REPOSITORY = (
    "not inside a git repository: --changed-since compares with git history; run plainwords "
    "in a clone, or pipe a unified diff to --diff-only"
)


def changes_since(ref: str, cwd: str | None = None) -> Changes:
    """The lines added or changed since ``ref``, in tracked and untracked files."""
    root = repository_root(cwd)
    base = base_of(ref, root)
    diff = git(["-C", root, *_DIFF, base, "--"]).stdout
    files = dict(parse_diff(diff, root))
    for name in git(["-C", root, "ls-files", "-z", "--others", "--exclude-standard"]).stdout.split(
        b"\0"
    ):
        if name:
            files[Changes.key(os.path.join(root, os.fsdecode(name)))] = WHOLE
    return Changes(files)


def repository_root(cwd: str | None = None) -> str:
    """The top folder of the repository around ``cwd``; outside one, an error that says what
    to do instead."""
    root = top_folder(cwd)
    if root is None:
        raise ChangesError(NOT_A_REPOSITORY)
    return root


def top_folder(cwd: str | None = None) -> str | None:
    """The top folder of the repository around ``cwd``, or ``None`` outside one."""
    result = git(["rev-parse", "--show-toplevel"], cwd=cwd, check=False)
    if result.returncode != 0 or not result.stdout.strip():
        return None
    return os.fsdecode(result.stdout.rstrip(b"\n"))


def base_of(ref: str, root: str) -> str:
    """The commit to diff against: where HEAD left ``ref``. A repository with no commit yet
    diffs ``HEAD`` against the empty tree, so the first commit's hook sees every staged line."""
    if not ref or ref.startswith("-"):
        raise ChangesError(f"--changed-since: {ref!r} is not a git ref")
    resolved = git(
        ["-C", root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
        check=False,
    )
    if resolved.returncode != 0:
        if ref == "HEAD" and not _has_commits(root):
            return _empty_tree(root)
        raise ChangesError(
            f"--changed-since: unknown git ref {ref!r}; name a branch, tag or commit of this "
            "repository (in CI, fetch it first, for example 'git fetch origin main')"
        )
    commit = resolved.stdout.decode().strip()
    merged = git(["-C", root, "merge-base", commit, "HEAD"], check=False)
    found = merged.stdout.decode().strip()
    return found if merged.returncode == 0 and found else commit


def _has_commits(root: str) -> bool:
    return (
        git(["-C", root, "rev-parse", "--verify", "--quiet", "HEAD"], check=False).returncode == 0
    )


def _empty_tree(root: str) -> str:
    return (
        git(["-C", root, "hash-object", "-t", "tree", "--stdin"], stdin=b"").stdout.decode().strip()
    )


def git(
    args: Sequence[str], *, cwd: str | None = None, check: bool = True, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run git with ``args`` (a list, no shell); its output as bytes. A failure the user can
    act on is a ``ChangesError``."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd,
            env=env,
            input=stdin if stdin is not None else None,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise ChangesError(
            "git is not installed (or not on PATH); --changed-since needs it, or pipe a "
            "unified diff to --diff-only"
        ) from None
    if check and result.returncode != 0:
        reason = result.stderr.decode(errors="replace").strip().splitlines()
        raise ChangesError(
            f"git failed: {reason[-1] if reason else f'exit status {result.returncode}'}"
        )
    return result
