#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test_provision_auth.sh K3SNETCTL AGENT [BUNDLED_AGENTS_DIR]: how `k3snetctl provision` logs in
# and picks the agent, against simulated Pis with real OpenSSH sshd (sshnode-lib.sh):
#
#   pi1  public keys only; the admin's key for it is protected by a passphrase
#   pi2  passwords only, for the test user k3spw (its login password; sudo without one)
#   pi3  sshd on port 2222 for the user k3salias with a key of its own, reached through a
#        Host alias of the admin's ~/.ssh/config (the test's own HOME, never the real one)
#
# Secrets are typed by an askpass program (K3SNET_ASKPASS) that notes every question. Then pi1
# pretends to be an ARM Pi (a `uname` in its /usr/local/bin): it must get the bundled armhf or
# aarch64 agent, which cannot run here (no binfmt_misc), so the node refuses it before the switch
# and keeps its agent; an unknown CPU is refused before anything is uploaded.
# Every check prints PASS or FAIL; exit 1 if one failed, 77 if the test cannot run here (not
# root, no sshd) unless K3SNET_REQUIRE_PRIVILEGED=1. K3ST_SCENARIOS / K3ST_KEEP as in
# test_provision.sh.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../agent/netns-lib.sh
source "$HERE/../agent/netns-lib.sh"
# shellcheck source=sshnode-lib.sh
source "$HERE/sshnode-lib.sh"
# shellcheck source=tests/agent/report-lib.sh
source "$HERE/../agent/report-lib.sh"

CTL=${1:-}
AGENT=${2:-}
BUNDLE=${3:-}
if [[ ! -x "$CTL" || ! -x "$AGENT" ]]; then
    echo "FAIL: usage: $0 PATH/TO/k3snetctl PATH/TO/k3snet-agent [BUNDLED_AGENTS_DIR] (got \"$CTL\", \"$AGENT\")"
    exit 1
fi

NODES=3
PASSPHRASE="pass-$$-phrase"
LOGIN_USER=k3spw
LOGIN_PASSWORD="login-$$-secret"
ALIAS=pi-alias
ALIAS_USER=k3salias
ALIAS_PORT=2222
HEALTH_TIMEOUT=8
# A run of k3snetctl that takes longer has hung (a question nobody answers, say).
export K3SP_CTL_TIMEOUT=120

skip_unless_root
k3st_require_tools ip jq unshare nsenter timeout ssh-keygen sudo useradd usermod chpasswd sha256sum awk getent
[[ -x /usr/sbin/sshd ]] || k3st_skip "OpenSSH sshd is not installed (run packaging/install-deps.sh)"

PROJECT=""
OUT=""
ERR_FILE=""
RC=0
ASKPASS=""     # the askpass program
ASKPASS_DIR="" # its answers (answers/<kind>) and its notes (asked.log)
HOME_DIR=""    # the admin's HOME

