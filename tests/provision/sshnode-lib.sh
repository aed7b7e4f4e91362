# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
# sshnode-lib.sh: simulated Raspberry Pis reachable over SSH, for the provisioning tests (source
# it after tests/agent/netns-lib.sh, which gives the LAN, the per-run tag, cleanup and waits).
#
#   <tag>-adm      the admin's machine: 192.0.2.5/24 on the LAN; k3snetctl runs here
#   <tag>-nN       node N (pi N), 192.0.2.(10+N), booted by node-init.sh: copy-on-write root,
#                  own PID, mount and UTS namespaces, test user, sudo, OpenSSH sshd on :22
#
# The admin's home, SSH key and k3snet known_hosts file live in $K3ST_DIR/admin, never in the
# real user's ~/.ssh. Node files are reached with k3sp_in_node (nsenter into the node).

K3SP_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
K3SP_ADMIN_IP=192.0.2.5
K3SP_USER=k3stest
K3SP_CTL=""
# The agent binaries k3snetctl pushes (K3SNET_AGENT_DIR: <dir>/x86_64/k3snet-agent), so that a
# test knows which binary lands on the nodes whatever else the build tree bundles.
K3SP_AGENT_DIR=""
declare -a K3SP_NODE_PID=()
declare -a K3SP_NODE_PORT=()
# K3SP_PROJECT_SSH[N]: the lines of node N's ssh: block in k3sp_project_write (one per line,
# e.g. "host: pi-alias"); default "user: $K3SP_USER".
declare -A K3SP_PROJECT_SSH=()

k3sp_admin_ns() { echo "${K3ST_TAG}-adm"; }
k3sp_admin_dir() { echo "$K3ST_DIR/admin"; }
k3sp_key() { echo "$K3ST_DIR/admin/id_ed25519"; }
k3sp_known_hosts() { echo "$K3ST_DIR/admin/known_hosts"; }

# k3sp_agent_dir AGENT: an agent directory holding AGENT as the x86_64 agent; prints it.
k3sp_agent_dir() {
    local dir
    dir=$(mktemp -d "$K3ST_DIR/agents.XXXXXX") || return 1
    mkdir -p "$dir/x86_64" && cp "$1" "$dir/x86_64/k3snet-agent" && echo "$dir"
}

# k3sp_admin_create CTL AGENT: the admin namespace on the LAN, its home and its SSH key;
# k3snetctl CTL pushes AGENT.
k3sp_admin_create() {
    K3SP_CTL=$(readlink -f "$1")
    K3SP_AGENT_DIR=$(k3sp_agent_dir "$2") || return 1
    local ns dir
    ns=$(k3sp_admin_ns)
    dir=$(k3sp_admin_dir)
    k3st_ns_add "$ns" || return 1
    ip -n "$K3ST_LAN" link add adm type veth peer name eth0 netns "$ns" || return 1
    ip -n "$K3ST_LAN" link set adm master br0 up || return 1
    ip -n "$ns" addr add "$K3SP_ADMIN_IP/24" dev eth0 || return 1
    ip -n "$ns" link set eth0 up || return 1
    mkdir -p "$dir/home/.ssh" || return 1
    chmod 700 "$dir/home" "$dir/home/.ssh"
    ssh-keygen -q -t ed25519 -N '' -C k3st-admin -f "$(k3sp_key)" || return 1
}

# k3sp_ctl ARGS...: k3snetctl in the admin namespace, with the test's home and known_hosts.
# With K3SP_CTL_TIMEOUT=S it is killed after S seconds (exit status 124: it hung).
k3sp_ctl() {
    local -a bound=()
    [[ -n "${K3SP_CTL_TIMEOUT:-}" ]] && bound=(timeout -k 5 "$K3SP_CTL_TIMEOUT")
    ip netns exec "$(k3sp_admin_ns)" env -u SSH_AUTH_SOCK HOME="$(k3sp_admin_dir)/home" \
        K3SNET_KNOWN_HOSTS="$(k3sp_known_hosts)" K3SNET_AGENT_DIR="$K3SP_AGENT_DIR" NO_COLOR=1 \
        "${bound[@]}" "$K3SP_CTL" "$@"
}

# k3sp_ctl_exec ARGS...: the same, replacing the calling (sub)shell, for `k3sp_ctl_exec ... &`:
# $! is then k3snetctl itself (to send it SIGINT).
k3sp_ctl_exec() {
    exec ip netns exec "$(k3sp_admin_ns)" env -u SSH_AUTH_SOCK HOME="$(k3sp_admin_dir)/home" \
        K3SNET_KNOWN_HOSTS="$(k3sp_known_hosts)" K3SNET_AGENT_DIR="$K3SP_AGENT_DIR" NO_COLOR=1 \
        "$K3SP_CTL" "$@"
}

