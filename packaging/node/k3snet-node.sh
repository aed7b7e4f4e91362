#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# k3snet-node.sh: the node side of `k3snetctl provision`, `status` and `uninstall`. The
# provisioner sends this script over SSH with every call and runs it as root
# (`sudo sh -s -- COMMAND ARGS`, the script on standard input); it is never stored on the node.
# Every command prints key=value lines (and the agent's JSON after a `---` line) for the
# provisioner, and `error: ...` lines with exit status 1 when it fails.
#
#   detect [--health]         arch, init system, VXLAN, K3s, what is installed (sha256 of
#                             each file and release); with --health also the agent's health
#   verify rid=R agent=SHA config=SHA key=SHA unit=SHA supervise=SHA
#                             staged files match their sha256; the agent runs here and
#                             accepts the config (`version`, `check`)
#   install RELEASE           snapshot the current state, then switch to the release (staged
#                             binary moved into releases/RELEASE, `current` link renamed over)
#   configure NAME...         put staged files in place (config key unit supervise)
#   start restart|reload|ensure
#   apply rid=R mode=M wait=S NAME=SHA...
#                             verify, then install, configure, start and wait up to S seconds
#                             for the agent to converge, printing step=<name> as it goes: one
#                             call for the whole switch (fewer SSH round trips and sudo runs)
#   health [S]                wait up to S seconds for the agent to converge, then print
#                             running=, pid=, ---, `k3snet-agent status --json`
#   logtail [N]               the agent's last log lines
#   rollback                  restore the snapshot of `install`, restart what it had, health
#   commit                    the new state is good: the snapshot becomes `previous`; drop
#                             the stage and the releases neither state uses
#   discard                   drop the stage (a run that stopped before `install`)
#   status                    installed=, release=, then health
#   uninstall                 stop the agent, remove its data plane and every file it has
#
# Layout (docs/provisioning.md):
#   /usr/local/lib/k3snet/releases/<sha256 prefix>/k3snet-agent   one dir per agent binary
#   /usr/local/lib/k3snet/current -> releases/<id>                 renamed over atomically
#   /usr/local/lib/k3snet/k3snet-supervise                         fallback supervisor
#   /usr/local/bin/k3snet-agent -> ../lib/k3snet/current/k3snet-agent
#   /etc/k3snet/agent.yaml, /etc/k3snet/cluster.key (0600)
#   /etc/systemd/system/k3snet-agent.service                       (systemd nodes)
#   /var/lib/k3snet/stage/       uploads, verified before anything is switched
#   /var/lib/k3snet/rollback/    what an unfinished install replaced (release id and files)
#   /var/lib/k3snet/previous/    the same for the last finished one: the version before
set -u
umask 022
# A lost SSH connection must not kill the script half-way through a change: output to it then
# fails quietly and the command runs to its end (a rollback or the next run finds a whole state).
trap '' PIPE
LC_ALL=C
export LC_ALL
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

LIB=/usr/local/lib/k3snet
RELEASES=$LIB/releases
CURRENT=$LIB/current
SUPERVISE=$LIB/k3snet-supervise
BINLINK=/usr/local/bin/k3snet-agent
ETC=/etc/k3snet
CONFIG=$ETC/agent.yaml
KEY=$ETC/cluster.key
UNIT=/etc/systemd/system/k3snet-agent.service
STATE=/var/lib/k3snet
# The provisioner uploads into this directory (RemoteLayout::stageDir must match).
STAGE=/var/lib/k3snet/stage
PREV=$STATE/previous
PENDING=$STATE/rollback
LOG=/var/log/k3snet-agent.log
RUNDIR=/run/k3snet

say() { printf '%s\n' "$*"; }
fail() {
    printf 'error: %s\n' "$*"
    exit 1
}

