#!/usr/bin/env bash
# Installs the other engines benchmarks/batch_bench.py measures beside reportgen: docxtemplater
# (with PizZip) and Carbone, at the versions in package-lock.json, into benchmarks/peers/
# node_modules. Needs Node.js and npm (Debian: apt-get install nodejs npm). Without them the
# benchmark skips these engines and says so.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
    echo "npm not found: install Node.js and npm first (Debian: apt-get install nodejs npm)" >&2
    exit 1
fi
npm ci --no-audit --no-fund
node --version
