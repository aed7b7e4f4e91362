#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test_provision.sh K3SNETCTL AGENT: `k3snetctl provision`, `status` and `uninstall` against four
# simulated Pis that are really reachable over SSH (sshnode-lib.sh): each a network namespace on
# a LAN bridge with a copy-on-write root, its own OpenSSH sshd, a test user with an authorized
# key and sudo (pi3's sudo wants a password). k3snetctl runs in an admin namespace on the LAN,
# with its own home and known_hosts file. Nodes have no systemd: the fallback supervisor runs
# the agent. One scenario per function; every check prints PASS or FAIL; exit 1 if a check
# failed, 77 if the test cannot run here (not root, no sshd) unless K3SNET_REQUIRE_PRIVILEGED=1.
#
# Debugging: K3ST_SCENARIOS="rerun rollback" runs only those scenarios after the setup;
# K3ST_KEEP=1 leaves the namespaces and the temp dir (every node's files via k3sp_in_node).
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../agent/netns-lib.sh
source "$HERE/../agent/netns-lib.sh"
# shellcheck source=sshnode-lib.sh
source "$HERE/sshnode-lib.sh"

CTL=${1:-}
AGENT=${2:-}
if [[ ! -x "$CTL" || ! -x "$AGENT" ]]; then
    echo "FAIL: usage: $0 PATH/TO/k3snetctl PATH/TO/k3snet-agent (got \"$CTL\", \"$AGENT\")"
    exit 1
fi

NODES=4
SUDO_NODE=3
SUDO_PASSWORD="pi3-sudo-$$-secret"
# Seconds an agent gets to converge before its node is rolled back: a bound that catches a
# broken config quickly, not a speed target (a good agent converges in well under a second).
HEALTH_TIMEOUT=8

skip_unless_root
k3st_require_tools ip jq ping unshare nsenter timeout ssh-keygen sudo useradd usermod chpasswd tc \
    sha256sum awk iptables-save
[[ -x /usr/sbin/sshd ]] || k3st_skip "OpenSSH sshd is not installed (run packaging/install-deps.sh)"

# ---------------------------------------------------------------------------------------------
# Reporting

# shellcheck source=tests/agent/report-lib.sh
source "$HERE/../agent/report-lib.sh"

# ---------------------------------------------------------------------------------------------
# Running k3snetctl

PROJECT=""     # the project file provision uses (set by the setup)
OUT=""         # stdout of the last run (JSON with --json)
ERR_FILE=""    # its stderr
RC=0

# run_ctl COMMAND [PASSWORD] [ARGS...]: k3snetctl COMMAND PROJECT in the admin namespace with
# the test key, the sudo password on standard input, --json; sets OUT and RC.
run_ctl() {
    local command=$1 password=$2
    shift 2
    OUT=$(printf '%s\n' "$password" | k3sp_ctl "$command" "$PROJECT" --identity "$(k3sp_key)" \
        --sudo-password-stdin --json "$@" 2>"$ERR_FILE")
    RC=$?
}
provision() { run_ctl provision "$SUDO_PASSWORD" --health-timeout "$HEALTH_TIMEOUT" "$@"; }

# node_field N JQ_FIELD: a field of node N's result in OUT.
node_field() { jq -r --arg n "$(k3st_node_name "$1")" ".nodes[] | select(.node == \$n) | $2" <<<"$OUT" 2>/dev/null; }

# expect_outcomes OUTCOME N...: every node N ended with OUTCOME.
expect_outcomes() {
    local want=$1 n got bad=""
    shift
    for n in "$@"; do
        got=$(node_field "$n" .outcome)
        [[ "$got" == "$want" ]] || bad+="pi$n: $got ($(node_field "$n" .message)) "
    done
    [[ -z "$bad" ]] || { echo "$bad"; cat "$ERR_FILE"; return 1; }
}

debug_run() { echo "exit status $RC"; jq -c '.nodes[] | {node, outcome, step, message}' <<<"$OUT" 2>/dev/null || echo "$OUT"; tail -n 20 "$ERR_FILE"; }

