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

from plainwords.lexicon import load_lexicon  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = [sys.executable, "-m", "plainwords", "lsp"]
SERVICE_USER = load_lexicon(["stigma"]).get("service-user")


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


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=SERVER, client_factory=recording_client),
)
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
    assert "**Advice:** the person's name" in shown.contents.value  # advice, not a quick fix
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
    assert edit.new_text == SERVICE_USER.alternatives[0]
    # "the person's name" says what to write; it is not words to paste.
    assert [a.title for a in fixes] == [
        f"Replace with “{alternative}”"
        for alternative in SERVICE_USER.alternatives
        if alternative != "the person's name"
    ]
    assert not any("person's name" in a.title for a in actions)

    started = time.monotonic()
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangeWholeDocument(text="Our members met.")],
        )
    )
    assert list(await diagnostics_for(client, uri, 2, timeout=1)) == []
    assert time.monotonic() - started < 1


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def actions_at(client, uri, found, only=None) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=found.range,
            context=types.CodeActionContext(diagnostics=[found], only=only),
        )
    )


def edited(text: str, edits: list[types.TextEdit]) -> str:
    """Apply text edits as a client would (UTF-16 positions, the whole buffer)."""
    from plainwords.lsp.positions import Positions

    positions = Positions(text)
    spans = [
        (
            positions.offset(e.range.start.line, e.range.start.character),
            positions.offset(e.range.end.line, e.range.end.character),
            e.new_text,
        )
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


async def test_a_range_after_an_emoji_is_in_utf16_units(client, folder):
    uri = (folder / "emoji.md").as_uri()
    open_buffer(client, uri, "Hi 👋 to our service users.\n")
    [found] = await diagnostics_for(client, uri, 1)
    # "Hi 👋 to our " is 12 code points and 13 UTF-16 units: the emoji is two.
    assert (found.range.start.character, found.range.end.character) == (13, 26)


async def test_typing_fast_publishes_only_the_latest_version(client, folder):
    uri = (folder / "typing.md").as_uri()
    open_buffer(client, uri, "Hello.\n")
    assert list(await diagnostics_for(client, uri, 1)) == []
    for version, text in enumerate(["Our serv", "Our service users", "Our service users met"], 2):
        change(client, uri, version, text)
        await asyncio.sleep(0.05)
    [found] = await diagnostics_for(client, uri, 4)
    assert found.code == "service-user"
    await asyncio.sleep(0.5)
    versions = [p.version for p in client.published if p.uri == uri]
    assert versions == [1, 4]  # the versions typed over were never checked, let alone published


async def test_each_kind_of_code_action(client, folder):
    project = folder / "project"
    project.mkdir()
    (project / ".plainwords.toml").write_text('fail_on = "error"\n', encoding="utf-8")
    uri = (project / "guide.md").as_uri()
    text = "# Guide\n\nWe help our service users\nand utilise the hub.\n"
    open_buffer(client, uri, text)
    found = [d for d in await diagnostics_for(client, uri, 1) if d.code == "service-user"][0]
    titles = {a.title: a for a in await actions_at(client, uri, found)}

    here = titles["Disable service-user here"]
    assert edited(text, here.edit.changes[uri]).splitlines()[2] == (
        "We help our service users <!-- plainwords-disable-line service-user -->"
    )
    everywhere = titles["Disable service-user in this project (.plainwords.toml)"]
    config_uri = (project / ".plainwords.toml").as_uri()
    assert edited('fail_on = "error"\n', everywhere.edit.changes[config_uri]) == (
        'fail_on = "error"\ndisable = ["service-user"]\n'
    )

    [fix_all] = await actions_at(client, uri, found, only=[types.CodeActionKind.SourceFixAll])
    assert fix_all.kind == types.CodeActionKind.SourceFixAll
    fixed = edited(text, fix_all.edit.changes[uri])
    assert "utilise" not in fixed and "service users" in fixed  # only the swaps fix would make


async def test_a_changed_configuration_is_read_again(client, folder):
    project = folder / "reloads"
    project.mkdir()
    uri = (project / "a.md").as_uri()
    open_buffer(client, uri, "Our service users met.\n")
    [found] = await diagnostics_for(client, uri, 1)
    assert found.code == "service-user"
    config = project / ".plainwords.toml"
    config.write_text('disable = ["service-user"]\n', encoding="utf-8")
    published = len(client.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    deadline = time.monotonic() + 10
    while not [p for p in client.published[published:] if p.uri == uri]:
        assert time.monotonic() < deadline, "no diagnostics after the configuration changed"
        await asyncio.sleep(0.02)
    assert list([p for p in client.published[published:] if p.uri == uri][-1].diagnostics) == []


async def test_a_mention_is_a_hint_that_says_so(client, folder):
    project = folder / "mentions"
    project.mkdir()
    (project / ".plainwords.toml").write_text("include_mentions = true\n", encoding="utf-8")
    uri = (project / "a.md").as_uri()
    open_buffer(client, uri, 'We no longer say "service users".\n')
    [found] = await diagnostics_for(client, uri, 1)
    assert found.severity == types.DiagnosticSeverity.Hint
    assert found.message.startswith("Mention of")


async def test_the_clients_settings_choose_what_is_shown(client, folder):
    uri = (folder / "settings.md").as_uri()
    text = "Our service users utilise the hub going forward.\n"
    open_buffer(client, uri, text)
    everything = await diagnostics_for(client, uri, 1)
    assert {d.data["category"] for d in everything} == {"stigma", "jargon"}
    published = len(client.published)
    client.set_configuration({"categories": ["stigma"]}, section="plainwords")
    try:
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
        deadline = time.monotonic() + 10
        while not [p for p in client.published[published:] if p.uri == uri]:
            assert time.monotonic() < deadline, "no diagnostics after the settings changed"
            await asyncio.sleep(0.02)
        latest = [p for p in client.published[published:] if p.uri == uri][-1]
        assert latest.diagnostics and {d.data["category"] for d in latest.diagnostics} == {"stigma"}
    finally:
        client.set_configuration({}, section="plainwords")
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))


