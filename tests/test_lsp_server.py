"""End to end: ``plainwords lsp`` in a subprocess, driven by pytest-lsp's client as an editor
drives it (initialize, open, diagnostics, hover, code actions, change, settings, shutdown).

One server serves the module (starting one takes a second or two); every test opens its own
buffer.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed (pip install -e '.[test]')")

import pytest_lsp  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = [sys.executable, "-m", "plainwords", "lsp"]


def recording_client() -> LanguageClient:
    """pytest-lsp's client, keeping every ``publishDiagnostics`` with its version (the stock
    client keeps only the last list per buffer)."""
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, default_converter, register_lsp_features

    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.registrations = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.published.append(params)
        client.diagnostics[params.uri] = params.diagnostics

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    register_lsp_features(
        client,
        {
            **DEFAULT_CLIENT_FEATURES,
            types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
            types.CLIENT_REGISTER_CAPABILITY: register,
        },
    )
    return client


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client(lsp_client: LanguageClient, folder: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=folder.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="workspace")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def diagnostics_for(client: LanguageClient, uri: str, version: int, timeout: float = 10):
    """The diagnostics published for ``uri`` at ``version``, waiting for them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for params in client.published:
            if params.uri == uri and params.version == version:
                return params.diagnostics
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} version {version} within {timeout} s")


def open_buffer(client: LanguageClient, uri: str, text: str, language: str = "markdown") -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )


async def test_the_issue_scenario(client: LanguageClient, folder: Path):
    uri = (folder / "notes.md").as_uri()
    open_buffer(client, uri, "Our service users met.")
    [found] = await diagnostics_for(client, uri, 1)
    assert (found.range.start.line, found.range.start.character) == (0, 4)
    assert (found.range.end.line, found.range.end.character) == (0, 17)
    assert found.source == "plainwords"
    assert found.code == "service-user"
    assert found.code_description.href.startswith("https://")
    assert found.severity == types.DiagnosticSeverity.Warning
    assert "service users" in found.message

    shown = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 8))
    )
    assert shown.contents.kind == types.MarkupKind.Markdown
    assert "service-user" in shown.contents.value and "Source: [" in shown.contents.value
    assert (shown.range.start.character, shown.range.end.character) == (4, 17)

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=found.range,
            context=types.CodeActionContext(diagnostics=[found]),
        )
    )
    fixes = [a for a in actions if a.title.startswith("Replace with")]
    assert fixes
    [edit] = fixes[0].edit.changes[uri]
    assert edit.range == found.range
    assert edit.new_text.lower() != "service users"

    started = time.monotonic()
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangeWholeDocument(text="Our members met.")],
        )
    )
    assert list(await diagnostics_for(client, uri, 2, timeout=1)) == []
    assert time.monotonic() - started < 1
