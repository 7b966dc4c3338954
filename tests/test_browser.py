"""End to end in headless Chromium: the workshop page and the HTML report, as a trainer uses them.

Needs Debian's chromium (``.ci/browser-deps.sh`` installs it) and the ``playwright`` package (the
``test`` extra); Playwright's own browser downloads are never used. In CI (``CI=true``) a missing
browser is a failure; elsewhere these tests are skipped with the reason.
"""

from __future__ import annotations

import os
import struct
import threading
import zlib
from pathlib import Path

import pytest

from plainwords.cli import main
from plainwords.web.server import make_server
from system_tools import require

CHROMIUM = os.environ.get("PLAINWORDS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SENTENCE = "Our service users include the homeless and addicts"
SCREENSHOTS = (
    Path(os.environ.get("PLAINWORDS_SCREENSHOTS", ""))
    if os.environ.get("PLAINWORDS_SCREENSHOTS")
    else None
)


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} is not installed (run .ci/browser-deps.sh)"
    return None


def require_browser(reason: str | None, environ=os.environ) -> None:
    """Fail in CI when the browser is missing (a green run must mean the pages were tested);
    elsewhere skip, saying what to install."""
    require(reason, "browser", environ)


def test_a_missing_browser_fails_in_ci_and_skips_elsewhere():
    require_browser(None, {"CI": "true"})
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI: no chromium"):
        require_browser("no chromium", {"CI": "true"})
    with pytest.raises(pytest.skip.Exception, match="no chromium"):
        require_browser("no chromium", {})


@pytest.fixture(scope="module")
def browser():
    require_browser(_missing())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    page.problems = []
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: page.problems.append(f"dialog: {dialog.message}"))
    page.on(
        "console", lambda message: message.type == "error" and page.problems.append(message.text)
    )
    yield page
    context.close()


