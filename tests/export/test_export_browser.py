"""The HTML edition in a real browser (headless Chromium through selenium).

One browser session serves the whole module. The page is loaded from a file; the tests
read the rendered DOM: every footnote and index link resolves and its back link works,
nothing is requested from the network, the console stays clean, the layout fits a phone.
Screenshots at desktop and phone width are saved for review. Without a browser the tests
are skipped and say why; ``.ci/install-browser.sh`` installs one for CI.
"""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path

import pytest

from tei_kirov.export import to_html
from tests.export.browser import DESKTOP, PHONE, Browser, missing_reason

pytestmark = pytest.mark.skipif(missing_reason() is not None,
                                reason=f"browser tests need Chromium: {missing_reason()}")

#: Anchors whose target is expected to become :target after a click.
_TARGET_JS = "const t = document.querySelector(':target'); return t ? t.id : null"


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module. A browser that is installed but does not start is a
    failure in CI (CI must run these tests) and a skip, with the reason, elsewhere."""
    try:
        session = Browser()
    except Exception as exc:  # selenium's WebDriverException and OS errors alike
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Chromium is installed but did not start: {exc}")
    yield session
    session.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory, request):
    """The HTML of the showcase edition and of the letter, written once."""
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for name in ("kirov", "letter", "pamphlet"):
        doc = request.getfixturevalue(name)
        path = folder / f"{name}.html"
        path.write_text(to_html(doc), encoding="utf-8")
        out[name] = path
    return out


@pytest.fixture(params=["kirov", "letter", "pamphlet"])
def page(request, pages, browser) -> Path:
    if request.param not in pages:
        pytest.skip(f"{request.param}: the document is not there (examples/kirov.xml comes "
                    "from the encoder)")
    browser.viewport(DESKTOP)
    browser.open(pages[request.param])
    return pages[request.param]


def test_loads_without_requests_or_console_errors(browser, page):
    console, urls = browser.logs()
    page_url = page.resolve().as_uri()
    outside = [u for u in urls if u != page_url and not u.startswith(("data:", "chrome:",
                                                                       "chrome-extension:"))]
    assert outside == [], f"requests left the page: {outside}"
    assert browser.js("return performance.getEntriesByType('resource').length") == 0
    problems = [e for e in console if e["level"] in ("SEVERE", "WARNING")]
    assert problems == [], problems
    assert browser.js("return document.documentElement.lang")


def test_the_checks_see_requests_and_console_errors(browser, tmp_path):
    """The network and console checks are not vacuous: a page that does request something
    (from the loopback address, where nothing answers) and logs an error is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                   '<link rel="icon" href="data:,"><title>x</title></head><body>'
                   '<img src="http://127.0.0.1:9/x.png" alt="">'
                   "<script>console.error('deliberate')</script></body></html>",
                   encoding="utf-8")
    browser.open(bad)
    console, urls = browser.logs()
    assert "http://127.0.0.1:9/x.png" in urls
    assert any("deliberate" in e["message"] for e in console)


def test_every_internal_link_resolves_in_the_dom(browser, page):
    missing = browser.js("""
        const bad = [];
        for (const a of document.querySelectorAll('a[href^="#"]')) {
          const id = decodeURIComponent(a.getAttribute('href').slice(1));
          if (!document.getElementById(id)) bad.push(a.getAttribute('href'));
        }
        return bad;""")
    assert missing == []


def test_the_parsed_page_has_the_structure_that_was_written(browser, page):
    """No element was moved or split by the HTML parser (a block inside a paragraph, a
    link inside a link): element counts in the DOM equal those of the file."""
    source = page.read_text(encoding="utf-8")
    for tag in ("p", "a", "section", "time", "li", "div", "blockquote", "sup"):
        written = len(re.findall(rf"<{tag}[\s>]", source))
        parsed = browser.js(f"return document.getElementsByTagName('{tag}').length")
        assert parsed == written, tag
    assert browser.js("return document.querySelectorAll('p:empty').length") == 0


