#!/usr/bin/env bash
# Runs the test suites that never load SentencePiece under AddressSanitizer and
# UndefinedBehaviorSanitizer: ASan refuses the RTLD_DEEPBIND that isolates it (docs/platform.md §3).
# They build in the fuzzers' instrumented configuration (scripts/instrumented_build.sh, clang 15),
# so one instrumented compile of our libraries serves both. Not part of CI (a cold instrumented
# build takes most of an hour on 2 cores).
#
# Usage: scripts/sanitize.sh [--build DIR]    (default: build-fuzz, shared with scripts/fuzz.sh)
# Exits 0 only when every suite passes with no sanitizer report.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
[ "${1:-}" = "--build" ] && build=$2

# Suites that load the tokenizer (they seed or prepare a corpus, or chat) stay out; test_store's
# one such function is skipped by name below.
suites=(test_model_config test_token_file test_sampler test_gpt test_trainer test_generator
        test_adamw test_checkpoints test_store test_text_clean test_text_dedupe test_text_import
        test_roadmap test_roadmap_cli test_roadmap_pages test_model_page test_cli
        test_roadmap_sources test_tuning_engine test_decode test_quant_kernels test_wikitext
        test_compressed_input test_filters test_collector test_web_sources)
store_skip=seedsTheSampleDataset

"$root/scripts/instrumented_build.sh" "$build"
cmake --build "$build" --target azllm "${suites[@]}" -j "$(nproc)"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
# Stack traces with function names and lines (clang 15 ships no llvm-symbolizer of its own name).
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-15 llvm-symbolizer | head -n 1)}
export LSAN_OPTIONS=suppressions=$root/scripts/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export QT_QPA_PLATFORM=offscreen
failed=()
for suite in "${suites[@]}"; do
    binary=$(find "$build/tests" -type f -name "$suite" | head -n 1)
    args=()
    if [ "$suite" = test_store ]; then
        mapfile -t args < <("$binary" -functions | sed 's/()$//' | grep -vx "$store_skip")
    fi
    if (cd "$(dirname "$binary")" && "$binary" "${args[@]}" >"$build/$suite.log" 2>&1); then
        echo "clean   $suite"
    else
        echo "FAILED  $suite (see $build/$suite.log)"
        failed+=("$suite")
    fi
done
[ ${#failed[@]} -eq 0 ] || { echo "sanitize: ${#failed[@]} suite(s) failed: ${failed[*]}" >&2; exit 1; }
echo "sanitize: ${#suites[@]} suites clean under ASan + UBSan"
