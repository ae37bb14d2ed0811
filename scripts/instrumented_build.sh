#!/usr/bin/env bash
# Configures the one instrumented build that scripts/fuzz.sh and scripts/sanitize.sh share:
# Debian's clang 15 with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's coverage
# on all of our code (-DAZLLM_FUZZ=ON), so our libraries are compiled once for both.
# Usage: scripts/instrumented_build.sh BUILD_DIR
# Installs clang-15, libfuzzer-15-dev and libomp-15-dev (clang's OpenMP runtime for core/quant; in
# these builds it stands beside LibTorch's libgomp, which only matters for speed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$1
"$root/scripts/install_packages.sh" clang-15 libfuzzer-15-dev libomp-15-dev cmake ninja-build
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-15 -DAZLLM_FUZZ=ON -DAZLLM_BUILD_TESTS=ON >/dev/null