def test_footnote_links_and_back_links_work(browser, page):
    refs = browser.js("return [...document.querySelectorAll('sup.noteref a')].map(a => a.id)")
    assert refs
    driver = browser.driver
    for ref_id in refs:
        number = ref_id.split("-")[1]
        driver.find_element("id", ref_id).click()
        assert browser.js(_TARGET_JS) == f"fn-{number}"
        assert browser.js(
            "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
            "return r.top >= 0 && r.top < window.innerHeight", f"fn-{number}")
        driver.find_element("css selector", f"#fn-{number} a.marker").click()
        assert browser.js(_TARGET_JS) == ref_id


def test_index_links_and_back_links_work(browser, page):
    names = browser.js("return [...document.querySelectorAll('a.name')].map(a => a.id)")
    assert names
    driver = browser.driver
    # every mention is listed under its entry; click through a sample both ways
    unlisted = browser.js("""
        const bad = [];
        for (const a of document.querySelectorAll('a.name')) {
          const entry = document.getElementById(a.getAttribute('href').slice(1)).parentElement;
          if (!entry.querySelector('dd.mentions a[href="#' + a.id + '"]')) bad.push(a.id);
        }
        return bad;""")
    assert unlisted == []
    step = max(1, len(names) // 12)
    for mention_id in names[::step]:
        link = driver.find_element("id", mention_id)
        target = link.get_attribute("href").split("#", 1)[1]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        assert browser.js(_TARGET_JS) == target
        back = driver.find_element(
            "css selector", f'#{target} ~ dd.mentions a[href="#{mention_id}"]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", back)
        back.click()
        assert browser.js(_TARGET_JS) == mention_id


def test_dates_and_corrections_carry_their_hover_text(browser, page):
    dates = browser.js("""
        return [...document.querySelectorAll('time')].map(t => [t.textContent,
          t.getAttribute('datetime'), t.title])""")
    assert dates and all(title for _, _, title in dates if title is not None)
    assert any(dt for _, dt, _ in dates)
    corrections = browser.js(
        "return [...document.querySelectorAll('.corr, .reg')].map(c => c.title)")
    assert all(t.startswith(("printed:", "original spelling:")) for t in corrections)


def test_a_paragraph_holding_a_list_keeps_its_indent(browser, page):
    """The opening text of a paragraph that holds a list (``div.p``) is indented like a
    paragraph that follows another."""
    indents = browser.js("""
        const px = el => parseFloat(getComputedStyle(el).textIndent);
        const held = [...document.querySelectorAll('main div.p > p.loose:first-child')]
          .filter(p => p.parentElement.previousElementSibling &&
                  p.parentElement.previousElementSibling.matches('p, div.p'));
        const plain = document.querySelector('main p + p');
        return [held.map(px), plain ? px(plain) : null];""")
    held, plain = indents
    if page.stem == "letter":
        return  # the letter has no such paragraph
    assert held and plain and plain > 0
    assert held == [plain] * len(held)


def test_page_numbers_sit_in_the_margin_on_a_desktop(browser, page):
    info = browser.js("""
        const pb = document.querySelector('.pb[data-n]');
        if (!pb) return null;
        const after = getComputedStyle(pb, '::after');
        return [after.content, after.position, pb.dataset.n];""")
    assert info is not None
    content, position, n = info
    assert content == f'"{n}"' and position == "absolute"


def test_fits_a_phone_without_sideways_scrolling(browser, page):
    browser.viewport(PHONE)
    browser.open(page)
    overflow = browser.js("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    size = browser.js(
        "return parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert size >= 16
    browser.viewport(DESKTOP)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshots_for_review(browser, page, tmp_path):
    desktop = browser.screenshot(tmp_path / f"{page.stem}-desktop.png", DESKTOP)
    phone = browser.screenshot(tmp_path / f"{page.stem}-phone.png", PHONE)
    assert _png_size(desktop) == (DESKTOP["width"], DESKTOP["height"])
    width, height = _png_size(phone)
    assert width == PHONE["width"] * PHONE["deviceScaleFactor"]
