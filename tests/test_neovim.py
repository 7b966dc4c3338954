"""End to end in a real editor: headless Neovim's built-in LSP client starts ``plainwords lsp``,
opens a Markdown file and reads back the diagnostics it shows, as a writer would see them.

Needs Debian's ``neovim`` (``.ci/editor-deps.sh`` installs it) and the ``lsp`` extra. In CI
(``CI=true``) a missing Neovim is a failure; elsewhere this test is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from system_tools import require

NVIM = os.environ.get("PLAINWORDS_NVIM") or shutil.which("nvim") or "/usr/bin/nvim"

# Starts the server for the current buffer (vim.lsp.start from Neovim 0.8; start_client and
# buf_attach_client before it), waits for diagnostics, and writes them out as JSON.
SCRIPT = r"""
local config = {
  name = "plainwords",
  cmd = vim.fn.json_decode(vim.env.PLAINWORDS_LSP_CMD),
  root_dir = vim.fn.getcwd(),
}
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config)
else
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(0, client_id)
end
vim.wait(30000, function() return #vim.diagnostic.get(0) >= 2 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(found, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, message = d.message, source = d.source,
    code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code,
  })
end
vim.fn.writefile({vim.fn.json_encode(found)}, vim.env.PLAINWORDS_OUT)
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd("qa!")
"""

TEXT = "# Notes\n\nOur service users met.\nHi 👋 to our service users.\n"


def _missing() -> str | None:
    try:
        import pygls  # noqa: F401
    except ImportError:
        return "the lsp extra is not installed (pip install -e '.[test]')"
    if not os.path.exists(NVIM):
        return f"{NVIM} is not installed (run .ci/editor-deps.sh)"
    return None


def test_neovim_shows_the_diagnostics(tmp_path: Path):
    require(_missing(), "Neovim")
    (tmp_path / "notes.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "script.lua").write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    env = {
        **os.environ,
        "PLAINWORDS_LSP_CMD": json.dumps([sys.executable, "-m", "plainwords", "lsp"]),
        "PLAINWORDS_OUT": str(out),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    subprocess.run(
        [NVIM, "--headless", "--clean", "notes.md", "-c", "luafile script.lua"],
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    found = sorted(json.loads(out.read_text(encoding="utf-8")), key=lambda d: d["lnum"])
    # Neovim keeps columns in bytes: "Hi 👋 to our " is 15 bytes (the emoji is four).
    assert [(d["lnum"], d["col"], d["end_lnum"], d["end_col"]) for d in found] == [
        (2, 4, 2, 17),
        (3, 15, 3, 28),
    ]
    assert {(d["source"], d["code"]) for d in found} == {("plainwords", "service-user")}
    assert all(d["severity"] == 2 for d in found)  # vim.diagnostic.severity.WARN
    assert "service users" in found[0]["message"]
