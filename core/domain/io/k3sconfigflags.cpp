// SPDX-License-Identifier: GPL-3.0-or-later
// The k3s config reader's flag names: the flags k3s knows, which of them only a server takes,
// the components disable names, and suggestions for keys and components that look misspelt.
#include "domain/io/k3sconfig_p.h"

namespace k3snet::io::detail {

namespace {

// The networking keys k3snet reads or that matter to its network; misspellings of these get
// a suggestion.
constexpr std::array networkKeys = {
    "advertise-address",
    "bind-address",
    "cluster-cidr",
    "cluster-dns",
    "cluster-domain",
    "disable",
    "disable-kube-proxy",
    "disable-network-policy",
    "egress-selector-mode",
    "flannel-backend",
    "flannel-cni-conf",
    "flannel-conf",
    "flannel-external-ip",
    "flannel-iface",
    "flannel-ipv6-masq",
    "kube-controller-manager-arg",
    "kube-proxy-arg",
    "node-external-ip",
    "node-ip",
    "service-cidr",
    "service-node-port-range",
    "servicelb-namespace",
    "tls-san",
    "vpn-auth",
};

// Other k3s server and agent flags. A key k3s knows is never reported, however close it is
// to a networking key.
constexpr std::array otherKeys = {
    "agent-token",
    "agent-token-file",
    "airgap-extra-registry",
    "alsologtostderr",
    "apiserver-bind-address",
    "apiserver-port",
    "cluster-init",
    "cluster-reset",
    "cluster-reset-restore-path",
    "config",
    "container-runtime-endpoint",
    "data-dir",
    "datastore-cafile",
    "datastore-certfile",
    "datastore-endpoint",
    "datastore-keyfile",
    "debug",
    "default-local-storage-path",
    "default-runtime",
    "disable-agent",
    "disable-apiserver",
    "disable-cloud-controller",
    "disable-controller-manager",
    "disable-default-registry-endpoint",
    "disable-etcd",
    "disable-helm-controller",
    "disable-scheduler",
    "docker",
    "embedded-registry",
    "enable-pprof",
    "etcd-arg",
    "etcd-disable-snapshots",
    "etcd-expose-metrics",
    "etcd-snapshot-compress",
    "etcd-snapshot-dir",
    "etcd-snapshot-name",
    "etcd-snapshot-retention",
    "etcd-snapshot-schedule-cron",
    "helm-job-image",
    "https-listen-port",
    "image-credential-provider-bin-dir",
    "image-credential-provider-config",
    "image-service-endpoint",
    "kine-tls",
    "kube-apiserver-arg",
    "kube-cloud-controller-manager-arg",
    "kube-scheduler-arg",
    "kubelet-arg",
    "lb-server-port",
    "log",
    "node-external-dns",
    "node-internal-dns",
    "node-label",
    "node-name",
    "node-taint",
    "nonroot-devices",
    "pause-image",
    "prefer-bundled-bin",
    "private-registry",
    "protect-kernel-defaults",
    "resolv-conf",
    "rootless",
    "secrets-encryption",
    "secrets-encryption-provider",
    "selinux",
    "server",
    "snapshotter",
    "supervisor-metrics",
    "supervisor-port",
    "system-default-registry",
    "tls-san-security",
    "token",
    "token-file",
    "v",
    "vmodule",
    "vpn-auth-file",
    "with-node-id",
    "write-kubeconfig",
    "write-kubeconfig-group",
    "write-kubeconfig-mode",
};

// Flags only a server takes (see isServerOnlyKey).
constexpr std::array serverOnlyKeys = {
    "cluster-cidr",
    "cluster-dns",
    "cluster-domain",
    "cluster-init",
    "datastore-endpoint",
    "disable",
    "disable-network-policy",
    "disable-kube-proxy",
    "flannel-backend",
    "kube-apiserver-arg",
    "kube-controller-manager-arg",
    "service-cidr",
    "tls-san",
    "write-kubeconfig-mode",
};

// The packaged components --disable knows by name. Any other manifest name is valid too
// (disable skips manifests by file name), so only near misses of these are reported.
constexpr std::array packagedComponents = {
    "coredns",
    "local-storage",
    "metrics-server",
    "runtimes",
    "servicelb",
    "traefik",
};

// Optimal string alignment distance: edits, with a swap of neighbours counting as one.
int editDistance(std::string_view a, std::string_view b)
{
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = static_cast<int>(i);
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

// The closest of candidates within a small distance, or empty. Short candidates allow one edit
// only: two edits turn almost any seven-letter key into another.
template<std::size_t N>
std::string closest(std::string_view word, const std::array<const char *, N> &candidates)
{
    std::string best;
    int bestDistance = 1000;
    for (const char *c : candidates) {
        const std::string_view cand(c);
        const int limit = cand.size() <= 7 ? 1 : 2;
        const int d = editDistance(word, cand);
        if (d <= limit && d < bestDistance) {
            best = cand;
            bestDistance = d;
        }
    }
    return best;
}

// "clusterCIDR", "cluster_cidr", "--Cluster-CIDR" -> "cluster-cidr".
std::string normalizedKey(std::string_view key)
{
    while (!key.empty() && key.front() == '-')
        key.remove_prefix(1);
    std::string s;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool upper = c >= 'A' && c <= 'Z';
        if (upper && i > 0) {
            const char prev = key[i - 1];
            const bool prevLowerOrDigit
                = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
            const bool prevUpper = prev >= 'A' && prev <= 'Z';
            const bool nextLower = i + 1 < key.size() && key[i + 1] >= 'a' && key[i + 1] <= 'z';
            if (prevLowerOrDigit || (prevUpper && nextLower))
                s += '-';
        }
        if (c == '_' || c == ' ')
            s += '-';
        else if (upper)
            s += static_cast<char>(c - 'A' + 'a');
        else
            s += c;
    }
    return s;
}

} // namespace

bool isKnownKey(std::string_view key)
{
    return contains(networkKeys, key) || contains(otherKeys, key);
}

bool isServerOnlyKey(std::string_view key)
{
    return contains(serverOnlyKeys, key);
}

void K3sConfigReader::checkComponent(const Item &item)
{
    if (contains(packagedComponents, item.text))
        return;
    const std::string suggestion = closest(item.text, packagedComponents);
    if (suggestion.empty())
        return;
    info("k3s-unknown-component",
        "disable " + quoted(item.text)
            + " names no packaged k3s component (k3s would skip a manifest of that name): "
              "did you mean "
            + quoted(suggestion) + "?",
        item.location);
}

void K3sConfigReader::suggestForUnknownKey(const Entry &e)
{
    const std::string norm = normalizedKey(e.key);
    std::string message;
    if (norm == "no-deploy") {
        message = "no-deploy was removed from k3s: use disable (for example disable: [servicelb])";
    } else if (norm == "node-cidr-mask-size" || norm == "node-cidr-mask-size-ipv4"
        || norm == "node-cidr-mask-size-ipv6") {
        const std::string flag = norm == "node-cidr-mask-size" ? "node-cidr-mask-size-ipv4" : norm;
        message = quoted(e.key)
            + " is not a k3s flag but a kube-controller-manager one: write "
              "kube-controller-manager-arg: ["
            + flag + "=N]";
    } else if (norm.rfind("disable-", 0) == 0 && contains(packagedComponents, norm.substr(8))) {
        message = quoted(e.key) + " is not a k3s flag: write disable: [" + norm.substr(8) + "]";
    } else {
        std::string suggestion;
        if (norm != e.key && (contains(networkKeys, norm) || contains(otherKeys, norm)))
            suggestion = norm;
        else
            suggestion = closest(norm, networkKeys);
        if (suggestion.empty())
            return; // k3s has hundreds of flags; an unknown key that looks like none of ours is
                    // left alone
        message = "unknown key " + quoted(e.key) + ", which k3s skips: did you mean "
            + quoted(suggestion) + "?";
    }
    info("k3s-unknown-key", message, e.keyLocation);
}

} // namespace k3snet::io::detail
