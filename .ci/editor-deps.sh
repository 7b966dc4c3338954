#!/usr/bin/env bash
# What the editor test (tests/test_neovim.py) needs besides the Python test extra: Debian's
# Neovim, whose built-in LSP client drives `plainwords lsp`.
# Idempotent: does nothing when nvim is already installed.
set -euo pipefail
exec bash "$(dirname "$0")/debian-package.sh" nvim neovim
