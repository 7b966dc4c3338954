#!/usr/bin/env bash
# What the editor test (tests/test_neovim.py) needs besides the Python test extra: Debian's
# Neovim, whose built-in LSP client drives `plainwords lsp`.
# Idempotent: does nothing when nvim is already installed.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends neovim
command -v nvim >/dev/null 2>&1 || { echo "editor-deps: neovim did not install" >&2; exit 1; }
