# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
# netns-lib.sh: a bash library for real-kernel tests of k3snet-agent (source it, do not run it).
#
# It builds a simulated LAN of Raspberry Pi nodes out of network namespaces, all named with a
# per-run tag (k3st<PID>) so that runs can go in parallel:
#
#   <tag>-lan      the LAN: bridge br0 with one veth leg per node and one to the router
#   <tag>-rtr      the admin's router: 192.0.2.1/24 on eth0, 198.51.100.1/32 on lo ("internet")
#   <tag>-nN       node N: eth0 = 192.0.2.(10+N)/24, default route via the router
#   <tag>-nNpM     pod M of node N: eth0 on the node's cni0, 10.42.N.(9+M)/24 via 10.42.N.1
#
# Every node has a temp dir ($K3ST_DIR/nN) that holds its generated AgentConfig, the agent's log,
# its status file, CNI dirs and subnet.env: nothing is written to the host's /etc or /run. The
# agent runs in the node's network namespace and, in addition, in a private mount namespace with
# tmpfs over the host directories it could write to (/run and any of /etc/cni, /opt/cni, ... that
# exist), so a stray write lands in the node's tmpfs, never on the host.
#
# Only documentation ranges (192.0.2.0/24, 198.51.100.0/24) and 10.42.0.0/16 are used, only
# inside namespaces created here. Cleanup runs from an EXIT trap (also on failure, INT, TERM) and
# removes leftovers of earlier runs whose PID is gone. All waits are bounded.
#
# Environment:
#   K3SNET_REQUIRE_PRIVILEGED=1   a reason to skip becomes a failure (exit 1 instead of 77)
#   K3ST_KEEP=1                   keep namespaces and temp dir after the run (debugging)

K3ST_TAG=${K3ST_TAG:-k3st$$}
K3ST_DIR=""
K3ST_LAN="${K3ST_TAG}-lan"
K3ST_RTR="${K3ST_TAG}-rtr"
K3ST_ROUTER_IP=192.0.2.1
K3ST_INTERNET_IP=198.51.100.1
K3ST_CLUSTER_CIDR=10.42.0.0/16
K3ST_AGENT=""
K3ST_NODES=0
K3ST_RECONCILE_SECONDS=${K3ST_RECONCILE_SECONDS:-30}
declare -a K3ST_AGENT_PID=()
declare -a K3ST_BG_PIDS=()

# ---------------------------------------------------------------------------------------------
# Messages, skipping

k3st_log() { printf '[%s] %s\n' "$K3ST_TAG" "$*" >&2; }

# k3st_skip REASON: exit 77 (ctest SKIP_RETURN_CODE) with a one-line reason, or exit 1 with the
# same reason when K3SNET_REQUIRE_PRIVILEGED=1 (CI must never pass by skipping).
k3st_skip() {
    if [[ "${K3SNET_REQUIRE_PRIVILEGED:-}" == "1" ]]; then
        echo "FAIL: cannot run (K3SNET_REQUIRE_PRIVILEGED=1): $*"
        exit 1
    fi
    echo "SKIP: $*"
    exit 77
}

# skip_unless_root: root, network namespaces and the kernel's VXLAN are all needed.
skip_unless_root() {
    if [[ $(id -u) -ne 0 ]]; then
        k3st_skip "needs root (CAP_NET_ADMIN) for network namespaces"
    fi
    local probe="${K3ST_TAG}-probe"
    if ! ip netns add "$probe" 2>/dev/null; then
        k3st_skip "cannot create a network namespace (ip netns add failed)"
    fi
    local ok=1
    ip -n "$probe" link add k3stvx0 type vxlan id 42 dstport 8472 nolearning 2>/dev/null || ok=0
    ip -n "$probe" link add k3stbr0 type bridge 2>/dev/null || ok=0
    ip -n "$probe" link add k3stv0 type veth peer name k3stv1 2>/dev/null || ok=0
    ip netns del "$probe" 2>/dev/null
    if [[ $ok -ne 1 ]]; then
        k3st_skip "the kernel cannot create vxlan/bridge/veth devices (ip link add type vxlan failed)"
    fi
}

# k3st_require_tools TOOL...: every tool must be on PATH (packaging/install-deps.sh installs them).
k3st_require_tools() {
    local missing=() t
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || missing+=("$t")
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        k3st_skip "missing tools: ${missing[*]} (run packaging/install-deps.sh)"
    fi
}

