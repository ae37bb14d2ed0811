#!/usr/bin/env bash
# Training at scale on a CUDA GPU, in one go (issue 12). Builds core/engine and the azllm command
# (-DAZLLM_ENGINE_ONLY=ON) against the CUDA LibTorch found on this machine (it needs no
# internet), checks the engine on the GPU through azllm (a short run's loss falls, a stopped and
# resumed run repeats an uninterrupted one exactly, bf16/fp16 and fp32 train), then for az-100m
# and az-300m in 16 bits and fp32: the planner's micro-batch for this GPU's memory, a dry run's
# peak memory (the CUDA caching allocator's) against the planner's estimate, a few hundred steps
# of training with tokens/s and model FLOPs utilisation against the GPU's peak. Synthetic data.
# Paste its log into docs/benchmarks.md. (The Qt Test suites need Qt: they are not built here.)
#
#   bash scripts/gpu_bench.sh [--steps N] [--libtorch DIR] [--out LOG]
#
# LibTorch is looked for, in order: --libtorch, $Torch_DIR, $LIBTORCH, /opt/libtorch,
# /usr/local/libtorch, ~/libtorch, the system's cmake folders, then Python's torch (python3
# and /usr/bin/python3) when it was built with CUDA.
set -euo pipefail

steps=300
libtorch=""
log="gpu_bench.log"
while [ $# -gt 0 ]; do
    case "$1" in
    --steps) steps="$2"; shift 2 ;;
    --libtorch) libtorch="$2"; shift 2 ;;
    --out) log="$2"; shift 2 ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "gpu_bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-gpu"

die() {
    echo "gpu_bench: $*" >&2
    exit 1
}

