#!/usr/bin/env bash
# Issue 11's decoding comparison in one sitting: the gemm peak, then for each preset our fp32 and
# int8 decode path (and LibTorch fp32) beside llama.cpp's F32 and Q8_0 on the very same random
# weights, which `azllm bench generate --save-gguf` writes. Rounds alternate ours and llama.cpp
# (A B A B). Run it through /work/tools/cpu-bench on a quiet machine.
#
#   bench/quant_vs_llama_cpp.sh AZLLM LLAMA_BENCH [WORK_DIR] [ROUNDS] [PRESETS...]
#
# llama.cpp is built outside this repository (docs/benchmarks.md says which commit and how).
set -euo pipefail
azllm=${1:?usage: $0 AZLLM LLAMA_BENCH [WORK_DIR] [ROUNDS] [PRESETS...]}
llama_bench=${2:?usage: $0 AZLLM LLAMA_BENCH [WORK_DIR] [ROUNDS] [PRESETS...]}
work=${3:-/tmp/azllm-quant-bench}
rounds=${4:-2}
presets=(az-tiny az-mini az-100m)
if (($# > 4)); then presets=("${@:5}"); fi
mkdir -p "$work"

"$azllm" bench gemm
for preset in "${presets[@]}"; do
    for type in f32 q8_0; do
        "$azllm" bench generate --preset "$preset" --save-gguf "$work/$preset-$type.gguf" \
            --type "$type" --tokens 2 >/dev/null
    done
done
for round in $(seq "$rounds"); do
    for preset in "${presets[@]}"; do
        echo "== round $round $preset"
        "$azllm" bench generate --preset "$preset" --int8 --compare-libtorch --repeats 3 | tail -1
        "$llama_bench" -m "$work/$preset-f32.gguf" -m "$work/$preset-q8_0.gguf" -t 2 -p 0 -n 128 \
            -r 3 -o jsonl 2>/dev/null |
            /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print(json.dumps({"llama_cpp": d["model_type"], "file": d["model_filename"].split("/")[-1],
                      "tokens_per_s": round(d["avg_ts"], 1), "stddev": round(d["stddev_ts"], 1)}))'
    done
done
