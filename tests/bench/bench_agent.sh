#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench_agent.sh: how fast k3snet-agent builds a node's data plane, next to `ip -batch` +
# `bridge -batch` applying the same objects, and what the running agent costs when idle.
# A benchmark, not a test: it prints a markdown table and asserts nothing. Run by hand, as root:
#
#   sudo tests/bench/bench_agent.sh build/agent-dyn/bin/k3snet-agent [build/agent-static/bin/k3snet-agent]
#
# For 1, 50 and 250 peers (made-up peers: LAN IPs in 192.0.2.0/24, pod subnets 10.42.N.0/24,
# locally administered MACs), each run starts from a fresh, empty node namespace (eth0, a veth
# to a LAN bridge, 192.0.2.11/24) and measures
#   - agent: the wall time from starting `k3snet-agent run` until it logs "converged" (process
#     start and the firewall/CNI/sysctl work included), the startup reconcile's own duration,
#     and the span from its "starting" line to its last device/peer change (all from its log);
#   - ip -batch: the wall time of `ip -batch` (vxlan + addr + up, bridge cni0 + addr + up, per
#     peer neighbour and route) and `bridge -batch` (per peer FDB entry), in a fresh namespace.
# Each number is the median of BENCH_REPS runs (default 3). Then, with 250 peers: the duration
# of a steady-state reconcile (nothing to do, triggered by SIGHUP, median of 5) and the idle
# VmRSS and CPU (utime+stime over BENCH_IDLE_SECONDS, default 30) for each binary given.
#
# Namespaces are named k3sbench<PID>-*, temp files live in $TMPDIR/k3sbench<PID>.*; both are
# removed on exit (also on failure, INT, TERM), and leftovers of earlier runs whose PID is gone
# are removed first. Every wait is bounded. Only documentation ranges, only our namespaces.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
K3ST_TAG="k3sbench$$"
# shellcheck source=tests/agent/netns-lib.sh disable=SC2034 # K3ST_AGENT etc. are read by the library
source "$HERE/../agent/netns-lib.sh"

BENCH_REPS=${BENCH_REPS:-3}
BENCH_IDLE_SECONDS=${BENCH_IDLE_SECONDS:-30}
read -r -a BENCH_PEERS <<<"${BENCH_PEERS:-1 50 250}"
NODE=1 # the node index in netns-lib terms: namespace <tag>-n1, eth0 192.0.2.11

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 AGENT_BINARY [STATIC_AGENT_BINARY]" >&2
    exit 2