# The installed path, staged file name and mode of each file the provisioner manages.
path_of() {
    case $1 in
    config) echo "$CONFIG" ;;
    key) echo "$KEY" ;;
    unit) echo "$UNIT" ;;
    supervise) echo "$SUPERVISE" ;;
    *) return 1 ;;
    esac
}
stage_name() {
    case $1 in
    agent) echo k3snet-agent ;;
    config) echo agent.yaml ;;
    key) echo cluster.key ;;
    unit) echo k3snet-agent.service ;;
    supervise) echo k3snet-supervise ;;
    *) return 1 ;;
    esac
}
mode_of() {
    case $1 in
    key) echo 0600 ;;
    supervise | agent) echo 0755 ;;
    *) echo 0644 ;;
    esac
}

# The script avoids forks where a builtin does (a Pi spawns processes slowly): values are read
# with `read`, names cut with ${...}, and the init system is found once.

# make_dirs DIR...: creates the directories that are missing (no mkdir run when all are there).
make_dirs() {
    for dir in "$@"; do
        [ -d "$dir" ] || mkdir -p "$dir" || return 1
    done
}

# first_line FILE: the first line of FILE, or nothing.
first_line() {
    line=""
    [ -f "$1" ] && read -r line <"$1"
    printf '%s' "$line"
}

sha_of() {
    [ -f "$1" ] || return 0
    # shellcheck disable=SC2046 # sha256sum prints "<hash>  <file>"
    set -- $(sha256sum "$1" 2>/dev/null)
    printf '%s' "${1:-}"
}

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    INIT=systemd
else
    INIT=none
fi

current_release() {
    [ -L "$CURRENT" ] || return 0
    target=$(readlink "$CURRENT")
    printf '%s' "${target##*/}"
}

vxlan_support() {
    if [ -d /sys/module/vxlan ] || modinfo vxlan >/dev/null 2>&1; then
        echo yes
        return
    fi
    for c in /proc/config.gz "/boot/config-$(uname -r)"; do
        [ -f "$c" ] || continue
        case $c in *.gz) text=$(zcat "$c" 2>/dev/null) ;; *) text=$(cat "$c") ;; esac
        if printf '%s\n' "$text" | grep -Eq '^CONFIG_VXLAN=[ym]'; then echo yes; else echo no; fi
        return
    done
    echo unknown
}

agent_pid() {
    if [ "$INIT" = systemd ]; then
        p=$(systemctl show -p MainPID --value k3snet-agent 2>/dev/null)
        [ "${p:-0}" != 0 ] && echo "$p"
        return 0
    fi
    p=$(first_line "$RUNDIR/agent.pid")
    case $p in '' | *[!0-9]*) return 0 ;; esac
    kill -0 "$p" 2>/dev/null && echo "$p"
    return 0
}

agent_running() {
    if [ -n "$(agent_pid)" ]; then echo yes; else echo no; fi
}

stop_agent() {
    if [ "$INIT" = systemd ]; then
        [ -f "$UNIT" ] && systemctl stop k3snet-agent
    elif [ -f "$SUPERVISE" ]; then
        sh "$SUPERVISE" stop
    fi
    return 0
}

# place SRC NAME: installs SRC as the file NAME (config key unit supervise) by renaming a
# complete copy over the old one, so a reader never sees half a file.
place() {
    dst=$(path_of "$2")
    make_dirs "${dst%/*}" || return 1
    # Copied under umask 077, so that the key is never readable by others, not even briefly;
    # -p keeps the time of a file restored by a rollback.
    (umask 077 && cp -p "$1" "$dst.k3snet-new") && chmod "$(mode_of "$2")" "$dst.k3snet-new" &&
        mv -f "$dst.k3snet-new" "$dst"
}

# switch_to RELEASE: the `current` link now names RELEASE; a new link is renamed over the old.
switch_to() {
    ln -s "releases/$1" "$LIB/.current.k3snet-new" && mv -Tf "$LIB/.current.k3snet-new" "$CURRENT"
}

k3s_flag() {
    files=""
    for f in /etc/rancher/k3s/config.yaml /etc/systemd/system/k3s.service \
        /etc/systemd/system/k3s-agent.service; do
        [ -f "$f" ] && files="$files $f"
    done
    [ -n "$files" ] || { echo no; return; }
    # shellcheck disable=SC2086 # the list of files
    if grep -Eqs "$1" $files; then echo yes; else echo no; fi
}

