#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test_announce.sh AGENT ANNOUNCETOOL: real-kernel tests of k3snet-agent's L2 announcement of
# service IPs (ARP/NDP speaker + heartbeat membership). Three node namespaces and a router on a
# simulated LAN bridge, one agent per node with the same cluster key, four service IPs (two
# IPv4, one IPv6, one that a foreign host already holds). The router resolves them with real
# arping and ndisc6; a capture of the LAN proves who answered. Then: a host that starts using an
# announced IP, forged/replayed/garbage heartbeats (announcetool), SIGKILL of an announcer and
# its return, SIGTERM, a missing cluster key. One scenario per function; every
# check prints PASS or FAIL; exit 1 if any failed, 77 if the test cannot run here (not root)
# unless K3SNET_REQUIRE_PRIVILEGED=1 makes that a failure too.
#
# Debugging: K3ST_SCENARIOS="arp ndp" runs only those scenarios (after the setup); K3ST_KEEP=1
# leaves the namespaces and the temp dir (agent logs, LAN capture lan.txt) behind.
#
# Facts checked against MetalLB: shared/docs/reference/metallb.md §4.1 (election order: SHA-256
# of "node#ip", first live node), §4.3 (gratuitous ARP request + reply, broadcast, sender =
# target = the IP; unsolicited NA), §4.4 (only the announcer answers, with its interface MAC).
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=netns-lib.sh
source "$HERE/netns-lib.sh"

AGENT=${1:-}
TOOL=${2:-}
if [[ -z "$AGENT" || ! -x "$AGENT" || -z "$TOOL" || ! -x "$TOOL" ]]; then
    echo "FAIL: usage: $0 PATH/TO/k3snet-agent PATH/TO/announcetool (got \"$AGENT\" \"$TOOL\")"
    exit 1
fi
TOOL=$(readlink -f "$TOOL")

NODES=3
PORT=7947
V4A=192.0.2.100   # kube-system/traefik
V4B=192.0.2.101   # default/web
V6=2001:db8:42::100   # default/web-v6 (IPv6 documentation range)
TAKEN=192.0.2.150 # default/taken: a foreign host holds it before the cluster starts
FOREIGN_NS=""
# Generous hang catchers, never speed targets (bench_failover.sh measures).
START_TIMEOUT=20
FAILOVER_TIMEOUT=5
STATUS_TIMEOUT=10
# A station that held an address is probed again every second (default 10 s), so that the test
# sees the address come back without waiting long: set in the configs' announce section (no
# K3SNET_* override), which scenario_timing checks reaches the speaker.
RECHECK_MS=1000
unset K3SNET_GARP_INTERVAL_MS K3SNET_GARP_DURATION_MS K3SNET_PROBE_COUNT K3SNET_PROBE_INTERVAL_MS \
    K3SNET_CONFLICT_RECHECK_MS

skip_unless_root
k3st_require_tools ip jq tcpdump arping ndisc6 unshare timeout awk od sha256sum

# ---------------------------------------------------------------------------------------------
# Reporting

# shellcheck source=tests/agent/report-lib.sh
source "$HERE/report-lib.sh"

# ---------------------------------------------------------------------------------------------
# Helpers

name_of() { k3st_node_name "$1"; }
mac_of() { k3st_node_uplink_mac "$1"; }
lanip_of() { k3st_node_lanip "$1"; }
status_file() { echo "$(k3st_node_dir "$1")/k3snet/status.json"; }

# ranked IP: the node numbers in election order (all nodes eligible).
ranked() {
    local names=() n
    for ((n = 1; n <= NODES; n++)); do names+=("$(name_of "$n")"); done
    k3st_rank_nodes "$1" "${names[@]}" | sed 's/^pi//'
}
# first_alive IP DEAD...: the node that should announce IP when DEAD... are gone.
first_alive() {
    local ip=$1 n
    shift
    for n in $(ranked "$ip"); do
        [[ " $* " == *" $n "* ]] || { echo "$n"; return; }
    done
}

# field N IP JQ: a field of IP's entry in node N's status file ("" if absent).
field() {
    jq -r --arg ip "$2" ".announce.addresses[]? | select(.ip == \$ip) | $3 // empty" \
        "$(status_file "$1")" 2>/dev/null
}
state_of() { field "$1" "$2" .state; }

# settled_on IP WANT DEAD...: every live node names WANT as IP's announcer, WANT announces it
# and every other live node is on standby.
settled_on() {
    local ip=$1 want=$2 n
    shift 2
    for ((n = 1; n <= NODES; n++)); do
        [[ " $* " == *" $n "* ]] && continue
        [[ "$(field "$n" "$ip" .announcer)" == "$(name_of "$want")" ]] || return 1
        if [[ $n -eq $want ]]; then
            [[ "$(state_of "$n" "$ip")" == announcing ]] || return 1
        else
            [[ "$(state_of "$n" "$ip")" == standby ]] || return 1
        fi
    done
}

