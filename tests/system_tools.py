"""Tests that need a program from the system (Chromium, Neovim), installed in CI by the scripts
in ``.ci/``: there a missing program fails the run, because a green run must mean those tests ran;
elsewhere the tests skip, saying what to install."""

from __future__ import annotations

import os

import pytest


def require(reason: str | None, what: str, environ=os.environ) -> None:
    """Carry on when ``reason`` is ``None``; else fail in CI (``CI=true``) or skip."""
    if reason is None:
        return
    if environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{what} tests cannot run in CI: {reason}")
    pytest.skip(reason)