all_nodes() { seq 1 "$NODES"; }
mapfile -t ALL < <(all_nodes)

# The node's installed files are exactly these (k3sp_node_files output saved earlier).
same_files() { diff <(echo "$2") <(k3sp_node_files "$1"); }
no_files() { local f; f=$(k3sp_node_files "$1" | grep -v '^/etc/cni/net.d/$'); [[ -z "$f" ]] || { echo "$f"; return 1; }; }

agent_sha() { sha256sum <"$1" | cut -c1-64; }
new_agent_process() { local p; p=$(k3sp_agent_pid "$1"); [[ -n "$p" && "$p" != "$2" ]] || { echo "agent pid \"$p\" (before: $2)"; return 1; }; }

# ---------------------------------------------------------------------------------------------
# Scenarios

scenario_setup() {
    scenario "setup: LAN, admin namespace, $NODES nodes with sshd (pi$SUDO_NODE's sudo needs a password)"
    ERR_FILE=$K3ST_DIR/stderr.txt
    PROJECT=$K3ST_DIR/cluster.k3snet.yaml
    if ! { k3st_lan_create && k3sp_admin_create "$CTL" "$AGENT"; } >"$K3ST_DIR/setup.log" 2>&1; then
        fail "LAN and admin namespace created" "$(cat "$K3ST_DIR/setup.log")"
        return 1
    fi
    local n password
    for n in $(all_nodes); do
        password=""
        ((n == SUDO_NODE)) && password=$SUDO_PASSWORD
        if k3sp_node_boot "$n" "$password" >>"$K3ST_DIR/setup.log" 2>&1; then
            pass "pi$n boots with a copy-on-write root and answers SSH on $(k3st_node_lanip "$n"):22"
        else
            fail "pi$n boots and answers SSH" "$(tail -n 20 "$K3ST_DIR/setup.log"; cat "$(k3st_node_dir "$n")/init.log")"
            return 1
        fi
    done
    check "the test user exists only in the nodes, not on the host" eq "$(getent passwd "$K3SP_USER")" ""
    k3sp_project_write "$PROJECT" "$NODES"
    check "the generated project validates" k3sp_ctl validate "$PROJECT"
}

scenario_unknown_hosts() {
    scenario "unknown host keys without --accept-new: refused, nothing sent"
    OUT=$(k3sp_ctl provision "$PROJECT" --identity "$(k3sp_key)" --batch --json 2>"$ERR_FILE")
    RC=$?
    check "exit status 1" test "$RC" -eq 1
    local n
    for n in $(all_nodes); do
        check "pi$n: failed at verify-host-key" eq "$(node_field "$n" .outcome)/$(node_field "$n" .step)" failed/verify-host-key
        check "pi$n: the message names its fingerprint and --accept-new" has "$(node_field "$n" .message)" \
            "$(k3sp_fingerprint "$n")"
        check "pi$n: ... and --accept-new" has "$(node_field "$n" .message)" --accept-new
        check "pi$n: nothing installed" no_files "$n"
    done
    check "no known_hosts file was written" test ! -e "$(k3sp_known_hosts)"
}

scenario_sudo_refused() {
    scenario "sudo on pi$SUDO_NODE without a password, then with a wrong one: clear error, node untouched"
    OUT=$(k3sp_ctl provision "$PROJECT" --identity "$(k3sp_key)" --batch --accept-new --json \
        --nodes "pi$SUDO_NODE" 2>"$ERR_FILE")
    RC=$?
    check "no password: exit status 1" eq "$RC" 1
    check "no password: pi$SUDO_NODE failed at detect" eq "$(node_field "$SUDO_NODE" .outcome)/$(node_field "$SUDO_NODE" .step)" failed/detect
    check "no password: the message says sudo needs one" has "$(node_field "$SUDO_NODE" .message)" "needs the password"
    run_ctl provision "wrong-$SUDO_PASSWORD-x" --accept-new --nodes "pi$SUDO_NODE"
    check "wrong password: exit status 1" eq "$RC" 1
    check "wrong password: pi$SUDO_NODE failed at detect" eq "$(node_field "$SUDO_NODE" .outcome)/$(node_field "$SUDO_NODE" .step)" failed/detect
    check "wrong password: the message says sudo refused the password" has "$(node_field "$SUDO_NODE" .message)" "refused the password"
    check "pi$SUDO_NODE: nothing installed" no_files "$SUDO_NODE"
    check "the wrong password appears in no output" lacks "$OUT$(cat "$ERR_FILE")" "wrong-$SUDO_PASSWORD"
}

