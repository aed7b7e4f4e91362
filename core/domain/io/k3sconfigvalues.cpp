// SPDX-License-Identifier: GPL-3.0-or-later
// The k3s config reader's networking flags: which flag sets which setting of the import, what
// k3s accepts as each one's value, and the checks across flags (the per-node mask against
// cluster-cidr, flannel and servicelb against k3snet-agent).
#include "domain/io/k3sconfig_p.h"

#include "domain/net/result.h"

#include <charconv>
#include <type_traits>

namespace k3snet::io::detail {

namespace {

template<class T> Result<T> parseValue(std::string_view text)
{
    if constexpr (std::is_same_v<T, net::Prefix>)
        return net::Prefix::parse(text);
    else
        return net::Address::parse(text);
}

net::Family familyOf(const net::Prefix &p)
{
    return p.family();
}

net::Family familyOf(const net::Address &a)
{
    return a.family();
}

std::string flannelAdvice()
{
    return "k3snet needs none: k3snet-agent builds the VXLAN overlay (flannel.1, routes, "
           "neighbour entries) in flannel's place, and k3s's embedded flannel would build the "
           "same device on the same VNI and UDP port and fight it. With none, k3s writes no "
           "CNI "
           "config and k3snet installs its own in /etc/cni/net.d. Set flannel-backend: none on "
           "every server (it is cluster-wide) and restart k3s; running pods keep their flannel "
           "addresses until they are recreated.";
}

} // namespace

void K3sConfigReader::readEntry(const Entry &e)
{
    const std::string &key = e.key;
    if (key == "cluster-cidr") {
        m_clusterCIDRWritten = true;
        m_clusterCIDRLocation = e.keyLocation;
        readDualStack<net::Prefix>(e, "clusterCIDR", m_result.clusterCIDR, &m_clusterDualStack);
    } else if (key == "service-cidr") {
        readDualStack<net::Prefix>(e, "serviceCIDR", m_result.serviceCIDR, nullptr);
    } else if (key == "cluster-dns") {
        readDualStack<net::Address>(e, "clusterDNS", m_result.clusterDNS, nullptr);
    } else if (key == "node-ip") {
        readDualStack<net::Address>(e, "", m_result.nodeIP, nullptr);
    } else if (key == "cluster-domain") {
        if (auto item = lastItem(e))
            readDomain(*item);
    } else if (key == "flannel-backend") {
        if (auto item = lastItem(e))
            readFlannelBackend(*item);
    } else if (key == "disable-network-policy") {
        if (auto item = lastItem(e, true))
            readBool(*item, key, m_result.disableNetworkPolicy);
    } else if (key == "disable") {
        std::vector<Item> items;
        if (!collect(e, Split::CommaTrimmed, items))
            return;
        for (Item &item : items) {
            if (item.text.empty())
                continue;
            checkComponent(item);
            if (std::find(m_result.disable.begin(), m_result.disable.end(), item.text)
                == m_result.disable.end())
                m_result.disable.push_back(item.text);
        }
    } else if (key == "kube-controller-manager-arg") {
        std::vector<Item> items;
        if (!collect(e, Split::None, items))
            return;
        for (const Item &item : items)
            readControllerManagerArg(item);
    } else if (!isKnownKey(key)) {
        suggestForUnknownKey(e);
    }
}

// cluster-cidr, service-cidr, cluster-dns, node-ip: one value, or an IPv4 and an IPv6 one
// for dual-stack. k3s does not trim the comma list, so " fd00::/56" is an error there too.
template<class T>
void K3sConfigReader::readDualStack(
    const Entry &e, const std::string &field, std::optional<T> &target, bool *dualStack)
{
    std::vector<Item> items;
    if (!collect(e, Split::Comma, items))
        return;
    if (items.empty()) {
        error("invalid-value", e.key + " has no value", e.keyLocation, field);
        return;
    }
    std::optional<T> v4, v6;
    std::optional<Item> v6Item;
    bool ok = true;
    for (const Item &item : items) {
        if (item.text.empty()) {
            error("invalid-value", "invalid " + e.key + ": empty entry in the comma list",
                item.location, field);
            ok = false;
            continue;
        }
        auto parsed = parseValue<T>(item.text);
        if (!parsed) {
            std::string why = "invalid " + e.key + ": " + parsed.error();
            if (item.text.front() == ' ' || item.text.back() == ' ')
                why += " (k3s splits the list on commas and keeps the spaces)";
            error("invalid-value", why, item.location, field);
            ok = false;
            continue;
        }
        std::optional<T> &slot = familyOf(*parsed) == net::Family::V4 ? v4 : v6;
        if (slot) {
            error("invalid-value",
                "invalid " + e.key + ": " + quoted(item.text) + " is a second "
                    + net::familyName(familyOf(*parsed))
                    + " entry; a dual-stack list holds one IPv4 and one IPv6 entry",
                item.location, field);
            ok = false;
            continue;
        }
        slot = *parsed;
        if (&slot == &v6)
            v6Item = item;
    }
    if (!ok)
        return;
    if (v4 && v6) {
        info("k3s-dual-stack",
            e.key + " is dual-stack; k3snet does not model IPv6 yet, so it uses " + v4->toString()
                + " and leaves " + v6->toString() + " out",
            v6Item->location, field);
    }
    if (dualStack)
        *dualStack = v4 && v6;
    target = v4 ? v4 : v6;
}

void K3sConfigReader::readDomain(const Item &item)
{
    // kubelet and CoreDNS take the domain as a DNS subdomain (RFC 1123).
    const std::string &d = item.text;
    std::string why;
    if (d.empty() || d.size() > 253) {
        why = "must be 1 to 253 characters";
    } else {
        std::size_t labelStart = 0;
        for (std::size_t i = 0; i <= d.size(); ++i) {
            if (i < d.size() && d[i] != '.') {
                const char c = d[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    why = "may hold only lower-case letters, digits, '-' and '.'";
                    break;
                }
                continue;
            }
            const std::string_view label(d.data() + labelStart, i - labelStart);
            if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
                why = "each dot-separated label must be 1 to 63 characters and start and end "
                      "with a letter or digit";
                break;
            }
            labelStart = i + 1;
        }
    }
    if (!why.empty()) {
        error("invalid-value", "invalid cluster-domain " + quoted(d) + ": " + why, item.location,
            "clusterDomain");
        return;
    }
    m_result.clusterDomain = d;
}

