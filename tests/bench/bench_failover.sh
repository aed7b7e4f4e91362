#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench_failover.sh: how fast a service IP moves to the next node when its announcer dies, with
# k3snet-agent and with keepalived (VRRPv3) in the same namespaces; whether busy nodes ever fail
# over spuriously; how fast and how much the agent's ARP responder answers. A benchmark, not a
# test: it prints markdown tables and asserts nothing. Run by hand, as root:
#
#   sudo tests/bench/bench_failover.sh build/release/bin/k3snet-agent build/release/bin/announcetool
#
# Three node namespaces and a router on a LAN bridge (tests/agent/netns-lib.sh), one service IP
# (192.0.2.100) with every node eligible. All times come from one capture of the LAN (tcpdump
# on the bridge, epoch time stamps), never from the router's ARP cache (Linux ignores a
# gratuitous ARP within `locktime`, 1 s, of its last update of that entry).
#
#  failover  the announcer's death, i.e. `announcetool kill-down`, which reads the clock, then
#            kills the announcer's process group (SIGKILL) and sets its LAN link down at once,
#            until the first frame on the LAN in which the successor says it holds the IP (its
#            gratuitous ARP). BENCH_TRIALS trials per setup (default 20), p50/p99/max. Setups
#            (BENCH_SETUPS, default all): k3snet-agent with its default heartbeat (10 ms, dead
#            after 3 missed) and with 1000 ms; keepalived with advert_int 0.01 (its minimum) and
#            1 (its default), priorities 150/100/50 on the nodes that k3snet ranks 1st/2nd/3rd;
#            k3snet-agent 10 ms with a CPU hog on every core in every node ("k3snet-hog").
#            After each trial the link comes back and the dead node is restarted; it takes the
#            IP back (k3snet: election order; keepalived: preemption) before the next trial.
#  spurious  k3snet-agent (10 ms) with a CPU hog on every core in every node namespace for
#            BENCH_HOG_SECONDS (default 600): frames from a non-announcer claiming the IP,
#            deaths declared in the logs, heartbeats missed. BENCH_HOG_KEEPALIVED=1 runs
#            keepalived (0.01) through the same for comparison.
#  arp       the agent's responder against the kernel answering for an address of its own (what
#            keepalived relies on): request-to-reply time seen by a client (`announcetool
#            arp-ping`, BENCH_PINGS requests, default 500) idle and while a second client floods
#            (`announcetool arp-flood` at full speed for BENCH_FLOOD_SECONDS, default 5), and the
#            replies per second the flood got. Real `arping` gives three samples each, as a check.
#
# Per-trial values go to $BENCH_OUT (default ./bench-failover-<date>.log) next to the tables.
# Namespaces and temp files are the library's (k3st<PID>-*), removed on exit; all waits bounded.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/agent/netns-lib.sh
source "$HERE/../agent/netns-lib.sh"

