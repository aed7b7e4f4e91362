#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test_node_files.sh SOURCE_DIR AGENT: the files provisioning puts on a node, checked without a
# node and without root:
#   - packaging/systemd/k3snet-agent.service passes `systemd-analyze verify` (in a scratch root
#     holding the unit, systemd's own units and the programs it runs) with no message at all,
#     and its exposure (`systemd-analyze security`) stays low; a broken copy is caught;
#   - packaging/node/k3snet-node.sh and k3snet-supervise parse as POSIX sh and pass shellcheck;
#   - k3snet-supervise starts, reloads, restarts (with growing delays) and stops a fake agent.
# Exit 1 if a check failed, 77 if systemd-analyze or sh is missing.
set -u

SOURCE=${1:-}
AGENT=${2:-}
if [[ ! -d "$SOURCE/packaging" || ! -x "$AGENT" ]]; then
    echo "FAIL: usage: $0 SOURCE_DIR PATH/TO/k3snet-agent"
    exit 1
fi
UNIT=$SOURCE/packaging/systemd/k3snet-agent.service
NODE_SCRIPT=$SOURCE/packaging/node/k3snet-node.sh
SUPERVISE=$SOURCE/packaging/node/k3snet-supervise

for tool in systemd-analyze sh timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (run packaging/install-deps.sh)"
        exit 77
    fi
done