fi
declare -a BIN=() BIN_NAME=()
BIN+=("$(readlink -f "$1")"); BIN_NAME+=("dynamic")
if [[ $# -eq 2 ]]; then BIN+=("$(readlink -f "$2")"); BIN_NAME+=("static"); fi
for b in "${BIN[@]}"; do
    [[ -x "$b" ]] || { echo "not an executable: $b" >&2; exit 2; }
done

skip_unless_root
k3st_require_tools ip bridge jq unshare awk sort

# Leftovers of earlier bench runs (k3sbench<PID>-*) whose script is gone.
bench_cleanup_stale() {
    local ns pid p d
    while read -r ns _; do
        [[ "$ns" =~ ^k3sbench([0-9]+)- ]] || continue
        pid=${BASH_REMATCH[1]}
        [[ "$pid" == "$$" ]] && continue
        kill -0 "$pid" 2>/dev/null && grep -qa bash "/proc/$pid/cmdline" 2>/dev/null && continue
        for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
        ip netns del "$ns" 2>/dev/null && k3st_log "removed leftover namespace $ns"
    done < <(ip netns list 2>/dev/null)
    for d in "${TMPDIR:-/tmp}"/k3sbench[0-9]*.*; do
        [[ -d "$d" && "$(basename "$d")" =~ ^k3sbench([0-9]+)\. ]] || continue
        kill -0 "${BASH_REMATCH[1]}" 2>/dev/null && continue
        rm -rf -- "$d"
    done
}
bench_cleanup_stale
K3ST_AGENT=${BIN[0]}
K3ST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/${K3ST_TAG}.XXXXXX")
trap k3st_cleanup EXIT # netns-lib: stops our agents, deletes <tag>-* namespaces and K3ST_DIR
trap 'exit 130' INT
trap 'exit 143' TERM
k3st_lan_create || { echo "cannot create the LAN namespaces" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Made-up peers: peer i (1..250) has LAN IP 192.0.2.h (h = 2..252, skipping our .11), pod
# subnet 10.42.i.0/24, VTEP MAC 0a:58:c6:33:ii:ii. The node itself has 10.42.0.0/24.

peer_ip() { local h=$(($1 + 1)); ((h >= 11)) && h=$((h + 1)); echo "192.0.2.$h"; }
peer_mac() { printf '0a:58:c6:33:%02x:%02x' "$(($1 >> 8))" "$(($1 & 255))"; }
NODE_MAC=0a:58:c0:00:02:0b

bench_config() { # PEERS: the node's AgentConfig on stdout
    local peers=$1 i dir
    dir=$(k3st_node_dir "$NODE")
    cat <<EOF
apiVersion: k3snet.io/v1alpha1
kind: AgentConfig
node:
  name: bench
  interface: eth0
  lanIP: $(k3st_node_lanip "$NODE")
vxlan:
  device: flannel.1
  vni: 1
  port: 8472
  mtu: 1450
  vtepMAC: "$NODE_MAC"
clusterCIDR: 10.42.0.0/16
podCIDR: 10.42.0.0/24
bridge: cni0
peers:
EOF
    for ((i = 1; i <= peers; i++)); do
        printf '  - name: peer%d\n    lanIP: %s\n    podCIDR: 10.42.%d.0/24\n    vtepMAC: "%s"\n' \
            "$i" "$(peer_ip "$i")" "$i" "$(peer_mac "$i")"
    done
    cat <<EOF
cni:
  masquerade: true
  firewall: auto
  confDir: $dir/cni/net.d
  binDir: $dir/cni/bin
  subnetEnv: $dir/flannel/subnet.env
serviceIPs: []
membership:
  port: 7947
  intervalMs: 100
  misses: 3
  keyFile: $dir/k3snet/cluster.key
reconcileIntervalSeconds: 30
statusFile: $dir/k3snet/status.json
EOF
}

bench_batches() { # PEERS OUTDIR: writes OUTDIR/ip.batch and OUTDIR/bridge.batch
    local peers=$1 out=$2 i
    {
        echo "link add flannel.1 address $NODE_MAC mtu 1450 type vxlan id 1 local $(k3st_node_lanip "$NODE") dev eth0 dstport 8472 nolearning"
        echo "addr add 10.42.0.0/32 dev flannel.1"
        echo "link set flannel.1 up"
        echo "link add cni0 mtu 1450 type bridge"
        echo "addr add 10.42.0.1/24 dev cni0"
        echo "link set cni0 up"
        for ((i = 1; i <= peers; i++)); do
            echo "neigh add 10.42.$i.0 lladdr $(peer_mac "$i") dev flannel.1 nud permanent"
            echo "route add 10.42.$i.0/24 via 10.42.$i.0 dev flannel.1 onlink"
        done
    } >"$out/ip.batch"
    for ((i = 1; i <= peers; i++)); do
        echo "fdb add $(peer_mac "$i") dev flannel.1 dst $(peer_ip "$i") self permanent"
    done >"$out/bridge.batch"
}

# ---------------------------------------------------------------------------------------------

status_file() { echo "$(k3st_node_dir "$NODE")/k3snet/status.json"; }
node_fresh() { # a new, empty node namespace (and node dir)
    # Deleting the veth end on the LAN deletes both ends now; a deleted namespace goes lazily.
    ip -n "$K3ST_LAN" link del "n$NODE" 2>/dev/null
    ip netns del "$(k3st_node_ns "$NODE")" 2>/dev/null
    rm -rf -- "$(k3st_node_dir "$NODE")"
    k3st_node_create "$NODE" || { echo "cannot create the node namespace" >&2; exit 1; }
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# converged_json: the status file exists and reports a converged reconcile.
converged_json() {
    local f
    f=$(status_file)
    [[ -s "$f" ]] && jq -e '.lastConvergedAt != null and .lastConvergedAt != ""' "$f" >/dev/null 2>&1
}

# agent_start_run BINARY PEERS: fresh node, agent started; once the status file says converged
# (within 60 s) sets RUN_WALL (seconds), RUN_MS and RUN_DP (ms) from the agent's log, or
# returns 1. The agent keeps running. Not to be called in a subshell (the agent's PID is kept).
RUN_WALL="" RUN_MS="" RUN_DP=""
agent_start_run() {
    local bin=$1 peers=$2 n=0
    node_fresh
    bench_config "$peers" >"$(k3st_node_config "$NODE")"
    K3ST_AGENT=$bin
    k3st_agent_start "$NODE"
    while ! converged_json; do
        if ((++n > 12000)) || ! k3st_agent_running "$NODE"; then
            echo "agent did not converge; its log:" >&2
            tail -n 20 "$(k3st_node_log "$NODE")" >&2
            return 1
        fi
        sleep 0.005
    done
    # All three from the agent's log, so the poll interval does not matter: the launch (netns-lib's
    # "agent start" line, written just before) to the first "converged" line; the startup
    # reconcile's own duration; the "starting" line to the last device/neighbour/FDB/route change.
    local vals
    vals=$(awk '
        function ms(t, a) { split(t, a, /[:.]/); return ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 + substr(a[4], 1, 3) }
        /^----- k3st: agent start / { l = ms($5) }
        / info: k3snet-agent .* starting:/ { s = ms($1) }
        s != "" && / info: (created|added|set flannel|set cni0|replaced)/ { e = ms($1) }
        / info: reconcile \(startup\):/ { r = $NF == "ms" ? $(NF - 1) : "n/a" }
        / info: converged:/ && c == "" { c = ms($1) }
        END { printf "%s %s %s\n", (l != "" && c != "") ? (c - l) / 1000 : "n/a", r != "" ? r : "n/a",
                  (s != "" && e != "") ? e - s : "n/a" }' "$(k3st_node_log "$NODE")")
    read -r RUN_WALL RUN_MS RUN_DP <<<"$vals"
    [[ "$RUN_WALL" != n/a ]]
}

# The same NAT rules and files as the agent, for the full peer script: captured once from a
# node the agent converged (its chains and the jumps to them, as iptables-restore input).
capture_peer_extras() { # writes $K3ST_DIR/nat.rules, conflist and subnet.env
    local ns dir
    ns=$(k3st_node_ns "$NODE")
    dir=$(k3st_node_dir "$NODE")
    ip netns exec "$ns" iptables-save | awk '
        /^\*/ { t = $0; next }
        /^:K3SNET-/ { decl[t] = decl[t] $0 "\n"; next }
        /^-A .*K3SNET-/ { rules[t] = rules[t] $0 "\n"; next }
        END { for (k in rules) printf "%s\n%s%sCOMMIT\n", k, decl[k], rules[k] }' >"$K3ST_DIR/nat.rules"
    cp "$dir/cni/net.d/10-k3snet.conflist" "$K3ST_DIR/conflist"
    cp "$dir/flannel/subnet.env" "$K3ST_DIR/subnet.env"
    grep -q K3SNET-POSTRTG "$K3ST_DIR/nat.rules" || { echo "no NAT rules captured" >&2; return 1; }
}

# What a hand-written provisioning script would do for the same node, timed the same way as
# the agent (from launching `ip netns exec` to done): both batches, the NAT rules in one
# iptables-restore, IP forwarding, the CNI files.
fullscript_run() { # PEERS: prints WALL_S
    local peers=$1 t0 ns dir
    node_fresh
    ns=$(k3st_node_ns "$NODE")
    dir=$(k3st_node_dir "$NODE")
    bench_batches "$peers" "$K3ST_DIR"
    mkdir -p "$dir/cni/net.d" "$dir/flannel"
    t0=$(k3st_us)
    ip netns exec "$ns" sh -e -c "ip -batch '$K3ST_DIR/ip.batch'; bridge -batch '$K3ST_DIR/bridge.batch'
        iptables-restore --noflush <'$K3ST_DIR/nat.rules'
        echo 1 >/proc/sys/net/ipv4/ip_forward
        cp '$K3ST_DIR/conflist' '$dir/cni/net.d/10-k3snet.conflist'
        cp '$K3ST_DIR/subnet.env' '$dir/flannel/subnet.env'" || return 1
    k3st_elapsed "$t0"
}

ipbatch_run() { # PEERS: fresh node, the batches applied; prints WALL_S
    local peers=$1 t0 ns
    node_fresh
    ns=$(k3st_node_ns "$NODE")
    bench_batches "$peers" "$K3ST_DIR"
    t0=$(k3st_us)
    ip -n "$ns" -batch "$K3ST_DIR/ip.batch" || return 1
    bridge -n "$ns" -batch "$K3ST_DIR/bridge.batch" || return 1
    k3st_elapsed "$t0"
}

declare -A RESULT=()
for peers in "${BENCH_PEERS[@]}"; do
    for b in "${!BIN[@]}"; do
        walls=() mss=() dps=()
        for ((r = 1; r <= BENCH_REPS; r++)); do
            agent_start_run "${BIN[$b]}" "$peers" || exit 1
            k3st_agent_stop "$NODE" 10
            walls+=("$RUN_WALL") mss+=("$RUN_MS") dps+=("$RUN_DP")
        done
        RESULT[$peers,${BIN_NAME[$b]},wall]=$(printf '%s\n' "${walls[@]}" | median)
        RESULT[$peers,${BIN_NAME[$b]},ms]=$(printf '%s\n' "${mss[@]}" | median)
        RESULT[$peers,${BIN_NAME[$b]},dp]=$(printf '%s\n' "${dps[@]}" | median)
        k3st_log "$peers peers, ${BIN_NAME[$b]} agent: wall ${walls[*]} s; startup reconcile ${mss[*]} ms; data plane (log) ${dps[*]} ms"
    done
    walls=()
    for ((r = 1; r <= BENCH_REPS; r++)); do
        walls+=("$(ipbatch_run "$peers")") || exit 1
    done
    RESULT[$peers,ip,wall]=$(printf '%s\n' "${walls[@]}" | median)
    k3st_log "$peers peers, ip -batch + bridge -batch: ${walls[*]} s"
    if [[ ! -s "$K3ST_DIR/nat.rules" ]]; then
        agent_start_run "${BIN[0]}" 1 && capture_peer_extras || exit 1
        k3st_agent_stop "$NODE" 10
    fi
    walls=()
    for ((r = 1; r <= BENCH_REPS; r++)); do
        walls+=("$(fullscript_run "$peers")") || exit 1
    done
    RESULT[$peers,full,wall]=$(printf '%s\n' "${walls[@]}" | median)
    k3st_log "$peers peers, full script: ${walls[*]} s"
done

# Steady state at 250 peers, per binary: SIGHUP reconciles with nothing to do, then idle cost.
clk=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
for b in "${!BIN[@]}"; do
    agent_start_run "${BIN[$b]}" 250 || exit 1
    pid=$(k3st_agent_pid "$NODE")
    sleep 1 # let the startup settle (netlink echoes of our own changes)
    hups=()
    for ((r = 1; r <= 5; r++)); do
        before=$(jq -r .reconciles "$(status_file)")
        kill -HUP "$pid"
        if ! wait_until 10 jq -e --argjson n "$before" '.reconciles > $n' "$(status_file)"; then
            echo "no reconcile after SIGHUP" >&2; exit 1
        fi
        hups+=("$(jq -r '"\(.lastReconcile.durationMs)"' "$(status_file)")")
        changes=$(jq -r '.lastReconcile.changes | length' "$(status_file)")
        [[ "$changes" == 0 ]] || k3st_log "warning: the steady-state reconcile made $changes changes"
        sleep 0.2
    done
    RESULT[steady,${BIN_NAME[$b]}]=$(printf '%s\n' "${hups[@]}" | median)
    sleep 1
    t0=$(cpu_ticks "$pid")
    rec0=$(jq -r .reconciles "$(status_file)")
    sleep "$BENCH_IDLE_SECONDS"
    t1=$(cpu_ticks "$pid")
    rec1=$(jq -r .reconciles "$(status_file)")
    RESULT[rss,${BIN_NAME[$b]}]=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    RESULT[cpu,${BIN_NAME[$b]}]=$(((t1 - t0) * 1000 / clk))
    RESULT[idlerec,${BIN_NAME[$b]}]=$((rec1 - rec0))
    k3st_log "${BIN_NAME[$b]}: steady-state reconciles ${hups[*]} ms"
    k3st_agent_stop "$NODE" 10
done

# ---------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo
echo "### k3snet-agent vs ip -batch: time to converge from an empty namespace (median of $BENCH_REPS)"
echo
hdr="| peers | ip+bridge -batch (ms) | full script (ms) |"
sep="|---:|---:|---:|"
for n in "${BIN_NAME[@]}"; do
    hdr+=" $n: data plane, log (ms) | ratio to -batch | $n: start→converged (ms) | ratio to full script | $n: startup reconcile (ms) |"
    sep+="---:|---:|---:|---:|---:|"
done
echo "$hdr"; echo "$sep"
for peers in "${BENCH_PEERS[@]}"; do
    ipms=$(awk -v s="${RESULT[$peers,ip,wall]}" 'BEGIN { printf "%.1f", s * 1000 }')
    fullms=$(awk -v s="${RESULT[$peers,full,wall]}" 'BEGIN { printf "%.1f", s * 1000 }')
    row="| $peers | $ipms | $fullms |"
    for n in "${BIN_NAME[@]}"; do
        wms=$(awk -v s="${RESULT[$peers,$n,wall]}" 'BEGIN { printf "%.1f", s * 1000 }')
        row+=" ${RESULT[$peers,$n,dp]} | $(ratio "${RESULT[$peers,$n,dp]}" "$ipms")x |"
        row+=" $wms | $(ratio "$wms" "$fullms")x | ${RESULT[$peers,$n,ms]} |"
    done
    echo "$row"
done
echo
echo "### Running agent, 250 peers"
echo
echo "| binary | size (bytes) | steady-state reconcile, SIGHUP (ms, median of 5) | idle VmRSS (KiB) | CPU over ${BENCH_IDLE_SECONDS} s idle (ms) | reconciles in that window |"
echo "|---|---:|---:|---:|---:|---:|"
for b in "${!BIN[@]}"; do
    n=${BIN_NAME[$b]}
    echo "| $n | $(stat -c %s "${BIN[$b]}") | ${RESULT[steady,$n]} | ${RESULT[rss,$n]} | ${RESULT[cpu,$n]} | ${RESULT[idlerec,$n]} |"
done
echo
echo "start→converged: from launching \`ip netns exec … unshare … k3snet-agent run\` to the agent's"
echo "\"converged\" log line (process start, config load, NAT rules via iptables-restore/nft and CNI"
echo "files included). startup reconcile: the duration the agent logs for it (ms resolution)."
echo "data plane, log: from the agent's \"starting\" log line to its last device/neighbour/FDB/route"
echo "change (ms timestamps; includes the kernel dump, no NAT/CNI work): compare with -batch."
echo "full script: \`ip netns exec\` of a shell running both batches, one iptables-restore of the"
echo "same NAT rules, ip_forward and the two CNI files: compare with start→converged."
exit 0