if [[ $# -ne 2 || ! -x "${1:-}" || ! -x "${2:-}" ]]; then
    echo "usage: $0 PATH/TO/k3snet-agent PATH/TO/announcetool" >&2
    exit 2
fi
AGENT=$(readlink -f "$1")
TOOL=$(readlink -f "$2")
BENCH_TRIALS=${BENCH_TRIALS:-20}
BENCH_HOG_SECONDS=${BENCH_HOG_SECONDS:-600}
BENCH_HOG_KEEPALIVED=${BENCH_HOG_KEEPALIVED:-0}
BENCH_PINGS=${BENCH_PINGS:-500}
BENCH_FLOOD_SECONDS=${BENCH_FLOOD_SECONDS:-5}
read -r -a BENCH_SETUPS <<<"${BENCH_SETUPS:-k3snet:10 keepalived:0.01 k3snet:1000 keepalived:1 k3snet-hog:10 spurious arp}"
BENCH_OUT=${BENCH_OUT:-$PWD/bench-failover-$(date +%Y%m%d-%H%M%S).log}

skip_unless_root
k3st_require_tools ip jq tcpdump arping keepalived setsid unshare timeout awk sha256sum nproc

NODES=3
VIP=192.0.2.100
KERNEL_IP=192.0.2.200
CLIENT_NS=""
LAN_CAPTURE=""
declare -a KA_PID=()
declare -a HOG_PIDS=()
RESULTS=() # markdown rows of the failover table

say() { echo "$*" | tee -a "$BENCH_OUT" >&2; }

# ---------------------------------------------------------------------------------------------
# Setup

setup() {
    k3st_init "$AGENT"
    : >"$BENCH_OUT"
    k3st_topology_create "$NODES" || return 1
    k3st_share_key || return 1
    # A second client on the LAN for the flood, so that the router's own requests stay its own.
    CLIENT_NS="${K3ST_TAG}-cli"
    k3st_ns_add "$CLIENT_NS" || return 1
    ip -n "$K3ST_LAN" link add cli type veth peer name eth0 netns "$CLIENT_NS" || return 1
    ip -n "$K3ST_LAN" link set cli master br0 up || return 1
    ip -n "$CLIENT_NS" addr add 192.0.2.2/24 dev eth0 || return 1
    ip -n "$CLIENT_NS" link set eth0 up || return 1
    LAN_CAPTURE="$K3ST_DIR/lan.txt"
    ip netns exec "$K3ST_LAN" timeout 86400 tcpdump -i br0 -n -e -tt -l arp \
        >"$LAN_CAPTURE" 2>"$LAN_CAPTURE.err" &
    k3st_track_bg $!
    wait_until 5 grep -q "listening on" "$LAN_CAPTURE.err" || return 1
    read -r -a RANK <<<"$(k3st_rank_nodes "$VIP" pi1 pi2 pi3 | sed 's/^pi//' | tr '\n' ' ')"
    say "election order for $VIP: pi${RANK[0]} pi${RANK[1]} pi${RANK[2]}; $(nproc) CPUs; agent $AGENT"
}

mac_of() { k3st_node_uplink_mac "$1"; }
status_file() { echo "$(k3st_node_dir "$1")/k3snet/status.json"; }

# ---------------------------------------------------------------------------------------------
# The contenders, each started as the leader of its own process group (setsid), so that one
# kill reaches all its processes and threads.

agent_start() { k3st_agent_start_pg "$1"; }

agent_stop_all() {
    local n
    for ((n = 1; n <= NODES; n++)); do k3st_agent_stop "$n" 10; done
}

# agent_holds N: node N's running agent (the PID started last) announces the VIP.
agent_holds() {
    jq -e --argjson pid "${K3ST_AGENT_PID[$1]:-0}" --arg ip "$VIP" \
        '.pid == $pid and any(.announce.addresses[]; .ip == $ip and .state == "announcing")' \
        "$(status_file "$1")" >/dev/null 2>&1
}
agent_standby() {
    jq -e --arg ip "$VIP" 'any(.announce.addresses[]; .ip == $ip and .state == "standby")' \
        "$(status_file "$1")" >/dev/null 2>&1
}

agent_setup() {
    local interval=$1 n
    for ((n = 1; n <= NODES; n++)); do
        k3st_write_announce_config "$n" "$(k3st_service_yaml "$VIP" kube-system/traefik)" "$interval" 3
        agent_start "$n"
    done
    wait_until 30 agent_holds "${RANK[0]}" && wait_until 10 agent_standby "${RANK[1]}"
}

keepalived_start() {
    local n=$1 advert=$2 prio dir ns
    ns=$(k3st_node_ns "$n")
    dir=$(k3st_node_dir "$n")
    case $n in
        "${RANK[0]}") prio=150 ;;
        "${RANK[1]}") prio=100 ;;
        *) prio=50 ;;
    esac
    cat >"$dir/keepalived.conf" <<EOF
