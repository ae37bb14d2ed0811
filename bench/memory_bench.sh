#!/usr/bin/env bash
# The configurator's training-memory estimate against the operating system's own count: each
# shape trains a few steps in a fresh process (`azllm bench memory`), which reads the peak
# resident memory above its baseline (VmHWM - VmRSS before the trainer). Issue 12 asks for
# within 15 %, for az-mini and az-100m, with and without activation checkpointing.
# Usage: bench/memory_bench.sh [SHAPE ...]; a shape is PRESET:BATCH:CONTEXT.
# The default shapes take about 8 minutes on a 2-core machine and need about 5 GiB.
# Exit status 1 when a ratio falls outside [0.85, 1.15].
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
azllm=${AZLLM:-$root/build/app/azllm/azllm}
if [ ! -x "$azllm" ]; then
    echo "memory_bench.sh: $azllm is not built (set AZLLM or build the azllm target)" >&2
    exit 2
fi
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(az-mini:2:256 az-mini:8:256 az-mini:16:256
                                   az-100m:2:256 az-100m:8:256 az-100m:1:1024)

printf '%-8s %6s %8s %-14s %12s %12s %9s\n' preset batch context checkpointing \
    "measured MiB" "estimate MiB" "est/meas"
outside=0
for shape in "${shapes[@]}"; do
    IFS=: read -r preset batch context <<<"$shape"
    for checkpointing in "" --checkpointing; do
        json=$("$azllm" bench memory --preset "$preset" --batch "$batch" --context "$context" \
            $checkpointing | grep '^{')
        read -r measured estimate ratio < <(python3 -c '
import json, sys
d = json.loads(sys.argv[1])
print(d["measured_bytes"] / 2**20, d["estimate_bytes"] / 2**20, d["estimate_over_measured"])
' "$json")
        printf '%-8s %6s %8s %-14s %12.1f %12.1f %9.3f\n' "$preset" "$batch" "$context" \
            "$([ -n "$checkpointing" ] && echo yes || echo no)" "$measured" "$estimate" "$ratio"
        if ! python3 -c 'import sys; sys.exit(0 if 0.85 <= float(sys.argv[1]) <= 1.15 else 1)' \
            "$ratio"; then
            outside=1
        fi
    done
done
[ "$outside" = 0 ] && echo "every estimate is within 15 % of the measured peak" ||
    echo "some estimates are more than 15 % off"
exit "$outside"