@pytest.fixture(scope="module")
def workshop(linter):
    server = make_server(linter, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


# -- screenshots -----------------------------------------------------------------------------------
def png_colours(data: bytes) -> tuple[int, int, set[int]]:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes): its size and its set of 0xRRGGBB colours.

    zlib inflates; numpy (which spaCy already needs) undoes the row filters that vectorise, and
    the two that run left to right (Average, Paeth) are undone byte by byte.
    """
    import numpy as np

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        chunk = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    size = 3 if colour == 2 else 4
    stride = width * size
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, stride + 1)
    image = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.int64)
    for y in range(height):
        kind, line = raw[y, 0], raw[y, 1:].astype(np.int64)
        if kind == 0:
            row = line
        elif kind == 1:
            row = np.cumsum(line.reshape(width, size), axis=0).reshape(stride) & 255
        elif kind == 2:
            row = (line + previous) & 255
        else:
            row_list, up = line.tolist(), previous.tolist()
            for i in range(stride):
                left = row_list[i - size] if i >= size else 0
                corner = up[i - size] if i >= size else 0
                if kind == 3:
                    row_list[i] = (row_list[i] + (left + up[i]) // 2) & 255
                else:
                    p = left + up[i] - corner
                    pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - corner)
                    row_list[i] = (
                        row_list[i]
                        + (left if pa <= pb and pa <= pc else up[i] if pb <= pc else corner)
                    ) & 255
            row = np.array(row_list, dtype=np.int64)
        image[y] = row
        previous = row
    pixels = image.reshape(-1, size)[:, :3].astype(np.int64)
    packed = (pixels[:, 0] << 16) | (pixels[:, 1] << 8) | pixels[:, 2]
    return width, height, set(np.unique(packed).tolist())


def check_screenshot(png: bytes, name: str, must_show: list[str]) -> None:
    """Not blank: a real image, many colours, and the highlight colours somewhere in it."""
    if SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / f"{name}.png").write_bytes(png)
    assert len(png) > 10_000
    width, height, colours = png_colours(png)
    assert width >= 800 and height >= 600
    assert len(colours) > 50
    for colour in must_show:
        assert int(colour.lstrip("#"), 16) in colours, f"{colour} not on screen"


def visible_tip(page, mark):
    return page.locator(f"#{mark.get_attribute('aria-describedby')}")


# -- the workshop page -----------------------------------------------------------------------------
def test_typing_a_sentence_shows_three_explained_highlights(page, workshop):
    page.goto(workshop.url)
    page.locator("#pw-input").press_sequentially(SENTENCE, delay=5)
    from playwright.sync_api import expect

    marks = page.locator("#pw-output mark.pw-mark")
    expect(marks).to_have_count(3)
    assert marks.all_inner_texts() == ["service users", "the homeless", "addicts"]
    expect(page.locator("#pw-status")).to_have_text("3 findings: 3 stigma.")

    # Keyboard: focus the first highlight and its explanation appears.
    first = marks.nth(0)
    first.focus()
    tip = visible_tip(page, first)
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Defines people by their contact with a service")
    expect(tip.locator(".pw-alt").first).to_have_text("people who use our services")
    expect(tip.locator("a")).to_have_attribute(
        "href", "https://www.comms.nihr.ac.uk/content/written-content/writing-about-social-care.htm"
    )
    # Enter reaches the source link inside the explanation, which stays open.
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('.pw-tip') !== null")
    expect(tip).to_be_visible()
    # Tab moves from highlight to highlight.
    first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "the homeless"
    page.keyboard.press("Escape")
    expect(visible_tip(page, marks.nth(1))).to_be_hidden()

    # Tap (click) the third: its explanation, with every alternative.
    third = marks.nth(2)
    third.click()
    tip = visible_tip(page, third)
    expect(tip).to_be_visible()
    from plainwords.engine import Linter
    from plainwords.lexicon import load_lexicon

    # The alternatives shown are those shaped for this sentence: plural, as "addicts" is.
    (addicts,) = [
        f for f in Linter(load_lexicon(["stigma"])).check_text(SENTENCE) if f.rule == "addict"
    ]
    assert addicts.alternatives[0] == "people who use drugs"
    expect(tip.locator(".pw-alt")).to_have_text(list(addicts.alternatives + addicts.consider))
    box, mark_box = tip.bounding_box(), third.bounding_box()
    assert box["y"] >= mark_box["y"] + mark_box["height"] - 2  # below the words, not over them
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1200

    # Hover the second.
    page.mouse.move(0, 0)
    marks.nth(1).hover()
    expect(visible_tip(page, marks.nth(1))).to_be_visible()
    expect(visible_tip(page, marks.nth(1))).to_contain_text("people experiencing homelessness")

    check_screenshot(page.screenshot(), "workshop", ["#fde6e3", "#9f1d14"])
    assert page.problems == []
    assert all(url.startswith(workshop.url) or url.startswith("data:") for url in page.requests), (
        page.requests
    )


def test_apply_safe_fixes_rewrites_the_text(page, workshop):
    from playwright.sync_api import expect

    page.goto(workshop.url)
    page.fill("#pw-input", "We will utilise the hall in order to meet addicts.")
    expect(page.locator("#pw-output mark")).to_have_count(3)
    expect(page.locator("#pw-fix")).to_have_text("Apply safe fixes (2)")
    page.click("#pw-fix")
    expect(page.locator("#pw-input")).to_have_value("We will use the hall to meet addicts.")
    expect(page.locator("#pw-output mark")).to_have_count(1)
    expect(page.locator("#pw-status")).to_contain_text("Changed “utilise” → “use”")
    expect(page.locator("#pw-fix")).to_be_disabled()
    check_screenshot(page.screenshot(), "workshop-fixed", ["#fde6e3"])
    assert page.problems == []


def test_text_is_never_run_as_html(page, workshop):
    from playwright.sync_api import expect

    page.goto(workshop.url)
    hostile = '<img src=x onerror="alert(1)"><b>bold</b> addicts'
    page.fill("#pw-input", hostile)
    expect(page.locator("#pw-output mark")).to_have_count(1)
    assert page.locator("#pw-output img, #pw-output b").count() == 0
    assert (
        page.locator("#pw-output")
        .evaluate("node => node.textContent")
        .startswith('<img src=x onerror="alert(1)">')
    )
    assert page.problems == []
    assert not any("/x" in url for url in page.requests)


def _searched(lexicon, query: str) -> int:
    """How many entries the panel should show: every word of the query in an entry's id,
    category, topic, terms, alternatives, reason or note (the page's own rule)."""
    words = query.lower().split()
    count = 0
    for e in lexicon:
        text = " ".join(
            [
                e.id,
                e.category,
                e.topic or "",
                " ".join(e.terms),
                " ".join(e.alternatives),
                e.reason,
                e.note or "",
            ]
        ).lower()
        count += all(w in text for w in words)
    return count


def test_the_lexicon_panel_is_searchable(page, workshop, lexicon):
    from playwright.sync_api import expect

    page.goto(workshop.url)
    entries = page.locator("#pw-entries > li")
    expect(entries).to_have_count(len(lexicon))
    page.fill("#pw-search", "homeless shelter feeds")
    expect(page.locator("#pw-entries > li:visible")).to_have_count(
        _searched(lexicon, "homeless shelter feeds")
    )
    page.fill("#pw-search", "the-homeless")
    expect(page.locator("#pw-entries > li:visible")).to_have_count(1)
    expect(page.locator("#pw-entries > li:visible")).to_contain_text(
        "people experiencing homelessness"
    )
    shown = _searched(lexicon, "plain english")
    assert 1 < shown < len(lexicon)
    page.fill("#pw-search", "plain english")
    expect(page.locator("#pw-entries > li:visible")).to_have_count(shown)
    expect(page.locator("#pw-lexicon-count")).to_have_text(
        f"Showing {shown} of {len(lexicon)} entries"
    )
    page.fill("#pw-search", "")
    expect(page.locator("#pw-entries > li:visible")).to_have_count(len(lexicon))


# -- the report --------------------------------------------------------------------------------------
STRATEGY = """\
# Our strategy

Our service users include the homeless and addicts. We will utilise every tool in order to reach
people who have been called hard to reach, going forward.

A second paragraph about the homeless, with a <b>tag</b> & an ampersand.
"""


def test_report_opens_offline_with_highlights_chart_and_figures(page, tmp_path):
    from playwright.sync_api import expect

    source = tmp_path / "strategy.md"
    source.write_text(STRATEGY, encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(source), "-o", str(out)]) == 0
    page.goto(out.as_uri())

    marks = page.locator(".pw-doc mark.pw-mark")
    # "called hard to reach" labels people (a reported label is a use), and "going forward" follows.
    expect(marks).to_have_count(8)
    assert marks.nth(0).inner_text() == "service users"
    assert marks.nth(5).inner_text() == "hard to reach"
    bars = page.locator("svg.pw-chart g.pw-bar")
    expect(bars.first).to_contain_text("the homeless")
    assert bars.count() == 7  # one bar per entry: the homeless twice, six others once
    assert page.locator("svg.pw-chart rect").first.bounding_box()["width"] > 100
    figures = page.locator("table.pw-readability tbody tr")
    expect(figures).to_have_count(1)
    cells = figures.first.locator("td").all_inner_texts()
    assert int(cells[0]) == 40  # words: 2 + 8 + 19 + 11
    assert float(cells[1].split()[0]) > 0  # reading ease
    assert "reading age" in cells[2]
    assert page.locator(".pw-doc .pw-text").inner_text().count("<b>tag</b>") == 1

    # Hover shows an explanation; so does reaching a highlight with the keyboard alone.
    marks.nth(2).hover()
    expect(visible_tip(page, marks.nth(2))).to_be_visible()
    expect(visible_tip(page, marks.nth(2))).to_contain_text("people who use drugs")
    page.mouse.move(0, 0)
    page.locator("body").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.pw-mark')"):
            break
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "service users"
    expect(visible_tip(page, marks.nth(0))).to_be_visible()
    check_screenshot(
        page.screenshot(full_page=True), "report", ["#fde6e3", "#e2edfb", "#9f1d14", "#1d4d94"]
    )

    # Printed, explanations become numbered notes.
    page.emulate_media(media="print")
    assert marks.nth(0).evaluate("m => getComputedStyle(m, '::after').content") == '"[1]"'
    expect(visible_tip(page, marks.nth(0))).to_be_hidden()
    expect(page.locator(".pw-notes li")).to_have_count(8)

    assert page.problems == []
    assert page.requests and all(url.startswith(("file://", "data:")) for url in page.requests), (
        page.requests
    )


