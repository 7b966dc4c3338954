"""The language server: protocol messages in, diagnostics, hovers and code actions out.

One linter per configuration, built on first use and kept warm; every check runs on one worker
thread (the pipeline is never used by two threads at once), so the event loop stays free to take
the next keystroke. Changes are checked after a pause in typing (``DEBOUNCE``); a result is
published only if the buffer is still at the version that was checked, so the client never sees
diagnostics for text it no longer has. A configuration or lexicon file that changes (saved in the
editor or reported by ``workspace/didChangeWatchedFiles``) drops every project, and every open
buffer is checked again.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from plainwords import __version__
from plainwords.document import Document
from plainwords.findings import Finding
from plainwords.lsp.actions import KINDS, Context, code_actions
from plainwords.lsp.diagnostics import diagnostic, hover
from plainwords.lsp.positions import Positions
from plainwords.lsp.project import (
    ClientSettings,
    Project,
    ProjectError,
    buffer_path,
    check,
    config_path,
    file_of,
    is_settings_file,
    load_project,
    reader_kind,
)

DEBOUNCE = 0.3  # seconds without a change before a changed buffer is checked
WATCHED = [
    "**/.plainwords.toml",
    "**/.plainwords.yaml",
    "**/.plainwords.yml",
    "**/pyproject.toml",
    "**/*.yaml",
    "**/*.yml",
]


@dataclass(frozen=True)
class Checked:
    """A buffer's findings at one version, under one generation of the configuration."""

    version: int | None
    generation: int
    text: str
    document: Document | None
    findings: tuple[Finding, ...]
    project: Project | None
    path: str
    kind: str | None = None  # the reader, where the path's extension does not choose one


class PlainwordsServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "plainwords", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.settings = ClientSettings()
        self.generation = 0
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.engine = ThreadPoolExecutor(max_workers=1, thread_name_prefix="plainwords")
        # Touched only on the engine thread: loaded projects (or why they failed), by config file.
        self._projects: dict[Path | None, Project | ProjectError] = {}
        self._reported: set[str] = set()

    # --- where things are -----------------------------------------------------------------

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding or "utf-16"
        return str(getattr(encoding, "value", encoding))

    def root(self) -> Path:
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    # --- checking (on the engine thread) --------------------------------------------------

    def _project(self, uri: str) -> Project:
        file = file_of(uri)
        folder = file.parent if file is not None else self.root()
        key = config_path(folder)
        if key not in self._projects:
            try:
                self._projects[key] = load_project(key, folder if key is None else key.parent)
            except ProjectError as error:
                self._projects[key] = error
        found = self._projects[key]
        if isinstance(found, ProjectError):
            raise found
        return found

    def _check(self, uri: str, text: str, version: int | None, language: str | None) -> Checked:
        generation = self.generation
        try:
            project = self._project(uri)
        except ProjectError as error:
            self._report(str(error))
            return Checked(version, generation, text, None, (), None, "")
        path = buffer_path(file_of(uri), project.root, uri.rsplit("/", 1)[-1])
        kind = reader_kind(path, language)
        document, findings = check(project, path, text, kind)
        return Checked(version, generation, text, document, tuple(findings), project, path, kind)

    def _report(self, message: str) -> None:
        if message not in self._reported:
            self._reported.add(message)
            self.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"plainwords: {message}")
            )

    async def findings(self, uri: str) -> Checked | None:
        """The buffer's findings at its current version, checked now if not already."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        done = self.checked.get(uri)
        if done and done.version == document.version and done.generation == self.generation:
            return done
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(
            self.engine, self._check, uri, document.source, document.version, document.language_id
        )
        latest = self.checked.get(uri)
        if latest is None or (result.version or 0) >= (latest.version or 0):
            self.checked[uri] = result
        return result

    # --- publishing -----------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check and publish after ``delay``; a later call for the buffer replaces this one."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._publish_after(uri, delay))

    async def _publish_after(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        checked = await self.findings(uri)
        current = self.workspace.text_documents.get(uri)
        if checked is None or current is None or current.version != checked.version:
            return  # closed, or changed since: the newer version's own check publishes
        if checked.generation != self.generation:
            return
        self.publish(uri, checked)

    def publish(self, uri: str, checked: Checked) -> None:
        positions = Positions(checked.text, self.encoding)
        shown = self.settings.shown(checked.findings)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=checked.version,
                diagnostics=[diagnostic(f, positions) for f in shown],
            )
        )

    def close(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def recheck_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    async def reload(self) -> None:
        """Forget every project (their files changed) and check every open buffer again."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self.engine, self._forget)
        self.generation += 1
        self.recheck_all()

    def _forget(self) -> None:
        self._projects.clear()
        self._reported.clear()

    def affects_projects(self, path: Path) -> bool:
        if is_settings_file(path):
            return True
        resolved = path.resolve()
        projects = list(self._projects.values())
        return any(isinstance(p, Project) and resolved in p.watched for p in projects)

    # --- client settings ------------------------------------------------------------------

    async def fetch_settings(self, pushed: Any = None) -> None:
        """The client's ``plainwords`` settings: asked for where the client answers
        ``workspace/configuration``, else taken from what it pushed."""
        raw = pushed.get("plainwords") if isinstance(pushed, dict) else None
        if get_capability(self.client_capabilities, "workspace.configuration", False):
            answer = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section="plainwords")])
            )
            raw = answer[0] if answer else None
        settings, problems = ClientSettings.from_client(raw)
        for problem in problems:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Warning, problem))
        if settings != self.settings:
            self.settings = settings
            self.recheck_all()

    async def watch_files(self) -> None:
        if not get_capability(
            self.client_capabilities,
            "workspace.did_change_watched_files.dynamic_registration",
            False,
        ):
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
        )
        registration = types.Registration(
            id="plainwords-settings-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        try:
            await self.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )
        except Exception as error:  # noqa: BLE001 - a client that refuses still gets diagnostics
            self.window_log_message(
                types.LogMessageParams(
                    types.MessageType.Warning,
                    f"plainwords: cannot watch configuration files ({error}); "
                    "changes to them apply when saved in the editor",
                )
            )

    # --- hover and actions ----------------------------------------------------------------

    async def hover_at(self, uri: str, position: types.Position) -> types.Hover | None:
        checked = await self.findings(uri)
        if checked is None:
            return None
        positions = Positions(checked.text, self.encoding)
        offset = positions.offset(position.line, position.character)
        for finding in self.settings.shown(checked.findings):
            if finding.start <= offset < finding.end:
                return hover(finding, positions)
        return None

    async def actions_for(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = await self.findings(uri)
        if checked is None or checked.project is None or checked.document is None:
            return []
        positions = Positions(checked.text, self.encoding)
        start = positions.offset(params.range.start.line, params.range.start.character)
        end = positions.offset(params.range.end.line, params.range.end.character)
        project, path, kind = checked.project, checked.path, checked.kind
        config_file = Path(project.config.path) if project.config.path else None
        context = Context(
            uri=uri,
            document=checked.document,
            findings=self.settings.shown(checked.findings),
            positions=positions,
            check=lambda text: check(project, path, text, kind)[1],
            config_file=config_file,
            config_text=self._text_of(config_file) if config_file else None,
            root=project.root,
            uri_of=lambda p: from_fs_path(str(p)) or p.as_uri(),
            can_create_files=self._can_create_files(),
        )
        only = [str(getattr(k, "value", k)) for k in (params.context.only or [])]
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.engine, code_actions, context, start, end, only)

    def _text_of(self, path: Path) -> str | None:
        """A file's text as the editor has it if open there, else as saved."""
        for uri, document in self.workspace.text_documents.items():
            if file_of(uri) == path:
                return document.source
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None

    def _can_create_files(self) -> bool:
        edit = get_capability(self.client_capabilities, "workspace.workspace_edit", None)
        if edit is None or not edit.document_changes:
            return False
        return types.ResourceOperationKind.Create in (edit.resource_operations or [])


def make_server() -> PlainwordsServer:
    server = PlainwordsServer()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: PlainwordsServer, params: types.InitializedParams) -> None:
        await ls.fetch_settings()
        await ls.watch_files()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlainwordsServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PlainwordsServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: PlainwordsServer, params: types.DidSaveTextDocumentParams) -> None:
        file = file_of(params.text_document.uri)
        if file is not None and ls.affects_projects(file):
            await ls.reload()
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlainwordsServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched(ls: PlainwordsServer, params: types.DidChangeWatchedFilesParams) -> None:
        files = [file_of(change.uri) for change in params.changes]
        if any(file is not None and ls.affects_projects(file) for file in files):
            await ls.reload()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def configuration(
        ls: PlainwordsServer, params: types.DidChangeConfigurationParams
    ) -> None:
        await ls.fetch_settings(params.settings)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: PlainwordsServer, params: types.HoverParams) -> types.Hover | None:
        return await ls.hover_at(params.text_document.uri, params.position)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=KINDS)
    )
    async def on_code_action(
        ls: PlainwordsServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        return await ls.actions_for(params)

    return server


def serve() -> None:
    """Speak the protocol on standard input and output until the client says exit."""
    server = make_server()
    try:
        server.start_io()
    finally:
        server.engine.shutdown(wait=False, cancel_futures=True)
