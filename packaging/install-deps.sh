#!/usr/bin/env bash
# Installs every Debian/Ubuntu package k3snet needs to build, test and run its demo.
# Idempotent and non-interactive: packages already present are left alone.
# Also unpacks the arm64 and armhf sysroots for the bundled static agents (cross-sysroot.sh).
# Usage: packaging/install-deps.sh   (run as root, or with sudo available)
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git extra-cmake-modules clang-format
  # Qt 6 (Core, Gui, Network, Widgets, Charts, Svg, Test, Linguist)
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libgl-dev libqt6opengl6-dev
  # libraries of core/domain, core and the agent
  libyaml-cpp-dev libssh-dev libnl-3-dev libnl-route-3-dev libssl-dev nlohmann-json3-dev
  # real windows for screenshot tests, fonts to render text
  xvfb xauth fonts-dejavu-core
  # the real network components the tests drive (namespaces, bridges, VXLAN, ARP, SSH)
  iproute2 iputils-ping iputils-arping tcpdump iptables nftables kmod jq
  openssh-server openssh-client sudo util-linux procps psmisc
  # libFuzzer targets of tests/fuzz (built by hand with clang, see its README)
  clang
  # L2 announcement: an NDP client for tests/agent/test_announce.sh, and keepalived, the
  # VRRP peer that tests/bench/bench_failover.sh compares the failover with
  ndisc6 keepalived
  # provisioning tests: systemd-analyze verifies the node's unit, shellcheck the node scripts
  systemd shellcheck
)
# tests/ui/tst_topologyaccessibility turns accessibility on through Qt's platform interface
packages+=(qt6-base-private-dev)

# The bundled agents for the nodes (packaging/cmake/BundledAgents.cmake): cross compilers for
# Raspberry Pi OS 64-bit (aarch64) and 32-bit (armhf), qemu-user to run them in tests. Their
# libraries are not installed as multiarch packages but unpacked by cross-sysroot.sh below.
packages+=(g++-aarch64-linux-gnu g++-arm-linux-gnueabihf qemu-user-static)

here=$(cd "$(dirname "$0")" && pwd)
cross_sysroots() {
  "$here/cross-sysroot.sh" arm64
  "$here/cross-sysroot.sh" armhf
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "k3snet: all ${#packages[@]} packages already installed"
  cross_sysroots
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "k3snet: installing ${#missing[@]} packages: ${missing[*]}"
# A mirror mid-sync can fail one index; the install below says clearly if a package is missing.
$SUDO apt-get update -qq || echo "k3snet: apt-get update reported errors; installing anyway" >&2
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
cross_sysroots