k3sp_host_key() { echo "$(k3st_node_dir "$1")/ssh/host_ed25519"; }

# k3sp_fingerprint N: the SHA-256 fingerprint of node N's current host key.
k3sp_fingerprint() { ssh-keygen -l -E sha256 -f "$(k3sp_host_key "$1").pub" | awk '{ print $2 }'; }

# k3sp_node_boot N [SUDO_PASSWORD] [SETTING...]: node N on the LAN, booted, its sshd answering.
# SETTINGs change the node from the default (user $K3SP_USER, sshd on port 22, only the admin's
# key authorized, public keys only):
#   user=NAME            the test user (created only in the node, like every test user)
#   port=P               sshd's port
#   key=FILE.pub         authorize this public key instead of the admin's (may be repeated)
#   password=SECRET      the user's login password; sshd then takes only passwords (no keys).
#                        sudo stays without a password unless SUDO_PASSWORD is given too, which
#                        then is the password for both.
k3sp_node_boot() {
    local n=$1 password=${2:-} dir ns ssh pwfile="" loginfile="" user=$K3SP_USER port=22 login="" a
    local -a keys=()
    shift $(($# < 2 ? $# : 2))
    for a in "$@"; do
        case $a in
        user=*) user=${a#user=} ;;
        port=*) port=${a#port=} ;;
        key=*) keys+=("${a#key=}") ;;
        password=*) login=${a#password=} ;;
        *) k3st_log "k3sp_node_boot: unknown setting \"$a\""; return 1 ;;
        esac
    done
    ((${#keys[@]})) || keys=("$(k3sp_key).pub")
    k3st_node_create "$n" || return 1
    dir=$(k3st_node_dir "$n")
    ns=$(k3st_node_ns "$n")
    ssh=$dir/ssh
    mkdir -p "$ssh" || return 1
    ssh-keygen -q -t ed25519 -N '' -C "pi$n" -f "$ssh/host_ed25519" || return 1
    cat "${keys[@]}" >"$ssh/authorized_keys" || return 1
    K3SP_NODE_PORT[n]=$port
    local pubkey=yes passwords=no
    [[ -n "$login" ]] && pubkey=no passwords=yes
    cat >"$ssh/sshd_config" <<SSHD
ListenAddress $(k3st_node_lanip "$n")
Port $port
HostKey /etc/k3st-ssh/host_ed25519
PidFile /run/sshd.pid
AuthorizedKeysFile .ssh/authorized_keys
PubkeyAuthentication $pubkey
PasswordAuthentication $passwords
PermitEmptyPasswords no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
StrictModes yes
LogLevel VERBOSE
SSHD
    if [[ -n "$password" ]]; then
        pwfile=$dir/sudo-password
        printf '%s' "$password" >"$pwfile"
        chmod 600 "$pwfile"
    fi
    if [[ -n "$login" ]]; then
        loginfile=$dir/login-password
        printf '%s' "$login" >"$loginfile"
        chmod 600 "$loginfile"
    fi
    ip netns exec "$ns" unshare --mount --pid --uts --fork --propagation private -- \
        bash "$K3SP_HERE/node-init.sh" "$dir" "$(k3st_node_name "$n")" "$user" "$pwfile" "$loginfile" \
        >"$dir/init.log" 2>&1 &
    # node-init.sh writes its pid (as the host sees it) first thing. Cleanup stops the node by
    # that pid: the node's init ends its PID namespace, and unshare (which ignores SIGTERM)
    # with it.
    wait_until 10 test -s "$dir/init.pid" || return 1
    K3SP_NODE_PID[n]=$(cat "$dir/init.pid")
    k3st_track_bg "${K3SP_NODE_PID[n]}"
    wait_until 15 k3sp_port_open "$(k3st_node_lanip "$n")" "$port" || {
        k3st_log "node $n did not boot: $(cat "$dir/init.log")"
        return 1
    }
}

# k3sp_port_open ADDRESS PORT: a TCP connection from the admin namespace succeeds.
k3sp_port_open() {
    ip netns exec "$(k3sp_admin_ns)" timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# k3sp_in_node N CMD...: CMD as root inside node N (its network, mount, PID and UTS namespaces).
k3sp_in_node() {
    local n=$1
    shift
    nsenter -t "${K3SP_NODE_PID[n]}" -a -- "$@"
}

# k3sp_sshd_kill N: kills every sshd process of node N (the listener and every session).
k3sp_sshd_kill() {
    local p
    for p in $(ip netns pids "$(k3st_node_ns "$1")" 2>/dev/null); do
        [[ "$(cat "/proc/$p/comm" 2>/dev/null)" == sshd ]] && kill -KILL "$p" 2>/dev/null
    done
    return 0
}

# k3sp_sshd_start N: starts node N's sshd again and waits for it.
k3sp_sshd_start() {
    k3sp_in_node "$1" /usr/sbin/sshd -f /etc/k3st-ssh/sshd_config -E /var/log/k3st-sshd.log || return 1
    wait_until 10 k3sp_port_open "$(k3st_node_lanip "$1")" "${K3SP_NODE_PORT[$1]:-22}"
}

# k3sp_rekey N: node N gets a new host key (as after a reinstall, or an impostor).
k3sp_rekey() {
    local n=$1 key
    key=$(k3sp_host_key "$n")
    rm -f "$key" "$key.pub"
    ssh-keygen -q -t ed25519 -N '' -C "pi$n-new" -f "$key" || return 1
    k3sp_in_node "$n" sh -c 'umask 077; cat > /etc/k3st-ssh/host_ed25519' <"$key" || return 1
    k3sp_sshd_kill "$n"
    k3sp_sshd_start "$n"
}

# k3sp_set_host_key N FILE: puts FILE (and FILE.pub) back as node N's host key.
k3sp_set_host_key() {
    local n=$1 key
    key=$(k3sp_host_key "$n")
    cp "$2" "$key" && cp "$2.pub" "$key.pub" || return 1
    k3sp_in_node "$n" sh -c 'umask 077; cat > /etc/k3st-ssh/host_ed25519' <"$key" || return 1
    k3sp_sshd_kill "$n"
    k3sp_sshd_start "$n"
}

# k3sp_node_files N: every file k3snet installs on node N, with size, mtime, mode, link target
# and sha256, one per line: equal output means the node's install was not touched.
k3sp_node_files() {
    # shellcheck disable=SC2016 # for the node's shell
    k3sp_in_node "$1" sh -c '
        for f in $(find /etc/k3snet /usr/local/lib/k3snet /usr/local/bin/k3snet-agent /var/lib/k3snet \
                /etc/cni/net.d 2>/dev/null | sort); do
            if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"
            elif [ -f "$f" ]; then echo "$f $(stat -c "%s %Y %a" "$f") $(sha256sum < "$f" | cut -c1-64)"
            else echo "$f/"; fi
        done'
}

# k3sp_agent_pid N: the pid (in the node) of the agent its supervisor runs; empty if none.
k3sp_agent_pid() {
    # shellcheck disable=SC2016 # for the node's shell
    k3sp_in_node "$1" sh -c 'p=$(cat /run/k3snet/agent.pid 2>/dev/null) && kill -0 "$p" 2>/dev/null && echo "$p"'
}

# k3sp_project_write FILE NODES [NODE:INTERFACE] [--service]: a k3snet project for nodes 1..NODES
# (pi1 the server), each with its LAN IP and pinned pod subnet 10.42.N.0/24, as netns-lib's pod
# helpers expect. NODE:INTERFACE gives one node another uplink (to make its agent fail);
# --service adds a pool, an L2Advertisement and a LoadBalancer service (a change to every
# node's config).
k3sp_project_write() {
    local file=$1 nodes=$2 special="" service=0 n role iface
    shift 2
    for a in "$@"; do
        case $a in --service) service=1 ;; *:*) special=$a ;; esac
    done
    {
        cat <<EOF
apiVersion: k3snet.io/v1alpha1
kind: Project
metadata:
  name: provtest
network:
  clusterCIDR: 10.42.0.0/16
  serviceCIDR: 10.43.0.0/16
  clusterDNS: 10.43.0.10
  clusterDomain: cluster.local
  nodeCIDRMaskSize: 24
  vxlan:
    vni: 1
    port: 8472
  lan:
    subnet: 192.0.2.0/24
    gateway: 192.0.2.1
    interface: eth0
    mtu: 1500
nodes:
EOF
        for ((n = 1; n <= nodes; n++)); do
            role=agent
            ((n == 1)) && role=server
            echo "  - name: $(k3st_node_name "$n")"
            echo "    role: $role"
            echo "    lanIP: $(k3st_node_lanip "$n")"
            echo "    podCIDR: $(k3st_node_podcidr "$n")"
            if [[ "$special" == "$(k3st_node_name "$n"):"* ]]; then
                iface=${special#*:}
                echo "    interface: $iface"
            fi
            echo "    ssh:"
            printf '%s\n' "${K3SP_PROJECT_SSH[$n]:-user: $K3SP_USER}" | sed 's/^/      /'
        done
        if ((service)); then
            cat <<EOF
namespaces:
  - name: default
pools:
  - name: lan-pool
    addresses:
      - 192.0.2.200-192.0.2.210
l2Advertisements:
  - name: lan
    ipAddressPools:
      - lan-pool
services:
  - namespace: default
    name: web
    type: LoadBalancer
    clusterIP: 10.43.0.20
    ports:
      - name: http
        protocol: TCP
        port: 80
EOF
        fi
    } >"$file"
}
