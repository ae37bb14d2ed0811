#!/usr/bin/env bash
# Installs node-llama-cpp (with its prebuilt CPU llama.cpp for linux-x64 only, no GPU builds) into
# DIR, once: tests/quant/test_llama_cpp loads our GGUF exports with it. Exits non-zero when npm
# is missing or the registry cannot be reached; the test then skips and says why.
# Usage: scripts/install_node_llama_cpp.sh DIR
set -euo pipefail
version=3.22.1
dir=${1:?usage: install_node_llama_cpp.sh DIR}
[ -f "$dir/.installed-$version" ] && exit 0
command -v npm >/dev/null 2>&1 || { echo "npm is not installed" >&2; exit 1; }
mkdir -p "$dir"
# --omit=optional skips the CUDA, Vulkan and other platforms' binaries (over 600 MB); the one
# this machine needs is named explicitly. --ignore-scripts: nothing is built from source.
npm install --prefix "$dir" --no-audit --no-fund --no-save --ignore-scripts --omit=optional \
    "node-llama-cpp@$version" "@node-llama-cpp/linux-x64@$version"
touch "$dir/.installed-$version"
