"""Headless Chromium for the HTML export tests and the README screenshots.

Uses Debian's ``chromium`` and ``chromium-driver`` (``.ci/install-browser.sh`` installs
them) through selenium, with the flags that keep Chromium off the network. Nothing here
downloads a browser or a driver.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

#: Phone and desktop viewports (CSS pixels) used for checks and screenshots.
DESKTOP = {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}

_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--disable-default-apps", "--disable-extensions",
    "--hide-scrollbars", "--force-color-profile=srgb", "--font-render-hinting=none",
)


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for name in names:
        candidate = Path("/usr/bin") / name
        if candidate.exists():
            return str(candidate)
    return None


def chromium_path() -> str | None:
    return _find("chromium", "chromium-browser")


def chromedriver_path() -> str | None:
    return _find("chromedriver")


def missing_reason() -> str | None:
    """Why no browser test can run here, or ``None`` when one can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if chromium_path() is None:
        return "no Chromium found (Debian package 'chromium'; see .ci/install-browser.sh)"
    if chromedriver_path() is None:
        return ("no chromedriver found (Debian package 'chromium-driver'; "
                "see .ci/install-browser.sh)")
    return None


class Browser:
    """One headless Chromium session; reused for many pages."""

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="tei-kirov-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = chromium_path() or "chromium"
        for flag in _FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        options.add_argument(f"--window-size={DESKTOP['width']},{DESKTOP['height']}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        service = Service(executable_path=chromedriver_path() or "chromedriver")
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(60)
        self.viewport(DESKTOP)

    def viewport(self, metrics: dict[str, Any]) -> None:
        """Emulate a screen of ``metrics`` (width, height, deviceScaleFactor, mobile)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics))

    def open(self, path: Path) -> None:
        """Load a local file, after clearing the logs of earlier pages."""
        self.logs()
        self.driver.get(path.resolve().as_uri())

    def logs(self) -> tuple[list[dict[str, Any]], list[str]]:
        """Console entries and every requested URL since the last call."""
        console = self.driver.get_log("browser")
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return console, urls

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def screenshot(self, path: Path, metrics: dict[str, Any], *, scroll_js: str = "") -> Path:
        """Save a PNG of the page at ``metrics``: at the top, or where ``scroll_js`` (a
        script run after the resize) scrolls to."""
        self.viewport(dict(metrics))
        self.js(scroll_js or "window.scrollTo(0, 0)")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(path))
        self.viewport(DESKTOP)
        return path

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)
