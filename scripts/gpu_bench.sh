#!/usr/bin/env bash
# Training at scale on a CUDA GPU, in one go (issue 12): builds core/engine and the azllm command
# against the CUDA LibTorch found on this machine (no internet needed), checks the engine on the
# GPU, then trains az-100m and az-300m for a few hundred steps in bf16 and fp32 and prints
# tokens/s, model FLOPs utilisation against the GPU's peak, and peak memory against the
# configurator's estimate. Paste its log into docs/benchmarks.md ("GPU").
#
#   bash scripts/gpu_bench.sh [--steps N] [--libtorch DIR] [--out LOG]
#
# LibTorch is looked for, in order: --libtorch, $Torch_DIR, $LIBTORCH, /opt/libtorch,
# /usr/local/libtorch, ~/libtorch, then the cmake prefix of a Python torch built with CUDA.
set -euo pipefail

steps=300
libtorch=""
log="gpu_bench.log"
while [ $# -gt 0 ]; do
    case "$1" in
    --steps) steps="$2"; shift 2 ;;
    --libtorch) libtorch="$2"; shift 2 ;;
    --out) log="$2"; shift 2 ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "gpu_bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-gpu"

die() {
    echo "gpu_bench: $*" >&2
    exit 1
}

# A LibTorch prefix holds share/cmake/Torch/TorchConfig.cmake; a CUDA one also lib/libtorch_cuda.so.
torch_cmake_dir() {
    local prefix="$1"
    for dir in "$prefix/share/cmake/Torch" "$prefix/lib/cmake/Torch" "$prefix"; do
        [ -f "$dir/TorchConfig.cmake" ] && { echo "$dir"; return 0; }
    done
    return 1
}

has_cuda_libs() {
    local cmake_dir="$1"
    local prefix
    prefix="$(cd "$cmake_dir/../../.." && pwd)"
    ls "$prefix"/lib/libtorch_cuda*.so >/dev/null 2>&1 || ls "$prefix"/lib/libc10_cuda.so >/dev/null 2>&1
}

find_libtorch() {
    local candidates=()
    [ -n "$libtorch" ] && candidates+=("$libtorch")
    [ -n "${Torch_DIR:-}" ] && candidates+=("$Torch_DIR")
    [ -n "${LIBTORCH:-}" ] && candidates+=("$LIBTORCH")
    candidates+=(/opt/libtorch /usr/local/libtorch "$HOME/libtorch")
    if command -v python3 >/dev/null; then
        local py
        py="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path if torch.version.cuda else "")' 2>/dev/null || true)"
        [ -n "$py" ] && candidates+=("$py/Torch" "$py")
    fi
    for c in "${candidates[@]}"; do
        local dir
        dir="$(torch_cmake_dir "$c")" || continue
        if has_cuda_libs "$dir"; then
            echo "$dir"
            return 0
        fi
        echo "gpu_bench: $c is a LibTorch without CUDA, skipped" >&2
    done
    return 1
}

command -v nvidia-smi >/dev/null || die "no nvidia-smi: this machine shows no NVIDIA GPU, nothing to measure."
torch_dir="$(find_libtorch)" || die "no CUDA LibTorch found (looked at --libtorch, \$Torch_DIR, \$LIBTORCH, /opt/libtorch, /usr/local/libtorch, ~/libtorch and Python's torch). Unpack an official LibTorch with CUDA (cxx11 ABI) and pass --libtorch DIR; this script needs no internet itself."

gpu="$(nvidia-smi --query-gpu=name --format=csv,noheader | head -1)"
memory_mib="$(nvidia-smi --query-gpu=memory.total --format=csv,noheader,nounits | head -1)"
memory_gib="$(awk -v m="$memory_mib" 'BEGIN { printf "%.1f", m / 1024 }')"
# Dense peak TFLOP/s for the 16-bit tensor cores and for fp32, by card name (data sheets).
peaks() {
    case "$1" in
    *H100*) echo "989 67" ;;
    *A100*) echo "312 19.5" ;;
    *L4*) echo "121 30.3" ;;
    *A10*) echo "125 31.2" ;;
    *4090*) echo "165 82.6" ;;
    *T4*) echo "65 8.1" ;;
    *) echo "0 0" ;;
    esac
}
read -r peak16 peak32 <<<"$(peaks "$gpu")"
half="bf16"
case "$gpu" in *T4* | *V100*) half="fp16" ;; esac # no bf16 in hardware before Ampere

exec > >(tee "$log") 2>&1
echo "== gpu_bench $(date -u +%Y-%m-%dT%H:%MZ) on $gpu ($memory_gib GiB); LibTorch $torch_dir"
echo "== peak: $peak16 TFLOP/s ($half tensor), $peak32 TFLOP/s (fp32)"

echo "== build (core/engine and azllm only)"
cmake -S "$root" -B "$build" -DAZLLM_ENGINE_ONLY=ON -DCMAKE_BUILD_TYPE=Release \
    -DTorch_DIR="$torch_dir" >/dev/null
cmake --build "$build" --target azllm -j"$(nproc)" >/dev/null
azllm="$build/app/azllm/azllm"

echo "== engine checks on cuda"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
losses() { grep -o 'loss [0-9.]*' | head -n "$1"; }
"$azllm" train --preset az-tiny --device cuda --steps 60 --log-every 60 --out "$work/falls" |
    tail -3
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
        --log-every 100 --out "$work/$precision" | grep -E '^step' | tail -1 |
        sed "s/^/$precision: /"
done

echo "== az-100m and az-300m, $steps steps each, plain and with activation checkpointing, at the"
echo "== batch the planner fits in $memory_gib GiB"
for preset in az-100m az-300m; do
    for precision in "$half" fp32; do
        peak="$peak32"
        [ "$precision" != fp32 ] && peak="$peak16"
        for checkpointing in "" --checkpointing; do
            "$azllm" bench train --preset "$preset" --device cuda --precision "$precision" \
                --fit-memory "$memory_gib" --steps "$steps" --warmup 10 --peak-tflops "$peak" \
                --matmul-repeats 0 $checkpointing ||
                echo "$preset $precision $checkpointing: failed (see above)"
        done
    done
done
echo "== done; log in $log"
