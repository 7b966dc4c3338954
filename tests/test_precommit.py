"""plainwords in a team's workflow: the real pre-commit framework running our hook from this
repository, and the plain git hook in hooks/.

The pre-commit tests run ``pre-commit try-repo`` the way a team would try the hook: pre-commit
clones the repository and pip-installs it (with spaCy) into a fresh virtual environment. That
takes a minute or more, and try-repo always builds it in a throwaway store of its own, ignoring
PRE_COMMIT_HOME; so the tests run try-repo through a three-line launcher (``TRY_REPO``) that
gives it pre-commit's ordinary store in a session directory instead. Everything else is
pre-commit's own code, and the environment is built once per test session.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import plainwords
from plainwords.readers import KNOWN_EXTENSIONS

SOURCE = Path(plainwords.__file__).resolve().parents[1]
REPOSITORY = SOURCE.parent
IDENTITY = [
    "-c",
    "user.name=plainwords tests",
    "-c",
    "user.email=tests@example.invalid",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "init.defaultBranch=main",
]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without git's per-repository variables (set when tests run in a hook)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "PYTHONPATH"}
    env.update(extra)
    return env


def git(cwd: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *IDENTITY, *args],
        cwd=cwd,
        env=clean_env(),
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


def hooks_manifest() -> list[dict]:
    return yaml.safe_load((REPOSITORY / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hook_patterns_cover_every_format_plainwords_reads():
    hooks = {hook["id"]: hook for hook in hooks_manifest()}
    assert set(hooks) == {"plainwords", "plainwords-fix"}
    assert hooks["plainwords"]["entry"] == "plainwords check"
    assert hooks["plainwords-fix"]["entry"] == "plainwords fix"
    wanted = KNOWN_EXTENSIONS | {
        ".md",
        ".markdown",
        ".mdx",
        ".txt",
        ".rst",
        ".html",
        ".htm",
        ".docx",
        ".odt",
    }
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["require_serial"] is True
        assert "types" not in hook  # identify has no tag for .docx
        pattern = re.compile(hook["files"])
        for extension in wanted:
            assert pattern.search(f"docs/Report{extension}"), extension
            assert pattern.search(f"REPORT{extension.upper()}"), extension
        for other in ("setup.py", "data.csv", "picture.png", "notes.md.bak"):
            assert not pattern.search(other), other


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory) -> Path:
    """This repository as it is now (committed or not) as a commit in a repository of its own.

    ``try-repo`` of a checkout with uncommitted changes snapshots it into a new temporary clone
    on every call, and each new clone costs a new hook environment; one snapshot per session
    gives every case the same repository, revision and so environment.
    """
    if not (REPOSITORY / ".git").exists():
        pytest.fail(f"{REPOSITORY} is not a git checkout; the pre-commit tests need one")
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPOSITORY,
            env=clean_env(),
            check=True,
            capture_output=True,
        )
        .stdout.decode()
        .split("\0")
    )
    target = tmp_path_factory.mktemp("plainwords-repository")
    for name in filter(None, listed):
        source = REPOSITORY / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "snapshot for the pre-commit test")
    return target


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


# ``pre-commit try-repo …`` with its store in PRE_COMMIT_HOME instead of a temporary directory.
TRY_REPO = """\
import sys
import pre_commit.commands.try_repo as try_repo
from pre_commit.main import main
from pre_commit.store import Store

