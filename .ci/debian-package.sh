#!/usr/bin/env bash
# Install a Debian package for a program the tests drive, unless the program is already there:
#   bash .ci/debian-package.sh PROGRAM PACKAGE
# Used by browser-deps.sh (Chromium) and editor-deps.sh (Neovim).
set -euo pipefail
program="$1"
package="$2"
if command -v "$program" >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$package"
command -v "$program" >/dev/null 2>&1 || { echo "$package did not install $program" >&2; exit 1; }