describe_ip() {
    local ip=$1 n
    for ((n = 1; n <= NODES; n++)); do
        printf '%s: announcer=%s state=%s problem=%s\n' "$(name_of "$n")" \
            "$(field "$n" "$ip" .announcer)" "$(state_of "$n" "$ip")" "$(field "$n" "$ip" .problem)"
    done
}

# The LAN capture (br0 in promiscuous mode sees every frame): text lines with epoch times.
LAN_CAPTURE=""
capture_mark() { wc -l <"$LAN_CAPTURE"; }
capture_since() { tail -n +"$(($1 + 1))" "$LAN_CAPTURE"; }
# Frames in the capture are written line-buffered; give tcpdump a moment to flush.
capture_settle() { sleep 0.3; }

# arp_replies_since MARK IP: "SRCMAC DSTMAC" of every ARP reply for IP after MARK.
arp_replies_since() {
    capture_since "$1" | awk -v ip="$2" '$0 ~ ("Reply " ip " is-at ") { sub(",", "", $4); print $2, $4 }'
}
# garps_since MARK IP MAC: the times of the gratuitous ARP requests for IP from MAC.
garps_since() {
    capture_since "$1" | awk -v ip="$2" -v mac="$3" '
        $2 == mac && $0 ~ ("Request who-has " ip " \\(ff:ff:ff:ff:ff:ff\\) tell " ip ",") { print $1 }'
}
# garp_since MARK IP MAC: the time of the first one.
garp_since() { garps_since "$@" | head -n 1; }
has_garp_since() { [[ -n "$(garp_since "$@")" ]]; }

lower() { tr '[:upper:]' '[:lower:]'; }

# log_since N OFFSET PATTERN: lines of node N's log after OFFSET matching PATTERN.
log_since() { k3st_log_since "$1" "$2" | grep -E "$3"; }

# alive_view N: "name:alive" of every member, as node N sees them.
alive_view() { jq -r '[.announce.members[]? | "\(.name):\(.alive)"] | join(" ")' "$(status_file "$1")"; }

counter() { jq -r ".announce.membership.$2 // 0" "$(status_file "$1")"; }

# wait_counter N NAME MIN: until node N's status file shows counter NAME >= MIN.
counter_at_least() { (($(counter "$1" "$2") >= $3)); }

# ---------------------------------------------------------------------------------------------
# Scenarios

scenario_setup() {
    scenario "setup: $NODES nodes, router, a foreign host on $TAKEN, $NODES agents"
    # Not through check: its subshell would lose K3ST_NODES.
    if k3st_topology_create "$NODES" && k3st_share_key; then
        pass "LAN, router and $NODES node namespaces created, one cluster key"
    else
        fail "LAN, router and $NODES node namespaces created, one cluster key"
        return 1
    fi
    ip -n "$K3ST_RTR" addr add 2001:db8:42::1/64 dev eth0 nodad
    # The foreign host: a plain namespace whose kernel owns $TAKEN and answers ARP for it.
    FOREIGN_NS="${K3ST_TAG}-frn"
    k3st_ns_add "$FOREIGN_NS" &&
        ip -n "$K3ST_LAN" link add frn type veth peer name eth0 netns "$FOREIGN_NS" &&
        ip -n "$K3ST_LAN" link set frn master br0 up &&
        ip -n "$FOREIGN_NS" addr add "$TAKEN/24" dev eth0 &&
        ip -n "$FOREIGN_NS" link set eth0 up
    check "foreign host holds $TAKEN" ip -n "$FOREIGN_NS" -4 addr show dev eth0 || return 1

    LAN_CAPTURE="$K3ST_DIR/lan.txt"
    ip netns exec "$K3ST_LAN" timeout 280 tcpdump -i br0 -n -e -tt -l 'arp or icmp6' \
        >"$LAN_CAPTURE" 2>"$LAN_CAPTURE.err" &
    k3st_track_bg $!
    wait_until 5 grep -q "listening on" "$LAN_CAPTURE.err"

    SERVICES="$(k3st_service_yaml "$V4A" kube-system/traefik
        k3st_service_yaml "$V4B" default/web
        k3st_service_yaml "$V6" default/web-v6
        k3st_service_yaml "$TAKEN" default/taken)"
    local n
    for ((n = 1; n <= NODES; n++)); do
        k3st_write_announce_config "$n" "$SERVICES"
        printf 'announce:\n  conflictRecheckMs: %s\n' "$RECHECK_MS" >>"$(k3st_node_config "$n")"
        k3st_agent_start "$n"
    done
    # Heartbeats as they travel, for the replay and garbage scenarios.
    HB_PCAP="$K3ST_DIR/heartbeats.pcap"
    ip netns exec "$K3ST_LAN" timeout 20 tcpdump -i br0 -n -c 300 -w "$HB_PCAP" "udp port $PORT" \
        2>/dev/null &
    k3st_track_bg $!

    local ip ok=0
    for ip in "$V4A" "$V4B" "$V6"; do
        if wait_until "$START_TIMEOUT" settled_on "$ip" "$(first_alive "$ip")"; then
            pass "$ip: every node names $(name_of "$(first_alive "$ip")") (first in election order) as announcer; only it announces"
        else
            fail "$ip: the nodes agree on $(name_of "$(first_alive "$ip")") as announcer" "$(describe_ip "$ip")"
            ok=1
        fi
    done
    for ((n = 1; n <= NODES; n++)); do
        check "$(name_of "$n")'s agent runs" k3st_agent_running "$n" || ok=1
    done
    return $ok
}

