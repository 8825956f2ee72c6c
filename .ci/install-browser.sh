#!/usr/bin/env bash
# Install headless Chromium and its WebDriver from Debian's packages, for the browser tests
# of the HTML export (tests/export/test_export_browser.py). Idempotent; needs root.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "chromium and chromedriver already installed"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver
/usr/bin/chromium --version
/usr/bin/chromedriver --version
