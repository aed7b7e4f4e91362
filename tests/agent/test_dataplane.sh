#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test_dataplane.sh AGENT: real-kernel tests of k3snet-agent's flannel-compatible VXLAN data
# plane. Three node namespaces on a simulated LAN bridge, two pods on each node's cni0, one
# agent per node started from a generated AgentConfig. One scenario per function; every check
# prints PASS or FAIL; the exit status is 1 if any check failed, 77 if the test cannot run here
# (not root, no VXLAN) unless K3SNET_REQUIRE_PRIVILEGED=1 makes that a failure too.
#
# Debugging: K3ST_SCENARIOS="nat broken_config" runs only those scenarios (after the setup);
# K3ST_KEEP=1 leaves the namespaces and the temp dir (with every agent's log) behind.
#
# Facts checked against flannel: shared/docs/reference/flannel-k3s.md §1 (device, local
# addressing, per-peer neighbour/FDB/route), §3.1 (subnet.env), §4 (pod egress masquerade).
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE_ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=netns-lib.sh
source "$HERE/netns-lib.sh"

AGENT=${1:-}
if [[ -z "$AGENT" || ! -x "$AGENT" ]]; then
    echo "FAIL: usage: $0 PATH/TO/k3snet-agent (got \"$AGENT\", not an executable)"
    exit 1
fi

NODES=3
PODS=2
# Timeouts (seconds): generous upper bounds that catch hangs, never speed targets, except the
# issue's own 2 s for repairs of outside changes.
CONVERGE_TIMEOUT=20
REPAIR_LIMIT=2
RELOAD_TIMEOUT=5

skip_unless_root
k3st_require_tools ip bridge jq tcpdump ping unshare timeout awk od sysctl

# ---------------------------------------------------------------------------------------------
# Reporting

# shellcheck source=tests/agent/report-lib.sh
source "$HERE/report-lib.sh"

# ---------------------------------------------------------------------------------------------
# The kernel objects flannel defines (reference §1.1, §1.3, §1.4), as normalised JSON

peers_of() {
    local n=$1 p out=()
    shift
    for ((p = 1; p <= NODES; p++)); do
        [[ $p -eq $n ]] && continue
        [[ " $* " == *" $p "* ]] && continue
        out+=("$p")
    done
    echo "${out[*]}"
}

# The eight objects compared, in this order (one line of normalised JSON each):
#  vxlan   §1.1: `ip link add flannel.1 address <MAC> mtu <ext-50> type vxlan id 1 dev <ext-if>
#          local <ext-ip> dstport 8472 nolearning`, UP; L2MISS/L3MISS/proxy/RSC/GBP off; TTL/TOS
#          0; no group/remote; accept_ra 0
#  fl-inet §1.3: flannel.1 has exactly <podCIDR net>/32
#  cni0    the bridge plugin's bridge, up
#  cni-inet     cni0 has exactly the gateway .1/len (isGateway)
#  routes  §1.4: exactly each peer's S via S.ip dev flannel.1 onlink, scope universe, main table.
#          The protocol is left out: netlink's default (boot) is not something flannel chooses.
#  neigh   §1.4: exactly each peer's S.ip lladdr M nud permanent on flannel.1
#  fdb     §1.4: exactly each peer's M dst P self permanent on flannel.1 (no port, no VNI)
#  cluster §1.3: no route for the whole cluster CIDR anywhere
OBJECTS=("flannel.1 device" "flannel.1 IPv4 addresses" "cni0 device" "cni0 IPv4 addresses"
    "routes on flannel.1" "neighbours on flannel.1" "FDB of flannel.1" "routes for the cluster CIDR")

peers_of() {
    local n=$1 p out=()
    shift
    for ((p = 1; p <= NODES; p++)); do
        [[ $p -eq $n ]] && continue
        [[ " $* " == *" $p "* ]] && continue
        out+=("$p")
    done
    echo "${out[*]}"
}

