"""The workshop server stays up whatever a client sends: malformed bodies are a 400 with a JSON
error, idle clients are cut off, a flood gets 503s rather than a thread each, and every method
gets the Host check and the security headers. All against a real server on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from plainwords.web import server as server_module
from workshop_client import request, start, stop

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options")


@pytest.fixture(scope="module")
def server(linter):
    server = start(linter, max_body=200_000)
    yield server
    stop(server)


def _post(server, body: bytes):
    return request(server, "POST", "/api/check", body, {"Content-Type": "application/json"})


def _assert_json_error(response, data, status):
    assert response.status == status, data
    assert response.getheader("Content-Type").startswith("application/json")
    assert "error" in json.loads(data)
    for header in SECURITY_HEADERS:
        assert response.getheader(header), header


def _still_up(server):
    response, data = _post(server, json.dumps({"text": "We utilise it."}).encode())
    assert response.status == 200 and json.loads(data)["findings"]


def test_deeply_nested_json_is_a_400_not_a_dropped_connection(server):
    response, data = _post(server, b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}")
    _assert_json_error(response, data, 400)
    _still_up(server)


def test_a_lone_surrogate_is_a_400_not_a_500(server):
    for text in ('"\\ud800"', '"a \\udfff b"', '"\\ud800\\ud800"'):
        response, data = _post(server, b'{"text": ' + text.encode() + b"}")
        _assert_json_error(response, data, 400)
        assert "surrogate" in json.loads(data)["error"]
    _still_up(server)


def test_a_pair_of_surrogates_is_text(server):
    response, data = _post(server, b'{"text": "\\ud83d\\ude00 addicts"}')
    assert response.status == 200 and json.loads(data)["findings"]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"])
def test_unsupported_methods_get_405_with_allow_and_the_headers(server, method):
    response, data = request(server, method, "/api/check")
    _assert_json_error(response, data, 405)
    assert response.getheader("Allow") == "GET, HEAD, POST"


@pytest.mark.parametrize("method", ["PUT", "OPTIONS", "GET", "POST"])
def test_every_method_checks_the_host(server, method):
    response, data = request(server, method, "/", headers={"Host": "evil.example"})
    _assert_json_error(response, data, 421)


def test_get_on_an_api_names_the_method_allowed(server):
    response, data = request(server, "GET", "/api/check")
    _assert_json_error(response, data, 405)
    assert response.getheader("Allow") == "POST"


def test_a_malformed_request_line_is_json_with_the_headers(server):
    with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=30) as raw:
        raw.sendall(b"GET / HTTP/9.9\r\n\r\n")
        reply = b""
        while chunk := raw.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 505") or head.startswith(b"HTTP/1.0 400"), head
    assert b"Content-Security-Policy" in head and "error" in json.loads(body)


def test_the_listen_backlog_is_above_five(server):
    assert server.request_queue_size > 5


def test_every_connection_has_a_read_timeout():
    assert server_module.Handler.timeout is not None and 0 < server_module.Handler.timeout <= 60


def test_an_idle_client_is_cut_off(linter, monkeypatch):
    monkeypatch.setattr(server_module.Handler, "timeout", 0.5)
    server = start(linter)
    try:
        with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=30) as raw:
            began = time.monotonic()
            raw.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and then nothing
            assert raw.recv(65536) == b""  # the server closes the connection
            assert time.monotonic() - began < 10
        with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=30) as raw:
            body_promised = (
                b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
            )
            raw.sendall(body_promised)  # a slow client: one byte of a hundred
            assert raw.recv(65536) == b""
        _still_up(server)
    finally:
        stop(server)


def test_requests_past_the_cap_get_503_at_once(linter, monkeypatch):
    monkeypatch.setattr(server_module.Handler, "timeout", 5)
    server = start(linter, max_concurrent=2)
    port = server.server_address[1]
    holders = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(2)]
    try:
        for holder in holders:  # each holds a slot: a request begun and never finished
            holder.sendall(b"POST /api/check HTTP/1.1\r\n")
        time.sleep(0.3)
        response, data = request(server, "GET", "/")
        _assert_json_error(response, data, 503)
        assert response.getheader("Retry-After") == "1"
    finally:
        for holder in holders:
            holder.close()
    deadline = time.monotonic() + 10
    while True:  # the slots come back once those connections end
        response, _ = request(server, "GET", "/")
        if response.status == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert response.status == 200
    stop(server)


def test_ctrl_c_while_a_request_starts_gives_its_slot_back_once(linter, monkeypatch):
    """Ctrl+C can land in the main thread just after a request's thread started: the thread gives
    the slot back, and the interrupt still stops the server (it once became a 'Semaphore released
    too many times' and the server kept running)."""
    server = server_module.make_server(linter, "127.0.0.1", 0, max_concurrent=2)
    started: list[threading.Thread] = []
    original = threading.Thread.start

    def start_then_interrupt(thread):
        original(thread)
        started.append(thread)
        raise KeyboardInterrupt

    ours, theirs = socket.socketpair()
    theirs.close()  # the handler reads the end of input and finishes
    monkeypatch.setattr(threading.Thread, "start", start_then_interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            server.process_request(ours, ("127.0.0.1", 0))
    finally:
        monkeypatch.undo()
        for thread in started:
            thread.join(timeout=10)
        server.server_close()
    assert server.slots.acquire(blocking=False) and server.slots.acquire(blocking=False)
    assert not server.slots.acquire(blocking=False)


def test_a_client_that_leaves_mid_answer_prints_no_traceback(server, capfd):
    body = json.dumps({"text": "Addicts and service users utilise the hub going forward. " * 400})
    head = (
        "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body.encode())}\r\n\r\n"
    )
    for _ in range(3):
        client = socket.create_connection(("127.0.0.1", server.server_address[1]))
        client.sendall(head.encode() + body.encode())
        # Reset the connection at once: the server's answer meets a closed socket.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        client.close()
    time.sleep(1.5)
    _still_up(server)
    assert "Traceback" not in capfd.readouterr().err


def test_an_unexpected_failure_is_one_line_and_the_server_stays_up(linter, capfd, monkeypatch):
    def broken(self):
        raise RuntimeError("disk on fire")

    server = start(linter)
    try:
        monkeypatch.setattr(server_module.Handler, "do_GET", broken)
        with pytest.raises(OSError):  # http.client: the connection closed with no answer
            request(server, "GET", "/")
        monkeypatch.undo()
        _still_up(server)
    finally:
        stop(server)
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert "failed (RuntimeError('disk on fire'))" in err and "--verbose" in err