# ---------------------------------------------------------------------------------------------
# Life cycle

# k3st_cleanup_stale: removes namespaces and temp dirs of earlier runs (prefix k3st<PID>) whose
# test process no longer exists. Processes still inside such namespaces are killed by PID.
k3st_cleanup_stale() {
    local ns pid p d
    while read -r ns _; do
        [[ "$ns" =~ ^k3st([0-9]+)- ]] || continue
        pid=${BASH_REMATCH[1]}
        [[ "k3st$pid" == "$K3ST_TAG" ]] && continue
        if kill -0 "$pid" 2>/dev/null && grep -qa bash "/proc/$pid/cmdline" 2>/dev/null; then
            continue # a live run, maybe in parallel: not ours to touch
        fi
        for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
        ip netns del "$ns" 2>/dev/null && k3st_log "removed leftover namespace $ns"
    done < <(ip netns list 2>/dev/null)
    for d in "${TMPDIR:-/tmp}"/k3st[0-9]*.*; do
        [[ -d "$d" ]] || continue
        [[ "$(basename "$d")" =~ ^k3st([0-9]+)\. ]] || continue
        pid=${BASH_REMATCH[1]}
        [[ "k3st$pid" == "$K3ST_TAG" ]] && continue
        kill -0 "$pid" 2>/dev/null && continue
        rm -rf -- "$d" && k3st_log "removed leftover dir $d"
    done
}

# k3st_init AGENT_BINARY: removes stale leftovers, creates the temp dir, installs the trap.
k3st_init() {
    K3ST_AGENT=$(readlink -f "$1")
    k3st_cleanup_stale
    K3ST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/${K3ST_TAG}.XXXXXX")
    trap k3st_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# k3st_cleanup: always runs (EXIT trap). Stops agents and background helpers by their PIDs,
# kills what is left inside our namespaces, deletes the namespaces and the temp dir.
k3st_cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    local i p ns
    for i in "${!K3ST_AGENT_PID[@]}"; do
        p=${K3ST_AGENT_PID[$i]}
        [[ -n "$p" ]] && kill -TERM "$p" 2>/dev/null
    done
    for p in "${K3ST_BG_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${K3ST_AGENT_PID[@]}" "${K3ST_BG_PIDS[@]}"; do
        [[ -n "$p" ]] || continue
        wait_until 5 k3st_not_alive "$p"
        wait "$p" 2>/dev/null
    done
    if [[ "${K3ST_KEEP:-}" == "1" ]]; then
        k3st_log "K3ST_KEEP=1: leaving namespaces $(k3st_own_namespaces | tr '\n' ' ')and $K3ST_DIR"
        exit "$rc"
    fi
    # Every namespace of this run, found by its prefix (also those created in a subshell):
    # processes still inside are killed by PID, then the namespace is deleted.
    for ns in $(k3st_own_namespaces); do
        for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
    done
    for ns in $(k3st_own_namespaces); do ip netns del "$ns" 2>/dev/null; done
    for p in "${K3ST_AGENT_PID[@]}" "${K3ST_BG_PIDS[@]}"; do
        [[ -n "$p" ]] && kill -KILL "$p" 2>/dev/null
    done
    wait 2>/dev/null
    [[ -n "$K3ST_DIR" && -d "$K3ST_DIR" ]] && rm -rf -- "$K3ST_DIR"
    exit "$rc"
}

k3st_own_namespaces() { ip netns list 2>/dev/null | awk -v t="$K3ST_TAG-" 'index($1, t) == 1 { print $1 }'; }

k3st_track_bg() { K3ST_BG_PIDS+=("$1"); }

# ---------------------------------------------------------------------------------------------
# Waiting: bounded polls, never an unbounded sleep

# k3st_time_until TIMEOUT_SECONDS CMD...: like wait_until, and prints the seconds from the call
# until the end of the first successful run of CMD (so at most one poll interval late).
k3st_time_until() {
    local t0
    t0=$(k3st_us)
    wait_until "$@" || return 1
    k3st_elapsed "$t0"
}