cmd_detect() {
    say "arch=$(uname -m)"
    say "kernel=$(uname -r)"
    say "init=$INIT"
    say "vxlan=$(vxlan_support)"
    say "k3s=$(command -v k3s 2>/dev/null)"
    if [ -f /etc/rancher/k3s/config.yaml ]; then say "k3s_config=present"; else say "k3s_config=absent"; fi
    say "k3s_flannel_none=$(k3s_flag 'flannel-backend[":= ]+none')"
    say "k3s_servicelb_disabled=$(k3s_flag 'servicelb')"
    say "release=$(current_release)"
    list=""
    for d in "$RELEASES"/*; do
        [ -d "$d" ] || continue
        list="$list ${d##*/}"
        say "release_${d##*/}=$(sha_of "$d/k3snet-agent")"
    done
    say "releases=${list# }"
    say "sha_agent=$(sha_of "$CURRENT/k3snet-agent")"
    for n in config key unit supervise; do
        say "sha_$n=$(sha_of "$(path_of "$n")")"
    done
    if [ -d "$PENDING" ]; then say "pending=yes"; else say "pending=no"; fi
    if [ "${1:-}" = --health ]; then
        print_health
    else
        say "running=$(agent_running)"
    fi
}

cmd_verify() {
    rid=""
    for a in "$@"; do
        case $a in rid=*) rid=${a#rid=} ;; esac
    done
    [ -z "$rid" ] || check_release "$rid"
    bin=""
    cfg=$CONFIG
    for a in "$@"; do
        name=${a%%=*}
        want=${a#*=}
        [ "$name" = rid ] && continue
        stage_name "$name" >/dev/null || fail "unknown file \"$name\""
        f=$STAGE/$(stage_name "$name")
        # An agent already on the node (a kept release) is checked where it is.
        if [ "$name" = agent ] && [ ! -f "$f" ] && [ -n "$rid" ]; then f=$RELEASES/$rid/k3snet-agent; fi
        [ -f "$f" ] || fail "$f is missing"
        got=$(sha_of "$f")
        [ "$got" = "$want" ] || fail "$f has sha256 $got, expected $want"
        [ "$name" = agent ] && bin=$f
        [ "$name" = config ] && cfg=$f
        say "verified=$name"
    done
    [ -n "$bin" ] || bin=$CURRENT/k3snet-agent
    chmod 0755 "$bin" 2>/dev/null
    version=$("$bin" version 2>&1) || fail "the agent does not run on this node ($(uname -m)): $version"
    say "version=$version"
    if ! out=$("$bin" check "$cfg" 2>&1); then
        printf '%s\n' "$out" | sed 's/^/error: /'
        fail "the agent refuses the configuration"
    fi
}

snapshot() {
    if [ -d "$PENDING" ]; then
        say "note=an earlier run did not finish; its snapshot is kept for rollback"
        return 0
    fi
    rm -rf "$PENDING.new"
    mkdir -p "$PENDING.new" && chmod 0700 "$PENDING.new" || return 1
    cur=$(current_release)
    echo "${cur:-none}" >"$PENDING.new/release"
    for n in config key unit supervise; do
        f=$(path_of "$n")
        if [ -e "$f" ]; then
            cp -p "$f" "$PENDING.new/$n" || return 1
        else
            : >"$PENDING.new/absent-$n"
        fi
    done
    mv "$PENDING.new" "$PENDING"
}

# A release id is the hex sha256 prefix of its binary, nothing else.
check_release() {
    case ${1:-} in '' | *[!0-9a-f]*) fail "\"${1:-}\" is not a release id" ;; esac
}