scenario_provision() {
    scenario "provision all $NODES nodes (--accept-new): agents installed, running, converged"
    provision --accept-new
    check "exit status 0" test "$RC" -eq 0 || debug_run
    check "every node: installed" expect_outcomes installed "${ALL[@]}"
    local n rid size
    rid=$(agent_sha "$AGENT" | cut -c1-16)
    size=$(stat -c %s "$AGENT")
    for n in $(all_nodes); do
        check "pi$n: the whole agent ($size bytes) and its files were uploaded" \
            test "$(node_field "$n" .uploadedBytes)" -gt "$size"
        check "pi$n: current -> releases/$rid" eq "$(k3sp_in_node "$n" readlink /usr/local/lib/k3snet/current)" "releases/$rid"
        check "pi$n: the installed agent is the binary, byte for byte" \
            eq "$(k3sp_in_node "$n" cat /usr/local/lib/k3snet/current/k3snet-agent | agent_sha /dev/stdin)" "$(agent_sha "$AGENT")"
        check "pi$n: /etc/k3snet/agent.yaml is what k3snetctl export --agent-config writes" \
            diff <(k3sp_ctl export --agent-config "$(k3st_node_name "$n")" "$PROJECT" 2>/dev/null) \
            <(k3sp_in_node "$n" cat /etc/k3snet/agent.yaml)
        check "pi$n: /etc/k3snet/cluster.key has mode 600, owner root" eq "$(k3sp_in_node "$n" stat -c %a/%U /etc/k3snet/cluster.key)" 600/root
        check "pi$n: /etc/k3snet/cluster.key is the project's key" cmp <(k3sp_in_node "$n" cat /etc/k3snet/cluster.key) "$K3ST_DIR/cluster.key"
        check "pi$n: the supervisor runs the agent" test -n "$(k3sp_agent_pid "$n")"
        check "pi$n: its host key was recorded in k3snet's known_hosts with the right fingerprint" \
            has "$(ssh-keygen -l -F "$(k3st_node_lanip "$n")" -f "$(k3sp_known_hosts)")" "$(k3sp_fingerprint "$n")"
    done
    check "the project's cluster key was created with mode 600" test "$(stat -c %a "$K3ST_DIR/cluster.key")" = 600
    check "the sudo password appears in no output" lacks "$OUT$(cat "$ERR_FILE")" "$SUDO_PASSWORD"
}

scenario_dataplane() {
    scenario "the data plane works: pods ping across nodes; status reports every agent healthy"
    local a b
    for a in $(all_nodes); do
        check "pod $(k3st_pod_ip "$a" 1) attached to pi$a's cni0" k3st_pod_create "$a" 1
    done
    for a in $(all_nodes); do
        for b in $(all_nodes); do
            ((a == b)) && continue
            check "pod on pi$a -> pod on pi$b" k3st_ping "$(k3st_pod_ns "$a" 1)" "$(k3st_pod_ip "$b" 1)" 3
        done
    done
    run_ctl status "$SUDO_PASSWORD"
    check "k3snetctl status: exit status 0" eq "$RC" 0 || debug_run
    check "k3snetctl status: every node healthy" expect_outcomes healthy "${ALL[@]}"
    check "k3snetctl status carries each agent's status --json (converged)" \
        eq "$(jq '[.nodes[].agentStatus.converged] | all' <<<"$OUT")" true
}