void K3sConfigReader::readFlannelBackend(const Item &item)
{
    const std::string &b = item.text;
    static constexpr std::array known
        = {"none", "vxlan", "host-gw", "wireguard-native", "ipsec", "wireguard"};
    if (!contains(known, b)) {
        error("invalid-value",
            "invalid flannel-backend " + quoted(b)
                + ": k3s knows none, vxlan, host-gw and wireguard-native (k3snet needs none)",
            item.location);
        return;
    }
    m_result.flannelBackend = b;
    m_flannelBackendLocation = item.location;
}

void K3sConfigReader::readBool(
    const Item &item, const std::string &key, std::optional<bool> &target)
{
    // k3s reads the file with a YAML 1.1 parser, then parses the flag with Go's ParseBool;
    // what either accepts as true or false works. A quoted value is only a string to YAML.
    static constexpr std::array goTrue = {"1", "t", "T", "true", "True", "TRUE"};
    static constexpr std::array goFalse = {"0", "f", "F", "false", "False", "FALSE"};
    static constexpr std::array yamlTrue = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON"};
    static constexpr std::array yamlFalse = {"n", "N", "no", "No", "NO", "off", "Off", "OFF"};
    const std::string &t = item.text;
    // An empty flag value (key with nothing after it) is a bare --flag: true.
    if (t.empty() || contains(goTrue, t) || (item.plain && contains(yamlTrue, t))) {
        target = true;
    } else if (contains(goFalse, t) || (item.plain && contains(yamlFalse, t))) {
        target = false;
    } else {
        error("invalid-value", "invalid " + key + " " + quoted(t) + ": expected true or false",
            item.location);
    }
}

void K3sConfigReader::readControllerManagerArg(const Item &item)
{
    std::string_view arg = item.text;
    // k3s adds the "--" itself but tolerates it being written.
    while (!arg.empty() && arg.front() == '-')
        arg.remove_prefix(1);
    const auto eq = arg.find('=');
    const std::string_view name = arg.substr(0, eq);
    std::optional<MaskArg> *slot = nullptr;
    if (name == "node-cidr-mask-size-ipv4")
        slot = &m_maskV4;
    else if (name == "node-cidr-mask-size-ipv6")
        slot = &m_maskV6;
    else if (name == "node-cidr-mask-size")
        slot = &m_maskAny;
    else
        return;
    const std::string_view valueText
        = eq == std::string_view::npos ? std::string_view() : arg.substr(eq + 1);
    int value = -1;
    const auto [end, ec]
        = std::from_chars(valueText.data(), valueText.data() + valueText.size(), value);
    if (valueText.empty() || ec != std::errc() || end != valueText.data() + valueText.size()
        || value < 0 || value > 128) {
        error("invalid-value",
            "invalid kube-controller-manager-arg " + quoted(item.text) + ": " + std::string(name)
                + " takes a number of bits",
            item.location, "nodeCIDRMaskSize");
        return;
    }
    // kube-controller-manager reads 0 as "not set" and uses its default.
    if (value == 0) {
        slot->reset();
        return;
    }
    *slot = MaskArg{value, item.location};
}

