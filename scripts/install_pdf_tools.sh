#!/usr/bin/env bash
# Install what converting a report to PDF and to PNG needs: LibreOffice Writer (headless),
# poppler's pdftoppm, and Liberation fonts (metric-compatible with Times New Roman).
# Debian/Ubuntu; needs root (or sudo). Safe to run twice.
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
  echo "LibreOffice and pdftoppm are already installed."
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  libreoffice-writer-nogui poppler-utils fonts-liberation fonts-dejavu-core >/dev/null
echo "Installed LibreOffice, pdftoppm and fonts."
