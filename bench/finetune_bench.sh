#!/usr/bin/env bash
# The fine-tuning figures of docs/benchmarks.md, end to end on the sample data written for the
# project: make the context-256 base, answer the held-out questions before and after chat tuning
# (full and LoRA), and train the four classifier modes beside the two baselines.
# Usage (on a quiet machine): /work/tools/cpu-bench bench/finetune_bench.sh [OUT_DIR]
# BASE_STEPS=N pretrains the base for N steps instead of make-base's default (400).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
azllm=${AZLLM:-$root/build/app/azllm/azllm}
out=${1:-/tmp/azllm-finetune-bench}
data=$root/resources/finetune
ws=$out/ws
base=$ws/runs/base-256
mkdir -p "$out"
run() { echo "\$ azllm $*"; /usr/bin/time -f "[%e s wall]" "$azllm" "$@"; }

run bench gemm
[ -d "$base" ] || run make-base --workspace "$ws" ${BASE_STEPS:+--steps "$BASE_STEPS"}
run sft eval --checkpoint "$base" --data "$data/sual_cavab_eval.jsonl"
run sft train --base "$base" --data "$data/sual_cavab.jsonl" --out "$out/sft-full" --log-every 20
run sft eval --checkpoint "$out/sft-full" --data "$data/sual_cavab_eval.jsonl" --show 3
run sft train --base "$base" --data "$data/sual_cavab.jsonl" --out "$out/sft-lora" \
    --lora-rank 8 --learning_rate 0.002 --log-every 20
run sft eval --checkpoint "$out/sft-lora" --data "$data/sual_cavab_eval.jsonl" --show 3
for mode in head last2 full lora; do
    run classify train --base "$base" --data "$data/xeberler.csv" --out "$out/news-$mode" \
        --mode "$mode" --log-every 50
    run classify eval --checkpoint "$out/news-$mode" --data "$data/xeberler_test.csv"
done
run classify baseline --train "$data/xeberler.csv" --data "$data/xeberler_test.csv" --method majority
run classify baseline --train "$data/xeberler.csv" --data "$data/xeberler_test.csv"