// The per-node mask the file sets, when kube-controller-manager would start with it and it
// fits cluster-cidr.
void K3sConfigReader::resolveMask()
{
    // An invalid cluster-cidr has been reported; checking the mask against k3s's default
    // instead would only add a misleading second error.
    if (m_clusterCIDRWritten && !m_result.clusterCIDR)
        return;
    const net::Prefix cluster = m_result.clusterCIDR.value_or(model::ClusterNetwork().clusterCIDR);
    const std::optional<MaskArg> chosen = chooseMask(cluster);
    const int bits = net::familyBits(cluster.family());
    if (!chosen) {
        // No mask written: kube-controller-manager's default must fit the cluster-cidr given,
        // or it refuses to start (a /30 cannot hold a node's /24).
        const int mask = defaultNodeMask(cluster.family());
        if (m_result.clusterCIDR && (mask < cluster.length() || mask - cluster.length() > 16)) {
            const std::string flag = cluster.family() == net::Family::V4
                ? "node-cidr-mask-size-ipv4"
                : "node-cidr-mask-size-ipv6";
            error("invalid-value",
                "cluster-cidr " + cluster.toString() + " does not fit the default node CIDR mask /"
                    + std::to_string(mask) + " (kube-controller-manager refuses to start): set "
                    + flag + " between /" + std::to_string(cluster.length()) + " and /"
                    + std::to_string(std::min(bits, cluster.length() + 16)),
                m_clusterCIDRLocation, "clusterCIDR");
        }
        return;
    }
    // The allocator splits the cluster CIDR into node subnets of the mask's size, and
    // refuses more than 16 bits of node index (the same check as its cidrset).
    if (chosen->value > bits || chosen->value < cluster.length()
        || chosen->value - cluster.length() > 16) {
        error("invalid-value",
            "node CIDR mask /" + std::to_string(chosen->value) + " does not fit cluster-cidr "
                + cluster.toString() + ": it must be between /" + std::to_string(cluster.length())
                + " and /" + std::to_string(std::min(bits, cluster.length() + 16)),
            chosen->location, "nodeCIDRMaskSize");
        return;
    }
    m_result.nodeCIDRMaskSize = chosen->value;
}

// Which mask applies, by kube-controller-manager's rules (setNodeCIDRMaskSizes): the family
// flags for dual-stack, the plain flag alone or the family flag matching a single-stack
// cluster. What it refuses to start with is an error here, and no mask applies.
std::optional<K3sConfigReader::MaskArg> K3sConfigReader::chooseMask(const net::Prefix &cluster)
{
    const bool v6Only = !m_clusterDualStack && cluster.family() == net::Family::V6;
    if (m_clusterDualStack) {
        if (m_maskAny) {
            error("invalid-value",
                "node-cidr-mask-size cannot be used with a dual-stack cluster-cidr "
                "(kube-controller-manager refuses to start): use node-cidr-mask-size-ipv4",
                m_maskAny->location, "nodeCIDRMaskSize");
            return std::nullopt;
        }
        return m_maskV4; // the modelled family of a dual-stack cluster is IPv4
    }
    if (m_maskAny) {
        if (m_maskV4 || m_maskV6) {
            error("invalid-value",
                "node-cidr-mask-size cannot be combined with node-cidr-mask-size-ipv4 or -ipv6 "
                "(kube-controller-manager refuses to start)",
                m_maskAny->location, "nodeCIDRMaskSize");
            return std::nullopt;
        }
        return m_maskAny;
    }
    if (m_maskV4 && v6Only) {
        error("invalid-value",
            "node-cidr-mask-size-ipv4 cannot be used with the IPv6-only cluster-cidr "
                + cluster.toString() + " (kube-controller-manager refuses to start)",
            m_maskV4->location, "nodeCIDRMaskSize");
        return std::nullopt;
    }
    if (m_maskV6 && !v6Only) {
        error("invalid-value",
            "node-cidr-mask-size-ipv6 cannot be used with the IPv4-only cluster-cidr "
                + cluster.toString() + " (kube-controller-manager refuses to start)",
            m_maskV6->location, "nodeCIDRMaskSize");
        return std::nullopt;
    }
    return v6Only ? m_maskV6 : m_maskV4;
}

void K3sConfigReader::checkServerSettings(const Entry *backend, const Entry *disable)
{
    if (!m_result.flannelBackend) {
        // Set to something invalid has been reported already.
        if (!backend)
            warning("k3s-flannel-backend",
                "flannel-backend is not set, so k3s runs flannel with its default vxlan "
                "backend. "
                    + flannelAdvice(),
                fileOnly());
    } else if (*m_result.flannelBackend != "none") {
        std::string what = "flannel-backend is " + quoted(*m_result.flannelBackend);
        if (*m_result.flannelBackend == "ipsec" || *m_result.flannelBackend == "wireguard")
            what += " (removed from current k3s releases)";
        warning("k3s-flannel-backend", what + ". " + flannelAdvice(), m_flannelBackendLocation);
    }

    if (std::find(m_result.disable.begin(), m_result.disable.end(), "servicelb")
        == m_result.disable.end()) {
        warning("k3s-servicelb-enabled",
            "servicelb is not disabled: k3s's klipper-lb would serve LoadBalancer Services "
            "too and fight k3snet-agent over their external IPs. Add servicelb to disable.",
            disable ? disable->keyLocation : fileOnly());
    }
}

} // namespace k3snet::io::detail