declare -A SNAPSHOT=()
declare -A AGENT_PIDS=()
snapshot_nodes() {
    local n
    for n in $(all_nodes); do
        SNAPSHOT[$n]=$(k3sp_node_files "$n")
        AGENT_PIDS[$n]=$(k3sp_agent_pid "$n")
    done
}

scenario_rerun() {
    scenario "re-run with nothing changed: up to date, nothing uploaded, nothing restarted"
    snapshot_nodes
    provision
    check "exit status 0" test "$RC" -eq 0 || debug_run
    check "every node: up to date" expect_outcomes up-to-date "${ALL[@]}"
    local n
    for n in $(all_nodes); do
        check "pi$n: 0 bytes uploaded" test "$(node_field "$n" .uploadedBytes)" -eq 0
        check "pi$n: every installed file unchanged (content, size, mtime, mode)" same_files "$n" "${SNAPSHOT[$n]}"
        check "pi$n: the same agent process (pid ${AGENT_PIDS[$n]}) runs" test "$(k3sp_agent_pid "$n")" = "${AGENT_PIDS[$n]}"
    done
}

scenario_reload() {
    scenario "a config-only change (a LoadBalancer service): config pushed, agents reloaded, not restarted"
    snapshot_nodes
    k3sp_project_write "$PROJECT" "$NODES" --service
    provision
    check "exit status 0" test "$RC" -eq 0 || debug_run
    check "every node: reconfigured" expect_outcomes reconfigured "${ALL[@]}"
    local n rid
    rid=$(agent_sha "$AGENT" | cut -c1-16)
    for n in $(all_nodes); do
        check "pi$n: only the config was uploaded ($(node_field "$n" .uploadedBytes) bytes)" \
            test "$(node_field "$n" .uploadedBytes)" -lt 16384
        check "pi$n: the new config names the service IP 192.0.2.200" \
            k3sp_in_node "$n" grep -q "ip: 192.0.2.200" /etc/k3snet/agent.yaml
        check "pi$n: still release $rid" eq "$(k3sp_in_node "$n" readlink /usr/local/lib/k3snet/current)" "releases/$rid"
        check "pi$n: the same agent process (reloaded with SIGHUP, not restarted)" eq "$(k3sp_agent_pid "$n")" "${AGENT_PIDS[$n]}"
    done
    check "pods still ping across nodes" k3st_ping "$(k3st_pod_ns 1 1)" "$(k3st_pod_ip 4 1)" 3
}

scenario_rollback() {
    scenario "a config that fails the health check (pi2's uplink eth9 does not exist): rolled back"
    snapshot_nodes
    local good=$PROJECT
    PROJECT=$K3ST_DIR/broken.k3snet.yaml
    cp "$K3ST_DIR/cluster.key" "$K3ST_DIR/broken.key"
    k3sp_project_write "$PROJECT" "$NODES" --service pi2:eth9
    provision --nodes pi2
    PROJECT=$good
    check "exit status 1" test "$RC" -eq 1 || debug_run
    check "pi2: rolled back at the health check" eq "$(node_field 2 .outcome)/$(node_field 2 .step)" rolled-back/health-check
    check "pi2: the message carries the agent's error about eth9" has "$(node_field 2 .message)" eth9
    check "pi2: ... and that the previous agent converged again" has "$(node_field 2 .message)" "converged again"
    check "pi2: configuration and every other file as before" same_files 2 "${SNAPSHOT[2]}"
    check "pi2: the previous agent runs again" test -n "$(k3sp_agent_pid 2)"
    run_ctl status "$SUDO_PASSWORD" --nodes pi2
    check "pi2: status healthy" eq "$(node_field 2 .outcome)" healthy
    check "pod on pi1 -> pod on pi2" k3st_ping "$(k3st_pod_ns 1 1)" "$(k3st_pod_ip 2 1)" 3
    check "pod on pi2 -> pod on pi1" k3st_ping "$(k3st_pod_ns 2 1)" "$(k3st_pod_ip 1 1)" 3
}

