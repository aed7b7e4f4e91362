#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# node-init.sh DIR NAME USER [SUDO_PASSWORD_FILE] [LOGIN_PASSWORD_FILE]: the first process of a simulated Pi (see
# sshnode-lib.sh), started by `ip netns exec <node> unshare --mount --pid --uts --fork
# --propagation private`. It gives the node a copy-on-write root and boots it:
#
#   - an overlay of / whose upper layer is a tmpfs of this mount namespace, made the root with
#     pivot_root: everything the node writes (/etc, /usr/local, /var, ...) stays in the node;
#   - fresh /proc (its own PID namespace), /sys (its own network namespace), /run and /tmp;
#     the host's /dev;
#   - hostname NAME; the test user USER with the authorized key DIR/ssh/authorized_keys and a
#     sudoers rule, NOPASSWD unless SUDO_PASSWORD_FILE gives it a password (which is then its
#     login password too); LOGIN_PASSWORD_FILE gives it a login password with sudo NOPASSWD;
#     all in the node's own /etc/passwd, /etc/shadow and /etc/sudoers.d, never the host's;
#   - OpenSSH sshd on the node's LAN address with the host key in DIR/ssh/.
#
# Then it stays as the node's init (reaping orphans) until it is killed.
set -euo pipefail

dir=$1
name=$2
user=$3
password_file=${4:-}
login_file=${5:-}

# Our pid as the host sees it (the /proc mounted now is still the host's): the test enters the
# node's namespaces through it.
read -r host_pid _ </proc/self/stat
echo "$host_pid" >"$dir/init.pid"

fs=$dir/fs
mkdir -p "$fs"
mount -t tmpfs -o mode=0755 k3sp-root "$fs"
mkdir -p "$fs/upper" "$fs/work" "$fs/merged"
mount -t overlay -o "lowerdir=/,upperdir=$fs/upper,workdir=$fs/work" k3sp-node "$fs/merged"
m=$fs/merged
mount -t proc proc "$m/proc"
mount -t sysfs sysfs "$m/sys"
mount --rbind /dev "$m/dev"
mount -t tmpfs -o mode=0755 run "$m/run"
mount -t tmpfs -o mode=1777 tmp "$m/tmp"

# What the node needs from the test, copied in while the host's files are still in reach.
install -d -m 0755 "$m/etc/k3st-ssh"
install -m 0600 "$dir/ssh/host_ed25519" "$m/etc/k3st-ssh/host_ed25519"
install -m 0644 "$dir/ssh/sshd_config" "$m/etc/k3st-ssh/sshd_config"
install -m 0644 "$dir/ssh/authorized_keys" "$m/etc/k3st-ssh/authorized_keys"
password=""
[[ -n "$password_file" ]] && password=$(cat "$password_file")
login=""
[[ -n "$login_file" ]] && login=$(cat "$login_file")

mkdir -p "$m/.oldroot"
cd "$m"
pivot_root . .oldroot
cd /
umount -l /.oldroot
rmdir /.oldroot

hostname "$name"
printf '127.0.1.1\t%s\n' "$name" >>/etc/hosts

# The test user, only in this node's copy of /etc. "*" is no password but not a locked
# account, which sshd (without PAM) would refuse.
useradd -m -s /bin/sh "$user"
if [[ -n "$password" ]]; then
    printf '%s:%s\n' "$user" "$password" | chpasswd
    printf '%s ALL=(ALL:ALL) ALL\n' "$user" >"/etc/sudoers.d/k3st-$user"
else
    if [[ -n "$login" ]]; then
        printf '%s:%s\n' "$user" "$login" | chpasswd
    else
        usermod -p '*' "$user"
    fi
    printf '%s ALL=(ALL:ALL) NOPASSWD: ALL\n' "$user" >"/etc/sudoers.d/k3st-$user"
fi
chmod 0440 "/etc/sudoers.d/k3st-$user"
install -d -m 0700 -o "$user" -g "$user" "/home/$user/.ssh"
install -m 0600 -o "$user" -g "$user" /etc/k3st-ssh/authorized_keys "/home/$user/.ssh/authorized_keys"

mkdir -p /run/sshd
/usr/sbin/sshd -f /etc/k3st-ssh/sshd_config -E /var/log/k3st-sshd.log
echo "node $name up" >/run/k3st-ready

# The node's init: orphans (the agent's supervisor after its SSH session ends) are reaped here.
trap 'exit 0' TERM
while :; do
    sleep 3600 &
    wait $! || true
done
