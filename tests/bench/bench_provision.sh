#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench_provision.sh: how long `k3snetctl provision` takes for one node and for eight nodes at
# once, what it sends per node, and how long a re-run that changes nothing takes.
# A benchmark, not a test: it prints a markdown table and asserts nothing. Run by hand, as root:
#
#   sudo tests/bench/bench_provision.sh build/release/bin/k3snetctl AGENT_BINARY
#
# (AGENT_BINARY: the agent that goes to the nodes, e.g. the bundled static one in
# build/release/lib/k3snet/agents/x86_64/k3snet-agent.) Eight simulated Pis as in
# tests/provision/sshnode-lib.sh: network namespaces on a LAN bridge, each with a copy-on-write
# root, OpenSSH sshd and a NOPASSWD test user; k3snetctl runs in an admin namespace. Host keys
# are accepted once before the measurements. Each round measures, from a node without k3snet:
#   1 node      provision --nodes pi1 (the project has all eight nodes, so pi1's config has
#               seven peers either way), then uninstall it again
#   8 nodes     provision of all eight in parallel (--jobs 8)
#   re-run      the same again, nothing changed (up to date everywhere), then uninstall all
#   serial      all eight one at a time (--jobs 1), the peer of the parallel run; uninstall
# Times are wall-clock medians of BENCH_REPS rounds (default 3), from the start of k3snetctl to
# its exit: connect, host key, login, detect, upload, verify on the node, switch, start and
# the health check until the agent reports converged. Bytes are from k3snetctl's report: the
# file payload uploaded, and everything SSH sent on the wire (both per node). CPU is what the
# run cost: k3snetctl itself, and every process of the nodes (sshd, sudo, the node script,
# sha256sum, the agent starting), read from /proc of the node namespaces' processes (their
# own and their reaped children's time). Here all nodes share this machine's CPUs, unlike
# real Pis: the table also gives the least time eight nodes can take on them, max(1-node time,
# CPU seconds / CPUs), and how close the provisioner comes to it.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck disable=SC2034 # read by netns-lib.sh
K3ST_TAG="k3sbenchp$$"
# shellcheck source=tests/agent/netns-lib.sh
source "$HERE/../agent/netns-lib.sh"
# shellcheck source=tests/provision/sshnode-lib.sh
source "$HERE/../provision/sshnode-lib.sh"

BENCH_REPS=${BENCH_REPS:-3}
NODES=8

