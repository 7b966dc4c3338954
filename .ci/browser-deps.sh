#!/usr/bin/env bash
# What the browser tests (tests/test_browser.py) need besides the Python test extra: Debian's
# Chromium. Playwright drives it via executable_path; `playwright install` is never run.
# Idempotent: does nothing when chromium is already installed.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
exec bash "$(dirname "$0")/debian-package.sh" chromium chromium