# arping from the router: the announcer's MAC answers, and only it (the capture of the LAN has
# no reply from another station for any request).
scenario_arp() {
    scenario "arping from the router: only the announcer answers"
    local ip a mac out mark replies others count
    for ip in "$V4A" "$V4B"; do
        a=$(first_alive "$ip")
        mac=$(mac_of "$a")
        mark=$(capture_mark)
        out=$(k3st_in "$K3ST_RTR" arping -I eth0 -b -c 3 -w 5 "$ip" 2>&1)
        capture_settle
        count=$(grep -c "reply from $ip \[$(echo "$mac" | tr '[:lower:]' '[:upper:]')\]" <<<"$out")
        if [[ $count -eq 3 ]] && ! grep "reply from" <<<"$out" | grep -qvi "$mac"; then
            pass "arping $ip: 3 replies, all from $(name_of "$a")'s $mac"
        else
            fail "arping $ip: 3 replies, all from $(name_of "$a")'s $mac" "$out"
        fi
        replies=$(arp_replies_since "$mark" "$ip" | grep -v ' ff:ff:ff:ff:ff:ff$')
        others=$(awk -v mac="$mac" '$1 != mac' <<<"$replies")
        if [[ -z "$others" && $(grep -c . <<<"$replies") -eq 3 ]]; then
            pass "LAN capture: exactly 3 replies for $ip on the wire, none from another MAC"
        else
            fail "LAN capture: exactly 3 replies for $ip on the wire, none from another MAC" "$replies"
        fi
    done
    out=$(k3st_in "$(k3st_node_ns "$(first_alive "$V4A")")" "$AGENT" status \
        --config "$(k3st_node_config "$(first_alive "$V4A")")" 2>&1)
    if grep -q "L2 announcement: on" <<<"$out" && grep -q "$V4A .*this node: announcing" <<<"$out"; then
        pass "text status of the announcer shows the announcement"
    else
        fail "text status of the announcer shows the announcement" "$out"
    fi
}

# IPv6: a Neighbor Solicitation from the router (ndisc6) gets the announcer's MAC.
scenario_ndp() {
    scenario "ndisc6 from the router: the IPv6 announcer answers"
    local a mac out mark others
    a=$(first_alive "$V6")
    mac=$(mac_of "$a")
    mark=$(capture_mark)
    out=$(k3st_in "$K3ST_RTR" ndisc6 -1 -r 3 -w 1000 "$V6" eth0 2>&1)
    capture_settle
    if grep -qi "Target link-layer address: $mac" <<<"$out"; then
        pass "ndisc6 $V6: target link-layer address is $(name_of "$a")'s $mac"
    else
        fail "ndisc6 $V6: target link-layer address is $(name_of "$a")'s $mac" "$out"
    fi
    others=$(capture_since "$mark" | grep "neighbor advertisement" | grep "tgt is $V6" |
        awk -v mac="$mac" '$2 != mac')
    if [[ -z "$others" ]] && capture_since "$mark" | grep "neighbor advertisement" | grep -q "tgt is $V6"; then
        pass "LAN capture: every Neighbor Advertisement for $V6 comes from $mac"
    else
        fail "LAN capture: every Neighbor Advertisement for $V6 comes from $mac" "$others"
    fi
}

