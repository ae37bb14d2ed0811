#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with Debian's clang 15 (installing clang-15 and
# libfuzzer-15-dev when missing) and runs each for a fixed number of executions. Not part of CI:
# a full pass takes tens of minutes. docs/fuzzing.md has the targets and the last results.
#
# Usage: scripts/fuzz.sh [--runs N] [--seconds S] [--timeout S] [--build DIR] [target ...]
#   target     folders of fuzz/ (default: all); each runs fuzz/<target>/runs times (default 10^6)
#   --runs     the same number of executions for every target instead
#   --seconds  stop each target after S seconds even if its executions are not done (a session
#              with less time; the corpus carries over, so later sessions go on from it)
#   --timeout  seconds one input may take before it counts as a hang (default 30; more when the
#              fuzzer may be paused, e.g. stopped while a benchmark has the machine)
# Prints one line per target (executions, seconds, crashes); exits 1 when any target crashed.
# New inputs go to <build>/corpus/<target>, crashing ones to <build>/crashes/<target>/; the seed
# corpus in the repository is never written to.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
runs_override=""
time_limit=0
unit_timeout=30
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs_override=$2; shift 2 ;;
        --seconds) time_limit=$2; shift 2 ;;
        --timeout) unit_timeout=$2; shift 2 ;;
        --build) build=$2; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if [ ${#targets[@]} -eq 0 ]; then
    for dir in "$root"/fuzz/*/; do targets+=("$(basename "$dir")"); done
fi

"$root/scripts/instrumented_build.sh" "$build"
cmake --build "$build" --target "${targets[@]/#/fuzz_}" -j "$(nproc)"

# One process per target, one job: the figures are executions, not speed.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
# Stack traces with function names and lines (clang 15 ships no llvm-symbolizer of its own name).
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-15 llvm-symbolizer | head -n 1)}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen
# The targets hand each input to the loader through a file, as a user's file reaches it: on a disk
# that write costs about a millisecond, on tmpfs microseconds (12x the executions per second
# measured for token_file). Inputs that crash stay in <build>/crashes; the scratch files go.
scratch_root=/dev/shm
[ -d "$scratch_root" ] && [ -w "$scratch_root" ] || scratch_root=${TMPDIR:-/tmp}
TMPDIR=$(mktemp -d "$scratch_root/azllm-fuzz.XXXXXX")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
status=0
printf '%-18s %12s %9s %8s\n' target executions seconds crashes
for t in "${targets[@]}"; do
    runs=${runs_override:-$(cat "$root/fuzz/$t/runs" 2>/dev/null || echo 1000000)}
    corpus=$build/corpus/$t
    crashes=$build/crashes/$t
    mkdir -p "$corpus" "$crashes"
    log=$build/fuzz-$t.log
    start=$(date +%s)
    set +e
    "$build/fuzz/fuzz_$t" -runs="$runs" -artifact_prefix="$crashes/" -print_final_stats=1 \
        -max_total_time="$time_limit" -timeout="$unit_timeout" -rss_limit_mb=4096 "$corpus" "$root/fuzz/$t/corpus" >"$log" 2>&1
    code=$?
    set -e
    seconds=$(( $(date +%s) - start ))
    executed=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    found=$(find "$crashes" -type f ! -name 'slow-unit-*' | wc -l) # slow units are not crashes
    printf '%-18s %12s %9s %8s\n' "$t" "${executed:-0}" "$seconds" "$found"
    if [ "$code" -ne 0 ] || [ "$found" -ne 0 ]; then
        status=1
        echo "  fuzz_$t exited $code; see $log and $crashes" >&2
    fi
done
exit $status
