#!/usr/bin/env bash
# Set up (if needed) and run every test: data checks, components, the strict build, and the
# browser tests in Chromium. Extra arguments go to pytest, e.g. scripts/test.sh -k funding
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