# A LibTorch prefix holds TorchConfig.cmake in one of these folders.
torch_cmake_dir() {
    local prefix="$1" dir
    for dir in "$prefix/share/cmake/Torch" "$prefix/lib/cmake/Torch" "$prefix/Torch" "$prefix"; do
        if [ -f "$dir/TorchConfig.cmake" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

# A CUDA LibTorch has libtorch_cuda (or, before 1.9, libc10_cuda) beside libtorch.
has_cuda_libs() {
    local cmake_dir="$1" lib
    for lib in "$cmake_dir/../../../lib" "$cmake_dir/../../lib" "$cmake_dir/../.."; do
        if compgen -G "$lib/libtorch_cuda*.so" >/dev/null || compgen -G "$lib/libc10_cuda.so" >/dev/null; then
            return 0
        fi
    done
    return 1
}

find_libtorch() {
    local candidates=() c dir py python
    [ -n "$libtorch" ] && candidates+=("$libtorch")
    [ -n "${Torch_DIR:-}" ] && candidates+=("$Torch_DIR")
    [ -n "${LIBTORCH:-}" ] && candidates+=("$LIBTORCH")
    candidates+=(/opt/libtorch /usr/local/libtorch "$HOME/libtorch")
    for dir in /usr/lib/*/cmake/Torch /usr/local/lib/cmake/Torch; do
        [ -d "$dir" ] && candidates+=("$dir")
    done
    for python in python3 /usr/bin/python3; do
        command -v "$python" >/dev/null || continue
        py="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path if torch.version.cuda else "")' 2>/dev/null || true)"
        [ -n "$py" ] && candidates+=("$py")
    done
    for c in "${candidates[@]}"; do
        dir="$(torch_cmake_dir "$c")" || continue
        if has_cuda_libs "$dir"; then
            echo "$dir"
            return 0
        fi
        echo "gpu_bench: $dir is a LibTorch without CUDA, skipped" >&2
    done
    return 1
}

# Dense peak TFLOP/s by card name (NVIDIA's data sheets, as core/engine/training_plan.cpp):
# "16-bit tensor cores with fp32 accumulation" and "plain fp32".
peaks() {
    case "$1" in
    *H100*) echo "989 67" ;;
    *A100*) echo "312 19.5" ;;
    *L4*) echo "121 30.3" ;;
    *A10*) echo "125 31.2" ;;
    *4090*) echo "165.2 82.6" ;;
    *T4*) echo "65 8.1" ;;
    *) echo "0 0" ;;
    esac
}

torch_dir="$(find_libtorch)" || die "no CUDA LibTorch found (looked at --libtorch, \$Torch_DIR, \$LIBTORCH, /opt/libtorch, /usr/local/libtorch, ~/libtorch, /usr/lib/*/cmake/Torch and Python's torch). Unpack an official LibTorch with CUDA (cxx11 ABI) and pass --libtorch DIR; nothing was built or run."
command -v nvidia-smi >/dev/null || die "no nvidia-smi: this machine shows no NVIDIA GPU, nothing to measure."

gpu="$(nvidia-smi --query-gpu=name --format=csv,noheader | head -1)"
memory_mib="$(nvidia-smi --query-gpu=memory.total --format=csv,noheader,nounits | head -1)"
memory_gib="$(awk -v m="$memory_mib" 'BEGIN { printf "%.1f", m / 1024 }')"
read -r peak16 peak32 <<<"$(peaks "$gpu")"
half="bf16"
case "$gpu" in *T4* | *V100*) half="fp16" ;; esac # no bf16 in hardware before Ampere

exec > >(tee "$log") 2>&1
echo "== gpu_bench $(date -u +%Y-%m-%dT%H:%MZ) on $gpu ($memory_gib GiB); LibTorch $torch_dir"
echo "== peak: $peak16 TFLOP/s ($half tensor cores), $peak32 TFLOP/s (fp32); 0 = card not in the table"

echo "== build (core/engine and azllm only)"
cmake -S "$root" -B "$build" -G Ninja -DAZLLM_ENGINE_ONLY=ON -DCMAKE_BUILD_TYPE=Release \
    -DTorch_DIR="$torch_dir" >"$build.configure.log" 2>&1 || die "configure failed: $build.configure.log"
cmake --build "$build" --target azllm -j"$(nproc)" >"$build.build.log" 2>&1 || die "build failed: $build.build.log"
azllm="$build/app/azllm/azllm"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
quiet=(--eval_interval 100000 --checkpoint_interval 100000)

echo "== engine checks on cuda"
losses() { grep -o 'loss [0-9.]*' | head -n "$1"; }
"$azllm" train --preset az-tiny --device cuda --steps 60 --log-every 20 --out "$work/falls" | grep '^step'
# Stop at step 10 and resume to 20: the losses must equal an uninterrupted run's.
"$azllm" train --preset az-tiny --device cuda --dropout 0.1 --steps 20 --log-every 1 \
    --checkpoint_interval 10 --out "$work/straight" >"$work/straight.txt"
"$azllm" train --preset az-tiny --device cuda --dropout 0.1 --steps 10 --log-every 1 \
    --checkpoint_interval 10 --out "$work/resumed" >"$work/first.txt"
"$azllm" train --resume "$work/resumed" --max_steps 20 --log-every 1 >"$work/second.txt"
if diff <(losses 20 <"$work/straight.txt") <(cat "$work/first.txt" "$work/second.txt" | losses 20) >/dev/null; then
    echo "resume on cuda: exact (20 losses equal)"
else
    echo "resume on cuda: DIFFERS"
fi
for precision in "$half" fp32; do
    "$azllm" train --preset az-tiny --device cuda --precision "$precision" --steps 100 \
        --log-every 100 --out "$work/tiny-$precision" | grep '^step' | tail -1 | sed "s/^/$precision: /"
done

echo "== az-100m and az-300m: the plan for $memory_gib GiB, its dry run, then $steps steps"
for preset in az-100m az-300m; do
    for precision in "$half" fp32; do
        peak="$peak32"
        [ "$precision" != fp32 ] && peak="$peak16"
        plan="$("$azllm" plan --preset "$preset" --memory "$memory_gib" --precision "$precision" \
            --target-tokens 0 --dry-run --device cuda)" || { echo "$preset $precision: plan failed"; continue; }
        echo "$plan"
        # The plain plan when it fits, else the checkpointed one (what the dry run ran).
        shape="$(sed -n 's/^ *plain *micro-batch \([0-9]*\) x \([0-9]*\) tokens.*/\1 \2 0/p' <<<"$plan")"
        [ -n "$shape" ] || shape="$(sed -n 's/^ *with checkpointing *micro-batch \([0-9]*\) x \([0-9]*\) tokens.*/\1 \2 1/p' <<<"$plan")"
        [ -n "$shape" ] || { echo "$preset $precision: does not fit in $memory_gib GiB"; continue; }
        read -r batch context checkpointing <<<"$shape"
        flops="$(sed -n 's/^ *flops per token *\([0-9.e+]*\).*/\1/p' <<<"$plan")"
        out="$("$azllm" train --preset "$preset" --device cuda --precision "$precision" \
            --batch "$batch" --context "$context" --activation_checkpointing "$checkpointing" \
            --steps "$steps" --log-every "$((steps / 10))" "${quiet[@]}" --out "$work/$preset-$precision")" ||
            { echo "$preset $precision: training failed"; continue; }
        rate="$(grep '^step' <<<"$out" | tail -1 | sed -n 's/.*| \([0-9]*\) tok\/s.*/\1/p')"
        awk -v p="$preset" -v x="$precision" -v b="$batch" -v t="$context" -v c="$checkpointing" \
            -v r="$rate" -v f="$flops" -v peak="$peak" 'BEGIN {
                mfu = peak > 0 ? 100 * r * f / (peak * 1e12) : 0
                printf "RESULT %s %s micro-batch %d x %d checkpointing %d: %d tokens/s, MFU %.1f %% of %s TFLOP/s\n",
                    p, x, b, t, c, r, mfu, peak }'
    done
done
echo "== done; log in $log"