# want_objects N PEER...: the eight lines flannel would have on node N with these peers (cached).
declare -A WANT_CACHE=()
want_objects() {
    local n=$1 key="$*" peers_json="[]" p
    shift
    if [[ -z "${WANT_CACHE[$key]:-}" ]]; then
        for p in "$@"; do
            peers_json=$(jq -cn --argjson a "$peers_json" --arg net "$(k3st_node_podnet "$p")" \
                --arg cidr "$(k3st_node_podcidr "$p")" --arg mac "$(k3st_node_mac "$p")" \
                --arg lan "$(k3st_node_lanip "$p")" '$a + [{net: $net, cidr: $cidr, mac: $mac, lan: $lan}]')
        done
        WANT_CACHE[$key]=$(jq -ncS --argjson peers "$peers_json" --arg local "$(k3st_node_lanip "$n")" \
            --arg mac "$(k3st_node_mac "$n")" --arg net "$(k3st_node_podnet "$n")" \
            --arg gw "$(k3st_node_gateway "$n")" '
            {kind: "vxlan", id: 1, port: 8472, local: $local, link: "eth0", learning: false,
             l2miss: false, l3miss: false, proxy: false, rsc: false, gbp: false, ttl: 0,
             tos: null, group: null, remote: null, mtu: 1450, address: $mac, up: true,
             accept_ra: "0"},
            ["\($net)/32"],
            {kind: "bridge", up: true},
            ["\($gw)/24"],
            ($peers | map({type: "unicast", dst: .cidr, gateway: .net, scope: "global",
                           flags: ["onlink"]}) | sort_by(.dst)),
            ($peers | map({dst: .net, lladdr: .mac, state: ["PERMANENT"]}) | sort_by(.dst)),
            ($peers | map({mac: .mac, dst: .lan, flags: ["self"], state: "permanent"}) | sort_by(.mac)),
            []')
    fi
    printf '%s\n' "${WANT_CACHE[$key]}"
}

# got_objects N: the same eight lines as node N has them now (a few `ip` calls and one jq).
got_objects() {
    local ns ra
    ns=$(k3st_node_ns "$1")
    ra=$(ip netns exec "$ns" cat /proc/sys/net/ipv6/conf/flannel.1/accept_ra 2>/dev/null || echo 0)
    jq -ncS --arg ra "$ra" \
        --argjson link "$(ip -n "$ns" -d -j link show dev flannel.1 2>/dev/null || echo '[]')" \
        --argjson fladdr "$(ip -n "$ns" -4 -j addr show dev flannel.1 2>/dev/null || echo '[]')" \
        --argjson cni "$(ip -n "$ns" -d -j link show dev cni0 2>/dev/null || echo '[]')" \
        --argjson cniaddr "$(ip -n "$ns" -4 -j addr show dev cni0 2>/dev/null || echo '[]')" \
        --argjson routes "$(ip -n "$ns" -4 -d -j route show table main dev flannel.1 2>/dev/null || echo '[]')" \
        --argjson neigh "$(ip -n "$ns" -4 -j neigh show dev flannel.1 2>/dev/null || echo '[]')" \
        --argjson fdb "$(ip netns exec "$ns" bridge -j fdb show dev flannel.1 2>/dev/null || echo '[]')" \
        --argjson cluster "$(ip -n "$ns" -4 -j route show table all exact "$K3ST_CLUSTER_CIDR" 2>/dev/null || echo '[]')" '
        def inet: [.[0].addr_info[]? | "\(.local)/\(.prefixlen)"] | sort;
        ($link[0] // null | if . == null then null else
            (.linkinfo.info_data // {}) as $d | {
            kind: .linkinfo.info_kind, id: $d.id, port: $d.port, local: $d.local, link: $d.link,
            learning: $d.learning, l2miss: ($d.l2miss // false), l3miss: ($d.l3miss // false),
            proxy: ($d.proxy // false), rsc: ($d.rsc // false), gbp: ($d.gbp // false),
            ttl: ($d.ttl // 0), tos: ($d.tos // null), group: ($d.group // null),
            remote: ($d.remote // null), mtu: .mtu, address: .address,
            up: any(.flags[]?; . == "UP"), accept_ra: $ra} end),
        ($fladdr | inet),
        ($cni[0] // null | if . == null then null else
            {kind: .linkinfo.info_kind, up: any(.flags[]?; . == "UP")} end),
        ($cniaddr | inet),
        ($routes | map(del(.protocol)) | sort_by(.dst)),
        ($neigh | sort_by(.dst)),
        ($fdb | sort_by(.mac)),
        $cluster'
}

# object_diff N FIRST LAST [PEER...]: compares objects FIRST..LAST (0-based indexes into
# OBJECTS) of node N with flannel's; prints each difference; fails if there is one. Without
# peers, every other node is a peer.
object_diff() {
    local n=$1 first=$2 last=$3 i rc=0
    shift 3
    local peers=("$@")
    [[ $# -eq 0 ]] && read -r -a peers <<<"$(peers_of "$n")"
    local -a want got
    mapfile -t want < <(want_objects "$n" "${peers[@]}")
    mapfile -t got < <(got_objects "$n")
    for ((i = first; i <= last; i++)); do
        if [[ "${want[$i]:-}" != "${got[$i]:-}" ]]; then
            printf '%s differs\n  flannel: %s\n  actual:  %s\n' "${OBJECTS[$i]}" "${want[$i]:-}" "${got[$i]:-}"
            rc=1
        fi
    done
    return $rc
}

# got_line N INDEX: one of the normalised objects of node N as it is now.
got_line() { got_objects "$1" | sed -n "$(($2 + 1))p"; }

# node_matches N [PEER...]: every object of node N as flannel would have it.
node_matches() { local n=$1; shift; object_diff "$n" 0 7 "$@"; }

# same WHAT WANT GOT: prints a difference and fails when the two differ.
same() {
    if [[ "$2" == "$3" ]]; then return 0; fi
    printf '%s differs\n  want: %s\n  got:  %s\n' "$1" "$2" "$3"
    return 1
}

all_converged() {
    local n
    for ((n = 1; n <= NODES; n++)); do node_matches "$n" >/dev/null || return 1; done
}

ping_pod() { # FROM_NODE FROM_POD TO_NODE TO_POD
    k3st_ping "$(k3st_pod_ns "$1" "$2")" "$(k3st_pod_ip "$3" "$4")" 2
}
ping_once_fast() { # FROM_NS ADDRESS: one probe, 300 ms
    ip netns exec "$1" ping -n -q -c 1 -W 0.3 "$2" >/dev/null 2>&1
}

# ---------------------------------------------------------------------------------------------
# Baseline: every scenario starts from all agents running, canonical configs, converged nodes,
# pods attached. Repairs what an earlier failed scenario may have left.

baseline() {
    local n m cfg
    for ((n = 1; n <= NODES; n++)); do
        cfg=$(k3st_node_config "$n")
        if ! cmp -s <(k3st_config_yaml "$n") "$cfg"; then
            k3st_write_config "$n"
            k3st_agent_running "$n" && k3st_agent_signal "$n" HUP
        fi
        k3st_agent_running "$n" || k3st_agent_start "$n"
    done
    for ((n = 1; n <= NODES; n++)); do
        wait_until 10 node_matches "$n" || k3st_log "baseline: node $n not converged"
        for ((m = 1; m <= PODS; m++)); do
            ip -n "$(k3st_node_ns "$n")" -j link show dev "vethp$m" 2>/dev/null |
                jq -e '.[0].master == "cni0"' >/dev/null 2>&1 && continue
            ip -n "$(k3st_node_ns "$n")" link set "vethp$m" master cni0 up 2>/dev/null
        done
    done
}

# ---------------------------------------------------------------------------------------------
# Scenarios

HOST_PATHS=(/etc/cni /opt/cni /var/lib/cni /etc/k3snet /var/lib/k3snet /run/flannel /run/k3snet /var/lib/rancher)
declare -A HOST_PATH_EXISTED=()

scenario_setup() {
    scenario "setup: LAN, router, $NODES nodes, agents, $PODS pods per node"
    local p n m out
    for p in "${HOST_PATHS[@]}"; do [[ -e "$p" ]] && HOST_PATH_EXISTED[$p]=1; done
    # Not in $(...): the library records what it creates in variables of this shell.
    if ! k3st_topology_create "$NODES" >"$K3ST_DIR/topology.log" 2>&1; then
        fail "topology (LAN bridge, router, node namespaces) is built" "$(cat "$K3ST_DIR/topology.log")"
        return 1
    fi
    pass "topology (LAN bridge, router, node namespaces) is built"
    for ((n = 1; n <= NODES; n++)); do
        k3st_write_config "$n"
        k3st_agent_start "$n"
    done
    local converged=0
    for ((n = 1; n <= NODES; n++)); do
        if wait_until "$CONVERGE_TIMEOUT" node_matches "$n"; then
            pass "agent on $(k3st_node_name "$n") converges (all kernel objects present) within ${CONVERGE_TIMEOUT}s"
        else
            converged=1
            fail "agent on $(k3st_node_name "$n") converges (all kernel objects present) within ${CONVERGE_TIMEOUT}s" \
                "$(node_matches "$n"; k3st_agent_running "$n" || echo "agent exited"; tail -n 15 "$(k3st_node_log "$n")")"
        fi
    done
    for ((n = 1; n <= NODES; n++)); do
        for ((m = 1; m <= PODS; m++)); do
            if k3st_pod_create "$n" "$m" >"$K3ST_DIR/pod.log" 2>&1; then
                pass "pod $(k3st_pod_ip "$n" "$m") attached to $(k3st_node_name "$n")'s cni0"
            else
                fail "pod $(k3st_pod_ip "$n" "$m") attached to $(k3st_node_name "$n")'s cni0" "$(cat "$K3ST_DIR/pod.log")"
            fi
        done
    done
    for ((n = 1; n <= NODES; n++)); do
        check "status --json on $(k3st_node_name "$n") exits 0 when converged and prints JSON" \
            status_converged "$n"
    done
    return $converged
}

# is_json TEXT: TEXT is one JSON object.
is_json() {
    [[ -n "$1" ]] && jq -e 'type == "object"' >/dev/null 2>&1 <<<"$1" && return 0
    echo "not a JSON object: '$1'"
    return 1
}

status_converged() {
    local out rc
    out=$(k3st_agent_status "$1" 2>&1)
    rc=$?
    [[ $rc -eq 0 ]] || { echo "exit $rc: $out"; return 1; }
    is_json "$out"
}

scenario_kernel_objects() {
    scenario "kernel objects match flannel's (reference §1.1, §1.3, §1.4)"
    baseline
    local n name
    for ((n = 1; n <= NODES; n++)); do
        name=$(k3st_node_name "$n")
        check "$name: flannel.1 is vxlan id 1, dstport 8472, local $(k3st_node_lanip "$n"), dev eth0, nolearning, no l2miss/l3miss/proxy/rsc/gbp, ttl 0, mtu 1450, MAC $(k3st_node_mac "$n"), up, accept_ra 0" \
            object_diff "$n" 0 0
        check "$name: flannel.1 has exactly $(k3st_node_podnet "$n")/32" object_diff "$n" 1 1
        check "$name: cni0 is an up bridge with exactly $(k3st_node_gateway "$n")/24" object_diff "$n" 2 3
        check "$name: routes on flannel.1 are exactly each peer's /24 via its .0 onlink" object_diff "$n" 4 4
        check "$name: neighbours on flannel.1 are exactly each peer's .0 -> its VTEP MAC, permanent" \
            object_diff "$n" 5 5
        check "$name: FDB of flannel.1 is exactly each peer's MAC dst its LAN IP, self permanent" \
            object_diff "$n" 6 6
        check "$name: no route for the whole cluster CIDR $K3ST_CLUSTER_CIDR" object_diff "$n" 7 7
        check "$name: subnet.env as flannel writes it (§3.1)" subnet_env_matches "$n"
    done
}

subnet_env_matches() {
    local file want
    file="$(k3st_node_dir "$1")/flannel/subnet.env"
    want=$(printf 'FLANNEL_NETWORK=%s\nFLANNEL_SUBNET=%s/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true' \
        "$K3ST_CLUSTER_CIDR" "$(k3st_node_gateway "$1")")
    [[ -f "$file" ]] || { echo "$file missing"; return 1; }
    same "subnet.env" "$want" "$(cat "$file")"
}

scenario_full_mesh() {
    scenario "every pod pings every pod on the other nodes"
    baseline
    local a i b j
    for ((a = 1; a <= NODES; a++)); do
        for ((i = 1; i <= PODS; i++)); do
            for ((b = 1; b <= NODES; b++)); do
                [[ $a -eq $b ]] && continue
                for ((j = 1; j <= PODS; j++)); do
                    check "pod $(k3st_pod_ip "$a" "$i") ($(k3st_node_name "$a")) -> pod $(k3st_pod_ip "$b" "$j") ($(k3st_node_name "$b"))" \
                        ping_pod "$a" "$i" "$b" "$j"
                done
            done
        done
    done
    for ((a = 1; a <= NODES; a++)); do
        for ((b = 1; b <= NODES; b++)); do
            [[ $a -eq $b ]] && continue
            check "node $(k3st_node_name "$a") itself -> pod $(k3st_pod_ip "$b" 1) (source: its flannel.1 /32)" \
                k3st_ping "$(k3st_node_ns "$a")" "$(k3st_pod_ip "$b" 1)" 2
        done
    done
}

scenario_vxlan_on_the_wire() {
    scenario "pod traffic crosses the LAN as VXLAN on UDP 8472"
    baseline
    local dir=$K3ST_DIR/capture-vxlan tx1 rx2 tx1b rx2b cap_vx cap_plain
    mkdir -p "$dir"
    tx1=$(k3st_link_counter "$(k3st_node_ns 1)" flannel.1 tx packets)
    rx2=$(k3st_link_counter "$(k3st_node_ns 2)" flannel.1 rx packets)
    k3st_capture_start "$K3ST_LAN" br0 "udp port 8472" 400 "$dir/vxlan.txt" ||
        fail "tcpdump listens on the LAN bridge" "$(cat "$dir/vxlan.txt.err")"
    cap_vx=$K3ST_CAPTURE_PID
    k3st_capture_start "$K3ST_LAN" br0 "icmp and net 10.42.0.0/16" 100 "$dir/plain.txt" ||
        fail "tcpdump listens on the LAN bridge" "$(cat "$dir/plain.txt.err")"
    cap_plain=$K3ST_CAPTURE_PID
    ip netns exec "$(k3st_pod_ns 1 1)" ping -n -q -c 5 -i 0.1 -W 1 "$(k3st_pod_ip 2 1)" >/dev/null 2>&1
    ip netns exec "$(k3st_pod_ns 2 2)" ping -n -q -c 5 -i 0.1 -W 1 "$(k3st_pod_ip 3 2)" >/dev/null 2>&1
    # tcpdump -l prints each packet as it sees it; wait (bounded) for the last reply, then stop.
    wait_until 3 grep -q "10.42.3.11 > 10.42.2.11: ICMP echo reply.*seq 5" "$dir/vxlan.txt"
    k3st_capture_stop "$cap_vx"
    k3st_capture_stop "$cap_plain"
    check "LAN capture: 192.0.2.11 -> 192.0.2.12:8472 VXLAN vni 1 carrying 10.42.1.10 > 10.42.2.10 ICMP echo request" \
        capture_has "$dir/vxlan.txt" '192\.0\.2\.11\.[0-9]+ > 192\.0\.2\.12\.8472: VXLAN.*vni 1' '10\.42\.1\.10 > 10\.42\.2\.10: ICMP echo request'
    check "LAN capture: 192.0.2.12 -> 192.0.2.11:8472 VXLAN carrying the echo reply 10.42.2.10 > 10.42.1.10" \
        capture_has "$dir/vxlan.txt" '192\.0\.2\.12\.[0-9]+ > 192\.0\.2\.11\.8472: VXLAN' '10\.42\.2\.10 > 10\.42\.1\.10: ICMP echo reply'
    check "LAN capture: 192.0.2.12 -> 192.0.2.13:8472 VXLAN carrying 10.42.2.11 > 10.42.3.11 (pod source kept, no NAT)" \
        capture_has "$dir/vxlan.txt" '192\.0\.2\.12\.[0-9]+ > 192\.0\.2\.13\.8472: VXLAN' '10\.42\.2\.11 > 10\.42\.3\.11: ICMP echo request'
    check "LAN capture: no unencapsulated pod ICMP on the LAN" \
        capture_empty "$dir/plain.txt"
    tx1b=$(k3st_link_counter "$(k3st_node_ns 1)" flannel.1 tx packets)
    rx2b=$(k3st_link_counter "$(k3st_node_ns 2)" flannel.1 rx packets)
    check "flannel.1 counters: pi1 tx +$((tx1b - tx1)), pi2 rx +$((rx2b - rx2)) (>= 5 each)" \
        test $((tx1b - tx1)) -ge 5 -a $((rx2b - rx2)) -ge 5
}

# capture_has FILE OUTER_RE INNER_RE: a VXLAN line matching OUTER_RE whose inner packet (same
# line with -l, or the next line) matches INNER_RE.
capture_has() {
    if awk -v o="$2" -v i="$3" '
        $0 ~ o { if ($0 ~ i) found = 1; pending = 1; next }
        pending && $0 ~ i { found = 1 }
        { pending = 0 }
        END { exit !found }' "$1"; then
        return 0
    fi
    echo "not in the capture ($(grep -c . "$1") lines); first lines:"
    head -n 8 "$1"
    return 1
}
capture_empty() {
    if ! grep -q 'IP ' "$1"; then return 0; fi
    echo "captured:"; head -n 8 "$1"; return 1
}

scenario_restart_during_ping() {
    scenario "restart an agent during a continuous ping"
    baseline
    local dir=$K3ST_DIR/restart fl_before cni_before fl_after cni_after ping_pid sent recv lost
    mkdir -p "$dir"
    fl_before=$(k3st_ifindex "$(k3st_node_ns 1)" flannel.1)
    cni_before=$(k3st_ifindex "$(k3st_node_ns 1)" cni0)
    ip netns exec "$(k3st_pod_ns 1 1)" ping -n -i 0.05 -c 200 -W 1 "$(k3st_pod_ip 2 1)" >"$dir/ping.txt" 2>&1 &
    ping_pid=$!
    k3st_track_bg "$ping_pid"
    wait_until 3 grep -q "icmp_seq=5 " "$dir/ping.txt"
    if k3st_agent_stop 1 10; then
        pass "SIGTERM: pi1's agent exits within 10 s (status $K3ST_LAST_EXIT)"
    else
        fail "SIGTERM: pi1's agent exits within 10 s" "$(tail -n 10 "$(k3st_node_log 1)")"
    fi
    check "SIGTERM leaves the data plane: flannel.1 (same ifindex) and all of pi1's entries still there" \
        same_and_matches 1 "$fl_before"
    k3st_agent_start 1
    if wait_until "$CONVERGE_TIMEOUT" restarted_and_converged 1; then
        pass "restarted agent on pi1 runs and the node stays converged"
    else
        fail "restarted agent on pi1 runs and the node stays converged" "$(node_matches 1; tail -n 10 "$(k3st_node_log 1)")"
    fi
    # Let the ping run on past the restart, then collect it (bounded: 200 x 50 ms + slack).
    wait_until 30 k3st_not_alive "$ping_pid"
    kill -INT "$ping_pid" 2>/dev/null
    wait "$ping_pid" 2>/dev/null
    fl_after=$(k3st_ifindex "$(k3st_node_ns 1)" flannel.1)
    cni_after=$(k3st_ifindex "$(k3st_node_ns 1)" cni0)
    check "no device recreated: flannel.1 ifindex $fl_before -> $fl_after, cni0 ifindex $cni_before -> $cni_after" \
        test -n "$fl_before" -a "$fl_before" = "$fl_after" -a -n "$cni_before" -a "$cni_before" = "$cni_after"
    sent=$(sed -n 's/^\([0-9]\+\) packets transmitted.*/\1/p' "$dir/ping.txt")
    recv=$(sed -n 's/.* \([0-9]\+\) received.*/\1/p' "$dir/ping.txt")
    lost=$(( ${sent:-0} - ${recv:-0} ))
    check "continuous ping pod 10.42.1.10 -> 10.42.2.10 across the restart: ${recv:-?}/${sent:-?} received, $lost lost (<= 3)" \
        test "${sent:-0}" -ge 100 -a "$lost" -le 3
}

same_and_matches() {
    local now
    now=$(k3st_ifindex "$(k3st_node_ns "$1")" flannel.1)
    [[ -n "$now" && "$now" == "$2" ]] || { echo "flannel.1 ifindex was $2, now '${now}'"; return 1; }
    node_matches "$1"
}
restarted_and_converged() { k3st_agent_running "$1" && node_matches "$1"; }

# repair_case DESCRIPTION CMD...: runs CMD (an outside change on pi1), then measures how long
# until pi1 matches flannel again and until pod 10.42.1.10 reaches 10.42.2.10 again. Waits up
# to 5 s so that a late repair is reported with its time; passes only within REPAIR_LIMIT.
repair_case() {
    local desc=$1 took
    shift
    baseline
    ping_pod 1 1 2 1 || k3st_log "repair case: ping did not work before the change"
    if ! "$@"; then
        fail "$desc: the outside change itself" "command failed: $*"
        return
    fi
    # The two clocks start at the change; they run one after the other, so the ping clock
    # includes the repair time.
    local t0
    t0=$(k3st_us)
    if took=$(k3st_time_until 5 node_matches 1) && k3st_le "$took" "$REPAIR_LIMIT"; then
        pass "$desc: restored within ${REPAIR_LIMIT} s (took ${took} s)"
    else
        fail "$desc: restored within ${REPAIR_LIMIT} s (${took:+took $took s}${took:-not within 5 s})" \
            "$(node_matches 1; tail -n 5 "$(k3st_node_log 1)")"
    fi
    if wait_until 5 ping_once_fast "$(k3st_pod_ns 1 1)" "$(k3st_pod_ip 2 1)"; then
        took=$(k3st_elapsed "$t0")
        if k3st_le "$took" "$REPAIR_LIMIT"; then
            pass "$desc: pod ping 10.42.1.10 -> 10.42.2.10 works again within ${REPAIR_LIMIT} s (took ${took} s)"
        else
            fail "$desc: pod ping 10.42.1.10 -> 10.42.2.10 works again within ${REPAIR_LIMIT} s (took ${took} s)"
        fi
    else
        fail "$desc: pod ping 10.42.1.10 -> 10.42.2.10 works again within ${REPAIR_LIMIT} s (not within 5 s)" \
            "$(node_matches 1)"
    fi
    check "$desc: pi1 also reaches pi3's pods again" ping_pod 1 2 3 2
}

del_flannel() { ip -n "$(k3st_node_ns 1)" link del flannel.1; }
del_route() { ip -n "$(k3st_node_ns 1)" route del "$(k3st_node_podcidr 2)" dev flannel.1; }
del_fdb() { ip netns exec "$(k3st_node_ns 1)" bridge fdb del "$(k3st_node_mac 2)" dev flannel.1 self; }
del_neigh() { ip -n "$(k3st_node_ns 1)" neigh del "$(k3st_node_podnet 2)" dev flannel.1; }

scenario_outside_deletions() {
    scenario "objects deleted from outside are restored within ${REPAIR_LIMIT} s"
    local before after
    baseline
    before=$(k3st_ifindex "$(k3st_node_ns 1)" flannel.1)
    repair_case "ip link del flannel.1 on pi1" del_flannel
    after=$(k3st_ifindex "$(k3st_node_ns 1)" flannel.1)
    check "flannel.1 was really recreated (ifindex $before -> ${after:-none})" test -n "$after" -a "$before" != "$after"
    repair_case "ip route del $(k3st_node_podcidr 2) on pi1" del_route
    repair_case "bridge fdb del $(k3st_node_mac 2) (pi2's VTEP) on pi1" del_fdb
    repair_case "ip neigh del $(k3st_node_podnet 2) on pi1" del_neigh
}

scenario_peer_removal() {
    scenario "remove a peer from the config and reload (SIGHUP): its entries are gone"
    baseline
    k3st_write_config 1 3
    k3st_agent_signal 1 HUP
    if wait_until "$RELOAD_TIMEOUT" node_matches 1 2; then
        pass "after SIGHUP pi1 has exactly pi2's entries (pi3 removed) within ${RELOAD_TIMEOUT} s"
    else
        fail "after SIGHUP pi1 has exactly pi2's entries (pi3 removed) within ${RELOAD_TIMEOUT} s" \
            "$(node_matches 1 2; tail -n 5 "$(k3st_node_log 1)")"
    fi
    check "pi3's route $(k3st_node_podcidr 3) is gone from pi1" \
        same "routes to pi3" "[]" "$(got_line 1 4 | jq -c --arg d "$(k3st_node_podcidr 3)" '[.[] | select(.dst == $d)]')"
    check "pi3's neighbour $(k3st_node_podnet 3) is gone from pi1" \
        same "neighbours of pi3" "[]" "$(got_line 1 5 | jq -c --arg d "$(k3st_node_podnet 3)" '[.[] | select(.dst == $d)]')"
    check "pi3's FDB entry $(k3st_node_mac 3) is gone from pi1" \
        same "FDB entries of pi3" "[]" "$(got_line 1 6 | jq -c --arg m "$(k3st_node_mac 3)" '[.[] | select(.mac == $m)]')"
    check "agent on pi1 still runs after the reload" k3st_agent_running 1
    check "pod 10.42.1.10 still reaches pi2's pod 10.42.2.10" ping_pod 1 1 2 1
    k3st_write_config 1
    k3st_agent_signal 1 HUP
    if wait_until "$RELOAD_TIMEOUT" node_matches 1; then
        pass "putting pi3 back and reloading restores its entries on pi1"
    else
        fail "putting pi3 back and reloading restores its entries on pi1" "$(node_matches 1)"
    fi
}

scenario_broken_config() {
    scenario "a broken config on SIGHUP: clear error, old state kept"
    baseline
    local off before cfg errline line
    cfg=$(k3st_node_config 1)
    before=$(k3st_ifindex "$(k3st_node_ns 1)" flannel.1)
    off=$(k3st_log_size 1)
    # A misspelt key (podCIDR -> podCDIR), and a peer removed, which must NOT take effect.
    k3st_config_yaml 1 3 | sed 's/^podCIDR:/podCDIR:/' >"$cfg.tmp" && mv -f "$cfg.tmp" "$cfg"
    k3st_agent_signal 1 HUP
    if wait_until "$RELOAD_TIMEOUT" log_has_error 1 "$off"; then
        sleep 0.2 # the rest of a multi-line report
        errline=$(k3st_log_since 1 "$off" | grep -iE 'error|invalid|unknown' | head -n 1)
        pass "agent logs an error after the reload: $errline"
        line=$(grep -n '^podCDIR:' "$cfg" | cut -d: -f1)
        check "the log points at the misspelt key: agent.yaml:$line:1 and podCDIR" \
            error_is_clear "$(k3st_log_since 1 "$off")" "$line"
    else
        fail "agent logs an error after the reload within ${RELOAD_TIMEOUT} s" "$(k3st_log_since 1 "$off" | tail -n 10)"
    fi
    # Give a wrong reaction time to show itself: the old state must survive for a while.
    sleep 1
    check "agent on pi1 still runs with the broken file on disk" k3st_agent_running 1
    check "old state kept: flannel.1 ifindex unchanged and all peers (pi3 too) still present" \
        same_and_matches 1 "$before"
    check "pods keep working: 10.42.1.10 -> 10.42.3.10 and -> 10.42.2.11" \
        ping_pods_after_broken_reload
    k3st_write_config 1
    k3st_agent_signal 1 HUP
    wait_until "$RELOAD_TIMEOUT" node_matches 1
}

ping_pods_after_broken_reload() { ping_pod 1 1 3 1 && ping_pod 1 1 2 2; }
log_has_error() { k3st_log_since "$1" "$2" | grep -qiE 'error|invalid|unknown'; }
# error_is_clear LOG LINE: the log names the file with LINE:1 (or "line LINE") and the bad key.
error_is_clear() {
    grep -E "agent\.yaml:$2:1\b|line $2\b" <<<"$1" | grep -q podCDIR && return 0
    echo "log after the reload:"
    printf '%s\n' "$1" | tail -n 8
    return 1
}

scenario_nat() {
    scenario "a pod reaches an address in the router namespace through the NAT (§4)"
    baseline
    local dir=$K3ST_DIR/capture-nat cap n
    mkdir -p "$dir"
    k3st_capture_start "$K3ST_RTR" eth0 "icmp" 50 "$dir/router.txt" ||
        fail "tcpdump listens in the router namespace" "$(cat "$dir/router.txt.err")"
    cap=$K3ST_CAPTURE_PID
    for n in 1 3; do
        check "pod $(k3st_pod_ip "$n" 2) on $(k3st_node_name "$n") pings $K3ST_INTERNET_IP (router namespace)" \
            k3st_ping "$(k3st_pod_ns "$n" 2)" "$K3ST_INTERNET_IP" 3
    done
    wait_until 3 grep -q "$K3ST_INTERNET_IP > 192.0.2.13: ICMP echo reply" "$dir/router.txt"
    k3st_capture_stop "$cap"
    for n in 1 3; do
        check "router sees $(k3st_node_name "$n")'s LAN IP $(k3st_node_lanip "$n") as the source (masqueraded)" \
            grep -q "$(k3st_node_lanip "$n") > $K3ST_INTERNET_IP: ICMP echo request" "$dir/router.txt"
    done
    check "router never sees a pod address (10.42.x.x) as source" capture_no_pod_source "$dir/router.txt"
}

capture_no_pod_source() {
    if grep -qE '10\.42\.[0-9]+\.[0-9]+ > ' "$1"; then
        grep -E '10\.42\.[0-9]+\.[0-9]+ > ' "$1" | head -n 5
        return 1
    fi
    return 0
}

scenario_check_command() {
    scenario "k3snet-agent check"
    local typo out rc key line col
    typo=$SOURCE_ROOT/tests/data/agent/typo.agent.yaml
    if [[ ! -f "$typo" ]]; then
        fail "test data $typo exists"
    else
        out=$("$AGENT" check "$typo" 2>&1)
        rc=$?
        check "check $(basename "$typo") exits 1 (exit $rc)" test "$rc" -eq 1
        check "check $(basename "$typo") prints a line:column error" check_output_has_position "$out"
        # The file's misspelt key (cni.masquerde): the error should point at it.
        key=$(grep -nE '^ *masquerde:' "$typo" | head -n 1)
        if [[ -n "$key" ]]; then
            line=${key%%:*}
            col=$(( $(sed -E 's/^([0-9]+):( *).*/\2/' <<<"$key" | wc -c) ))
            check "the error points at the misspelt key masquerde (line $line, column $col)" \
                grep -qE "(:$line:$col\b|line $line, column $col\b)" <<<"$out"
        fi
    fi
    out=$("$AGENT" check "$(k3st_node_config 1)" 2>&1)
    rc=$?
    check "check on a generated, valid AgentConfig exits 0 (exit $rc)" test "$rc" -eq 0
    [[ $rc -eq 0 ]] || echo "$out" | head -n 5 | sed 's/^/      /'
}

check_output_has_position() {
    grep -qE '[0-9]+:[0-9]+' <<<"$1" && return 0
    echo "output: $1"
    return 1
}

scenario_status_missing_device() {
    scenario "status after ip link del flannel.1 with the agent stopped"
    baseline
    local out rc
    k3st_agent_stop 2 10
    ip -n "$(k3st_node_ns 2)" link del flannel.1
    out=$(k3st_agent_status 2 2>&1)
    rc=$?
    check "status --json on pi2 exits 1 (exit $rc)" test "$rc" -eq 1
    check "status --json on pi2 reports the missing device flannel.1" grep -q 'flannel\.1' <<<"$out"
    check "status --json on pi2 still prints JSON" is_json "$out"
    [[ $rc -eq 1 ]] || echo "$out" | head -n 10 | sed 's/^/      /'
    k3st_agent_start 2
    if wait_until "$CONVERGE_TIMEOUT" node_matches 2; then
        pass "starting pi2's agent again rebuilds flannel.1 and its entries"
    else
        fail "starting pi2's agent again rebuilds flannel.1 and its entries" "$(node_matches 2)"
    fi
    check "pod 10.42.2.10 reaches 10.42.1.10 again" ping_pod 2 1 1 1
}

# status_json N [PREFIX...]: `status --json` of node N (run under PREFIX, e.g. unshare); sets
# STATUS_OUT and STATUS_RC in this shell.
STATUS_OUT=""
STATUS_RC=0
status_json() {
    local n=$1
    shift
    STATUS_OUT=$(k3st_in "$(k3st_node_ns "$n")" "$@" "$K3ST_AGENT" status --json \
        --config "$(k3st_node_config "$n")" 2>&1)
    STATUS_RC=$?
}
# status_says JQ: the last status_json output satisfies JQ (prints it when not).
status_says() {
    jq -e "$1" >/dev/null 2>&1 <<<"$STATUS_OUT" && return 0
    echo "exit $STATUS_RC: $(jq -c '{converged, problems, agent}' <<<"$STATUS_OUT" 2>/dev/null || echo "$STATUS_OUT")"
    return 1
}
# status_running N PID: status exits 0, converged, agent.running with pid PID.
status_running() {
    status_json "$1"
    [[ $STATUS_RC -eq 0 ]] && status_says ".converged == true and .agent.running == true and .agent.pid == $2"
}
# status_from_new_pid_namespace N: status run in a new PID namespace with its own /proc, where
# the agent's pid names nothing.
status_from_new_pid_namespace() { status_json "$1" unshare --pid --fork --mount-proc; }

# A SIGKILLed agent leaves the kernel as it was and a status file saying all is well: status must
# still say the agent is gone. Also a pid reused by another program or by another agent, and a
# PID namespace that cannot see the agent (unknown, never "dead").
scenario_status_agent_killed() {
    scenario "status when the agent was killed (SIGKILL) and after its restart"
    baseline
    local n=3 pid other sleeper file started
    file="$(k3st_node_dir "$n")/k3snet/status.json"
    pid=$(k3st_agent_pid "$n")
    check "before: status --json on pi3 exits 0, agent.running true, pid $pid" \
        wait_until 5 status_running "$n" "$pid"
    k3st_agent_signal "$n" KILL
    wait "$pid" 2>/dev/null
    # shellcheck disable=SC2034 # the library's record of node n's agent
    K3ST_AGENT_PID[n]=""
    check "after SIGKILL the kernel still matches the config (the data plane stays)" node_matches "$n"
    status_json "$n"
    check "status --json after SIGKILL exits 1 (exit $STATUS_RC)" test "$STATUS_RC" -eq 1
    check "status --json: converged false, agent.running false (\"not running\")" \
        status_says '.converged == false and .agent.running == false and .agent.runningState == "not running"'
    check "status --json problems: \"agent not running (last pid $pid, status written at ...)\"" \
        status_says "(.problems[0] | startswith(\"agent not running (last pid $pid, status written at \")) and (.agent.runningWhy | contains(\"no process has pid $pid\"))"
    check "text status says NOT converged and the agent is NOT running" bash -c \
        "out=\$(ip netns exec '$(k3st_node_ns "$n")' '$K3ST_AGENT' status --config '$(k3st_node_config "$n")' 2>&1); [[ \$? -eq 1 && \$out == *'NOT converged'* && \$out == *'agent: NOT running (last pid $pid'* ]] || { echo \"\$out\"; exit 1; }"

    # The pid reused: by another program, and by another node's agent (same name, other start).
    ip netns exec "$(k3st_node_ns "$n")" sleep 60 &
    sleeper=$!
    k3st_track_bg "$sleeper"
    started=$(jq .processStart "$file")
    jq --argjson p "$sleeper" '.pid = $p' "$file" >"$file.tmp" && mv -f "$file.tmp" "$file"
    status_json "$n"
    check "status file naming a pid now held by sleep: exit 1, not running, \"the pid was reused\"" \
        status_says '.agent.running == false and (.agent.runningWhy | contains("\"sleep\"") and contains("reused"))'
    kill "$sleeper" 2>/dev/null
    wait "$sleeper" 2>/dev/null
    other=$(k3st_agent_pid 1)
    jq --argjson p "$other" '.pid = $p' "$file" >"$file.tmp" && mv -f "$file.tmp" "$file"
    status_json "$n"
    check "status file naming pi1's live agent (pid $other, another start time than $started): not running" \
        status_says '.agent.running == false and (.agent.runningWhy | contains("another k3snet-agent process"))'

    k3st_agent_start "$n"
    pid=$(k3st_agent_pid "$n")
    if wait_until "$CONVERGE_TIMEOUT" status_running "$n" "$pid"; then
        pass "after a restart status --json exits 0 and reports the new agent (pid $pid) running"
    else
        fail "after a restart status --json exits 0 and reports the new agent (pid $pid) running" "$STATUS_OUT"
    fi
    status_from_new_pid_namespace "$n"
    check "from a new PID namespace the live agent is \"unknown\" (running null), never \"not running\"; exit 1" \
        status_says "$STATUS_RC == 1 and .agent.running == null and .agent.runningState == \"unknown\" and (.agent.runningWhy | contains(\"PID namespace\")) and (.problems[0] | startswith(\"cannot tell whether the agent runs\"))"
    # uninstall judges the agent the same way: it refuses while it runs or may run.
    check "uninstall (without --force) refuses while the agent runs: \"the agent is running (pid $pid)\"" \
        uninstall_refused "$n" "the agent is running (pid $pid)"
    check "uninstall from a new PID namespace refuses too: \"the agent may be running\"" \
        uninstall_refused "$n" "the agent may be running" unshare --pid --fork --mount-proc
    check "pi3 still matches the config after the refused uninstalls" node_matches "$n"
}

# uninstall_refused N TEXT [PREFIX...]: `uninstall` on node N exits 1 saying TEXT.
uninstall_refused() {
    local n=$1 text=$2 out rc
    shift 2
    out=$(k3st_in "$(k3st_node_ns "$n")" "$@" "$K3ST_AGENT" uninstall --config "$(k3st_node_config "$n")" 2>&1)
    rc=$?
    [[ $rc -eq 1 && $out == *"$text"* ]] && return 0
    echo "exit $rc: $out"
    return 1
}

scenario_host_untouched() {
    scenario "nothing written to the host"
    local p created=()
    for p in "${HOST_PATHS[@]}"; do
        [[ -z "${HOST_PATH_EXISTED[$p]:-}" && -e "$p" ]] && created+=("$p")
    done
    check "no new ${HOST_PATHS[*]} on the host" test ${#created[@]} -eq 0
    [[ ${#created[@]} -eq 0 ]] || printf '      created: %s\n' "${created[@]}"
}

# ---------------------------------------------------------------------------------------------

k3st_init "$AGENT"
echo "k3snet data-plane test: agent $AGENT, run tag $K3ST_TAG, dir $K3ST_DIR"

# K3ST_SCENARIOS="nat check_command" runs only those (setup and host_untouched always run).
ALL_SCENARIOS=(kernel_objects full_mesh vxlan_on_the_wire restart_during_ping outside_deletions
    peer_removal broken_config nat check_command status_missing_device status_agent_killed)
read -r -a SCENARIOS <<<"${K3ST_SCENARIOS:-${ALL_SCENARIOS[*]}}"
if scenario_setup; then
    for s in "${SCENARIOS[@]}"; do "scenario_$s"; done
else
    # Without a converged data plane every later scenario would only time out.
    fail "the other scenarios need converged nodes: skipped all but 'check'"
    scenario_check_command
fi
scenario_host_untouched

echo
if [[ $FAILURES -gt 0 ]]; then
    for ((n = 1; n <= NODES; n++)); do
        [[ -f "$(k3st_node_log "$n")" ]] || continue
        echo "--- last lines of $(k3st_node_name "$n")'s agent log ---"
        tail -n 20 "$(k3st_node_log "$n")"
    done
fi
report_exit
