// SPDX-License-Identifier: GPL-3.0-or-later
// What the fields of an AgentConfig must say together before an agent may act on them: the
// kernel would reject it, or it would break the node or its peers (a podCIDR outside the
// cluster, two peers with one VTEP MAC, a peer that is the node itself).
#include "domain/io/agentconfigcheck.h"

#include "domain/io/agentconfig.h"
#include "domain/io/yamltext.h"
#include "domain/rules/networkrules.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <utility>

namespace k3snet::io {

namespace {

using model::AgentConfig;

constexpr std::string_view macShape
    = "expected six pairs of hex digits separated by colons, such as 02:42:0a:00:00:0b";

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string lowercase(std::string_view text)
{
    std::string s(text);
    for (char &c : s) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

// Why an address cannot be a host's own (a node's LAN IP, a service IP), or empty.
std::string notAHost(const net::Address &a)
{
    const net::u128 v = a.value();
    if (v == 0)
        return "the unspecified address";
    if (a.isV4()) {
        if ((v >> 24) == 0)
            return "in 0.0.0.0/8 (\"this network\")";
        if ((v >> 24) == 127)
            return "a loopback address";
        if ((v >> 28) == 0xe)
            return "a multicast address";
        if (v == 0xffffffff)
            return "the broadcast address";
        return {};
    }
    if (v == 1)
        return "the loopback address";
    if ((v >> 120) == 0xff)
        return "a multicast address";
    return {};
}

std::string interfaceRule()
{
    return "is not a Linux interface name (1 to 15 characters, no '/', ':' or whitespace)";
}

class Checker
{
public:
    Checker(YamlReader &reader, const model::SourceMap &sources,
        const std::set<std::string> &unread, const AgentConfig &config)
        : m_r(reader)
        , m_sources(sources)
        , m_unread(unread)
        , m_c(config)
    {
    }

    void run()
    {
        checkNode();
        checkCIDRs();
        checkPeers();
        checkServiceIPs();
        checkSettings();
    }

private:
    bool ok(std::string path) const
    {
        while (!path.empty()) {
            if (m_unread.count(path))
                return false;
            const auto cut = path.find_last_of(".[");
            if (cut == std::string::npos)
                break;
            path.resize(cut);
        }
        return true;
    }

    void error(const char *code, const std::string &message, const std::string &path,
        std::optional<rules::ObjectRef> object = std::nullopt)
    {
        m_r.setObject(std::move(object));
        m_r.error(code, message, m_sources.find(path));
        m_r.setObject(std::nullopt);
    }

    // " (line 12)" for where path was read, to name the other half of a conflict.
    std::string lineOf(const std::string &path) const
    {
        const model::SourceLocation at = m_sources.find(path);
        return at.isValid() ? " (line " + std::to_string(at.line) + ")" : std::string();
    }

    void name(const std::string &path, const std::string &value,
        const std::optional<rules::ObjectRef> &object = std::nullopt)
    {
        std::string why;
        if (ok(path) && !rules::isDns1123Subdomain(value, &why))
            error("agent-name-invalid",
                path + ": " + quoteForMessage(value) + " is not a valid node name: " + why, path,
                object);
    }

    void interfaceName(const std::string &path, const std::string &value,
        const std::optional<rules::ObjectRef> &object = std::nullopt)
    {
        if (ok(path) && !rules::isInterfaceName(value))
            error("agent-interface-invalid",
                path + ": " + quoteForMessage(value) + " " + interfaceRule(), path, object);
    }

    bool hostAddress(const char *code, const std::string &path, const net::Address &a,
        const std::optional<rules::ObjectRef> &object = std::nullopt)
    {
        if (!ok(path))
            return false;
        if (const std::string why = notAHost(a); !why.empty()) {
            error(code, path + ": " + a.toString() + " is " + why + ", not a host's address", path,
                object);
            return false;
        }
        return true;
    }

    bool mac(const std::string &path, const std::string &value,
        const std::optional<rules::ObjectRef> &object = std::nullopt)
    {
        if (!ok(path))
            return false;
        std::string why;
        if (isUnicastMac(value, &why))
            return true;
        error("agent-mac-invalid",
            path + ": " + quoteForMessage(value) + " is not a usable VTEP MAC address: " + why,
            path, object);
        return false;
    }

    void checkNode()
    {
        name("node.name", m_c.node.name);
        interfaceName("node.interface", m_c.node.interface);
        hostAddress("agent-lan-ip-invalid", "node.lanIP", m_c.node.lanIP);
        interfaceName("vxlan.device", m_c.vxlan.device);
        interfaceName("bridge", m_c.bridge);
        mac("vxlan.vtepMAC", m_c.vxlan.vtepMAC);

        // The three devices the agent manages must be three devices.
        auto conflict = [this](const std::string &path, const std::string &value,
                            const std::string &otherPath, const std::string &other) {
            if (ok(path) && ok(otherPath) && value == other)
                error("agent-device-conflict",
                    path + ": " + quoteForMessage(value) + " is also " + otherPath
                        + lineOf(otherPath)
                        + "; the uplink, the VXLAN device and the bridge must differ",
                    path);
        };
        conflict("vxlan.device", m_c.vxlan.device, "node.interface", m_c.node.interface);
        conflict("bridge", m_c.bridge, "node.interface", m_c.node.interface);
        conflict("bridge", m_c.bridge, "vxlan.device", m_c.vxlan.device);

        if (ok("vxlan.port") && ok("membership.port") && m_c.vxlan.port == m_c.membership.port)
            error("agent-port-conflict",
                "membership.port: UDP port " + std::to_string(m_c.membership.port)
                    + " is also vxlan.port" + lineOf("vxlan.port")
                    + "; heartbeats and VXLAN need their own ports",
                "membership.port");
    }

    void checkCIDRs()
    {
        const net::Prefix &cluster = m_c.clusterCIDR;
        const net::Prefix &pod = m_c.podCIDR;
        if (!ok("podCIDR"))
            return;
        if (ok("clusterCIDR")) {
            if (pod.family() != cluster.family())
                error("agent-family-mismatch",
                    "podCIDR: " + pod.toString() + " is " + net::familyName(pod.family())
                        + " but clusterCIDR " + cluster.toString() + " is "
                        + net::familyName(cluster.family()),
                    "podCIDR");
            else if (!cluster.contains(pod))
                error("agent-pod-cidr-outside-cluster",
                    "podCIDR: " + pod.toString() + " is not inside clusterCIDR "
                        + cluster.toString(),
                    "podCIDR");
        }
        // The VTEP takes the network address (.0) and cni0 the next (.1); pods need the rest.
        const int longest = pod.network().bits() - 2;
        if (pod.length() > longest)
            error("agent-pod-cidr-too-small",
                "podCIDR: " + pod.toString()
                    + " leaves no address for pods (the VXLAN device takes its first address, "
                      "the bridge the second); it must be /"
                    + std::to_string(longest) + " or shorter",
                "podCIDR");
    }

    void checkPeers()
    {
        std::map<std::string, std::size_t> names, macs;
        std::map<net::Address, std::size_t> lanIPs;
        std::vector<std::pair<net::Prefix, std::size_t>> subnets; // index npos: this node's
        const std::string ownMac = ok("vxlan.vtepMAC") && isUnicastMac(m_c.vxlan.vtepMAC)
            ? lowercase(m_c.vxlan.vtepMAC)
            : std::string();
        auto duplicate = [this](auto &seen, const auto &key, std::size_t i, const std::string &what,
                             const std::string &path, const rules::ObjectRef &ref) {
            const auto [it, inserted] = seen.emplace(key, i);
            if (inserted)
                return;
            const std::string first = indexed(it->second) + path.substr(path.find('.'));
            error("agent-peer-duplicate", path + ": " + what + " is also " + first + lineOf(first),
                path, ref);
        };

        for (std::size_t i = 0; i < m_c.peers.size(); ++i) {
            const AgentConfig::Peer &p = m_c.peers[i];
            const std::string base = indexed(i);
            if (!ok(base))
                continue;
            const rules::ObjectRef ref{"Node", p.name};
            const std::string namePath = base + ".name", ipPath = base + ".lanIP",
                              macPath = base + ".vtepMAC", podPath = base + ".podCIDR";
            name(namePath, p.name, ref);
            if (ok(namePath) && ok("node.name") && p.name == m_c.node.name)
                error("agent-peer-is-self",
                    namePath + ": " + quoteForMessage(p.name) + " is this node's own name",
                    namePath, ref);
            else if (ok(namePath))
                duplicate(names, p.name, i, "name " + quoteForMessage(p.name), namePath, ref);

            if (hostAddress("agent-lan-ip-invalid", ipPath, p.lanIP, ref)) {
                if (ok("node.lanIP") && p.lanIP.family() != m_c.node.lanIP.family())
                    error("agent-family-mismatch",
                        ipPath + ": " + p.lanIP.toString() + " is "
                            + net::familyName(p.lanIP.family()) + " but node.lanIP is "
                            + net::familyName(m_c.node.lanIP.family())
                            + "; VXLAN runs over one family",
                        ipPath, ref);
                else if (ok("node.lanIP") && p.lanIP == m_c.node.lanIP)
                    error("agent-peer-is-self",
                        ipPath + ": " + p.lanIP.toString() + " is this node's own LAN IP", ipPath,
                        ref);
                else
                    duplicate(lanIPs, p.lanIP, i, "LAN IP " + p.lanIP.toString(), ipPath, ref);
            }

            if (mac(macPath, p.vtepMAC, ref)) {
                if (lowercase(p.vtepMAC) == ownMac)
                    error("agent-peer-is-self",
                        macPath + ": " + p.vtepMAC + " is this node's own VTEP MAC", macPath, ref);
                else
                    duplicate(macs, lowercase(p.vtepMAC), i, "VTEP MAC " + p.vtepMAC, macPath, ref);
            }

            if (!ok(podPath) || !ok("clusterCIDR"))
                continue;
            if (p.podCIDR.family() != m_c.clusterCIDR.family())
                error("agent-family-mismatch",
                    podPath + ": " + p.podCIDR.toString() + " is "
                        + net::familyName(p.podCIDR.family()) + " but clusterCIDR "
                        + m_c.clusterCIDR.toString() + " is "
                        + net::familyName(m_c.clusterCIDR.family()),
                    podPath, ref);
            else if (!m_c.clusterCIDR.contains(p.podCIDR))
                error("agent-pod-cidr-outside-cluster",
                    podPath + ": " + p.podCIDR.toString() + " is not inside clusterCIDR "
                        + m_c.clusterCIDR.toString(),
                    podPath, ref);
            else
                subnets.emplace_back(p.podCIDR, i);
        }
        if (ok("podCIDR"))
            subnets.emplace_back(m_c.podCIDR, npos);
        checkOverlaps(std::move(subnets));
    }

    // Prefixes are nested or disjoint, so in address order one overlaps an earlier one exactly
    // when it starts before the end of the widest one seen so far: n log n for 10,000 peers.
    void checkOverlaps(std::vector<std::pair<net::Prefix, std::size_t>> subnets)
    {
        std::sort(subnets.begin(), subnets.end());
        const std::pair<net::Prefix, std::size_t> *open = nullptr;
        for (const auto &entry : subnets) {
            const bool sameFamily = open && open->first.family() == entry.first.family();
            if (sameFamily && entry.first.network() <= open->first.last())
                reportOverlap(entry, *open);
            if (!sameFamily || entry.first.last() > open->first.last())
                open = &entry;
        }
    }

    void reportOverlap(
        const std::pair<net::Prefix, std::size_t> &a, const std::pair<net::Prefix, std::size_t> &b)
    {
        // Reported at the peer that comes later in the file, naming the other subnet.
        const auto &[at, other] = (a.second == npos || (b.second != npos && b.second > a.second))
            ? std::pair(b, a)
            : std::pair(a, b);
        const std::string path = indexed(at.second) + ".podCIDR";
        const std::string otherText = other.second == npos
            ? "this node's podCIDR " + other.first.toString()
            : "the podCIDR " + other.first.toString() + " of "
                + quoteForMessage(m_c.peers[other.second].name) + lineOf(indexed(other.second));
        error("agent-peer-overlap", path + ": " + at.first.toString() + " overlaps " + otherText,
            path, rules::ObjectRef{"Node", m_c.peers[at.second].name});
    }

    void checkServiceIPs()
    {
        // Whether a name is known is only judged when every name was read and is valid:
        // otherwise the name in error is reported, not each list naming it.
        auto valid = [this](const std::string &path, const std::string &value) {
            return ok(path) && rules::isDns1123Subdomain(value);
        };
        bool namesRead = ok("peers") && valid("node.name", m_c.node.name);
        std::set<std::string> nodes{m_c.node.name};
        for (std::size_t i = 0; i < m_c.peers.size(); ++i) {
            namesRead = namesRead && valid(indexed(i) + ".name", m_c.peers[i].name);
            nodes.insert(m_c.peers[i].name);
        }
        std::map<std::pair<net::Address, std::string>, std::size_t> seen;
        for (std::size_t i = 0; i < m_c.serviceIPs.size(); ++i) {
            const AgentConfig::ServiceIP &s = m_c.serviceIPs[i];
            const std::string base = "serviceIPs[" + std::to_string(i) + "]";
            if (!ok(base))
                continue;
            const rules::ObjectRef ref{"Service", s.service};
            const std::string ipPath = base + ".ip", servicePath = base + ".service";
            hostAddress("agent-service-ip-invalid", ipPath, s.ip, ref);
            const auto slash = s.service.find('/');
            if (ok(servicePath)
                && (slash == std::string::npos || slash == 0 || slash + 1 == s.service.size()
                    || s.service.find('/', slash + 1) != std::string::npos))
                error("agent-service-invalid",
                    servicePath + ": " + quoteForMessage(s.service)
                        + " is not a service's namespace/name",
                    servicePath, ref);
            if (ok(ipPath) && ok(servicePath)) {
                const auto [it, inserted] = seen.emplace(std::pair(s.ip, s.service), i);
                if (!inserted) {
                    const std::string first = "serviceIPs[" + std::to_string(it->second) + "]";
                    error("agent-service-ip-duplicate",
                        ipPath + ": " + s.ip.toString() + " of " + quoteForMessage(s.service)
                            + " is already listed at " + first + lineOf(first),
                        ipPath, ref);
                }
            }
            for (std::size_t j = 0; j < s.eligibleNodes.size(); ++j) {
                const std::string path = base + ".eligibleNodes[" + std::to_string(j) + "]";
                const std::string &node = s.eligibleNodes[j];
                if (!ok(path) || !rules::isDns1123Subdomain(node)) {
                    name(path, node, ref);
                } else if (namesRead && !nodes.count(node)) {
                    // Its heartbeats would never be heard, so the nodes would disagree.
                    error("agent-eligible-node-unknown",
                        path + ": " + quoteForMessage(node)
                            + " is neither this node nor one of its peers",
                        path, ref);
                }
            }
            for (std::size_t j = 0; j < s.interfaces.size(); ++j)
                interfaceName(
                    base + ".interfaces[" + std::to_string(j) + "]", s.interfaces[j], ref);
        }
    }

    void checkSettings()
    {
        if (ok("cni.firewall") && m_c.cni.firewall != "auto" && m_c.cni.firewall != "iptables"
            && m_c.cni.firewall != "nftables")
            error("agent-firewall-invalid",
                "cni.firewall: " + quoteForMessage(m_c.cni.firewall)
                    + " is not auto, iptables or nftables",
                "cni.firewall");
        path("cni.confDir", m_c.cni.confDir, false);
        path("cni.binDir", m_c.cni.binDir, false);
        path("cni.subnetEnv", m_c.cni.subnetEnv, true);
        path("membership.keyFile", m_c.membership.keyFile, true);
        path("statusFile", m_c.statusFile, true);
    }

    void path(const std::string &key, const std::string &value, bool isFile)
    {
        if (!ok(key))
            return;
        std::string why;
        if (value.empty() || value.front() != '/')
            why = "it must be an absolute path";
        else if (std::any_of(value.begin(), value.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
            why = "it holds a control character";
        else if (value.size() > 4095)
            why = "it is longer than 4095 bytes";
        else if (isFile && value.back() == '/')
            why = "it names a directory, not a file";
        if (!why.empty())
            error("agent-path-invalid", key + ": " + quoteForMessage(value) + ": " + why, key);
    }

    static std::string indexed(std::size_t i) { return "peers[" + std::to_string(i) + "]"; }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    YamlReader &m_r;
    const model::SourceMap &m_sources;
    const std::set<std::string> &m_unread;
    const AgentConfig &m_c;
};

} // namespace

bool isUnicastMac(std::string_view text, std::string *why)
{
    auto fail = [why](std::string_view reason) {
        if (why)
            *why = std::string(reason);
        return false;
    };
    if (text.size() != 17)
        return fail(macShape);
    std::array<unsigned, 6> bytes{};
    for (std::size_t i = 0; i < 6; ++i) {
        const char hi = text[3 * i], lo = text[3 * i + 1];
        if (!isHexDigit(hi) || !isHexDigit(lo) || (i < 5 && text[3 * i + 2] != ':'))
            return fail(macShape);
        auto value = [](char c) {
            return static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        };
        bytes[i] = value(hi) << 4 | value(lo);
    }
    if (bytes[0] & 1)
        return fail("the first byte is odd, which makes it a multicast address");
    if (std::all_of(bytes.begin(), bytes.end(), [](unsigned b) { return b == 0; }))
        return fail("the all-zero address is not a valid Ethernet address");
    return true;
}

void checkAgentConfig(YamlReader &reader, const model::SourceMap &sources,
    const std::set<std::string> &unread, const model::AgentConfig &config)
{
    Checker(reader, sources, unread, config).run();
}

} // namespace k3snet::io