# The speaker's timing comes from the config's announce section, and a config change reaches
# it without a restart: the node that takes $V4A over in scenario_failover gets garpIntervalMs
# 300 (default 1100), which that scenario then sees on the wire.
TIMED=""
scenario_timing() {
    scenario "speaker timing from the config's announce section; a reload changes it"
    local n s pid log cfg ip
    for ((n = 1; n <= NODES; n++)); do
        check "$(name_of "$n")'s status: conflictRecheckMs $RECHECK_MS from its config, the rest MetalLB's defaults" \
            jq -e --argjson r "$RECHECK_MS" '.announce.schedule == {garpIntervalMs: 1100,
                garpDurationMs: 5000, probeCount: 3, probeIntervalMs: 100, conflictRecheckMs: $r}' \
            "$(status_file "$n")"
    done
    s=$(first_alive "$V4A" "$(first_alive "$V4A")")
    pid=$(k3st_agent_pid "$s")
    log=$(k3st_log_size "$s")
    cfg=$(k3st_node_config "$s")
    sed 's/^  conflictRecheckMs: .*/&\n  garpIntervalMs: 300/' "$cfg" >"$cfg.tmp" && mv -f "$cfg.tmp" "$cfg"
    garp_300() { jq -e '.announce.schedule.garpIntervalMs == 300' "$(status_file "$s")" >/dev/null 2>&1; }
    if wait_until "$STATUS_TIMEOUT" garp_300; then
        pass "$(name_of "$s") reloads its changed config: its status shows garpIntervalMs 300"
        TIMED=$s
    else
        fail "$(name_of "$s") reloads its changed config: its status shows garpIntervalMs 300" \
            "$(jq -c .announce.schedule "$(status_file "$s")"; k3st_log_since "$s" "$log" | tail -n 5)"
    fi
    check "$(name_of "$s") applied it in the same process (pid $pid): no restart" \
        test "$(jq .pid "$(status_file "$s")")" == "$pid" -a "$(k3st_agent_pid "$s")" == "$pid"
    check "$(name_of "$s")'s log: \"L2 speaker timing: gratuitous ARP every 300 ms\"" \
        grep -q "L2 speaker timing: gratuitous ARP every 300 ms" <<<"$(k3st_log_since "$s" "$log")"
    for ip in "$V4A" "$V4B" "$V6"; do
        check "$ip still announced by $(name_of "$(first_alive "$ip")") alone after the reload" \
            settled_on "$ip" "$(first_alive "$ip")"
    done
}

# A foreign host already holds $TAKEN: the node that would announce it probes first, hears the
# foreign host, stays silent, and reports the conflict with the foreign MAC.
scenario_conflict() {
    scenario "a foreign host holds $TAKEN: no fight, conflict reported"
    local a fmac mark replies out n
    a=$(first_alive "$TAKEN")
    fmac=$(ip -n "$FOREIGN_NS" -j link show dev eth0 | jq -r '.[0].address')
    conflict_reported() {
        [[ "$(state_of "$a" "$TAKEN")" == conflict ]] &&
            [[ "$(field "$a" "$TAKEN" '.conflicts[0].mac')" == "$fmac" ]] &&
            [[ "$(field "$a" "$TAKEN" '.conflicts[0].active')" == true ]]
    }
    if wait_until "$STATUS_TIMEOUT" conflict_reported; then
        pass "$(name_of "$a") (the announcer of $TAKEN) reports the conflict with $fmac and does not announce"
    else
        fail "$(name_of "$a") reports the conflict with $fmac" "$(describe_ip "$TAKEN"; jq '.announce.addresses' "$(status_file "$a")")"
    fi
    for ((n = 1; n <= NODES; n++)); do
        [[ $n -eq $a ]] && continue
        check "$(name_of "$n") stays silent for $TAKEN (standby)" test "$(state_of "$n" "$TAKEN")" == standby
    done
    mark=$(capture_mark)
    k3st_in "$K3ST_RTR" arping -I eth0 -b -c 2 -w 3 "$TAKEN" >/dev/null 2>&1
    capture_settle
    replies=$(arp_replies_since "$mark" "$TAKEN")
    if [[ -n "$replies" ]] && ! awk -v m="$fmac" '$1 != m' <<<"$replies" | grep -q .; then
        pass "arping $TAKEN: only the foreign host's $fmac answers"
    else
        fail "arping $TAKEN: only the foreign host's $fmac answers" "$replies"
    fi
    out=$(k3st_agent_status "$a" 2>&1)
    if jq -e --arg m "$fmac" '.announce.problems | any(contains($m))' <<<"$out" >/dev/null; then
        pass "status --json lists the conflict with $fmac among the announcement problems"
    else
        fail "status --json lists the conflict with $fmac among the announcement problems" "$(jq .announce <<<"$out")"
    fi
    out=$(k3st_in "$(k3st_node_ns "$a")" "$AGENT" status --config "$(k3st_node_config "$a")" 2>&1)
    check "text status shows CONFLICT with $fmac" grep -q "CONFLICT: $fmac" <<<"$out"
}

