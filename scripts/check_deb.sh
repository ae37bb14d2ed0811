#!/usr/bin/env bash
# Checks the Debian package as a user meets it: builds it (cpack), makes a clean Debian 12 root with
# debootstrap, installs the package there with apt (which must bring every dependency it declares),
# and starts the programs in that root: `azllm info`, then the studio offscreen with `--screenshot`
# (it seeds a workspace from the installed sample corpus, trains a few steps, renders every screen).
# Needs root (for chroot) and Debian's mirror; installs debootstrap when missing. Not part of CI.
#
# Usage: scripts/check_deb.sh [--build DIR] [--root DIR]
#   --root   where the Debian root goes (default /var/tmp/azllm-deb-root; reused when present)
# The screenshots are copied to <build>/deb-check/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
target=/var/tmp/azllm-deb-root
while [ $# -gt 0 ]; do
    case "$1" in
        --build) build=$2; shift 2 ;;
        --root) target=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "check_deb: unknown option $1" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "check_deb: needs root (chroot, debootstrap)" >&2; exit 2; }
"$root/scripts/install_packages.sh" debootstrap dpkg-dev file

(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build"/azllm-studio_*.deb | head -n 1)
echo "package: $deb"
dpkg-deb --field "$deb" Depends | tr ',' '\n' | sed 's/^ */  depends: /'

if [ ! -x "$target/usr/bin/apt-get" ]; then
    debootstrap --variant=minbase bookworm "$target" http://deb.debian.org/debian
fi
cp /etc/resolv.conf "$target/etc/resolv.conf"
mount -t proc proc "$target/proc"
trap 'umount "$target/proc"' EXIT
cp "$deb" "$target/tmp/"
in_root() { chroot "$target" env -i PATH=/usr/bin:/bin HOME=/tmp/home LANG=C.UTF-8 "$@"; }
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "/tmp/$(basename "$deb")" >"$build/deb-check-apt.log"
echo "installed into a clean Debian 12 root ($(in_root dpkg-query -W -f='${Version}' azllm-studio))"

in_root azllm info | head -n 3
rm -rf "$target/tmp/shots" "$target/tmp/home"
in_root env QT_QPA_PLATFORM=offscreen azllm-studio --screenshot /tmp/shots --steps 3
mkdir -p "$build/deb-check"
cp "$target"/tmp/shots/*.png "$build/deb-check/"
echo "the installed studio started, trained and rendered $(ls "$build/deb-check" | wc -l) screens:" \
     "$build/deb-check/"