# k3st_us: microseconds since the epoch; k3st_sec_to_us SECONDS (fractions allowed).
k3st_us() { local t=${EPOCHREALTIME/[.,]/}; echo $((10#$t)); }
k3st_sec_to_us() { awk -v s="$1" 'BEGIN { printf "%d", s * 1000000 }'; }
# k3st_elapsed START_US: seconds since START_US, three decimals.
k3st_elapsed() { awk -v s="$1" -v now="$(k3st_us)" 'BEGIN { printf "%.3f", (now - s) / 1000000 }'; }
# k3st_le A B: true when the decimal number A <= B.
k3st_le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }

# wait_until TIMEOUT_SECONDS CMD...: runs CMD (output discarded) every 50 ms until it succeeds
# (return 0) or the timeout passes (return 1). Bounded in count as well as in time.
wait_until() {
    local timeout_us n=0 max deadline
    timeout_us=$(k3st_sec_to_us "$1"); shift
    deadline=$(($(k3st_us) + timeout_us))
    max=$((timeout_us / 50000 + 2))
    while :; do
        "$@" >/dev/null 2>&1 && return 0
        if ((++n > max || $(k3st_us) > deadline)); then return 1; fi
        sleep 0.05
    done
}

# ---------------------------------------------------------------------------------------------
# Names and addresses

k3st_node_ns() { echo "${K3ST_TAG}-n$1"; }
k3st_pod_ns() { echo "${K3ST_TAG}-n$1p$2"; }
k3st_node_name() { echo "pi$1"; }
k3st_node_dir() { echo "$K3ST_DIR/n$1"; }
k3st_node_config() { echo "$K3ST_DIR/n$1/agent.yaml"; }
k3st_node_log() { echo "$K3ST_DIR/n$1/agent.log"; }
k3st_node_lanip() { echo "192.0.2.$((10 + $1))"; }
k3st_node_podcidr() { echo "10.42.$1.0/24"; }
k3st_node_podnet() { echo "10.42.$1.0"; }
k3st_node_gateway() { echo "10.42.$1.1"; }
# A locally administered unicast MAC per node, as flannel generates them (first byte & 0xfe | 2).
k3st_node_mac() { printf '0a:58:c0:00:02:%02x' "$((10 + $1))"; }
k3st_pod_ip() { echo "10.42.$1.$((9 + $2))"; }

# Runs a command inside a namespace.
k3st_in() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# ---------------------------------------------------------------------------------------------
# Topology

k3st_ns_add() {
    ip netns add "$1" || return 1
    ip -n "$1" link set lo up
}

# k3st_lan_create: the LAN namespace with bridge br0, and the router on it.
k3st_lan_create() {
    k3st_ns_add "$K3ST_LAN" || return 1
    ip -n "$K3ST_LAN" link add br0 type bridge || return 1
    ip -n "$K3ST_LAN" link set br0 up || return 1
    # The router: the admin's gateway, with one "internet" address for the NAT test.
    k3st_ns_add "$K3ST_RTR" || return 1
    ip -n "$K3ST_LAN" link add rtr type veth peer name eth0 netns "$K3ST_RTR" || return 1
    ip -n "$K3ST_LAN" link set rtr master br0 up || return 1
    ip -n "$K3ST_RTR" addr add "$K3ST_ROUTER_IP/24" dev eth0 || return 1
    ip -n "$K3ST_RTR" link set eth0 up || return 1
    ip -n "$K3ST_RTR" addr add "$K3ST_INTERNET_IP/32" dev lo || return 1
}

# k3st_node_create N: node namespace N with eth0 on the LAN. Forwarding is on, as k3s's
# syssetup leaves a node (net.ipv4.conf.all.forwarding=1) before any CNI runs.
k3st_node_create() {
    local n=$1 ns
    ns=$(k3st_node_ns "$n")
    k3st_ns_add "$ns" || return 1
    ip -n "$K3ST_LAN" link add "n$n" type veth peer name eth0 netns "$ns" || return 1
    ip -n "$K3ST_LAN" link set "n$n" master br0 up || return 1
    ip -n "$ns" addr add "$(k3st_node_lanip "$n")/24" dev eth0 || return 1
    ip -n "$ns" link set eth0 up || return 1
    ip -n "$ns" route add default via "$K3ST_ROUTER_IP" dev eth0 || return 1
    k3st_in "$ns" sysctl -qw net.ipv4.ip_forward=1 || return 1
    mkdir -p "$(k3st_node_dir "$n")"/{cni/net.d,cni/bin,flannel,k3snet} || return 1
    # A cluster key for the membership heartbeat (32 random bytes, hex).
    od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$(k3st_node_dir "$n")/k3snet/cluster.key"
    chmod 600 "$(k3st_node_dir "$n")/k3snet/cluster.key"
    ((n > K3ST_NODES)) && K3ST_NODES=$n
    return 0
}

# k3st_topology_create NODES: LAN, router and NODES nodes.
k3st_topology_create() {
    local n
    k3st_lan_create || return 1
    for ((n = 1; n <= $1; n++)); do k3st_node_create "$n" || return 1; done
}

# k3st_pod_create N M: pod M of node N, a veth pair from the node's cni0 (which the agent
# creates, so call this after the agent converged) into the pod namespace.
k3st_pod_create() {
    local n=$1 m=$2 node pod
    node=$(k3st_node_ns "$n")
    pod=$(k3st_pod_ns "$n" "$m")
    k3st_ns_add "$pod" || return 1
    ip -n "$node" link add "vethp$m" mtu 1450 type veth peer name eth0 mtu 1450 netns "$pod" || return 1
    ip -n "$node" link set "vethp$m" master cni0 || return 1
    ip -n "$node" link set "vethp$m" up || return 1
    ip -n "$pod" addr add "$(k3st_pod_ip "$n" "$m")/24" dev eth0 || return 1
    ip -n "$pod" link set eth0 up || return 1
    ip -n "$pod" route add default via "$(k3st_node_gateway "$n")" dev eth0 || return 1
}

# ---------------------------------------------------------------------------------------------
# AgentConfig

# k3st_config_yaml N [EXCLUDED_PEER...]: the AgentConfig of node N on stdout; every other node
# is a peer unless listed. All paths point into the node's temp dir.
k3st_config_yaml() {
    local n=$1; shift
    local dir p x skip
    dir=$(k3st_node_dir "$n")
    cat <<EOF
apiVersion: k3snet.io/v1alpha1
kind: AgentConfig
node:
  name: $(k3st_node_name "$n")
  interface: eth0
  lanIP: $(k3st_node_lanip "$n")
vxlan:
  device: flannel.1
  vni: 1
  port: 8472
  mtu: 1450
  vtepMAC: "$(k3st_node_mac "$n")"
clusterCIDR: $K3ST_CLUSTER_CIDR
podCIDR: $(k3st_node_podcidr "$n")
bridge: cni0
EOF
    local peers=()
    for ((p = 1; p <= K3ST_NODES; p++)); do
        [[ $p -eq $n ]] && continue
        skip=0
        for x in "$@"; do [[ "$x" == "$p" ]] && skip=1; done
        [[ $skip -eq 1 ]] || peers+=("$p")
    done
    if [[ ${#peers[@]} -eq 0 ]]; then
        echo "peers: []"
    else
        echo "peers:"
        for p in "${peers[@]}"; do
            cat <<EOF
  - name: $(k3st_node_name "$p")
    lanIP: $(k3st_node_lanip "$p")
    podCIDR: $(k3st_node_podcidr "$p")
    vtepMAC: "$(k3st_node_mac "$p")"
EOF
        done
    fi
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
reconcileIntervalSeconds: $K3ST_RECONCILE_SECONDS
statusFile: $dir/k3snet/status.json
EOF
}

# k3st_write_config N [EXCLUDED_PEER...]: writes the node's agent.yaml (atomically).
k3st_write_config() {
    local cfg
    cfg=$(k3st_node_config "$1")
    k3st_config_yaml "$@" >"$cfg.tmp" && mv -f "$cfg.tmp" "$cfg"
}

# ---------------------------------------------------------------------------------------------
# Agents

# k3st_agent_start N: starts `k3snet-agent run --config` in node N's namespace, in the
# background, stderr and stdout appended to the node's agent.log. The PID recorded is the
# agent's own (ip netns exec, unshare and sh all exec).
k3st_agent_start() {
    local n=$1 ns cfg log
    ns=$(k3st_node_ns "$n")
    cfg=$(k3st_node_config "$n")
    log=$(k3st_node_log "$n")
    echo "----- k3st: agent start $(date +%T.%N) -----" >>"$log"
    # Private mounts: tmpfs over each host dir the agent might write to, unless our temp dir
    # lives below it.
    # shellcheck disable=SC2016 # $1, $d and $@ belong to the inner sh
    ip netns exec "$ns" unshare --mount --propagation private -- /bin/sh -c '
        keep=$1; shift
        for d in /run /etc/cni /opt/cni /var/lib/cni /etc/k3snet /var/lib/k3snet /var/lib/rancher; do
            [ -d "$d" ] || continue
            case "$keep/" in "$d"/*) continue ;; esac
            mount -t tmpfs -o mode=0755 k3st-node "$d" || exit 125
        done
        exec "$@"' k3st-node "$K3ST_DIR" "$K3ST_AGENT" run --config "$cfg" >>"$log" 2>&1 &
    K3ST_AGENT_PID[n]=$!
}

k3st_agent_pid() { echo "${K3ST_AGENT_PID[$1]:-}"; }

# k3st_agent_running N: the agent process of node N is alive.
k3st_agent_running() {
    local p=${K3ST_AGENT_PID[$1]:-}
    [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null
}

k3st_agent_signal() { local p=${K3ST_AGENT_PID[$1]:-}; [[ -n "$p" ]] && kill "-$2" "$p"; }

# k3st_agent_stop N [TIMEOUT]: SIGTERM, wait (bounded) for the exit. Returns 1 (after SIGKILL)
# if the agent did not exit in time; 0 otherwise. K3ST_LAST_EXIT gets the exit status.
export K3ST_LAST_EXIT=""
k3st_agent_stop() {
    local n=$1 timeout=${2:-10} p
    p=${K3ST_AGENT_PID[n]:-}
    [[ -z "$p" ]] && return 0
    kill -TERM "$p" 2>/dev/null
    if ! wait_until "$timeout" k3st_not_alive "$p"; then
        kill -KILL "$p" 2>/dev/null
        wait "$p" 2>/dev/null
        K3ST_LAST_EXIT=killed
        K3ST_AGENT_PID[n]=""
        return 1
    fi
    wait "$p" 2>/dev/null
    K3ST_LAST_EXIT=$?
    K3ST_AGENT_PID[n]=""
    return 0
}

# True when PID has exited (a zombie of ours counts as exited).
k3st_not_alive() {
    local st
    st=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null) || return 0
    [[ -z "$st" || "$st" == "Z" ]]
}

# k3st_agent_status N: `k3snet-agent status --json --config` inside node N; prints its output.
k3st_agent_status() {
    k3st_in "$(k3st_node_ns "$1")" "$K3ST_AGENT" status --json --config "$(k3st_node_config "$1")"
}

# k3st_log_size N: current size of node N's agent log (to read only what comes after).
k3st_log_size() { stat -c %s "$(k3st_node_log "$1")" 2>/dev/null || echo 0; }
# k3st_log_since N OFFSET: the log of node N from byte OFFSET on.
k3st_log_since() { tail -c +"$(($2 + 1))" "$(k3st_node_log "$1")" 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# Probes

# k3st_ping FROM_NS ADDRESS [COUNT]: succeeds if at least one reply comes back (1 s per probe).
k3st_ping() {
    ip netns exec "$1" ping -n -q -c "${3:-1}" -W 1 -i 0.2 "$2" >/dev/null 2>&1
}

# k3st_ifindex NS DEV: the interface index of DEV in NS (empty if absent).
k3st_ifindex() { ip -n "$1" -j link show dev "$2" 2>/dev/null | jq -r '.[0].ifindex // empty'; }

# k3st_link_counter NS DEV rx|tx packets|bytes
k3st_link_counter() {
    ip -n "$1" -s -j link show dev "$2" 2>/dev/null | jq -r ".[0].stats64.$3.$4 // .[0].stats.$3.$4 // empty"
}

# k3st_capture_start NS IFACE FILTER COUNT OUTFILE: tcpdump in NS (text output, -l, VXLAN
# decoded on any port via -T vxlan when the filter is on UDP 8472), bounded by `timeout`.
# Waits (bounded) until tcpdump is listening. Sets K3ST_CAPTURE_PID.
K3ST_CAPTURE_PID=""
k3st_capture_start() {
    local ns=$1 dev=$2 filter=$3 count=$4 out=$5 decode=()
    [[ "$filter" == *8472* ]] && decode=(-T vxlan)
    ip netns exec "$ns" timeout 30 tcpdump -i "$dev" -n -l -U "${decode[@]}" -c "$count" "$filter" \
        >"$out" 2>"$out.err" &
    K3ST_CAPTURE_PID=$!
    k3st_track_bg "$K3ST_CAPTURE_PID"
    wait_until 5 grep -q "listening on" "$out.err"
}

# k3st_capture_stop PID: ends a capture (timeout passes SIGTERM on; tcpdump flushes) and waits.
k3st_capture_stop() {
    kill -TERM "$1" 2>/dev/null
    wait_until 5 k3st_not_alive "$1" || kill -KILL "$1" 2>/dev/null
    wait "$1" 2>/dev/null
    return 0
}

# ---------------------------------------------------------------------------------------------
# L2 announcement (test_announce.sh, tests/bench/bench_failover.sh)

# k3st_share_key: every node gets node 1's cluster key (one cluster, one key).
k3st_share_key() {
    local n key
    key="$(k3st_node_dir 1)/k3snet/cluster.key"
    for ((n = 2; n <= K3ST_NODES; n++)); do
        cp -f "$key" "$(k3st_node_dir "$n")/k3snet/cluster.key" || return 1
        chmod 600 "$(k3st_node_dir "$n")/k3snet/cluster.key" || return 1
    done
}

# k3st_rank_nodes IP NODE...: the node names in MetalLB's election order for IP (ascending
# SHA-256 of "name#ip", metallb.md §4.1), one per line.
k3st_rank_nodes() {
    local ip=$1 name
    shift
    for name in "$@"; do
        printf '%s %s\n' "$(printf '%s' "$name#$ip" | sha256sum | cut -d' ' -f1)" "$name"
    done | sort | cut -d' ' -f2
}

# k3st_service_yaml IP SERVICE [INTERFACE]: one serviceIPs entry with every node of the run
# eligible, in election order (INTERFACE: announce there instead of the uplink).
k3st_service_yaml() {
    local ip=$1 service=$2 iface=${3:-} names=() n
    for ((n = 1; n <= K3ST_NODES; n++)); do names+=("$(k3st_node_name "$n")"); done
    printf '  - ip: "%s"\n    service: %s\n    eligibleNodes:\n' "$ip" "$service"
    k3st_rank_nodes "$ip" "${names[@]}" | sed 's/^/      - /'
    [[ -n "$iface" ]] && printf '    interfaces: [%s]\n' "$iface"
    return 0
}

# k3st_write_announce_config N SERVICE_IPS_YAML [INTERVAL_MS [MISSES]]: node N's agent.yaml as
# k3st_write_config writes it, with the serviceIPs block (a YAML list, or "[]") and the
# heartbeat timing (default: the AgentConfig defaults, 10 ms and 3) replaced.
k3st_write_announce_config() {
    local n=$1 cfg
    cfg=$(k3st_node_config "$n")
    k3st_config_yaml "$n" | K3ST_SVC=$2 K3ST_IV=${3:-10} K3ST_MS=${4:-3} awk '
        /^serviceIPs: \[\]$/ {
            if (ENVIRON["K3ST_SVC"] == "[]") print "serviceIPs: []"
            else { print "serviceIPs:"; print ENVIRON["K3ST_SVC"] }
            next
        }
        /^  intervalMs: / { print "  intervalMs: " ENVIRON["K3ST_IV"]; next }
        /^  misses: / { print "  misses: " ENVIRON["K3ST_MS"]; next }
        { print }' >"$cfg.tmp" && mv -f "$cfg.tmp" "$cfg"
}

# k3st_node_uplink_mac N: the MAC of node N's eth0 (the address its ARP answers carry).
k3st_node_uplink_mac() { ip -n "$(k3st_node_ns "$1")" -j link show dev eth0 | jq -r '.[0].address'; }

# k3st_agent_start_pg N: like k3st_agent_start, but the agent leads a process group of its own
# (setsid), so that one kill of the group is "pull the power" (bench_failover.sh).
k3st_agent_start_pg() {
    local n=$1 ns cfg log
    ns=$(k3st_node_ns "$n")
    cfg=$(k3st_node_config "$n")
    log=$(k3st_node_log "$n")
    echo "----- k3st: agent start (own process group) $(date +%T.%N) -----" >>"$log"
    # shellcheck disable=SC2016 # $1, $d and $@ belong to the inner sh
    ip netns exec "$ns" setsid unshare --mount --propagation private -- /bin/sh -c '
        keep=$1; shift
        for d in /run /etc/cni /opt/cni /var/lib/cni /etc/k3snet /var/lib/k3snet /var/lib/rancher; do
            [ -d "$d" ] || continue
            case "$keep/" in "$d"/*) continue ;; esac
            mount -t tmpfs -o mode=0755 k3st-node "$d" || exit 125
        done
        exec "$@"' k3st-node "$K3ST_DIR" "$K3ST_AGENT" run --config "$cfg" >>"$log" 2>&1 &
    K3ST_AGENT_PID[n]=$!
}