# A station outside the cluster starts using an address the cluster announces (it claims it with
# a gratuitous ARP): the announcer notices, stops answering (no fight) and reports it; once the
# station is gone (no answer to the recheck probes), the announcer takes the address back.
scenario_late_conflict() {
    scenario "a foreign host claims $V4B while it is announced"
    local a intruder imac mark replies
    a=$(first_alive "$V4B")
    intruder="${K3ST_TAG}-int"
    k3st_ns_add "$intruder" &&
        ip -n "$K3ST_LAN" link add int type veth peer name eth0 netns "$intruder" &&
        ip -n "$K3ST_LAN" link set int master br0 up &&
        ip -n "$intruder" addr add "$V4B/24" dev eth0 &&
        ip -n "$intruder" link set eth0 up
    imac=$(ip -n "$intruder" -j link show dev eth0 | jq -r '.[0].address')
    k3st_in "$intruder" arping -U -c 2 -I eth0 "$V4B" >/dev/null 2>&1
    in_conflict() {
        [[ "$(state_of "$a" "$V4B")" == conflict ]] &&
            jq -e --arg ip "$V4B" --arg m "$imac" \
                'any(.announce.addresses[] | select(.ip == $ip) | .conflicts[]; .mac == $m and .active)' \
                "$(status_file "$a")" >/dev/null
    }
    if wait_until "$STATUS_TIMEOUT" in_conflict; then
        pass "$(name_of "$a") saw the gratuitous ARP of $imac for $V4B: conflict reported, not announcing"
    else
        fail "$(name_of "$a") reports the conflict with $imac for $V4B" "$(jq '.announce.addresses' "$(status_file "$a")")"
    fi
    mark=$(capture_mark)
    k3st_in "$K3ST_RTR" arping -I eth0 -b -c 2 -w 3 "$V4B" >/dev/null 2>&1
    capture_settle
    replies=$(arp_replies_since "$mark" "$V4B")
    if [[ -n "$replies" ]] && ! awk -v m="$imac" '$1 != m' <<<"$replies" | grep -q .; then
        pass "arping $V4B: only $imac answers, $(name_of "$a") does not fight"
    else
        fail "arping $V4B: only $imac answers, $(name_of "$a") does not fight" "$replies"
    fi
    # The station leaves: the recheck probes (every conflictRecheckMs) go unanswered.
    mark=$(capture_mark)
    ip netns del "$intruder"
    if wait_until "$STATUS_TIMEOUT" settled_on "$V4B" "$a" &&
        wait_until "$FAILOVER_TIMEOUT" has_garp_since "$mark" "$V4B" "$(mac_of "$a")"; then
        pass "after the station left, $(name_of "$a") announces $V4B again (gratuitous ARP on the LAN)"
    else
        fail "after the station left, $(name_of "$a") announces $V4B again" "$(describe_ip "$V4B")"
    fi
    check "the conflict with $imac is kept in the status as past" jq -e --arg ip "$V4B" --arg m "$imac" \
        'any(.announce.addresses[] | select(.ip == $ip) | .conflicts[]; .mac == $m and .active == false)' \
        "$(status_file "$a")"
}