scenario_changed_host_key() {
    scenario "pi1 presents another host key: refused loudly before anything is sent"
    snapshot_nodes
    local saved=$K3ST_DIR/pi1-host-key known_before
    cp "$(k3sp_host_key 1)" "$saved" && cp "$(k3sp_host_key 1).pub" "$saved.pub"
    known_before=$(sha256sum <"$(k3sp_known_hosts)")
    if ! k3sp_rekey 1 >"$K3ST_DIR/rekey.log" 2>&1; then
        fail "pi1 gets a new host key" "$(cat "$K3ST_DIR/rekey.log")"
        return 1
    fi
    provision
    check "exit status 1" test "$RC" -eq 1 || debug_run
    check "pi1: failed at verify-host-key" eq "$(node_field 1 .outcome)/$(node_field 1 .step)" failed/verify-host-key
    check "pi1: the message says loudly that the HOST KEY HAS CHANGED" has "$(node_field 1 .message)" "HAS CHANGED"
    check "pi1: ... and gives the new fingerprint" has "$(node_field 1 .message)" "$(k3sp_fingerprint 1)"
    check "the other nodes: up to date" expect_outcomes up-to-date 2 3 4
    check "pi1: every installed file unchanged" same_files 1 "${SNAPSHOT[1]}"
    check "pi1: the same agent process runs" test "$(k3sp_agent_pid 1)" = "${AGENT_PIDS[1]}"
    check "known_hosts unchanged" test "$(sha256sum <"$(k3sp_known_hosts)")" = "$known_before"
    k3sp_set_host_key 1 "$saved" >"$K3ST_DIR/rekey.log" 2>&1 || fail "pi1 gets its old host key back" "$(cat "$K3ST_DIR/rekey.log")"
}

# The next agent release: the same binary with bytes appended (still runs), another sha256.
NEW_AGENT_DIR=""
make_new_release() {
    NEW_AGENT_DIR=$(k3sp_agent_dir "$AGENT")
    printf 'k3st-new-release-%s' "$$" >>"$NEW_AGENT_DIR/x86_64/k3snet-agent"
}

# throttle N: node N's LAN port passes about a tenth of the agent per second, so that its
# upload takes about ten seconds (tbf on the bridge port, in the test's LAN namespace).
throttle() {
    local kbit
    kbit=$(($(stat -c %s "$AGENT") * 8 / 1000 / 10))
    tc -n "$K3ST_LAN" qdisc replace dev "n$1" root tbf rate "${kbit}kbit" burst 64kb latency 2s
}
unthrottle() { tc -n "$K3ST_LAN" qdisc del dev "n$1" root 2>/dev/null; return 0; }

# start_provision_bg LOG ARGS...: provision with the new release in the background; CTL_PID.
CTL_PID=""
start_provision_bg() {
    local log=$1
    shift
    printf '%s\n' "$SUDO_PASSWORD" >"$K3ST_DIR/sudo-password"
    K3SP_AGENT_DIR=$NEW_AGENT_DIR k3sp_ctl_exec provision "$PROJECT" --identity "$(k3sp_key)" \
        --sudo-password-stdin --json --health-timeout "$HEALTH_TIMEOUT" "$@" \
        <"$K3ST_DIR/sudo-password" >"$log.json" 2>"$log" &
    CTL_PID=$!
    k3st_track_bg "$CTL_PID"
}

# wait_ctl: waits (bounded) for the background k3snetctl; RC and OUT from it.
wait_ctl() {
    local log=$1
    wait_until 120 k3st_not_alive "$CTL_PID" || kill -KILL "$CTL_PID" 2>/dev/null
    wait "$CTL_PID" 2>/dev/null
    RC=$?
    OUT=$(cat "$log.json")
    cp "$log" "$ERR_FILE"
}