global_defs {
    router_id pi$n
    vrrp_version 3
}
vrrp_instance k3sbench {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority $prio
    advert_int $advert
    virtual_ipaddress {
        $VIP/24 dev eth0
    }
}
EOF
    echo "----- bench: keepalived start $(date +%T.%N) -----" >>"$dir/keepalived.log"
    # A killed instance leaves its PID files, and its VRRP child may linger as a zombie where
    # nothing reaps orphans: keepalived would then refuse to start ("already running").
    rm -f "$dir/keepalived.pid" "$dir/vrrp.pid"
    # shellcheck disable=SC2016
    ip netns exec "$ns" setsid unshare --mount --propagation private -- /bin/sh -c '
        mount -t tmpfs -o mode=0755 k3st-node /run || exit 125
        exec "$@"' k3st-node keepalived --dont-fork --log-console --vrrp \
        --use-file "$dir/keepalived.conf" --pid "$dir/keepalived.pid" \
        --vrrp_pid "$dir/vrrp.pid" >>"$dir/keepalived.log" 2>&1 &
    KA_PID[n]=$!
    k3st_track_bg "${KA_PID[n]}"
}

keepalived_stop_all() {
    local n p
    for ((n = 1; n <= NODES; n++)); do
        p=${KA_PID[n]:-}
        [[ -n "$p" ]] || continue
        kill -TERM -- "-$p" 2>/dev/null
        wait_until 10 k3st_not_alive "$p" || kill -KILL -- "-$p" 2>/dev/null
        wait "$p" 2>/dev/null
        KA_PID[n]=""
    done
    for ((n = 1; n <= NODES; n++)); do
        ip -n "$(k3st_node_ns "$n")" addr del "$VIP/24" dev eth0 2>/dev/null
    done
}

ka_holds() { ip -n "$(k3st_node_ns "$1")" -4 addr show dev eth0 | grep -q "inet $VIP/"; }
ka_released() { ! ka_holds "$1"; }

keepalived_setup() {
    local advert=$1 n
    for ((n = 1; n <= NODES; n++)); do keepalived_start "$n" "$advert"; done
    wait_until 30 ka_holds "${RANK[0]}"
}

# ---------------------------------------------------------------------------------------------
# Measuring

# claim_after T0_US MAC: the epoch time of the first frame after T0 in which MAC says it holds
# the VIP (a gratuitous ARP request or reply, or a reply).
claim_after() {
    awk -v t0="$1" -v mac="$2" -v ip="$VIP" '
        $1 * 1000000 > t0 && $2 == mac && ($0 ~ ("tell " ip ",") || $0 ~ ("Reply " ip " is-at ")) { print $1; exit }' \
        "$LAN_CAPTURE"
}
has_claim_after() { [[ -n "$(claim_after "$@")" ]]; }

