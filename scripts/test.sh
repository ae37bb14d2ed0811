#!/usr/bin/env bash
# Sets up, builds and runs every test (Qt Test suites under ctest, GUI ones offscreen).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
"$root/scripts/setup.sh" "$build"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --timeout 1500