def test_report_and_page_build_the_same_highlights(page, tmp_path, capsys):
    """The report writes its highlights in Python; the page builds them in JavaScript. Both must
    give the same elements, so one stylesheet and one behaviour serve both."""
    import json

    source = tmp_path / "same.txt"
    source.write_text(
        "Our service users include the homeless.\nWe will utilise addicts' skills.",
        encoding="utf-8",
    )
    out = tmp_path / "same.html"
    assert main(["report", str(source), "-o", str(out)]) == 0
    capsys.readouterr()
    main(["check", "--format", "json", str(source)])
    findings = json.loads(capsys.readouterr().out)["findings"]
    page.goto(out.as_uri())
    result = page.evaluate(
        """([text, findings]) => {
          const norm = (n) => n.nodeType === 3 ? n.textContent :
            [n.tagName, [...n.attributes].map(a => a.name + "=" + a.value).sort(), [...n.childNodes].map(norm)];
          const python = [...document.querySelectorAll("#d1-text > mark, #d1-text > .pw-tip")].map(norm);
          const box = document.createElement("div");
          Plainwords.render(box, text, findings, "d1");
          const script = [...box.querySelectorAll(":scope > mark, :scope > .pw-tip")].map(norm);
          return [JSON.stringify(python), JSON.stringify(script), box.textContent.length];
        }""",
        [source.read_text(encoding="utf-8"), findings],
    )
    python, script, _ = result
    assert len(findings) == 4
    assert python.count('"MARK"') == 4 and python.count("role=tooltip") == 4
    assert python == script