# stats V...: "p50 p99 max" (nearest rank) of the values, "- - -" without values.
stats() {
    if [[ $# -eq 0 ]]; then echo "- - -"; return; fi
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        p50 = v[int(NR * 0.50 + 0.999999)]; p99 = v[int(NR * 0.99 + 0.999999)]
        printf "%.1f %.1f %.1f\n", p50, p99, v[NR] }'
}

# failover_trials KIND PARAM LABEL: BENCH_TRIALS kills of the first-ranked node.
failover_trials() {
    local kind=$1 param=$2 label=$3 a=${RANK[0]} s=${RANK[1]} i t0 t1 pid smac times=() fails=0
    smac=$(mac_of "$s")
    local interval_s
    if [[ $kind == keepalived ]]; then interval_s=$param; else interval_s=$(awk -v a="$param" 'BEGIN { print a / 1000 }'); fi
    for ((i = 1; i <= BENCH_TRIALS; i++)); do
        if [[ $kind == keepalived ]]; then pid=${KA_PID[a]}; else pid=${K3ST_AGENT_PID[a]}; fi
        # Die at a random point of the heartbeat cycle, as power does: without it, the bench's
        # own rhythm would fix the phase and hide half of the spread.
        sleep "$(awk -v i="$interval_s" -v r="$RANDOM" 'BEGIN { print i * r / 32768 }')"
        t0=$(ip netns exec "$K3ST_LAN" "$TOOL" kill-down "$pid" "n$a")
        wait "$pid" 2>/dev/null
        if wait_until 20 has_claim_after "$t0" "$smac"; then
            t1=$(claim_after "$t0" "$smac")
            times+=("$(awk -v a="$t1" -v b="$t0" 'BEGIN { printf "%.2f", (a * 1e6 - b) / 1000 }')")
            say "$label trial $i: ${times[-1]} ms"
        else
            fails=$((fails + 1))
            say "$label trial $i: no claim by pi$s within 20 s"
        fi
        if [[ $kind == keepalived ]]; then
            # Power lost: the dead master's address goes with it (SIGKILL leaves it configured).
            ip -n "$(k3st_node_ns "$a")" addr del "$VIP/24" dev eth0 2>/dev/null
        fi
        ip -n "$K3ST_LAN" link set "n$a" up
        if [[ $kind == keepalived ]]; then
            keepalived_start "$a" "$param"
            wait_until 30 ka_holds "$a" || say "$label: pi$a did not take the VIP back"
            wait_until 30 ka_released "$s" || say "$label: pi$s did not release the VIP"
            # Let the backups see the master's adverts again before the next kill.
            sleep "$(awk -v a="$param" 'BEGIN { print a * 4 + 0.5 }')"
        else
            agent_start "$a"
            wait_until 30 agent_holds "$a" || say "$label: pi$a did not take the VIP back"
            wait_until 10 agent_standby "$s"
            # As long as keepalived gets: four intervals and half a second.
            sleep "$(awk -v a="$interval_s" 'BEGIN { print a * 4 + 0.5 }')"
        fi
    done
    read -r p50 p99 max <<<"$(stats "${times[@]}")"
    local interval_ms
    if [[ $kind == keepalived ]]; then
        interval_ms=$(awk -v a="$param" 'BEGIN { print a * 1000 }')
    else
        interval_ms=$param
    fi
    RESULTS+=("| $label | ${#times[@]}$([[ $fails -gt 0 ]] && echo " ($fails lost)") | $p50 | $p99 | $max | $(awk -v p="$p50" -v i="$interval_ms" 'BEGIN { if (p == "-") print "-"; else printf "%.2f", p / i }') |")
}

hogs_start() {
    local n c cores
    cores=$(nproc)
    for ((n = 1; n <= NODES; n++)); do
        for ((c = 1; c <= cores; c++)); do
            ip netns exec "$(k3st_node_ns "$n")" timeout "$1" sh -c 'while :; do :; done' &
            HOG_PIDS+=($!)
            k3st_track_bg $!
        done
    done
}
hogs_stop() {
    local p
    for p in "${HOG_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${HOG_PIDS[@]}"; do wait "$p" 2>/dev/null; done
    HOG_PIDS=()
}

# claims_between T0 T1 MAC...: frames claiming the VIP from any of the MACs between T0 and T1 (s).
claims_between() {
    local t0=$1 t1=$2
    shift 2
    awk -v t0="$t0" -v t1="$t1" -v ip="$VIP" -v macs="$*" '
        BEGIN { n = split(macs, m, " "); for (i = 1; i <= n; i++) want[m[i]] = 1 }
        $1 > t0 && $1 < t1 && ($2 in want) && ($0 ~ ("tell " ip ",") || $0 ~ ("Reply " ip " is-at ")) { c++ }
        END { print c + 0 }' "$LAN_CAPTURE"
}

# ---------------------------------------------------------------------------------------------
# Phases

phase_failover() {
    local kind=${1%%:*} param=${1#*:}
    case $kind in
        k3snet)
            say "--- k3snet-agent, heartbeat $param ms x 3"
            agent_setup "$param" || { say "agents did not settle"; agent_stop_all; return; }
            failover_trials k3snet "$param" "k3snet-agent, heartbeat $param ms, dead after 3"
            agent_stop_all ;;
        k3snet-hog)
            say "--- k3snet-agent, heartbeat $param ms x 3, CPU hog on every core"
            agent_setup "$param" || { say "agents did not settle"; agent_stop_all; return; }
            hogs_start 36000
            sleep 2
            failover_trials k3snet "$param" "k3snet-agent, heartbeat $param ms, CPU hog on every core"
            hogs_stop
            agent_stop_all ;;
        keepalived)
            say "--- keepalived VRRPv3, advert_int $param"
            keepalived_setup "$param" || { say "keepalived did not elect pi${RANK[0]}"; keepalived_stop_all; return; }
            sleep "$(awk -v a="$param" 'BEGIN { print a * 4 + 0.5 }')"
            failover_trials keepalived "$param" "keepalived VRRPv3, advert_int $param s"
            keepalived_stop_all ;;
    esac
}

