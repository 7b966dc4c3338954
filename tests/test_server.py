"""The workshop server over real HTTP: routes, limits, headers and the serve command's options."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainwords.web.server import utf16_offsets
from property_documents import examples
from workshop_client import request, start, stop

SENTENCE = "Our service users include the homeless and addicts"


@pytest.fixture(scope="module")
def server(linter):
    server = start(linter, max_body=10_000)
    yield server
    stop(server)


def post_json(server, path, data, **headers):
    body = json.dumps(data).encode()
    return request(server, "POST", path, body, {"Content-Type": "application/json", **headers})


def test_check_returns_findings_with_explanations(server):
    response, data = post_json(server, "/api/check", {"text": SENTENCE})
    assert response.status == 200
    result = json.loads(data)
    findings = result["findings"]
    assert [f["text"] for f in findings] == ["service users", "the homeless", "addicts"]
    first = findings[0]
    for key in (
        "start",
        "end",
        "text",
        "rule",
        "category",
        "severity",
        "reason",
        "alternatives",
        "source",
        "autofix",
    ):
        assert key in first
    assert SENTENCE[first["start"] : first["end"]] == "service users"
    assert first["source"]["url"].startswith("https://")
    assert result["summary"] == {"findings": 3, "by_category": {"stigma": 3}}


def test_offsets_are_javascript_string_offsets(server):
    text = "😀 addicts"
    _, data = post_json(server, "/api/check", {"text": text})
    [finding] = json.loads(data)["findings"]
    assert (finding["start"], finding["end"]) == (3, 10)  # the emoji is two UTF-16 code units
    assert utf16_offsets("a😀b", [0, 1, 2, 3]) == {0: 0, 1: 1, 2: 3, 3: 4}


def test_fix_applies_safe_fixes_and_rechecks(server):
    _, data = post_json(server, "/api/fix", {"text": "Addicts utilised it in order to win."})
    result = json.loads(data)
    assert result["text"] == "Addicts used it to win."
    assert [a["rule"] for a in result["applied"]] == ["utilise", "in-order-to"]
    assert [f["rule"] for f in result["findings"]] == ["addict"]


def test_fix_changes_only_autofix_entries_at_offsets_into_the_text_sent(server):
    text = "Utilised by addicts, in order to help. We UTILISE it."
    _, data = post_json(server, "/api/fix", {"text": text})
    result = json.loads(data)
    assert result["text"] == "Used by addicts, to help. We USE it."
    applied = result["applied"]
    assert [(a["before"], a["after"], a["rule"]) for a in applied] == [
        ("Utilised", "Used", "utilise"),
        ("in order to", "to", "in-order-to"),
        ("UTILISE", "USE", "utilise"),
    ]
    assert [text[a["start"] : a["end"]] for a in applied] == ["Utilised", "in order to", "UTILISE"]


@settings(max_examples=examples(40), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["We", "utilise", "the", "hall", "in order to", "addicts", "\n", "Ünïcode", "😀"]
        ),
        max_size=12,
    )
)
def test_fixing_twice_changes_nothing_more(server, words):
    workshop = server.workshop
    once = workshop.fix(" ".join(words))
    twice = workshop.fix(once["text"])
    assert twice["text"] == once["text"] and twice["applied"] == []


def test_lexicon_lists_every_entry(server, lexicon):
    response, data = request(server, "GET", "/api/lexicon")
    assert response.status == 200
    entries = json.loads(data)["entries"]
    assert [e["id"] for e in entries] == [e.id for e in lexicon]


def test_page_and_static_files_carry_a_strict_policy(server):
    response, data = request(server, "GET", "/")
    assert response.status == 200
    policy = response.getheader("Content-Security-Policy")
    assert (
        "default-src 'none'" in policy
        and "script-src 'self'" in policy
        and "connect-src 'self'" in policy
    )
    assert "unsafe-inline" not in policy
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    page = data.decode()
    assert (
        '<script src="/static/serve.js"' in page
        and "http://" not in page
        and "https://" not in page
    )
    for path, kind in (
        ("/static/plainwords.css", "text/css"),
        ("/static/plainwords.js", "text/javascript"),
        ("/static/serve.js", "text/javascript"),
    ):
        response, _ = request(server, "GET", path)
        assert response.status == 200 and response.getheader("Content-Type").startswith(kind)


def test_page_script_never_uses_inner_html():
    from plainwords.web.report import asset

    for name in ("static/plainwords.js", "static/serve.js"):
        script = asset(name)
        assert (
            "innerHTML" not in script
            and "insertAdjacentHTML" not in script
            and "document.write" not in script
        )


def test_requests_over_the_limit_are_refused(server):
    response, data = post_json(server, "/api/check", {"text": "x" * 20_000})
    assert response.status == 413
    assert "larger than" in json.loads(data)["error"]


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b'{"text": "hi"}', {"Content-Type": "text/plain"}, 415),
        (b"text=hi", {"Content-Type": "application/x-www-form-urlencoded"}, 415),
        (b"{not json", {"Content-Type": "application/json"}, 400),
        (b'{"text": 3}', {"Content-Type": "application/json"}, 400),
        (b'["text"]', {"Content-Type": "application/json"}, 400),
    ],
)
def test_bad_requests_are_refused(server, body, headers, status):
    response, _ = request(server, "POST", "/api/check", body, headers)
    assert response.status == status


def test_unknown_paths_methods_and_hosts(server):
    assert request(server, "GET", "/etc/passwd")[0].status == 404
    assert request(server, "GET", "/static/../server.py")[0].status == 404
    assert request(server, "GET", "/api/check")[0].status == 405
    assert post_json(server, "/api/other", {"text": ""})[0].status == 404
    # A page on another site that rebinds its name to 127.0.0.1 still sends its own Host.
    assert (
        request(server, "GET", "/api/lexicon", headers={"Host": "evil.example:80"})[0].status == 421
    )
    assert post_json(server, "/api/check", {"text": "x"}, Host="evil.example")[0].status == 421
    assert request(server, "GET", "/", headers={"Host": "localhost:1234"})[0].status == 200


def test_serve_warns_when_listening_beyond_this_computer(monkeypatch, capsys):
    from plainwords.cli import main
    from plainwords.web import server as server_module

    started = {}

    class FakeServer:
        url = "http://127.0.0.1:9/"

        def serve_forever(self):
            raise KeyboardInterrupt

        def server_close(self):
            started["closed"] = True

    def fake_make_server(linter, host, port, **options):
        started.update(host=host, port=port)
        return FakeServer()

    monkeypatch.setattr(server_module, "make_server", fake_make_server)
    assert main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 0
    out, err = capsys.readouterr()
    assert started == {"host": "0.0.0.0", "port": 0, "closed": True}
    assert "warning: listening on 0.0.0.0" in err
    assert "http://127.0.0.1:9/" in out
    assert main(["serve", "--port", "0"]) == 0
    out, err = capsys.readouterr()
    assert "warning" not in err and started["host"] == "127.0.0.1"


def test_serve_reports_a_busy_port(server, capsys):
    from plainwords.cli import main

    assert main(["serve", "--port", str(server.server_address[1])]) == 2
    assert "cannot listen on 127.0.0.1:" in capsys.readouterr().err


def test_plainwords_serve_runs_prints_its_address_and_stops_on_ctrl_c(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import urllib.request
    from pathlib import Path

    import plainwords

    env = {**os.environ, "PYTHONPATH": str(Path(plainwords.__file__).parents[1])}
    process = subprocess.Popen(
        [sys.executable, "-m", "plainwords", "serve", "--port", "0"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("plainwords workshop page: http://127.0.0.1:"), line
        url = line.split()[3]
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200
            assert "What plainwords sees" in response.read().decode()
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 0
        assert "stopped" in err and "Traceback" not in err
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
