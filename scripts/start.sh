#!/usr/bin/env bash
# Sets up Az-LLM Studio (packages, build) and runs the main job on the built-in sample data.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" "$root/build"
azllm="$root/build/app/azllm/azllm"
if "$azllm" --help | grep -q '^  demo '; then
    exec "$azllm" demo "$@"
fi
# Until the text pipeline is in: a CPU-sized model on the built-in synthetic set.
exec "$azllm" train --preset az-tiny --vocab_size 512 --context_length 128 --max_steps 300 \
    --eval_interval 50 --checkpoint_interval 100 --out "$root/runs/synthetic" "$@"