if [[ $# -ne 2 ]]; then
    echo "usage: $0 K3SNETCTL AGENT_BINARY" >&2
    exit 2
fi
CTL=$(readlink -f "$1")
AGENT=$(readlink -f "$2")
for b in "$CTL" "$AGENT"; do
    [[ -x "$b" ]] || { echo "not an executable: $b" >&2; exit 2; }
done

skip_unless_root
k3st_require_tools ip jq unshare nsenter ssh-keygen sudo useradd usermod awk sort
k3st_init "$AGENT"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# node_ticks: clock ticks of CPU the nodes have used so far: for every live process in a node
# namespace, its own and its reaped children's user and system time (the fields after the
# command name in /proc/PID/stat, which may itself hold spaces).
node_ticks() {
    local n p total=0 t
    for ((n = 1; n <= NODES; n++)); do
        for p in $(ip netns pids "$(k3st_node_ns "$n")" 2>/dev/null); do
            t=$(awk '{ sub(/.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$p/stat" 2>/dev/null) || continue
            total=$((total + ${t:-0}))
        done
    done
    echo "$total"
}

# child_ticks: sets CHILD_TICKS to the user and system ticks of this shell's finished children
# (k3snetctl among them). `times` must run in this shell, not in a $(...) subshell.
CHILD_TICKS=0
child_ticks() {
    times >"$K3ST_DIR/times"
    CHILD_TICKS=$(awk -v hz="$(getconf CLK_TCK)" 'NR == 2 {
        s = 0
        for (i = 1; i <= NF; i++) { split($i, ms, "m"); sub(/s$/, "", ms[2]); s += ms[1] * 60 + ms[2] }
        printf "%d", s * hz }' "$K3ST_DIR/times")
}

OUT=""
# run LABEL ARGS...: one k3snetctl run; appends "seconds uploaded sent ctl-cpu node-cpu" (bytes
# per node, CPU in seconds) to $K3ST_DIR/LABEL.
run() {
    local label=$1 t0 secs n0 c0 nodecpu ctlcpu hz
    shift
    n0=$(node_ticks)
    child_ticks
    c0=$CHILD_TICKS
    t0=$(k3st_us)
    OUT=$(k3sp_ctl "$@" "$PROJECT" --identity "$(k3sp_key)" --batch --json 2>"$K3ST_DIR/stderr")
    local rc=$?
    secs=$(k3st_elapsed "$t0")
    hz=$(getconf CLK_TCK)
    nodecpu=$(awk -v a="$n0" -v b="$(node_ticks)" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz }')
    child_ticks
    ctlcpu=$(awk -v a="$c0" -v b="$CHILD_TICKS" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz }')
    if [[ $rc -ne 0 ]]; then
        k3st_log "$label: k3snetctl $1 failed (exit $rc): $(jq -c '[.nodes[] | {node, outcome, message}]' <<<"$OUT" 2>/dev/null) $(tail -n 5 "$K3ST_DIR/stderr")"
        return 1
    fi
    [[ "$label" == - ]] && return 0
    jq -r --arg s "$secs" --arg c "$ctlcpu" --arg n "$nodecpu" \
        '[$s, ([.nodes[].uploadedBytes] | add / length), ([.nodes[].bytesSent] | add / length), $c, $n] | @tsv' \
        <<<"$OUT" >>"$K3ST_DIR/$label"
}

column() { awk -v c="$2" '{ print $c }' "$K3ST_DIR/$1" | median; }
kib() { awk -v b="$1" 'BEGIN { if (b == "-") print "-"; else printf "%.1f KiB", b / 1024 }'; }

k3st_log "setup: LAN, admin namespace, $NODES nodes with sshd"
{
    k3st_lan_create && k3sp_admin_create "$CTL" "$AGENT" || exit 1
    for ((n = 1; n <= NODES; n++)); do k3sp_node_boot "$n" || exit 1; done
} >"$K3ST_DIR/setup.log" 2>&1 || { cat "$K3ST_DIR/setup.log"; exit 1; }
PROJECT=$K3ST_DIR/bench.k3snet.yaml
k3sp_project_write "$PROJECT" "$NODES"
run - status --accept-new || exit 1

for ((r = 1; r <= BENCH_REPS; r++)); do
    k3st_log "round $r of $BENCH_REPS"
    run one provision --nodes pi1 || exit 1
    run - uninstall --nodes pi1 || exit 1
    run eight provision --jobs 8 || exit 1
    run rerun provision --jobs 8 || exit 1
    run - uninstall || exit 1
    run serial provision --jobs 1 || exit 1
    run - uninstall || exit 1
done

one=$(column one 1)
eight=$(column eight 1)
cpus=$(nproc)
row() { # LABEL NODES FILE
    echo "| $1 | $2 | $(column "$3" 1) s | $(kib "$(column "$3" 2)") | $(kib "$(column "$3" 3)") | $(column "$3" 4) s | $(column "$3" 5) s |"
}
echo
echo "## k3snetctl provision: 1 node vs $NODES in parallel ($cpus CPUs, agent $(stat -c %s "$AGENT") bytes, median of $BENCH_REPS)"
echo
echo "| run | nodes | wall time | uploaded per node | SSH bytes sent per node | CPU k3snetctl | CPU all nodes |"
echo "|---|---:|---:|---:|---:|---:|---:|"
row "fresh install" 1 one
row "fresh install, in parallel" "$NODES" eight
row "re-run, nothing changed" "$NODES" rerun
row "fresh install, one at a time (--jobs 1)" "$NODES" serial
echo
floor=$(awk -v one="$one" -v c="$(column eight 4)" -v n="$(column eight 5)" -v cpus="$cpus" \
    'BEGIN { f = (c + n) / cpus; if (f < one) f = one; printf "%.3f", f }')
echo "$NODES nodes / 1 node: $(awk -v a="$eight" -v b="$one" 'BEGIN { printf "%.2fx", a / b }') (target: under 1.5x);" \
    "one at a time / in parallel: $(awk -v a="$(column serial 1)" -v b="$eight" 'BEGIN { printf "%.2fx", a / b }')."
echo "The least $NODES nodes can take on $cpus CPUs shared with their sshd, sudo and agents: $floor s;" \
    "measured $eight s ($(awk -v a="$eight" -v f="$floor" 'BEGIN { printf "%.0f%%", 100 * f / a }') of the way to it)."