try_repo.Store = lambda tempdir: Store()
raise SystemExit(main(["try-repo", *sys.argv[1:]]))
"""


def try_repo(snapshot: Path, home: Path, tmp_path: Path, hook: str, files: dict[str, str]):
    work = tmp_path / "team-repository"
    work.mkdir()
    git(work, "init", "-q")
    for name, text in files.items():
        (work / name).write_text(text, encoding="utf-8")
    git(work, "add", "-A")
    result = subprocess.run(
        [sys.executable, "-c", TRY_REPO, str(snapshot), hook, "--files", *files],
        cwd=work,
        env=clean_env(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    # One clone of the repository, so one hook environment, however many cases have run.
    assert len(list(home.glob("repo*"))) == 1, sorted(p.name for p in home.iterdir())
    return result


def test_pre_commit_hook_fails_on_a_stigmatising_label(snapshot, pre_commit_home, tmp_path):
    result = try_repo(
        snapshot,
        pre_commit_home,
        tmp_path,
        "plainwords",
        {"news.md": "# News\n\nOur service users told us the forms were confusing.\n"},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Failed" in output
    assert "news.md:3:5" in output and "[service-user]" in output
    assert "people who use our services" in output


def test_pre_commit_hook_passes_clean_text(snapshot, pre_commit_home, tmp_path):
    result = try_repo(
        snapshot,
        pre_commit_home,
        tmp_path,
        "plainwords",
        {"news.md": "# News\n\nPeople who use our services told us the forms were confusing.\n"},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output


def test_pre_commit_fix_hook_rewrites_safe_swaps(snapshot, pre_commit_home, tmp_path):
    result = try_repo(
        snapshot,
        pre_commit_home,
        tmp_path,
        "plainwords-fix",
        {"plan.txt": "We will Utilise the room.\r\n"},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in output
    assert (tmp_path / "team-repository" / "plan.txt").read_bytes() == b"We will Use the room.\r\n"


def commit(work: Path, name: str, text: str) -> subprocess.CompletedProcess:
    (work / name).write_text(text, encoding="utf-8")
    git(work, "add", name)
    env = clean_env(PLAINWORDS=f"{sys.executable} -m plainwords", PYTHONPATH=str(SOURCE))
    return subprocess.run(
        ["git", *IDENTITY, "commit", "-q", "-m", f"add {name}"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )


def test_plain_git_hook_stops_a_commit_with_findings(tmp_path):
    work = tmp_path / "repository"
    work.mkdir()
    git(work, "init", "-q")
    hook = work / ".git" / "hooks" / "pre-commit"
    shutil.copy(REPOSITORY / "hooks" / "pre-commit", hook)
    hook.chmod(0o755)

    stopped = commit(work, "my notes.md", "Hard to reach families and service users.\n")
    assert stopped.returncode != 0
    output = stopped.stdout + stopped.stderr  # git sends a hook's output to standard error
    assert "my notes.md:1:1" in output and "commit stopped" in output
    assert git(work, "rev-list", "--all").stdout == ""  # nothing was committed

    passed = commit(work, "my notes.md", "Families we have not reached yet.\n")
    assert passed.returncode == 0, passed.stderr
    assert commit(work, "script.py", "service_users = []\n").returncode == 0  # not a document
    assert len(git(work, "rev-list", "--all").stdout.split()) == 2


def test_pre_commit_hook_with_changed_since_head_checks_only_staged_lines(
    snapshot, pre_commit_home, tmp_path
):
    """``args: [--changed-since, HEAD]``: pre-commit stashes unstaged edits before the hook
    runs, so HEAD against the working tree is what the commit adds. An old finding in a file
    the commit touches, and an unstaged new one, do not stop it; a staged new one does."""
    work = tmp_path / "team-repository"
    work.mkdir()
    git(work, "init", "-q")
    rev = git(snapshot, "rev-parse", "HEAD").stdout.strip()
    hook = {"id": "plainwords", "args": ["--changed-since", "HEAD"]}
    # As try-repo names it (relative), so pre-commit finds the environment try-repo built.
    config = {"repos": [{"repo": os.path.relpath(snapshot, work), "rev": rev, "hooks": [hook]}]}
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    old = "# News\n\nOur service users told us.\n"
    (work / "news.md").write_text(old, encoding="utf-8")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "first")

    def run_hook() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "plainwords"],
            cwd=work,
            env=clean_env(PRE_COMMIT_HOME=str(pre_commit_home), PRE_COMMIT_COLOR="never"),
            capture_output=True,
            text=True,
            timeout=900,
        )

    unstaged = "Addicts came.\n"
    (work / "news.md").write_text(old + "People we support came.\n", encoding="utf-8")
    git(work, "add", "news.md")
    (work / "news.md").write_text(old + "People we support came.\n" + unstaged, encoding="utf-8")
    passed = run_hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert (work / "news.md").read_text(encoding="utf-8").endswith(unstaged)  # restored

    (work / "news.md").write_text(old + "We met hard to reach families.\n", encoding="utf-8")
    git(work, "add", "news.md")
    (work / "news.md").write_text(
        old + "We met hard to reach families.\n" + unstaged, encoding="utf-8"
    )
    failed = run_hook()
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "news.md:4:8" in output and "[hard-to-reach]" in output
    assert "service-user" not in output and "Addicts" not in output
    assert len(list(pre_commit_home.glob("repo*"))) == 1  # the same environment as try-repo