SPURIOUS=()
phase_spurious() {
    local a=${RANK[0]} t0 t1 n logs=() deaths=0 missed=0 received=0 claims others
    say "--- spurious failovers: k3snet-agent (10 ms) with a CPU hog on every core for ${BENCH_HOG_SECONDS}s"
    agent_setup 10 || { say "agents did not settle"; agent_stop_all; return; }
    for ((n = 1; n <= NODES; n++)); do logs[n]=$(k3st_log_size "$n"); done
    declare -a m0=() r0=()
    for ((n = 1; n <= NODES; n++)); do
        m0[n]=$(jq '[.announce.members[] | select(.self | not) | .heartbeatsMissed] | add // 0' "$(status_file "$n")")
        r0[n]=$(jq '[.announce.members[] | select(.self | not) | .heartbeatsReceived] | add // 0' "$(status_file "$n")")
    done
    t0=$(date +%s.%N)
    hogs_start "$BENCH_HOG_SECONDS"
    local left=$BENCH_HOG_SECONDS
    while ((left > 0)); do
        sleep $((left < 60 ? left : 60))
        left=$((left - 60))
        say "  ... $((BENCH_HOG_SECONDS - (left > 0 ? left : 0))) s of ${BENCH_HOG_SECONDS}"
    done
    hogs_stop
    sleep 2.5 # one more status refresh
    t1=$(date +%s.%N)
    others=()
    for ((n = 1; n <= NODES; n++)); do
        [[ $n -ne $a ]] && others+=("$(mac_of "$n")")
        deaths=$((deaths + $(k3st_log_since "$n" "${logs[n]}" | grep -c "is dead")))
        missed=$((missed + $(jq '[.announce.members[] | select(.self | not) | .heartbeatsMissed] | add // 0' "$(status_file "$n")") - m0[n]))
        received=$((received + $(jq '[.announce.members[] | select(.self | not) | .heartbeatsReceived] | add // 0' "$(status_file "$n")") - r0[n]))
    done
    claims=$(claims_between "$t0" "$t1" "${others[@]}")
    local still=NO
    agent_holds "$a" && still=yes
    SPURIOUS+=("| k3snet-agent, heartbeat 10 ms, dead after 3 | ${BENCH_HOG_SECONDS} s | $claims | $deaths | $missed of $((received + missed)) | $still |")
    agent_stop_all

    if [[ "$BENCH_HOG_KEEPALIVED" == 1 ]]; then
        say "--- spurious failovers: keepalived (0.01) with a CPU hog on every core for ${BENCH_HOG_SECONDS}s"
        keepalived_setup 0.01 || { keepalived_stop_all; return; }
        sleep 1
        t0=$(date +%s.%N)
        hogs_start "$BENCH_HOG_SECONDS"
        sleep "$BENCH_HOG_SECONDS"
        hogs_stop
        t1=$(date +%s.%N)
        claims=$(claims_between "$t0" "$t1" "${others[@]}")
        still=NO
        ka_holds "$a" && still=yes
        SPURIOUS+=("| keepalived VRRPv3, advert_int 0.01 s | ${BENCH_HOG_SECONDS} s | $claims | - | - | $still |")
        keepalived_stop_all
    fi
}

