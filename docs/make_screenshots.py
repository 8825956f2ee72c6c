"""Save screenshots of the HTML edition for the README and for review.

    python docs/make_screenshots.py [TEI_FILE] [OUT_DIR]

Renders TEI_FILE (default: examples/kirov.xml) with ``tei_kirov.export.to_html``, opens it
in headless Chromium (Debian's chromium and chromium-driver, see .ci/install-browser.sh)
and writes ``<stem>-desktop.png`` (1280 px wide), ``<stem>-phone.png`` (390 CSS px at
2x, running text) and ``<stem>-desktop-text.png`` (a page of running text with a note
and names) into OUT_DIR (default: docs/screenshots).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tei_kirov import read  # noqa: E402
from tei_kirov.export import to_html  # noqa: E402
from tests.export.browser import DESKTOP, PHONE, Browser, missing_reason  # noqa: E402

#: Scrolls to the first division with a note reference: running text, names, a note.
_TEXT = """
    const ref = document.querySelector('main sup.noteref');
    const section = ref ? ref.closest('section[id]') : null;
    const head = section ? section.querySelector('h2, h3, h4') : null;
    (head || ref || document.body).scrollIntoView({block: 'start'});
    window.scrollBy(0, -16);"""


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else REPO / "examples" / "kirov.xml"
    out = Path(argv[2]) if len(argv) > 2 else REPO / "docs" / "screenshots"
    reason = missing_reason()
    if reason:
        print(f"cannot take screenshots: {reason}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / f"{source.stem}.html"
        page.write_text(to_html(read(source)), encoding="utf-8")
        browser = Browser()
        try:
            browser.open(page)
            shots = [
                browser.screenshot(out / f"{source.stem}-desktop.png", DESKTOP),
                browser.screenshot(out / f"{source.stem}-phone.png", PHONE, scroll_js=_TEXT),
                browser.screenshot(out / f"{source.stem}-desktop-text.png", DESKTOP,
                                   scroll_js=_TEXT),
            ]
        finally:
            browser.close()
    for shot in shots:
        print(f"wrote {shot} ({shot.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