async def test_closing_a_buffer_clears_its_diagnostics(client, folder):
    uri = (folder / "closed.md").as_uri()
    open_buffer(client, uri, "Our service users met.\n")
    assert await diagnostics_for(client, uri, 1)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    deadline = time.monotonic() + 5
    while client.diagnostics.get(uri):
        assert time.monotonic() < deadline
        await asyncio.sleep(0.02)


async def test_utf8_when_the_client_offers_it_and_exit_ends_the_process(folder):
    config = ClientServerConfig(server_command=SERVER, client_factory=recording_client)
    client = await config.start()
    try:
        result = await client.initialize_session(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(
                    general=types.GeneralClientCapabilities(
                        position_encodings=[
                            types.PositionEncodingKind.Utf8,
                            types.PositionEncodingKind.Utf16,
                        ]
                    )
                ),
                root_uri=folder.as_uri(),
            )
        )
        assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
        uri = (folder / "utf8.md").as_uri()
        open_buffer(client, uri, "Hi 👋 to our service users.\n")
        [found] = await diagnostics_for(client, uri, 1)
        before = len("Hi 👋 to our ".encode())
        assert (found.range.start.character, found.range.end.character) == (before, before + 13)
        await asyncio.wait_for(client.shutdown_session(), timeout=10)
        assert client._server.returncode == 0
    finally:
        await client.stop()


async def test_a_configuration_saved_in_the_editor_is_read_again(client, folder):
    project = folder / "saved"
    project.mkdir()
    config = project / ".plainwords.toml"
    config.write_text('fail_on = "error"\n', encoding="utf-8")
    uri = (project / "a.md").as_uri()
    open_buffer(client, uri, "Our service users met.\n")
    assert await diagnostics_for(client, uri, 1)
    open_buffer(client, config.as_uri(), config.read_text(encoding="utf-8"), language="toml")
    config.write_text('disable = ["service-user"]\n', encoding="utf-8")
    published = len(client.published)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri()))
    )
    deadline = time.monotonic() + 10
    while not [p for p in client.published[published:] if p.uri == uri]:
        assert time.monotonic() < deadline, "no diagnostics after the configuration was saved"
        await asyncio.sleep(0.02)
    assert list([p for p in client.published[published:] if p.uri == uri][-1].diagnostics) == []


async def test_the_server_asks_to_hear_of_configuration_and_lexicon_files(client):
    [registration] = [
        r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    ]
    globs = {w["globPattern"] for w in registration.register_options["watchers"]}
    assert {"**/.plainwords.toml", "**/pyproject.toml", "**/*.yaml"} <= globs


async def test_a_broken_configuration_is_one_message_and_no_diagnostics(client, folder):
    project = folder / "broken"
    project.mkdir()
    (project / ".plainwords.toml").write_text("disable = 3\n", encoding="utf-8")
    for number in (1, 2):
        uri = (project / f"{number}.md").as_uri()
        open_buffer(client, uri, "Our service users met.\n")
        assert list(await diagnostics_for(client, uri, 1)) == []
    shown = [m.message for m in client.messages if "broken" in m.message]
    assert len(shown) == 1 and "\n" not in shown[0]
    assert shown[0].startswith("plainwords: ") and "disable" in shown[0]