ARP_ROWS=()
arp_measure() {
    local label=$1 target=$2 idle flood ping arping_rtts
    idle=$(k3st_in "$K3ST_RTR" "$TOOL" arp-ping eth0 "$target" "$BENCH_PINGS" 2)
    arping_rtts=$(k3st_in "$K3ST_RTR" arping -I eth0 -c 3 -w 5 "$target" 2>&1 |
        awk '/reply from/ { sub("ms", "", $NF); printf "%s%s", sep, $NF; sep = ", " }')
    k3st_in "$CLIENT_NS" "$TOOL" arp-flood eth0 "$target" "$BENCH_FLOOD_SECONDS" >"$K3ST_DIR/flood.txt" 2>&1 &
    flood=$!
    sleep 0.5
    ping=$(k3st_in "$K3ST_RTR" "$TOOL" arp-ping eth0 "$target" "$(((BENCH_FLOOD_SECONDS - 1) * 200))" 2)
    wait "$flood"
    say "$label idle: $idle; under flood: $ping; flood: $(cat "$K3ST_DIR/flood.txt"); arping: $arping_rtts ms"
    local ip50 ip99 fp50 fp99 flost sent replies
    ip50=$(awk '{ print $6 }' <<<"$idle"); ip99=$(awk '{ print $8 }' <<<"$idle")
    fp50=$(awk '{ print $6 }' <<<"$ping"); fp99=$(awk '{ print $8 }' <<<"$ping"); flost=$(awk '{ print $4 "/" $2 }' <<<"$ping")
    read -r _ sent _ replies _ <<<"$(cat "$K3ST_DIR/flood.txt")"
    ARP_ROWS+=("| $label | $ip50 / $ip99 | $arping_rtts | $fp50 / $fp99 (lost $flost) | $(awk -v s="$sent" -v d="$BENCH_FLOOD_SECONDS" 'BEGIN { printf "%.0f", s / d }') | $(awk -v r="$replies" -v d="$BENCH_FLOOD_SECONDS" 'BEGIN { printf "%.0f", r / d }') | $(awk -v r="$replies" -v s="$sent" 'BEGIN { printf "%.1f", s ? 100 * r / s : 0 }') |")
}

phase_arp() {
    say "--- ARP responder: k3snet-agent vs the kernel"
    agent_setup 10 || { say "agents did not settle"; agent_stop_all; return; }
    sleep 5.5 # the gratuitous ARPs of the takeover are over
    arp_measure "k3snet-agent (pi${RANK[0]}, user space)" "$VIP"
    ip -n "$(k3st_node_ns "${RANK[1]}")" addr add "$KERNEL_IP/32" dev eth0
    arp_measure "Linux kernel (pi${RANK[1]}, own address)" "$KERNEL_IP"
    ip -n "$(k3st_node_ns "${RANK[1]}")" addr del "$KERNEL_IP/32" dev eth0
    local n
    for ((n = 1; n <= NODES; n++)); do
        say "pi$n responder counters: $(jq -c '.announce.interfaces' "$(status_file "$n")")"
    done
    agent_stop_all
}

# ---------------------------------------------------------------------------------------------

setup || { echo "setup failed" >&2; exit 1; }
for s in "${BENCH_SETUPS[@]}"; do
    case $s in
        spurious) phase_spurious ;;
        arp) phase_arp ;;
        *) phase_failover "$s" ;;
    esac
done

{
    echo
    echo "## Failover: announcer killed (SIGKILL of its process group + LAN link down) to the successor's first gratuitous ARP on the wire"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $(uname -r), $(keepalived --version 2>&1 | head -n 1)"
    echo
    echo "| setup | trials | p50 ms | p99 ms | max ms | p50 / interval |"
    echo "|---|---|---|---|---|---|"
    printf '%s\n' "${RESULTS[@]}"
    if [[ ${#SPURIOUS[@]} -gt 0 ]]; then
        echo
        echo "## Spurious failovers with a CPU hog on every core in every node ($(nproc) busy loops per node)"
        echo
        echo "| setup | duration | claims of the IP by a non-announcer | deaths declared | heartbeats missed | announcer unchanged |"
        echo "|---|---|---|---|---|---|"
        printf '%s\n' "${SPURIOUS[@]}"
    fi
    if [[ ${#ARP_ROWS[@]} -gt 0 ]]; then
        echo
        echo "## ARP responder: request-to-reply time at a client (µs) and answers under a flood"
        echo
        echo "| responder | idle p50 / p99 µs ($BENCH_PINGS requests) | arping (ms) | p50 / p99 µs while flooded | flood requests/s | replies/s | answered % |"
        echo "|---|---|---|---|---|---|---|"
        printf '%s\n' "${ARP_ROWS[@]}"
    fi
} | tee -a "$BENCH_OUT"
