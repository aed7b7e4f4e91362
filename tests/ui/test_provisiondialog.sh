#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop app's provision dialog against simulated Pis reachable over SSH: two node
# namespaces with sshd and sudo (the second one's sudo wants a password), built with the
# provisioning tests' library, and tst_provisiondialog run offscreen in the admin namespace,
# where it drives the dialog like a user (see tst_provisiondialog.cpp).
#
# Usage: test_provisiondialog.sh TST_PROVISIONDIALOG K3SNETCTL K3SNET_AGENT [SCREENSHOT_DIR]
# Root only: exits 77 (SKIP) otherwise, or fails when K3SNET_REQUIRE_PRIVILEGED=1.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TST=$(readlink -f "${1:-}")
CTL=${2:-}
AGENT=${3:-}
SHOTS=${4:-}
# shellcheck source=tests/agent/netns-lib.sh
source "$HERE/../agent/netns-lib.sh"
# shellcheck source=tests/provision/sshnode-lib.sh
source "$HERE/../provision/sshnode-lib.sh"

if [[ ! -x "$TST" || ! -x "$CTL" || ! -x "$AGENT" ]]; then
    echo "FAIL: usage: $0 TST_PROVISIONDIALOG K3SNETCTL K3SNET_AGENT [SCREENSHOT_DIR]"
    exit 1
fi
skip_unless_root
k3st_require_tools ip unshare nsenter ssh-keygen sudo useradd chpasswd
[[ -x /usr/sbin/sshd ]] || k3st_skip "OpenSSH sshd is not installed (run packaging/install-deps.sh)"

K3ST_AGENT=$(readlink -f "$AGENT")
K3ST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/${K3ST_TAG}.XXXXXX")
trap k3st_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

NODES=2
SUDO_NODE=2
SUDO_PASSWORD="pi2-sudo-$$-secret"
setup_log=$K3ST_DIR/setup.log
if ! { k3st_lan_create && k3sp_admin_create "$CTL" "$AGENT"; } >"$setup_log" 2>&1; then
    echo "FAIL: LAN and admin namespace: $(tail -n 20 "$setup_log")"
    exit 1
fi
names=() fingerprints=()
for ((n = 1; n <= NODES; n++)); do
    password=""
    ((n == SUDO_NODE)) && password=$SUDO_PASSWORD
    if ! k3sp_node_boot "$n" "$password" >>"$setup_log" 2>&1; then
        echo "FAIL: pi$n did not boot: $(tail -n 20 "$setup_log")"
        exit 1
    fi
    names+=("$(k3st_node_name "$n")")
    fingerprints+=("$(k3sp_fingerprint "$n")")
done
project=$K3ST_DIR/cluster.k3snet.yaml
k3sp_project_write "$project" "$NODES"

join() { local IFS=,; echo "$*"; }
ip netns exec "$(k3sp_admin_ns)" env -u SSH_AUTH_SOCK \
    HOME="$(k3sp_admin_dir)/home" K3SNET_KNOWN_HOSTS="$(k3sp_known_hosts)" \
    K3SNET_AGENT_DIR="$K3SP_AGENT_DIR" \
    QT_QPA_PLATFORM=offscreen \
    K3SNET_TEST_PROJECT="$project" K3SNET_TEST_USER="$K3SP_USER" K3SNET_TEST_IDENTITY="$(k3sp_key)" \
    K3SNET_TEST_SUDO_PASSWORD="$SUDO_PASSWORD" K3SNET_TEST_NODES="$(join "${names[@]}")" \
    K3SNET_TEST_FINGERPRINTS="$(join "${fingerprints[@]}")" K3SNET_TEST_SHOTS="$SHOTS" \
    "$TST"