scenario_cancel() {
    scenario "Ctrl-C during pi4's upload: pi4 cancelled, left as it was"
    make_new_release
    snapshot_nodes
    throttle 4
    local log=$K3ST_DIR/cancel.log
    start_provision_bg "$log" --nodes pi4
    if wait_until 30 grep -q '^pi4: upload' "$log"; then
        sleep 1
        kill -INT "$CTL_PID"
    else
        fail "pi4 reaches the upload" "$(cat "$log")"
    fi
    wait_ctl "$log"
    unthrottle 4
    check "exit status 130" test "$RC" -eq 130 || debug_run
    check "pi4: cancelled during the upload" eq "$(node_field 4 .outcome)/$(node_field 4 .step)" cancelled/upload
    check "pi4: every installed file unchanged, no upload left behind" same_files 4 "${SNAPSHOT[4]}"
    check "pi4: the same agent process runs" test "$(k3sp_agent_pid 4)" = "${AGENT_PIDS[4]}"
}

scenario_sshd_killed() {
    scenario "sshd on pi4 killed in the middle of the upload of a new release: pi4 fails, the others update"
    [[ -n "$NEW_AGENT_DIR" ]] || make_new_release
    snapshot_nodes
    throttle 4
    local log=$K3ST_DIR/killed.log n rid
    rid=$(agent_sha "$NEW_AGENT_DIR/x86_64/k3snet-agent" | cut -c1-16)
    start_provision_bg "$log"
    if wait_until 30 grep -q '^pi4: upload' "$log"; then
        sleep 1
        k3sp_sshd_kill 4
    else
        fail "pi4 reaches the upload" "$(cat "$log")"
    fi
    wait_ctl "$log"
    unthrottle 4
    check "exit status 1" test "$RC" -eq 1 || debug_run
    check "pi4: failed at upload" eq "$(node_field 4 .outcome)/$(node_field 4 .step)" failed/upload
    check "pi1-pi3: updated to release $rid" expect_outcomes updated 1 2 3
    for n in 1 2 3; do
        check "pi$n: runs release $rid" eq "$(k3sp_in_node "$n" readlink /usr/local/lib/k3snet/current)" "releases/$rid"
        check "pi$n: the previous release is kept next to it" eq "$(k3sp_in_node "$n" ls /usr/local/lib/k3snet/releases | wc -l)" 2
        check "pi$n: a new agent process runs" new_agent_process "$n" "${AGENT_PIDS[$n]}"
    done
    check "pi4: every installed file unchanged, no partial upload left behind" same_files 4 "${SNAPSHOT[4]}"
    check "pi4: the old agent still runs" test "$(k3sp_agent_pid 4)" = "${AGENT_PIDS[4]}"
    check "pi4: sshd comes back" k3sp_sshd_start 4
    check "pods on pi1 and pi4 still ping each other" k3st_ping "$(k3st_pod_ns 1 1)" "$(k3st_pod_ip 4 1)" 3
}

scenario_uninstall() {
    scenario "uninstall: agent, data plane and files removed from every node"
    run_ctl uninstall "$SUDO_PASSWORD"
    check "exit status 0" eq "$RC" 0
    check "every node: removed" expect_outcomes removed "${ALL[@]}"
    local n ns
    for n in $(all_nodes); do
        ns=$(k3st_node_ns "$n")
        check "pi$n: no k3snet file left" no_files "$n"
        check "pi$n: no agent process" test -z "$(k3sp_agent_pid "$n")"
        check "pi$n: flannel.1 and cni0 are gone" eq "$(ip -n "$ns" -br link show | awk '$1 ~ /^(flannel.1|cni0)/')" ""
        check "pi$n: no K3SNET firewall chain" eq "$(ip netns exec "$ns" iptables-save 2>/dev/null | grep K3SNET)" ""
    done
    run_ctl status "$SUDO_PASSWORD"
    check "status afterwards: not installed on every node" expect_outcomes not-installed "${ALL[@]}"
}

# ---------------------------------------------------------------------------------------------

k3st_init "$AGENT"
ALL_SCENARIOS="unknown_hosts sudo_refused provision dataplane rerun reload rollback changed_host_key cancel sshd_killed uninstall"
if scenario_setup; then
    for s in ${K3ST_SCENARIOS:-$ALL_SCENARIOS}; do
        "scenario_$s"
    done
fi

report_exit
