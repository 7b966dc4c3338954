#!/usr/bin/env bash
# What the browser tests (tests/test_browser.py) need besides the Python test extra: Debian's
# Chromium. Playwright drives it via executable_path; `playwright install` is never run.
# Idempotent: does nothing when chromium is already installed.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium
command -v chromium >/dev/null 2>&1 || { echo "browser-deps: chromium did not install" >&2; exit 1; }
