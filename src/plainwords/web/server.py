"""The workshop page's server: the standard library's threading HTTP server, nothing more.

It serves one page, its static files and three JSON endpoints over the same linter the CLI uses:
``POST /api/check`` and ``POST /api/fix`` take ``{"text": …}``; ``GET /api/lexicon`` lists the
entries. It is built to be safe on a trainer's laptop: loopback by default, a request size limit,
JSON only (so a web page elsewhere cannot post a form to it), a Host check against DNS rebinding,
and a strict Content-Security-Policy on every response.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from plainwords import __version__
from plainwords.engine import Linter
from plainwords.explanations import entry_dict
from plainwords.findings import Finding
from plainwords.fix import Change, fix_document
from plainwords.readers import read_text
from plainwords.web.report import asset

PAGE = "<page>"  # the path the page's text is checked under
MAX_BODY = 1_000_000  # bytes of request body; a workshop paragraph is a few kilobytes
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_STATIC = {
    "/static/plainwords.css": ("static/plainwords.css", "text/css; charset=utf-8"),
    "/static/plainwords.js": ("static/plainwords.js", "text/javascript; charset=utf-8"),
    "/static/serve.js": ("static/serve.js", "text/javascript; charset=utf-8"),
}


def utf16_offsets(text: str, offsets: list[int]) -> dict[int, int]:
    """Python string offsets (code points) as JavaScript string offsets (UTF-16 code units)."""
    result = {}
    for offset in sorted(set(offsets)):
        result[offset] = len(text[:offset].encode("utf-16-le", "surrogatepass")) // 2
    return result


def finding_json(finding: Finding, offsets: dict[int, int]) -> dict[str, Any]:
    data = finding.to_dict()
    data.pop("path", None)
    data["start"], data["end"] = offsets[finding.start], offsets[finding.end]
    data["fix_start"], data["fix_end"] = offsets[finding.fix_start], offsets[finding.fix_end]
    data["autofix"] = finding.entry.autofix
    return data


def change_json(change: Change) -> dict[str, Any]:
    """A fix made, for the page: where it was (in the text sent), what was there, what replaced it."""
    return {
        "start": change.start,
        "end": change.end,
        "before": change.before,
        "after": change.after,
        "rule": change.rule,
    }


class Workshop:
    """What the handlers share: the linter (one at a time: a spaCy pipeline is not made for
    concurrent calls) and the lexicon as JSON, made once."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self.lock = threading.Lock()
        self.lexicon_json = json.dumps(
            {"entries": [entry_dict(e) for e in linter.lexicon]}, ensure_ascii=False
        ).encode("utf-8")

    def findings(self, text: str) -> list[Finding]:
        with self.lock:
            return self.linter.check_text(text, PAGE)

    def check(self, text: str) -> dict[str, Any]:
        findings = self.findings(text)
        offsets = utf16_offsets(
            text, [o for f in findings for o in (f.start, f.end, f.fix_start, f.fix_end)]
        )
        return {
            "findings": [finding_json(f, offsets) for f in findings],
            "summary": {
                "findings": len(findings),
                "by_category": dict(Counter(f.category for f in findings).most_common()),
            },
        }

    def fix(self, text: str) -> dict[str, Any]:
        """Apply the safe fixes ``plainwords fix`` would make, then check the result again."""
        document = read_text(PAGE, text)
        with self.lock:
            findings = self.linter.check(document)
            fixed = fix_document(document, findings, self.linter.check)
        applied = [change_json(c) for c in fixed.changes]
        return {"text": fixed.text, "applied": applied, **self.check(fixed.text)}


class Handler(BaseHTTPRequestHandler):
    server: WorkshopServer
    server_version = f"plainwords/{__version__}"
    sys_version = ""

    # -- responses ------------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str, *, cache: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.send_header("Cache-Control", "max-age=300" if cache else "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(
            status,
            json.dumps(data, ensure_ascii=False).encode("utf-8"),
            "application/json; charset=utf-8",
        )

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._json(status, {"error": message})

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if self.server.verbose:
            super().log_message(format, *args)

    # -- checks ---------------------------------------------------------------------------------
    def _host_ok(self) -> bool:
        """On loopback, only answer requests addressed to loopback (defeats DNS rebinding)."""
        if self.server.bound_host not in LOOPBACK:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        return name.strip("[]") in LOOPBACK

    def _read_json(self) -> dict[str, Any] | None:
        """The request's JSON object, or ``None`` after sending the error response."""
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send JSON with Content-Type: application/json"
            )
            return None
        length_header = self.headers.get("Content-Length")
        if length_header is None or not length_header.isdigit():
            self._error(HTTPStatus.LENGTH_REQUIRED, "Content-Length is required")
            return None
        length = int(length_header)
        if length > self.server.max_body:
            self.close_connection = True
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the text is larger than {self.server.max_body // 1000} kB",
            )
            return None
        try:
            data = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._error(HTTPStatus.BAD_REQUEST, "the body is not valid JSON")
            return None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            self._error(HTTPStatus.BAD_REQUEST, 'send {"text": "…"}')
            return None
        return data

    # -- routes ---------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if not self._host_ok():
            return self._error(HTTPStatus.MISDIRECTED_REQUEST, "unexpected Host header")
        path = self.path.split("?", 1)[0]
        if path in ("/", "/index.html"):
            return self._send(HTTPStatus.OK, self.server.page, "text/html; charset=utf-8")
        if path in _STATIC:
            name, content_type = _STATIC[path]
            return self._send(HTTPStatus.OK, asset(name).encode("utf-8"), content_type, cache=True)
        if path == "/api/lexicon":
            return self._send(
                HTTPStatus.OK, self.server.workshop.lexicon_json, "application/json; charset=utf-8"
            )
        if path in ("/api/check", "/api/fix"):
            return self._error(HTTPStatus.METHOD_NOT_ALLOWED, "use POST")
        return self._error(HTTPStatus.NOT_FOUND, "not found")

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802 - the base class's name
        if not self._host_ok():
            return self._error(HTTPStatus.MISDIRECTED_REQUEST, "unexpected Host header")
        path = self.path.split("?", 1)[0]
        if path not in ("/api/check", "/api/fix"):
            return self._error(HTTPStatus.NOT_FOUND, "not found")
        data = self._read_json()
        if data is None:
            return None
        workshop = self.server.workshop
        try:
            result = (
                workshop.check(data["text"]) if path == "/api/check" else workshop.fix(data["text"])
            )
        except Exception as error:  # noqa: BLE001 - a bug must not leave the page waiting forever
            self.log_error("internal error: %s: %s", type(error).__name__, error)
            return self._error(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                "internal error; see the terminal running plainwords",
            )
        return self._json(HTTPStatus.OK, result)


class WorkshopServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        workshop: Workshop,
        *,
        max_body: int = MAX_BODY,
        verbose: bool = False,
    ) -> None:
        self.workshop = workshop
        self.max_body = max_body
        self.verbose = verbose
        self.bound_host = address[0]
        self.page = asset("templates/serve.html").replace("$version", __version__).encode("utf-8")
        if ":" in address[0]:
            import socket

            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host = self.bound_host
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.server_address[1]}/"


def make_server(
    linter: Linter, host: str = "127.0.0.1", port: int = 0, **options: Any
) -> WorkshopServer:
    """A server ready to ``serve_forever``; port 0 picks a free port (see ``server.url``)."""
    return WorkshopServer((host, port), Workshop(linter), **options)
