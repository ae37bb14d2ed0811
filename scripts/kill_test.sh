#!/usr/bin/env bash
# The kill-9 harness: trains a small model with dropout once without interruption, then trains the
# same run again while killing `azllm train` with SIGKILL at random moments, each kill followed by
# `azllm train --resume`, until it reaches its last step; then compares the final checkpoint with
# the uninterrupted one, bit for bit. Checkpoint writes are slowed (AZLLM_SLOW_CHECKPOINT_MS) so
# that many kills land inside them, and half the kills wait for a write to begin. Rounds repeat
# until the number of kills is reached.
#
# Usage: scripts/kill_test.sh [--kills N] [--build DIR] [--seed S]    (defaults: 100, build, 1)
# Prints the counts (kills, kills inside a checkpoint write, resumes, restarts before the first
# checkpoint, rounds); exits 1 when a resume failed or a final checkpoint differed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
kills_wanted=100
RANDOM=1
while [ $# -gt 0 ]; do
    case "$1" in
        --kills) kills_wanted=$2; shift 2 ;;
        --build) build=$2; shift 2 ;;
        --seed) RANDOM=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "kill_test: unknown option $1" >&2; exit 2 ;;
    esac
done
azllm=$build/app/azllm/azllm
[ -x "$azllm" ] || { echo "kill_test: build azllm first ($azllm)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1

steps=120
model=(--vocab_size 64 --context_length 32 --n_embd 32 --n_layer 2 --n_head 2 --dropout 0.1
       --batch 8 --max_steps $steps --warmup_steps 10 --checkpoint_interval 3 --eval_interval 10
       --eval_batches 1 --keep_checkpoints 2 --seed 7 --device cpu --log-every 1000)
"$azllm" train "${model[@]}" --out "$work/reference" >"$work/reference.log" 2>&1
data=$work/reference/synthetic.tokens
final=$(printf 'checkpoints/step-%08d' $steps)

# Waits until process $2 has begun a checkpoint write in run folder $1 that was not there when it
# started (a step-N.tmp folder), or has ended. A fixed delay alone lands kills of a slowed-down
# machine before the first checkpoint every time, and nothing would be resumed.
wait_for_new_write() {
    local run=$1 pid=$2 before
    before=$(ls -d "$run"/checkpoints/step-*.tmp 2>/dev/null || true)
    while kill -0 "$pid" 2>/dev/null; do
        for folder in "$run"/checkpoints/step-*.tmp; do
            [ -d "$folder" ] && ! grep -qxF "$folder" <<<"$before" && return
        done
        sleep 0.01
    done
}

kills=0 inside=0 resumes=0 restarts=0 rounds=0 failures=0
while [ $kills -lt $kills_wanted ]; do
    rounds=$((rounds + 1))
    run=$work/round-$rounds
    while [ ! -f "$run/$final/state.txt" ]; do
        if [ -f "$run/config.txt" ]; then
            if compgen -G "$run/checkpoints/step-[0-9]*[0-9]/state.txt" >/dev/null; then
                resumes=$((resumes + 1))
            else
                restarts=$((restarts + 1))
            fi
            command=(train --resume "$run")
        else
            command=(train "${model[@]}" --data "$data" --out "$run")
        fi
        AZLLM_SLOW_CHECKPOINT_MS=40 "$azllm" "${command[@]}" >"$work/last.log" 2>&1 &
        pid=$!
        if [ $((RANDOM % 2)) -eq 0 ]; then
            # Inside a write: wait for this process to start one, then up to 70 ms more.
            wait_for_new_write "$run" $pid
            sleep "$(printf '0.0%d' $((RANDOM % 8)))"
        else
            # Between 0.05 and 2 s: some kills before the first step, most while training.
            sleep "$(printf '0.%02d' $((RANDOM % 95 + 5)))"
            [ $((RANDOM % 2)) -eq 0 ] && sleep 1
        fi
        if [ $kills -lt $kills_wanted ] && kill -KILL $pid 2>/dev/null; then
            wait $pid 2>/dev/null || true
            kills=$((kills + 1))
            # A step-N.tmp (or .old) folder left behind: the kill came inside a checkpoint write.
            if compgen -G "$run/checkpoints/step-*.tmp" >/dev/null ||
                compgen -G "$run/checkpoints/step-*.old" >/dev/null; then
                inside=$((inside + 1))
            fi
        elif ! wait $pid; then
            echo "kill_test: '${command[*]}' failed after $kills kills:" >&2
            cat "$work/last.log" >&2
            exit 1
        fi
    done
    for file in model.pt optimizer.pt rng.pt; do
        if ! cmp -s "$run/$final/$file" "$work/reference/$final/$file"; then
            echo "kill_test: round $rounds: $final/$file differs from the uninterrupted run" >&2
            failures=$((failures + 1))
        fi
    done
done
echo "kills $kills (inside a checkpoint write: $inside), resumes $resumes, restarts before" \
     "the first checkpoint $restarts, rounds $rounds, final checkpoints differing $failures"
echo "{\"kills\": $kills, \"inside_checkpoint_write\": $inside, \"resumes\": $resumes," \
     "\"restarts\": $restarts, \"rounds\": $rounds, \"differing\": $failures}"
[ $resumes -gt 0 ] || { echo "kill_test: no kill was followed by a resume" >&2; exit 1; }
[ $failures -eq 0 ]
