#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# cross-sysroot.sh: the target libraries for a static cross-built k3snet-agent, unpacked into a
# folder of the build tree instead of installed as multiarch packages.
#
# Why not `apt-get install libssl-dev:arm64`? Multiarch -dev packages must have exactly the host's
# version, and a Debian mirror often carries different point releases per architecture for a
# while (libssl-dev 3.0.20 for arm64 next to 3.0.22 for amd64), which makes them impossible to
# co-install; libyaml-cpp-dev:arm64 and :armhf also conflict with each other. The agent needs
# only static archives and headers, so this script downloads the packages by name from the
# machine's configured apt sources (`apt-get download`) and unpacks them with `dpkg-deb -x`:
# nothing is installed, nothing on the host changes except the enabled foreign architecture.
#
# Usage: packaging/cross-sysroot.sh ARCH [DEST]
#   ARCH  arm64 or armhf (Debian architecture names)
#   DEST  default: build/sysroot-ARCH under the source tree; the toolchain files look there
# Re-running with the same package versions does nothing.
set -euo pipefail

arch=${1:?usage: cross-sysroot.sh arm64|armhf [DEST]}
case "$arch" in
    arm64 | armhf) ;;
    *) echo "cross-sysroot.sh: unknown architecture '$arch' (expected arm64 or armhf)" >&2; exit 2 ;;
esac
src_dir=$(cd "$(dirname "$0")/.." && pwd)
dest=${2:-$src_dir/build/sysroot-$arch}

# Static archives and headers of everything k3snet-agent links (see agent/CMakeLists.txt);
# libyaml-cpp0.7 only because yaml-cpp's CMake package checks that its shared library exists.
packages=(libyaml-cpp-dev libyaml-cpp0.7 libssl-dev libnl-3-dev libnl-route-3-dev)
# Header-only and architecture-independent, but inside the sysroot so that a cross build never
# puts the host's /usr/include on its include path.
indep=(nlohmann-json3-dev)

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi

if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
    echo "cross-sysroot.sh: enabling the $arch package indexes (dpkg --add-architecture $arch)"
    "${sudo_cmd[@]}" dpkg --add-architecture "$arch"
    # An index of one suite may be mid-sync on the mirror; what matters is whether the
    # packages below can be downloaded, which apt-get download says clearly.
    "${sudo_cmd[@]}" apt-get update -qq || echo "cross-sysroot.sh: apt-get update reported errors; trying the download anyway" >&2
fi

stamp="$dest/.packages"
wanted=$(apt-cache policy "${packages[@]/%/:$arch}" "${indep[@]}" 2>/dev/null | awk '/^[^ ]/ {p=$1} /Candidate:/ {print p, $2}')
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
    echo "cross-sysroot.sh: $dest is up to date"
    exit 0
fi
if grep -q "(none)" <<<"$wanted"; then
    echo "cross-sysroot.sh: the apt sources offer no $arch version of:" >&2
    grep "(none)" <<<"$wanted" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# apt-get download drops privileges to _apt, which must be able to write the folder.
chmod 0777 "$work"
(cd "$work" && apt-get download -qq "${packages[@]/%/:$arch}" "${indep[@]}")
rm -rf "$dest.new"
mkdir -p "$dest.new"
for deb in "$work"/*.deb; do
    dpkg-deb -x "$deb" "$dest.new"
done
printf '%s\n' "$wanted" >"$dest.new/.packages"
rm -rf "$dest"
mv "$dest.new" "$dest"
echo "cross-sysroot.sh: unpacked $((${#packages[@]} + ${#indep[@]})) $arch packages into $dest"