cmd_install() {
    rid=${1:-}
    check_release "$rid"
    make_dirs "$RELEASES" || fail "cannot create $RELEASES"
    [ -d "$STATE" ] || (umask 077 && mkdir -p "$STATE") || fail "cannot create $STATE"
    snapshot || fail "cannot save the current state to $PENDING"
    if [ -f "$STAGE/k3snet-agent" ]; then
        rm -rf "$RELEASES/$rid.k3snet-new"
        if ! { mkdir -p "$RELEASES/$rid.k3snet-new" &&
            cp "$STAGE/k3snet-agent" "$RELEASES/$rid.k3snet-new/k3snet-agent" &&
            chmod 0755 "$RELEASES/$rid.k3snet-new/k3snet-agent"; }; then
            fail "cannot write $RELEASES/$rid"
        fi
        rm -rf "${RELEASES:?}/${rid:?}"
        mv "$RELEASES/$rid.k3snet-new" "$RELEASES/$rid" || fail "cannot write $RELEASES/$rid"
    fi
    [ -x "$RELEASES/$rid/k3snet-agent" ] || fail "release $rid is not on the node"
    if [ "$(current_release)" != "$rid" ]; then
        switch_to "$rid" || fail "cannot switch $CURRENT to $rid"
        say "switched=$rid"
    fi
    make_dirs "${BINLINK%/*}"
    [ -e "$BINLINK" ] || ln -s "$CURRENT/k3snet-agent" "$BINLINK"
    return 0
}

cmd_configure() {
    reload_units=no
    for n in "$@"; do
        src=$STAGE/$(stage_name "$n") || fail "unknown file \"$n\""
        [ -f "$src" ] || fail "$src is missing"
        place "$src" "$n" || fail "cannot write $(path_of "$n")"
        say "placed=$(path_of "$n")"
        [ "$n" = unit ] && reload_units=yes
    done
    # The unit's ReadWritePaths must exist before it starts.
    make_dirs /etc/cni/net.d
    if [ "$reload_units" = yes ] && [ "$INIT" = systemd ]; then
        if ! { systemctl daemon-reload && systemctl enable --quiet k3snet-agent; }; then
            fail "systemctl could not enable k3snet-agent"
        fi
    fi
    return 0
}

cmd_start() {
    mode=${1:-ensure}
    if [ "$INIT" = systemd ]; then
        case $mode in
        restart) systemctl restart k3snet-agent ;;
        reload) systemctl reload-or-restart k3snet-agent ;;
        ensure) systemctl start k3snet-agent ;;
        *) fail "unknown start mode $mode" ;;
        esac || fail "systemctl $mode k3snet-agent failed"
        return 0
    fi
    [ -f "$SUPERVISE" ] || fail "$SUPERVISE is missing"
    case $mode in
    restart) sh "$SUPERVISE" restart ;;
    reload) sh "$SUPERVISE" reload || sh "$SUPERVISE" start ;;
    ensure) sh "$SUPERVISE" start ;;
    *) fail "unknown start mode $mode" ;;
    esac || fail "k3snet-supervise $mode failed"
}

# status_pid FILE [INDENT]: the pid in the agent part of `status --json` (nlohmann's layout:
# the agent object's keys at four spaces), or with INDENT "  " the top-level pid of the agent's
# own status file. The provisioner checks the JSON properly; this only decides when to stop
# waiting.
status_pid() {
    key="${2:-    }\"pid\": "
    while IFS= read -r l; do
        case $l in
        "$key"*)
            l=${l#"$key"}
            printf '%s' "${l%,}"
            return
            ;;
        esac
    done <"$1"
}

