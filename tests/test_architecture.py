"""docs/architecture.md matches the tree: every module it names exists, and every module and
package of ``src/plainwords`` is named in it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "plainwords"
PAGE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
# Module names in backticks (`engine.py`, `readers/`), leaving out paths of the repository itself.
NAMED = {
    name
    for name in re.findall(r"`([\w/]+(?:\.py|/))`", PAGE)
    if not name.startswith(("src/", "tests/"))
}


def test_every_module_named_exists():
    missing = []
    for name in NAMED:
        if name.endswith("/"):
            found = (PACKAGE / name).is_dir()
        elif "/" in name:
            found = (PACKAGE / name).is_file()
        else:
            found = any(PACKAGE.rglob(name))
        if not found:
            missing.append(name)
    assert missing == [], f"docs/architecture.md names modules that do not exist: {missing}"


def test_every_module_and_package_is_named():
    modules = {p.name for p in PACKAGE.glob("*.py")}
    packages = {f"{p.name}/" for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    unnamed = sorted((modules | packages) - NAMED)
    assert unnamed == [], f"add these to docs/architecture.md: {unnamed}"
