"""A workshop server on 127.0.0.1 in a thread, and a plain HTTP client for it: what the server tests
share."""

from __future__ import annotations

import http.client
import threading

from plainwords.web.server import WorkshopServer, make_server


def start(linter, **options) -> WorkshopServer:
    """A server on a free port, serving from a daemon thread; ``stop`` it when done."""
    server = make_server(linter, "127.0.0.1", 0, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server: WorkshopServer) -> None:
    server.shutdown()
    server.server_close()


def request(server, method, path, body=None, headers=None):
    """One request on its own connection: (response, body bytes)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data