# Forged heartbeats (a goodbye and heartbeats from the announcer, signed with a wrong key),
# replays of its real heartbeats, and garbage: every one is dropped and counted, and nothing
# changes (same members alive, same announcers, no takeover).
scenario_forged() {
    scenario "forged, replayed and garbage heartbeats change nothing"
    local a s aip sip n before=() logs=() out ok
    a=$(first_alive "$V4A")
    s=$(first_alive "$V4A" "$a")
    aip=$(lanip_of "$a")
    sip=$(lanip_of "$s")
    wait_until 10 test -s "$HB_PCAP"
    for ((n = 1; n <= NODES; n++)); do
        before[n]=$(alive_view "$n")
        logs[n]=$(k3st_log_size "$n")
    done
    local auth0 malformed0 replay0 oversized0 unknown0
    auth0=$(counter "$s" droppedAuth)
    replay0=$(counter "$s" droppedReplay)
    malformed0=$(counter "$s" droppedMalformed)
    oversized0=$(counter "$s" droppedOversized)
    unknown0=$(counter "$s" droppedUnknownSender)
    ok=0
    out=$(k3st_in "$K3ST_RTR" "$TOOL" forge "$aip" "$sip" "$PORT" "$(name_of "$a")" goodbye 20 \
        2>&1) || ok=1
    out+=$'\n'$(k3st_in "$K3ST_RTR" "$TOOL" forge "$aip" "$sip" "$PORT" "$(name_of "$a")" heartbeat \
        50 pi1 pi2 pi3 2>&1) || ok=1
    out+=$'\n'$(k3st_in "$K3ST_RTR" "$TOOL" replay "$HB_PCAP" "$aip" "$sip" "$PORT" 2>&1) || ok=1
    out+=$'\n'$(k3st_in "$K3ST_RTR" "$TOOL" garbage "$aip" "$sip" "$PORT" 200 "$HB_PCAP" 2>&1) || ok=1
    out+=$'\n'$(k3st_in "$K3ST_RTR" "$TOOL" garbage "$K3ST_ROUTER_IP" "$sip" "$PORT" 20 "$HB_PCAP" 2>&1) || ok=1
    check "announcetool sent forgeries, replays and garbage to $(name_of "$s")" test "$ok" -eq 0
    echo "$out" | sed 's/^/      /'

    # The status file is rewritten every 2 s: wait for one written after everything arrived.
    # Of the 200 garbage datagrams 50 are oversized and 100 or more malformed (random bytes,
    # truncated packets, some of the bit flips); the other bit flips fail the signature.
    all_counted() {
        counter_at_least "$s" droppedAuth $((auth0 + 70)) &&
            counter_at_least "$s" droppedMalformed $((malformed0 + 100)) &&
            counter_at_least "$s" droppedOversized $((oversized0 + 50))
    }
    wait_until "$STATUS_TIMEOUT" all_counted
    check "$(name_of "$s") dropped the 70 forged messages (bad signature)" \
        counter_at_least "$s" droppedAuth $((auth0 + 70))
    check "$(name_of "$s") dropped the replays (droppedReplay grew)" counter_at_least "$s" droppedReplay $((replay0 + 1))
    local malformed=$(($(counter "$s" droppedMalformed) - malformed0))
    local oversized=$(($(counter "$s" droppedOversized) - oversized0))
    check "$(name_of "$s") dropped malformed ($malformed) and oversized ($oversized) garbage" \
        test "$malformed" -ge 100 -a "$oversized" -ge 50
    check "$(name_of "$s") dropped datagrams from an unknown sender" counter_at_least "$s" droppedUnknownSender $((unknown0 + 1))
    sleep 0.2
    for ((n = 1; n <= NODES; n++)); do
        check "$(name_of "$n") still sees the same members alive (${before[n]})" test "$(alive_view "$n")" == "${before[n]}"
        out=$(log_since "$n" "${logs[n]}" "announcing|took over|stopped announcing|is dead|said goodbye|is alive")
        check "$(name_of "$n")'s log shows no takeover, death or return" test -z "$out" || echo "$out"
        check "$(name_of "$n")'s agent still runs" k3st_agent_running "$n"
    done
    for ip in "$V4A" "$V4B" "$V6"; do
        check "$ip still announced by $(name_of "$(first_alive "$ip")") alone" settled_on "$ip" "$(first_alive "$ip")"
    done
}