# answer KIND SECRET: the askpass answers KIND questions with SECRET; answer KIND: declines.
answer() {
    if (($# > 1)); then printf '%s\n' "$2" >"$ASKPASS_DIR/answers/$1"; else rm -f "$ASKPASS_DIR/answers/$1"; fi
}
asked() { cat "$ASKPASS_DIR/asked.log" 2>/dev/null; }
asked_count() { asked | grep -c "^$1|" ; }

# run MODE ARGS...: k3snetctl provision PROJECT ARGS --json -v, standard input not a terminal;
# MODE askpass (K3SNET_ASKPASS set) or plain. Sets OUT, RC; the askpass notes start empty.
run() {
    local mode=$1
    shift
    : >"$ASKPASS_DIR/asked.log"
    if [[ $mode == askpass ]]; then
        OUT=$(K3SNET_ASKPASS=$ASKPASS k3sp_ctl provision "$PROJECT" --json -v --health-timeout "$HEALTH_TIMEOUT" "$@" \
            </dev/null 2>"$ERR_FILE")
    else
        OUT=$(k3sp_ctl provision "$PROJECT" --json -v --health-timeout "$HEALTH_TIMEOUT" "$@" </dev/null 2>"$ERR_FILE")
    fi
    RC=$?
}

node_field() { jq -r --arg n "pi$1" ".nodes[] | select(.node == \$n) | $2" <<<"$OUT" 2>/dev/null; }
outcome_step() { echo "$(node_field "$1" .outcome)/$(node_field "$1" .step)"; }
message() { node_field "$1" .message; }
debug_run() { echo "exit status $RC"; jq -c '.nodes[] | {node, outcome, step, message}' <<<"$OUT" 2>/dev/null || echo "$OUT"; tail -n 20 "$ERR_FILE"; }
everything_said() { printf '%s\n' "$OUT"; cat "$ERR_FILE"; }

no_files() { local f; f=$(k3sp_node_files "$1" | grep -v '^/etc/cni/net.d/$'); [[ -z "$f" ]] || { echo "$f"; return 1; }; }
same_files() { diff <(echo "$2") <(k3sp_node_files "$1"); }
sha() { sha256sum <"$1" | cut -c1-64; }
# node_lacks N TEXT: no file that sshd, k3snet or its agent wrote on node N holds TEXT.
node_lacks() {
    # shellcheck disable=SC2016 # for the node's shell
    k3sp_in_node "$1" sh -c 'hits=$(grep -rlF -- "$1" /var/log/k3st-sshd.log /var/log/k3snet-agent.log /etc/k3snet \
        /var/lib/k3snet /run /tmp /home 2>/dev/null); [ -z "$hits" ] || { echo "found in: $hits"; exit 1; }' sh "$2"
}
# No file under DIR holds TEXT.
nowhere_in() { local hits; hits=$(grep -rlF -- "$2" "$1" 2>/dev/null); [[ -z "$hits" ]] || { echo "found in: $hits"; return 1; }; }

# ---------------------------------------------------------------------------------------------

scenario_setup() {
    scenario "setup: LAN, admin namespace with its own HOME, pi1 (keys), pi2 (passwords), pi3 (port $ALIAS_PORT)"
    ERR_FILE=$K3ST_DIR/stderr.txt
    PROJECT=$K3ST_DIR/cluster.k3snet.yaml
    ASKPASS_DIR=$K3ST_DIR/askpass
    ASKPASS=$ASKPASS_DIR/askpass.sh
    if ! { k3st_lan_create && k3sp_admin_create "$CTL" "$AGENT"; } >"$K3ST_DIR/setup.log" 2>&1; then
        fail "LAN and admin namespace created" "$(cat "$K3ST_DIR/setup.log")"
        return 1
    fi
    HOME_DIR=$(k3sp_admin_dir)/home
    # Every agent the bundle has: the build's own for x86_64, the cross-built ones for ARM.
    local agents=$K3ST_DIR/agents-all m
    mkdir -p "$agents/x86_64" && cp "$AGENT" "$agents/x86_64/k3snet-agent"
    for m in armhf aarch64; do
        if [[ -n "$BUNDLE" && -f "$BUNDLE/$m/k3snet-agent" ]]; then
            mkdir -p "$agents/$m" && cp "$BUNDLE/$m/k3snet-agent" "$agents/$m/k3snet-agent"
        fi
    done
    K3SP_AGENT_DIR=$agents

    mkdir -p "$ASKPASS_DIR/answers" && chmod 700 "$ASKPASS_DIR"
    cat >"$ASKPASS" <<EOF
#!/bin/sh
# The test's askpass: notes the question (never the answer), answers from answers/<kind>.
printf '%s|%s|%s|%s|%s\n' "\$K3SNET_ASKPASS_KIND" "\$K3SNET_ASKPASS_NODE" "\$K3SNET_ASKPASS_RETRY" \
    "\${K3SNET_ASKPASS_KEY:-}" "\$1" >>"$ASKPASS_DIR/asked.log"
[ -f "$ASKPASS_DIR/answers/\$K3SNET_ASKPASS_KIND" ] || exit 1
cat "$ASKPASS_DIR/answers/\$K3SNET_ASKPASS_KIND"
EOF
    chmod 755 "$ASKPASS"

    # pi1's key has a passphrase; pi3's key is only named by the ssh config.
    PASS_KEY=$HOME_DIR/.ssh/id_pass
    ALIAS_KEY=$HOME_DIR/.ssh/alias_key
    if ! { ssh-keygen -q -t ed25519 -N "$PASSPHRASE" -C k3st-pass -f "$PASS_KEY" &&
        ssh-keygen -q -t ed25519 -N '' -C k3st-alias -f "$ALIAS_KEY"; }; then
        fail "the admin's extra keys are made"
        return 1
    fi

    local ok=1
    k3sp_node_boot 1 "" "key=$PASS_KEY.pub" >>"$K3ST_DIR/setup.log" 2>&1 || ok=0
    k3sp_node_boot 2 "" "user=$LOGIN_USER" "password=$LOGIN_PASSWORD" >>"$K3ST_DIR/setup.log" 2>&1 || ok=0
    k3sp_node_boot 3 "" "user=$ALIAS_USER" "port=$ALIAS_PORT" "key=$ALIAS_KEY.pub" >>"$K3ST_DIR/setup.log" 2>&1 || ok=0
    if ((!ok)); then
        fail "three nodes boot and answer SSH" "$(tail -n 30 "$K3ST_DIR/setup.log")"
        return 1
    fi
    pass "pi1, pi2 and pi3 boot and answer SSH (pi3 on port $ALIAS_PORT)"
    check "the test users exist only in the nodes, not on the host" \
        eq "$(getent passwd "$LOGIN_USER" "$ALIAS_USER" "$K3SP_USER")" ""
    K3SP_PROJECT_SSH[2]="user: $LOGIN_USER"
    K3SP_PROJECT_SSH[3]="host: $ALIAS"
    k3sp_project_write "$PROJECT" "$NODES"
    check "the generated project validates" k3sp_ctl validate "$PROJECT"
}

scenario_passphrase() {
    scenario "pi1: a key with a passphrase, asked through the askpass program"
    run plain --nodes pi1 --identity "$PASS_KEY" --accept-new
    check "nobody to ask: exit status 1 (no hang)" eq "$RC" 1 || debug_run
    check "nobody to ask: failed at authenticate" eq "$(outcome_step 1)" failed/authenticate
    check "nobody to ask: the message names the key file" has "$(message 1)" "$PASS_KEY"
    check "nobody to ask: ... and says nobody can type its passphrase" has "$(message 1)" "nobody can type it"

    answer key-passphrase "wrong-$PASSPHRASE"
    run askpass --nodes pi1 --identity "$PASS_KEY" --accept-new
    check "wrong passphrase: exit status 1" eq "$RC" 1 || debug_run
    check "wrong passphrase: failed at authenticate" eq "$(outcome_step 1)" failed/authenticate
    check "wrong passphrase: the message says so and names the key file" has "$(message 1)" "wrong passphrase for the key $PASS_KEY"
    check "wrong passphrase: asked 3 times, the question names the key file" \
        eq "$(asked | grep -c "^key-passphrase|pi1|[01]|$PASS_KEY|.*$PASS_KEY")" 3
    check "wrong passphrase: the 2nd and 3rd questions say the first answer was wrong" \
        eq "$(asked | grep -c '^key-passphrase|pi1|1|')" 2
    check "wrong passphrase: pi1 untouched (nothing installed)" no_files 1
    check "wrong passphrase: it appears in no output" lacks "$(everything_said)" "wrong-$PASSPHRASE"

    answer key-passphrase "$PASSPHRASE"
    run askpass --nodes pi1 --identity "$PASS_KEY" --accept-new
    check "right passphrase: exit status 0" eq "$RC" 0 || debug_run
    check "right passphrase: pi1 installed" eq "$(outcome_step 1)" installed/done
    check "right passphrase: the log says which key logged in" has "$(node_field 1 '.log | join("\n")')" \
        "authenticated with the key $PASS_KEY"
    check "right passphrase: asked once" eq "$(asked_count key-passphrase)" 1
    check "the passphrase appears in no output" lacks "$(everything_said)" "$PASSPHRASE"
    check "the passphrase is in no file of the admin's HOME or k3snet's known_hosts" nowhere_in "$(k3sp_admin_dir)" "$PASSPHRASE"
    check "the passphrase is in no file k3snet or sshd wrote on pi1" node_lacks 1 "$PASSPHRASE"
    check "the passphrase key file itself is unchanged (still encrypted)" \
        test "$(ssh-keygen -y -P '' -f "$PASS_KEY" >/dev/null 2>&1; echo $?)" -ne 0
    answer key-passphrase
}

scenario_password() {
    scenario "pi2: sshd takes only the login password of $LOGIN_USER"
    run plain --nodes pi2 --accept-new
    check "nobody to ask: exit status 1, at once (no hang)" eq "$RC" 1 || debug_run
    check "nobody to ask: failed at authenticate" eq "$(outcome_step 2)" failed/authenticate
    check "nobody to ask: the message says the node takes only a password and nobody can type it" \
        has "$(message 2)" "takes only the login password for $LOGIN_USER, and nobody can type it"
    check "nobody to ask: no question was asked" eq "$(asked_count login-password)" 0
    run askpass --nodes pi2 --batch
    check "--batch: askpass not used either (exit status 1, no question)" eq "$RC/$(asked_count login-password)" 1/0

    answer login-password "wrong-$LOGIN_PASSWORD"
    run askpass --nodes pi2 --accept-new
    check "wrong password: exit status 1" eq "$RC" 1 || debug_run
    check "wrong password: failed at authenticate" eq "$(outcome_step 2)" failed/authenticate
    check "wrong password: the message says the node refused it" has "$(message 2)" "refused the login password of $LOGIN_USER"
    check "wrong password: asked twice, for $LOGIN_USER" eq "$(asked | grep -c "^login-password|pi2|.*$LOGIN_USER@")" 2
    check "wrong password: pi2 untouched" no_files 2
    check "wrong password: it appears in no output" lacks "$(everything_said)" "wrong-$LOGIN_PASSWORD"

    answer login-password "$LOGIN_PASSWORD"
    run askpass --nodes pi2 --accept-new
    check "right password: exit status 0" eq "$RC" 0 || debug_run
    check "right password: pi2 installed" eq "$(outcome_step 2)" installed/done
    check "right password: logged in with the password, asked once" \
        eq "$(asked_count login-password)/$(node_field 2 '.log | map(select(. == "authenticated with the login password")) | length')" 1/1
    check "the password appears in no output" lacks "$(everything_said)" "$LOGIN_PASSWORD"
    check "the password is in no file of the admin's HOME" nowhere_in "$(k3sp_admin_dir)" "$LOGIN_PASSWORD"
    check "the password is in no file k3snet or sshd wrote on pi2" node_lacks 2 "$LOGIN_PASSWORD"
    answer login-password
}

scenario_ssh_config() {
    scenario "pi3 through ~/.ssh/config: Host $ALIAS -> HostName, Port $ALIAS_PORT, User $ALIAS_USER, IdentityFile"
    local lanip known
    lanip=$(k3st_node_lanip 3)
    # The host-key options try to switch k3snet's checking off: they must change nothing.
    cat >"$HOME_DIR/.ssh/config" <<EOF
Host $ALIAS
    HostName $lanip
    Port $ALIAS_PORT
    User $ALIAS_USER
    IdentityFile ~/.ssh/alias_key
    StrictHostKeyChecking no
    UserKnownHostsFile /dev/null
    GlobalKnownHostsFile /dev/null
    LogLevel DEBUG3
EOF
    chmod 600 "$HOME_DIR/.ssh/config"
    known=$(cat "$(k3sp_known_hosts)" 2>/dev/null)
    run plain --nodes pi3 --batch
    check "StrictHostKeyChecking no in the config: the unknown host is still refused" \
        eq "$(outcome_step 3)" failed/verify-host-key || debug_run
    check "... the message names [$lanip]:$ALIAS_PORT and its fingerprint" \
        has "$(message 3)" "[$lanip]:$ALIAS_PORT is not a known host: it presents the ssh-ed25519 key $(k3sp_fingerprint 3)"
    check "... nothing installed on pi3" no_files 3
    check "... k3snet's known_hosts unchanged" eq "$(cat "$(k3sp_known_hosts)" 2>/dev/null)" "$known"
    check "... no libssh debug output (LogLevel DEBUG3 ignored)" lacks "$(cat "$ERR_FILE")" "ssh_connect"

    run plain --nodes pi3 --batch --accept-new
    check "--accept-new: exit status 0" eq "$RC" 0 || debug_run
    check "--accept-new: pi3 installed" eq "$(outcome_step 3)" installed/done
    check "the address is the config's user, HostName and Port" eq "$(node_field 3 .address)" "$ALIAS_USER@$lanip:$ALIAS_PORT"
    check "the log says what the config changed" has "$(node_field 3 '.log | join("\n")')" \
        "for $ALIAS: HostName $lanip, Port $ALIAS_PORT, User $ALIAS_USER, IdentityFile $HOME_DIR/.ssh/alias_key"
    check "logged in with the config's IdentityFile" has "$(node_field 3 '.log | join("\n")')" \
        "authenticated with the key $HOME_DIR/.ssh/alias_key"
    check "the host key was recorded in k3snet's known_hosts as [$lanip]:$ALIAS_PORT" \
        has "$(ssh-keygen -l -F "[$lanip]:$ALIAS_PORT" -f "$(k3sp_known_hosts)")" "$(k3sp_fingerprint 3)"
    check "the real known_hosts of the test HOME was not written" test ! -e "$HOME_DIR/.ssh/known_hosts"

    run plain --nodes pi3 --batch
    check "a re-run through the alias: up to date" eq "$(outcome_step 3)" up-to-date/done || debug_run

    # The project's own values win over the config's.
    local saved=$PROJECT
    PROJECT=$K3ST_DIR/user.k3snet.yaml
    cp "$K3ST_DIR/cluster.key" "$K3ST_DIR/user.key"
    K3SP_PROJECT_SSH[3]=$(printf 'host: %s\nuser: nosuchuser' "$ALIAS")
    k3sp_project_write "$PROJECT" "$NODES"
    run plain --nodes pi3 --batch
    check "project ssh.user wins over the config's User (exit status 1)" eq "$RC" 1 || debug_run
    check "... it logs in as nosuchuser@$lanip:$ALIAS_PORT and fails there" \
        eq "$(node_field 3 .address)/$(outcome_step 3)" "nosuchuser@$lanip:$ALIAS_PORT/failed/authenticate"
    check "... the log says the config's User was overridden" has "$(node_field 3 '.log | join("\n")')" \
        "its User $ALIAS_USER is overridden by nosuchuser"
    PROJECT=$saved
    K3SP_PROJECT_SSH[3]="host: $ALIAS"
    run plain --nodes pi3 --batch --port 22 --connect-timeout 5
    check "--port 22 wins over the config's Port (nothing listens there: cannot connect)" \
        eq "$(node_field 3 .address)/$(outcome_step 3)" "$ALIAS_USER@$lanip:22/failed/connect"
    run plain --nodes pi3 --batch --ssh-config none --connect-timeout 5
    check "--ssh-config none: the alias is not resolved (cannot connect)" eq "$(outcome_step 3)" failed/connect
    check "... and the message names $ALIAS" has "$(message 3)" "$ALIAS"
}

# The agent a node got, byte for byte: the fake uname notes the sha256 of the staged agent
# whenever the node script runs it while one is staged (verify names the node's CPU when the
# agent does not run).
# shellcheck disable=SC2016 # for the node's shell
UNAME_WRAPPER='#!/bin/sh
stage=/var/lib/k3snet/stage/k3snet-agent
[ -f "$stage" ] && sha256sum <"$stage" | cut -c1-64 >>/run/k3st-staged-agent.sha
[ "$*" = -m ] && exec cat /etc/k3st-fake-arch
exec /usr/bin/uname "$@"'

fake_arch() {
    k3sp_in_node 1 sh -c "printf '%s\n' '$1' >/etc/k3st-fake-arch; : >/run/k3st-staged-agent.sha" &&
        printf '%s\n' "$UNAME_WRAPPER" | k3sp_in_node 1 sh -c 'cat >/usr/local/bin/uname && chmod 755 /usr/local/bin/uname'
}
staged_shas() { k3sp_in_node 1 sort -u /run/k3st-staged-agent.sha; }

scenario_arch() {
    scenario "pi1 says it is an ARM Pi: it gets the bundled ARM agent, which cannot run here; the node keeps its agent"
    answer key-passphrase "$PASSPHRASE"
    local snapshot pid m uname_m
    snapshot=$(k3sp_node_files 1)
    pid=$(k3sp_agent_pid 1)
    if [[ -z "$pid" ]]; then
        fail "pi1 runs an agent from the passphrase scenario"
        return 1
    fi
    if [[ -e /proc/sys/fs/binfmt_misc/qemu-arm || -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]]; then
        fail "no binfmt_misc handler for ARM on this machine (this check needs ARM binaries not to run here)" \
            "$(ls /proc/sys/fs/binfmt_misc)"
    fi
    for m in armhf:armv7l aarch64:aarch64; do
        uname_m=${m#*:}
        m=${m%%:*}
        if [[ ! -f "$K3SP_AGENT_DIR/$m/k3snet-agent" ]]; then
            fail "the bundled $m agent exists (configure with -DK3SNET_BUNDLE_AGENTS=ON and build it)" \
                "looked in \"$BUNDLE/$m\""
            continue
        fi
        fake_arch "$uname_m" || { fail "pi1 gets a uname that says $uname_m"; continue; }
        run askpass --nodes pi1 --identity "$PASS_KEY"
        check "$uname_m: exit status 1" eq "$RC" 1 || debug_run
        check "$uname_m: the node reports $uname_m" eq "$(node_field 1 .arch)" "$uname_m"
        check "$uname_m: the whole $m agent was uploaded" \
            test "$(node_field 1 .uploadedBytes)" -ge "$(stat -c %s "$K3SP_AGENT_DIR/$m/k3snet-agent")"
        check "$uname_m: the staged agent is the bundle's $m agent (sha256)" \
            eq "$(staged_shas)" "$(sha "$K3SP_AGENT_DIR/$m/k3snet-agent")"
        check "$uname_m: failed at verify, before the switch" eq "$(outcome_step 1)" failed/verify
        check "$uname_m: the message says the agent does not run on this $uname_m node" \
            has "$(message 1)" "the agent does not run on this node ($uname_m)"
        check "$uname_m: ... and names the exec failure" has "$(message 1)" "Exec format error"
        check "$uname_m: ... and that nothing was switched" has "$(message 1)" "nothing was switched"
        check "$uname_m: every installed file unchanged, no stage left" same_files 1 "$snapshot"
        check "$uname_m: the same agent process still runs" eq "$(k3sp_agent_pid 1)" "$pid"
    done

    fake_arch mips
    run askpass --nodes pi1 --identity "$PASS_KEY"
    check "mips: exit status 1" eq "$RC" 1 || debug_run
    check "mips: refused at detect" eq "$(outcome_step 1)" failed/detect
    check "mips: the message names mips and what k3snet is built for" has "$(message 1)" \
        "the node is mips; k3snet-agent is built for aarch64"
    check "mips: nothing uploaded" eq "$(node_field 1 .uploadedBytes)/$(staged_shas)" "0/"
    check "mips: every installed file unchanged" same_files 1 "$snapshot"

    k3sp_in_node 1 rm -f /usr/local/bin/uname /etc/k3st-fake-arch
    run askpass --nodes pi1 --identity "$PASS_KEY"
    check "its own CPU again: up to date, nothing uploaded" \
        eq "$(outcome_step 1)/$(node_field 1 .uploadedBytes)" "up-to-date/done/0" || debug_run
    check "... the same agent process" eq "$(k3sp_agent_pid 1)" "$pid"
    answer key-passphrase
}

# ---------------------------------------------------------------------------------------------

k3st_init "$AGENT"
ALL_SCENARIOS="passphrase password ssh_config arch"
if scenario_setup; then
    for s in ${K3ST_SCENARIOS:-$ALL_SCENARIOS}; do
        "scenario_$s"
    done
fi

report_exit
