"""The workshop page's server: the standard library's threading HTTP server, nothing more.

It serves one page, its static files and three JSON endpoints over the same linter the CLI uses:
``POST /api/check`` and ``POST /api/fix`` take ``{"text": …}``; ``GET /api/lexicon`` lists the
entries. It is built to be safe on a trainer's laptop: loopback by default, a request size limit,
JSON only (so a web page elsewhere cannot post a form to it), a Host check against DNS rebinding,
and a strict Content-Security-Policy on every response.

It also stays up whatever a client sends: a body that is not the JSON asked for (nested ten
thousand deep, a lone surrogate in the text) is a 400 with a JSON error; an idle or slow client
is cut off after ``TIMEOUT`` seconds; at most ``MAX_CONCURRENT`` requests are served at once (the
rest get a 503 at once, not a thread each); and every method, supported or not, gets the Host
check and the security headers (405 with ``Allow`` for the ones it does not support).
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
import traceback
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
TIMEOUT = 20.0  # seconds a connection may wait for the client between reads
MAX_CONCURRENT = 16  # requests served at once; a workshop room is a few dozen people
BACKLOG = 64  # connections the system queues before the server accepts them
_ALLOWED = "GET, HEAD, POST"
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
    timeout = TIMEOUT  # each read from the client; an idle keep-alive connection ends too

    # -- responses ------------------------------------------------------------------------------
    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        *,
        cache: bool = False,
        allow: str | None = None,
    ) -> None:
        self.send_response(status)
        if allow:
            self.send_header("Allow", allow)
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

    def _error(self, status: int, message: str, *, allow: str | None = None) -> None:
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8", allow=allow)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The base class's own errors (a malformed request line, headers too long) as JSON with
        the security headers, like every other response."""
        self.close_connection = True
        if self.request_version == "HTTP/0.9":  # a request line too broken to say its version
            self.request_version = "HTTP/1.0"
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "error"
        with contextlib.suppress(OSError):  # the client has gone
            self._error(code, (message or phrase).lower())

    def __getattr__(self, name: str) -> Any:
        # ``do_PUT``, ``do_OPTIONS``, any method at all: the same checks and headers, then 405.
        if name.startswith("do_"):
            return self._not_allowed
        raise AttributeError(name)

    def _not_allowed(self) -> None:
        if not self._host_ok():
            return self._error(HTTPStatus.MISDIRECTED_REQUEST, "unexpected Host header")
        self.close_connection = True
        return self._error(
            HTTPStatus.METHOD_NOT_ALLOWED, f"use {_ALLOWED.replace(', ', ' or ')}", allow=_ALLOWED
        )

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
            body = self.rfile.read(length)
        except OSError:  # the client stopped sending (TIMEOUT) or went away
            self.close_connection = True
            return None
        if len(body) < length:
            self.close_connection = True
            self._error(HTTPStatus.BAD_REQUEST, "the body is shorter than its Content-Length")
            return None
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self._error(HTTPStatus.BAD_REQUEST, "the body is not valid JSON")
            return None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            self._error(HTTPStatus.BAD_REQUEST, 'send {"text": "…"}')
            return None
        try:
            data["text"].encode("utf-8")
        except UnicodeEncodeError:
            self._error(HTTPStatus.BAD_REQUEST, "the text holds a lone surrogate (\\ud800-\\udfff)")
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
            return self._error(HTTPStatus.METHOD_NOT_ALLOWED, "use POST", allow="POST")
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
    request_queue_size = BACKLOG

    def __init__(
        self,
        address: tuple[str, int],
        workshop: Workshop,
        *,
        max_body: int = MAX_BODY,
        max_concurrent: int = MAX_CONCURRENT,
        verbose: bool = False,
    ) -> None:
        self.workshop = workshop
        self.max_body = max_body
        self.slots = threading.BoundedSemaphore(max_concurrent)
        self.verbose = verbose
        self.bound_host = address[0]
        self.page = asset("templates/serve.html").replace("$version", __version__).encode("utf-8")
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)

    def process_request(self, request, client_address) -> None:
        """A thread for the request while fewer than ``max_concurrent`` are being served; past
        that, a 503 at once (a flood of connections cannot pile up threads)."""
        if not self.slots.acquire(blocking=False):
            self._refuse(request)
            return
        try:
            super().process_request(request, client_address)
        except RuntimeError:  # no thread could be started; once one is, it gives the slot back
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request, client_address) -> None:
        """A client that goes away mid-answer (a closed tab, a dropped link) is nothing to
        report, where ``socketserver`` prints a traceback for it; anything else is one line on
        stderr, with the traceback under --verbose. The server keeps serving either way."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        print(
            f"plainwords serve: a request from {client_address[0]} failed ({error!r}); "
            "the server is still running"
            + ("" if self.verbose else "; run with --verbose for the details"),
            file=sys.stderr,
        )
        if self.verbose:
            traceback.print_exc()

    def _refuse(self, request: socket.socket) -> None:
        body = b'{"error": "too many requests at once; try again in a moment"}'
        head = [
            "HTTP/1.0 503 Service Unavailable",
            "Content-Type: application/json; charset=utf-8",
            f"Content-Length: {len(body)}",
            "Retry-After: 1",
            f"Content-Security-Policy: {CSP}",
            "X-Content-Type-Options: nosniff",
            "Referrer-Policy: no-referrer",
            "X-Frame-Options: DENY",
            "Cache-Control: no-store",
            "Connection: close",
        ]
        try:
            request.settimeout(1.0)
            request.sendall("\r\n".join(head).encode("ascii") + b"\r\n\r\n" + body)
        except OSError:
            pass
        finally:
            self.shutdown_request(request)

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