# SIGKILL the announcer of $V4A: the capture sees the successor's gratuitous ARP, the router's
# arping gets the successor's MAC; replays of the dead node's heartbeats do not revive it.
DEAD=""
scenario_failover() {
    scenario "SIGKILL the announcer of $V4A"
    local a s smac mark t0 t1 out log
    a=$(first_alive "$V4A")
    s=$(first_alive "$V4A" "$a")
    smac=$(mac_of "$s")
    mark=$(capture_mark)
    log=$(k3st_log_size "$s")
    t0=$(k3st_us)
    k3st_agent_signal "$a" KILL
    wait "$(k3st_agent_pid "$a")" 2>/dev/null
    K3ST_AGENT_PID[a]=""
    DEAD=$a
    if wait_until "$FAILOVER_TIMEOUT" has_garp_since "$mark" "$V4A" "$smac"; then
        t1=$(garp_since "$mark" "$V4A" "$smac")
        pass "the LAN sees $(name_of "$s")'s gratuitous ARP for $V4A ($(awk -v a="$t1" -v b="$t0" 'BEGIN { printf "%.0f", (a * 1e6 - b) / 1000 }') ms after the kill; measured precisely by bench_failover.sh)"
    else
        fail "the LAN sees $(name_of "$s")'s gratuitous ARP for $V4A within ${FAILOVER_TIMEOUT}s" "$(capture_since "$mark" | tail -n 20)"
    fi
    if [[ "$TIMED" == "$s" ]]; then
        two_garps() { [[ $(garps_since "$mark" "$V4A" "$smac" | wc -l) -ge 2 ]]; }
        wait_until 5 two_garps
        local gap
        gap=$(garps_since "$mark" "$V4A" "$smac" | awk 'NR == 1 { a = $1 } NR == 2 { printf "%.0f", ($1 - a) * 1000 }')
        # The default (1100 ms) would put the second one at least 1100 ms after the first.
        check "$(name_of "$s")'s next gratuitous ARP follows its reloaded garpIntervalMs 300 (${gap:-no second one} ms later, < 900)" \
            test -n "$gap" -a "${gap:-0}" -lt 900
    fi
    check "the gratuitous ARP comes as a request and a reply (metallb.md §4.3)" \
        grep -q "Reply $V4A is-at $smac" <<<"$(capture_since "$mark" | awk -v m="$smac" '$2 == m && $4 == "ff:ff:ff:ff:ff:ff,"')"
    out=$(k3st_in "$K3ST_RTR" arping -I eth0 -b -c 1 -w 3 "$V4A" 2>&1)
    check "arping $V4A from the router: $(name_of "$s")'s $smac answers" grep -qi "reply from $V4A \[$smac\]" <<<"$out"
    if wait_until "$STATUS_TIMEOUT" settled_on "$V4A" "$s" "$a"; then
        pass "$(name_of "$s") announces $V4A, the other live node agrees"
    else
        fail "$(name_of "$s") announces $V4A, the other live node agrees" "$(describe_ip "$V4A")"
    fi
    check "$(name_of "$s")'s log says it took over from $(name_of "$a")" \
        grep -q "took over from $(name_of "$a")" <<<"$(k3st_log_since "$s" "$log")"

    # Replays of the dead node's real heartbeats, and forgeries in its name.
    local replay0 n
    replay0=$(counter "$s" droppedReplay)
    k3st_in "$K3ST_RTR" "$TOOL" replay "$HB_PCAP" "$(lanip_of "$a")" "$(lanip_of "$s")" "$PORT" >/dev/null 2>&1
    k3st_in "$K3ST_RTR" "$TOOL" forge "$(lanip_of "$a")" "$(lanip_of "$s")" "$PORT" "$(name_of "$a")" \
        heartbeat 30 pi1 pi2 pi3 >/dev/null 2>&1
    wait_until "$STATUS_TIMEOUT" counter_at_least "$s" droppedReplay $((replay0 + 1))
    sleep 0.3
    check "replayed heartbeats of the dead $(name_of "$a") were dropped as replays" counter_at_least "$s" droppedReplay $((replay0 + 1))
    check "$(name_of "$a") stays dead in $(name_of "$s")'s view" \
        test "$(jq -r --arg n "$(name_of "$a")" '.announce.members[] | select(.name == $n) | .alive' "$(status_file "$s")")" == false
    check "$(name_of "$s") still announces $V4A" settled_on "$V4A" "$s" "$a"
    check "$(name_of "$s")'s log shows no return of $(name_of "$a")" \
        test -z "$(log_since "$s" "$log" "$(name_of "$a") is alive")"
}