PASSES=0
FAILURES=0
pass() { PASSES=$((PASSES + 1)); echo "PASS: $1"; }
fail() {
    FAILURES=$((FAILURES + 1))
    echo "FAIL: $1"
    [[ -n "${2:-}" ]] && printf '%s\n' "$2" | head -n 30 | sed 's/^/      /'
    return 0
}
check() {
    local desc=$1 out
    shift
    if out=$("$@" 2>&1); then pass "$desc"; else fail "$desc" "$out"; fi
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/k3snet-nodefiles.XXXXXX")
cleanup() {
    # The supervisor runs in a session of its own: stop it by its pid files.
    K3SNET_RUNDIR=$TMP/run sh "$SUPERVISE" stop >/dev/null 2>&1
    for f in "$TMP"/run/*.pid; do
        [[ -f "$f" ]] && kill -KILL "$(cat "$f")" 2>/dev/null
    done
    rm -rf "$TMP"
}
trap cleanup EXIT

# bounded polling, as netns-lib.sh's wait_until
wait_until() {
    local deadline=$((SECONDS + $1))
    shift
    while ((SECONDS <= deadline)); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.05
    done
    return 1
}

# ---------------------------------------------------------------------------------------------
echo "=== the systemd unit ==="

# make_root DIR UNIT_FILE: a scratch root with the unit, systemd's units and every program the
# unit's Exec lines name (the agent for k3snet-agent, the host's own for the others).
make_root() {
    local root=$1 unit=$2 exe
    mkdir -p "$root/etc/systemd/system" "$root/usr/lib/systemd"
    cp -r /usr/lib/systemd/system "$root/usr/lib/systemd/" 2>/dev/null || cp -r /lib/systemd/system "$root/usr/lib/systemd/"
    cp "$unit" "$root/etc/systemd/system/k3snet-agent.service"
    for exe in $(sed -nE 's/^Exec[A-Za-z]*=[-+!@:]*(\/[^ ]+).*/\1/p' "$unit" | sort -u); do
        mkdir -p "$root$(dirname "$exe")"
        if [[ "$(basename "$exe")" == k3snet-agent ]]; then
            cp "$AGENT" "$root$exe"
        else
            cp "$(readlink -f "$exe")" "$root$exe"
        fi
    done
}

verify_unit() {
    systemd-analyze verify --man=no --generators=no --root="$1" "$1/etc/systemd/system/k3snet-agent.service" 2>&1
}

make_root "$TMP/root" "$UNIT"
out=$(verify_unit "$TMP/root")
rc=$?
if [[ $rc -eq 0 && -z "$out" ]]; then
    pass "systemd-analyze verify: k3snet-agent.service is clean (no error, no warning)"
else
    fail "systemd-analyze verify: k3snet-agent.service is clean (exit $rc)" "$out"
fi

# The check can fail: an unknown key and a missing program are both reported.
sed 's/^NoNewPrivileges=yes$/NoNewPrivilege=yes/' "$UNIT" >"$TMP/broken.service"
make_root "$TMP/broken" "$TMP/broken.service"
rm -f "$TMP/broken/usr/local/lib/k3snet/current/k3snet-agent"
out=$(verify_unit "$TMP/broken")
check "a misspelt key is reported" grep -q "NoNewPrivilege" <<<"$out"
check "a missing program is reported" grep -q "k3snet-agent is not executable" <<<"$out"

check "capabilities: only CAP_NET_ADMIN and CAP_NET_RAW" grep -qx "CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_RAW" "$UNIT"
for setting in NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes PrivateTmp=yes; do
    check "the unit sets $setting" grep -qx "$setting" "$UNIT"
done
exposure=$(systemd-analyze security --offline=yes --root="$TMP/root" k3snet-agent.service 2>/dev/null |
    sed -nE 's/.*Overall exposure level for k3snet-agent.service: ([0-9.]+).*/\1/p')
if [[ -n "$exposure" ]] && awk -v e="$exposure" 'BEGIN { exit !(e < 4.0) }'; then
    pass "systemd-analyze security: exposure $exposure (below 4.0)"
elif [[ -z "$exposure" ]]; then
    echo "note: systemd-analyze security --offline is not available here; exposure not measured"
else
    fail "systemd-analyze security: exposure $exposure (below 4.0)"
fi

# ---------------------------------------------------------------------------------------------
echo
echo "=== the node scripts ==="
for f in "$NODE_SCRIPT" "$SUPERVISE"; do
    check "$(basename "$f") parses as POSIX sh" sh -n "$f"
    if command -v shellcheck >/dev/null 2>&1; then
        check "$(basename "$f") passes shellcheck -s sh" shellcheck -s sh "$f"
    fi
done

# ---------------------------------------------------------------------------------------------
echo
echo "=== the fallback supervisor, with a fake agent ==="
export K3SNET_AGENT=$TMP/fake-agent K3SNET_CONFIG=$TMP/agent.yaml K3SNET_RUNDIR=$TMP/run K3SNET_LOG=$TMP/log/agent.log
EVENTS=$TMP/events
cat >"$K3SNET_AGENT" <<EOF
#!/bin/sh
echo "start \$\$ \$*" >>"$EVENTS"
[ -f "$TMP/crash" ] && exit 3
trap 'echo "hup \$\$" >>"$EVENTS"' HUP
trap 'echo "term \$\$" >>"$EVENTS"; exit 0' TERM
while :; do sleep 0.1; done
EOF
chmod +x "$K3SNET_AGENT"

supervise() { timeout 30 sh "$SUPERVISE" "$@"; }
agent_pid() { cat "$K3SNET_RUNDIR/agent.pid" 2>/dev/null; }
alive() { [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; }
starts() { grep -c '^start' "$EVENTS" 2>/dev/null || echo 0; }

check "start: exit 0" supervise start
first=$(agent_pid)
check "the agent runs with run --config" grep -q "^start $first run --config $K3SNET_CONFIG\$" "$EVENTS"
check "status: exit 0 while running" supervise status
check "start again: already running, the same agent" bash -c "out=\$(timeout 30 sh '$SUPERVISE' start) && [[ \$out == *'already running'* && \$(cat '$K3SNET_RUNDIR/agent.pid') == $first ]]"
check "reload: the agent gets SIGHUP" supervise reload
check "... and logs it" wait_until 5 grep -q "^hup $first\$" "$EVENTS"
kill -KILL "$first"
check "a killed agent is restarted (a new pid within 5 s)" wait_until 5 bash -c "p=\$(cat '$K3SNET_RUNDIR/agent.pid' 2>/dev/null) && [[ -n \$p && \$p != $first ]] && kill -0 \$p"
check "the supervisor logged the exit and the delay" grep -q "exited with status .* restarting in 1s" "$K3SNET_LOG"
second=$(agent_pid)
sup=$(cat "$K3SNET_RUNDIR/supervise.pid")
check "stop: exit 0" supervise stop
check "stop: the agent got SIGTERM" grep -q "^term $second\$" "$EVENTS"
check "stop: agent and supervisor are gone" bash -c "! kill -0 $second 2>/dev/null && ! kill -0 $sup 2>/dev/null"
check "stop: the pid files are removed" bash -c "[[ ! -e '$K3SNET_RUNDIR/agent.pid' && ! -e '$K3SNET_RUNDIR/supervise.pid' ]]"
if supervise status >/dev/null; then fail "status: exit 3 when stopped"; else
    [[ $? -eq 3 ]] && pass "status: exit 3 when stopped" || fail "status: exit 3 when stopped"
fi

# An agent that keeps failing: restarted after 1 s, then 2 s, then 4 s.
touch "$TMP/crash"
: >"$EVENTS"
sh "$SUPERVISE" start >/dev/null 2>&1 # fails: the agent never stays up long enough to be seen
check "a crashing agent is restarted with growing delays (1 s, 2 s)" wait_until 8 grep -q "restarting in 2s" "$K3SNET_LOG"
check "... not more often: at most 3 starts in the first 3.5 s" test "$(starts)" -le 3
check "stop ends a supervisor that is waiting out its delay" supervise stop
check "... and it is gone" bash -c "! kill -0 \$(cat '$TMP/run/supervise.pid' 2>/dev/null || echo 999999) 2>/dev/null"

echo
if [[ $FAILURES -gt 0 ]]; then
    echo "$FAILURES of $((PASSES + FAILURES)) checks FAILED"
    exit 1
fi
echo "all $PASSES checks passed"
