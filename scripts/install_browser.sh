#!/usr/bin/env bash
# Install what the web page's browser tests need: Debian's chromium (and chromium-driver) from the
# system's package sources, and the Playwright Python package that drives it. Playwright is
# pointed at /usr/bin/chromium by the tests; no browser build is ever downloaded
# (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD). Debian/Ubuntu; needs root (or sudo). Safe to run twice.
set -euo pipefail
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ -x /usr/bin/chromium ]; then
  echo "chromium is already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
else
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation2 >/dev/null
  echo "Installed chromium and chromium-driver."
fi

if python -c "import playwright.sync_api" 2>/dev/null; then
  echo "Playwright is already installed."
else
  python -m pip install -q "playwright>=1.40"
  echo "Installed Playwright (it will use /usr/bin/chromium)."
fi