# agent_status_file: where the agent writes its status (the config's top-level statusFile).
agent_status_file() {
    f=/run/k3snet/status.json
    if [ -r "$CONFIG" ]; then
        while IFS= read -r l; do
            case $l in
            statusFile:*)
                f=${l#statusFile:}
                f=${f# }
                f=${f#\"}
                f=${f%\"}
                ;;
            esac
        done <"$CONFIG"
    fi
    printf '%s' "$f"
}

# wait_status_file SECONDS: until the running agent has written its own status file (its first
# reconcile is done), polling every 0.05 s with no more than a shell's work, at most SECONDS.
# A full `status` reads the kernel (netlink dumps, iptables-save): asked before the agent has
# reconciled even once it only says "not yet" and costs CPU, which nodes that share CPUs (or a
# Pi that is still starting K3s) feel. Returns 1 on timeout; print_health then decides.
wait_status_file() {
    sf=$(agent_status_file)
    n=$((${1:-0} * 20))
    while [ "$n" -gt 0 ]; do
        p=$(agent_pid)
        [ -n "$p" ] && [ -r "$sf" ] && [ "$(status_pid "$sf" '  ')" = "$p" ] && return 0
        sleep 0.05
        n=$((n - 1))
    done
    return 1
}

# print_health [SECONDS]: waits (polling every 0.2 s, bounded) until the agent the service runs
# has written a status and the kernel matches the config, then prints running=, pid=, --- and
# the agent's `status --json`.
print_health() {
    polls=$((${1:-0} * 5))
    [ "$polls" -gt 0 ] && { wait_status_file "${1:-0}" || :; }
    json=$(mktemp "${TMPDIR:-/tmp}/k3snet-status.XXXXXX") || fail "cannot create a temporary file"
    while :; do
        pid=$(agent_pid)
        : >"$json"
        if [ -x "$CURRENT/k3snet-agent" ]; then
            "$CURRENT/k3snet-agent" status --json --config "$CONFIG" >"$json" 2>/dev/null &&
                [ -n "$pid" ] && [ "$(status_pid "$json")" = "$pid" ] && break
        fi
        [ "$polls" -le 0 ] && break
        polls=$((polls - 1))
        sleep 0.2
    done
    if [ -n "$pid" ]; then say "running=yes"; else say "running=no"; fi
    say "pid=$pid"
    say "---"
    cat "$json"
    rm -f "$json"
}

cmd_health() {
    case ${1:-0} in *[!0-9]*) fail "\"$1\" is not a number of seconds" ;; esac
    print_health "${1:-0}"
}

cmd_apply() {
    rid=""
    mode=ensure
    wait=0
    names=""
    for a in "$@"; do
        case $a in
        rid=*) rid=${a#rid=} ;;
        mode=*) mode=${a#mode=} ;;
        wait=*) wait=${a#wait=} ;;
        agent=*) ;;
        *=*) names="$names ${a%%=*}" ;;
        esac
    done
    case $wait in '' | *[!0-9]*) fail "\"$wait\" is not a number of seconds" ;; esac
    # Nothing changes unless every file checks out.
    # shellcheck disable=SC2046 # the name=sha words, without mode= and wait=
    cmd_verify $(printf '%s\n' "$@" | grep -v -e '^mode=' -e '^wait=')
    say "step=install"
    cmd_install "$rid"
    say "step=configure"
    # shellcheck disable=SC2086 # a list of names
    cmd_configure $names
    say "step=start"
    cmd_start "$mode"
    say "step=health"
    print_health "$wait"
}

cmd_logtail() {
    n=${1:-10}
    if [ "$INIT" = systemd ]; then
        journalctl -u k3snet-agent -n "$n" --no-pager -o cat 2>/dev/null
    elif [ -f "$LOG" ]; then
        tail -n "$n" "$LOG"
    fi
    return 0
}

# Keeps the current release and those the rollback snapshot and `previous` name.
prune_releases() {
    keep1=$(current_release)
    keep2=$(first_line "$PREV/release")
    keep3=$(first_line "$PENDING/release")
    for d in "$RELEASES"/*; do
        [ -d "$d" ] || continue
        r=${d##*/}
        [ "$r" = "$keep1" ] || [ "$r" = "$keep2" ] || [ "$r" = "$keep3" ] || rm -rf "$d"
    done
}

cmd_commit() {
    if [ -d "$PENDING" ]; then
        rm -rf "$PREV"
        mv "$PENDING" "$PREV" || fail "cannot keep the previous state in $PREV"
    fi
    rm -rf "$STAGE"
    prune_releases
    say "committed=$(current_release)"
}