# Restart the dead node: ownership follows the election again, and at no time do two nodes
# answer beyond one heartbeat (10 ms): a steady stream of requests from the router shows the
# successor's last answer before the returning node's first.
scenario_return() {
    scenario "restart the killed node: ownership returns, never two answering nodes"
    [[ -n "$DEAD" ]] || { fail "no node was killed (the failover scenario must run first)"; return; }
    local a=$DEAD s amac smac mark flood out
    s=$(first_alive "$V4A" "$a")
    amac=$(mac_of "$a")
    smac=$(mac_of "$s")
    mark=$(capture_mark)
    k3st_in "$K3ST_RTR" "$TOOL" arp-flood eth0 "$V4A" 6 500 >"$K3ST_DIR/flood.txt" 2>&1 &
    flood=$!
    k3st_track_bg "$flood"
    sleep 0.5
    k3st_agent_start "$a"
    DEAD=""
    if wait_until "$START_TIMEOUT" settled_on "$V4A" "$a"; then
        pass "$(name_of "$a") announces $V4A again (first in election order), the others agree"
    else
        fail "$(name_of "$a") announces $V4A again" "$(describe_ip "$V4A")"
    fi
    wait "$flood" 2>/dev/null
    capture_settle
    # Every frame that says "V4A is at MAC" (replies and gratuitous ARPs), by sender MAC.
    out=$(capture_since "$mark" | awk -v ip="$V4A" -v a="$amac" -v s="$smac" '
        $0 ~ ("Reply " ip " is-at ") || $0 ~ ("tell " ip ", length") {
            if ($2 == s) lastS = $1
            if ($2 == a && firstA == "") firstA = $1
            if ($2 == s) nS++
            if ($2 == a) nA++
        }
        END { printf "%s %s %d %d\n", (lastS == "" ? 0 : lastS), (firstA == "" ? 0 : firstA), nS, nA }')
    local lastS firstA nS nA
    read -r lastS firstA nS nA <<<"$out"
    if [[ $nS -gt 0 && $nA -gt 0 ]]; then
        pass "the flood was answered by $(name_of "$s") ($nS frames), then by $(name_of "$a") ($nA frames)"
    else
        fail "the flood was answered by $(name_of "$s"), then by $(name_of "$a")" "$out; $(cat "$K3ST_DIR/flood.txt")"
    fi
    if awk -v l="$lastS" -v f="$firstA" 'BEGIN { exit !(l - f <= 0.010) }'; then
        pass "no window with two answering nodes beyond one heartbeat (last answer of $(name_of "$s") $(awk -v l="$lastS" -v f="$firstA" 'BEGIN { printf "%.1f", (f - l) * 1000 }') ms before the first of $(name_of "$a"))"
    else
        fail "no window with two answering nodes beyond one heartbeat" "last from $(name_of "$s") $lastS, first from $(name_of "$a") $firstA"
    fi
    local ip
    for ip in "$V4B" "$V6"; do
        check "$ip announced by $(name_of "$(first_alive "$ip")") (the election order) again" \
            wait_until "$STATUS_TIMEOUT" settled_on "$ip" "$(first_alive "$ip")"
    done
}

# SIGTERM: the node stops answering and says goodbye; its successor takes over at once.
scenario_sigterm() {
    scenario "SIGTERM the announcer of $V4B: goodbye, prompt takeover"
    local b t tmac mark log
    b=$(first_alive "$V4B")
    t=$(first_alive "$V4B" "$b")
    tmac=$(mac_of "$t")
    mark=$(capture_mark)
    log=$(k3st_log_size "$t")
    k3st_agent_stop "$b" 10
    check "$(name_of "$b") exits with status 0 on SIGTERM" test "$K3ST_LAST_EXIT" == 0
    check "the LAN sees $(name_of "$t")'s gratuitous ARP for $V4B" wait_until "$FAILOVER_TIMEOUT" has_garp_since "$mark" "$V4B" "$tmac"
    check "$(name_of "$t") heard $(name_of "$b")'s goodbye" grep -q "$(name_of "$b") said goodbye" <<<"$(k3st_log_since "$t" "$log")"
    check "$(name_of "$t") announces $V4B" wait_until "$STATUS_TIMEOUT" settled_on "$V4B" "$t" "$b"
    DOWN=$b
}

# Without a usable cluster key the data plane still converges and the status says why nothing
# is announced.
DOWN=""
scenario_no_key() {
    scenario "no cluster key: data plane up, L2 announcement off with the reason"
    local n=${DOWN:-3} cfg out
    [[ -z "$DOWN" ]] && k3st_agent_stop "$n" 10
    cfg=$(k3st_node_config "$n")
    sed -i "s|keyFile: .*|keyFile: $(k3st_node_dir "$n")/k3snet/missing.key|" "$cfg"
    k3st_agent_start "$n"
    off_with_reason() {
        jq -e '.announce.enabled == false and (.announce.error | contains("missing.key"))' \
            "$(status_file "$n")" >/dev/null 2>&1
    }
    if wait_until "$STATUS_TIMEOUT" off_with_reason; then
        pass "$(name_of "$n")'s status: L2 announcement off, the error names the key file"
    else
        fail "$(name_of "$n")'s status: L2 announcement off, the error names the key file" "$(jq .announce "$(status_file "$n")" 2>&1)"
    fi
    out=$(k3st_agent_status "$n" 2>&1)
    check "$(name_of "$n")'s data plane converged anyway (status --json)" jq -e '.converged == true' <<<"$out"
    check "$(name_of "$n")'s agent runs" k3st_agent_running "$n"
}

# ---------------------------------------------------------------------------------------------

k3st_init "$AGENT"
echo "k3snet L2 announcement test: agent $AGENT, run tag $K3ST_TAG, dir $K3ST_DIR"

ALL_SCENARIOS=(arp ndp timing conflict late_conflict forged failover return sigterm no_key)
read -r -a SCENARIOS <<<"${K3ST_SCENARIOS:-${ALL_SCENARIOS[*]}}"
if scenario_setup; then
    for s in "${SCENARIOS[@]}"; do "scenario_$s"; done
else
    fail "the other scenarios need agreeing nodes: skipped"
fi

echo
if [[ $FAILURES -gt 0 ]]; then
    for ((n = 1; n <= NODES; n++)); do
        [[ -f "$(k3st_node_log "$n")" ]] || continue
        echo "--- last lines of $(k3st_node_name "$n")'s agent log ---"
        tail -n 25 "$(k3st_node_log "$n")"
    done
fi
report_exit
