#!/usr/bin/env bash
# Sets up Az-LLM Studio (packages, build) and opens the studio on the built-in sample data.
# Without a display (a server, a container) it runs the same sample end to end in the terminal.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" "$root/build"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$root/build/app/studio/azllm-studio" "$@"
fi
echo "start: no display found, so here is the terminal tour instead (azllm demo)."
exec "$root/build/app/azllm/azllm" demo --out "$root/runs/demo" "$@"