# remove_all: every file of k3snet on the node; the data plane must be gone already.
remove_all() {
    if [ -f "$UNIT" ] && [ "$INIT" = systemd ]; then
        systemctl disable --quiet k3snet-agent 2>/dev/null
        rm -f "$UNIT"
        systemctl daemon-reload
    fi
    rm -f "$UNIT"
    if [ -L "$BINLINK" ] && [ "$(readlink "$BINLINK")" = "$CURRENT/k3snet-agent" ]; then
        rm -f "$BINLINK"
    fi
    rm -rf "$LIB" "$ETC" "$STATE" "$RUNDIR"
    rm -f "$LOG" "$LOG.1"
}

cmd_rollback() {
    [ -d "$PENDING" ] || fail "nothing to roll back: no unfinished install"
    prev=$(first_line "$PENDING/release")
    stop_agent
    if [ "$prev" = none ]; then
        # A first install: remove the data plane the new agent built, then every file.
        if [ -x "$CURRENT/k3snet-agent" ] && [ -f "$CONFIG" ]; then
            "$CURRENT/k3snet-agent" uninstall --config "$CONFIG" --force 2>&1 | sed 's/^/note=/'
        fi
        remove_all
        say "rolledback=none"
        return 0
    fi
    [ -x "$RELEASES/$prev/k3snet-agent" ] || fail "the previous release $prev is gone"
    [ "$(current_release)" = "$prev" ] || switch_to "$prev" || fail "cannot switch back to $prev"
    for n in config key unit supervise; do
        f=$(path_of "$n")
        if [ -f "$PENDING/$n" ]; then
            # Only what changed is put back: the rest keeps its file as it is.
            [ "$(sha_of "$PENDING/$n")" = "$(sha_of "$f")" ] || place "$PENDING/$n" "$n" ||
                fail "cannot restore $f"
        elif [ -f "$PENDING/absent-$n" ]; then
            rm -f "$f"
        fi
    done
    [ "$INIT" = systemd ] && [ -f "$UNIT" ] && systemctl daemon-reload
    rm -rf "$STAGE" "$PENDING"
    prune_releases
    cmd_start restart >/dev/null
    say "rolledback=$prev"
    print_health 3
}

cmd_status() {
    if [ ! -x "$CURRENT/k3snet-agent" ]; then
        say "installed=no"
        return 0
    fi
    say "installed=yes"
    say "release=$(current_release)"
    say "init=$INIT"
    cmd_health
}

cmd_uninstall() {
    if [ ! -e "$LIB" ] && [ ! -e "$ETC" ] && [ ! -e "$UNIT" ]; then
        say "installed=no"
        return 0
    fi
    stop_agent
    rc=0
    if [ -x "$CURRENT/k3snet-agent" ] && [ -f "$CONFIG" ]; then
        if out=$("$CURRENT/k3snet-agent" uninstall --config "$CONFIG" --force 2>&1); then
            printf '%s\n' "$out" | sed '/^$/d; s/^/note=/'
        else
            printf '%s\n' "$out" | sed '/^$/d; s/^/error: /'
            rc=1
        fi
    fi
    remove_all
    say "removed=yes"
    return $rc
}

main() {
    [ "$(id -u)" = 0 ] || fail "must run as root"
    cmd=${1:-}
    [ $# -gt 0 ] && shift
    case $cmd in
    detect) cmd_detect "$@" ;;
    verify) cmd_verify "$@" ;;
    install) cmd_install "$@" ;;
    configure) cmd_configure "$@" ;;
    start) cmd_start "$@" ;;
    health) cmd_health "$@" ;;
    apply) cmd_apply "$@" ;;
    logtail) cmd_logtail "$@" ;;
    rollback) cmd_rollback ;;
    commit) cmd_commit ;;
    discard) rm -rf "$STAGE" ;;
    status) cmd_status ;;
    uninstall) cmd_uninstall ;;
    *) fail "unknown command \"$cmd\"" ;;
    esac
}

# The script arrives on standard input: nothing it starts may read the rest of it.
main "$@" </dev/null
