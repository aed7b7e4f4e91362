// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/rules/networkrules.h"

#include <map>

namespace k3snet::rules {

namespace {

const ObjectRef net(const char *field)
{
    return ObjectRef{"Network", field};
}

} // namespace

bool isDns1123Subdomain(const std::string &name, std::string *why)
{
    auto fail = [why](std::string reason) {
        if (why)
            *why = std::move(reason);
        return false;
    };
    if (name.empty())
        return fail("name is empty");
    if (name.size() > 253)
        return fail("longer than 253 characters");
    std::size_t labelStart = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '.') {
            std::size_t len = i - labelStart;
            if (len == 0)
                return fail("empty label between dots");
            if (len > 63)
                return fail("a label is longer than 63 characters");
            char first = name[labelStart];
            char last = name[i - 1];
            auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
            if (!alnum(first) || !alnum(last))
                return fail("must start and end with a lowercase letter or digit");
            labelStart = i + 1;
            continue;
        }
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            return fail("contains uppercase letters (Kubernetes names are lowercase)");
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return fail(std::string("contains '") + c + "' (allowed: a-z, 0-9, '-' and '.')");
    }
    return true;
}

bool isInterfaceName(const std::string &name)
{
    if (name.empty() || name.size() > 15 || name == "." || name == "..")
        return false;
    for (char c : name)
        if (c == '/' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\0')
            return false;
    return true;
}

void checkNetwork(RuleContext &ctx)
{
    const auto &n = ctx.project().network;
    const bool haveLan = n.lan.subnet.length() > 0 || n.lan.subnet.network().value() != 0;

    if (n.clusterCIDR.overlaps(n.serviceCIDR))
        ctx.error("cluster-cidr-overlaps-service-cidr",
                  "cluster CIDR " + n.clusterCIDR.toString() + " overlaps service CIDR " + n.serviceCIDR.toString()
                      + ": pod and service addresses would collide",
                  {net("clusterCIDR"), net("serviceCIDR")}, "network.serviceCIDR");
    if (haveLan && n.clusterCIDR.overlaps(n.lan.subnet))
        ctx.error("cluster-cidr-overlaps-lan",
                  "cluster CIDR " + n.clusterCIDR.toString() + " overlaps the LAN " + n.lan.subnet.toString()
                      + ": pods could not reach hosts on the LAN",
                  {net("clusterCIDR"), net("lan.subnet")}, "network.clusterCIDR");
    if (haveLan && n.serviceCIDR.overlaps(n.lan.subnet))
        ctx.error("service-cidr-overlaps-lan",
                  "service CIDR " + n.serviceCIDR.toString() + " overlaps the LAN " + n.lan.subnet.toString()
                      + ": service IPs would shadow LAN hosts",
                  {net("serviceCIDR"), net("lan.subnet")}, "network.serviceCIDR");
    if (!n.serviceCIDR.contains(n.clusterDNS))
        ctx.error("cluster-dns-outside-service-cidr",
                  "cluster DNS " + n.clusterDNS.toString() + " is outside the service CIDR " + n.serviceCIDR.toString()
                      + " (k3s gives CoreDNS this ClusterIP, so it must be a service address)",
                  {net("clusterDNS"), net("serviceCIDR")}, "network.clusterDNS");
    else if (n.clusterDNS == n.serviceCIDR.network())
        ctx.error("cluster-dns-outside-service-cidr",
                  "cluster DNS " + n.clusterDNS.toString() + " is the network address of the service CIDR "
                      + n.serviceCIDR.toString() + ", which Kubernetes never assigns",
                  {net("clusterDNS")}, "network.clusterDNS");
    // kube-apiserver refuses larger service ranges (20 host bits for IPv6 as well).
    const int maxHostBits = 20;
    if (n.serviceCIDR.network().bits() - n.serviceCIDR.length() > maxHostBits)
        ctx.error("service-cidr-too-large",
                  "service CIDR " + n.serviceCIDR.toString() + " is larger than Kubernetes accepts (at most /"
                      + std::to_string(n.serviceCIDR.network().bits() - maxHostBits) + ")",
                  {net("serviceCIDR")}, "network.serviceCIDR");

    const int mtu = n.effectiveVxlanMtu();
    if (n.vxlan.mtu > 0 && n.vxlan.mtu > n.lan.mtu - model::ClusterNetwork::vxlanOverhead)
        ctx.error("vxlan-mtu-exceeds-lan",
                  "VXLAN MTU " + std::to_string(n.vxlan.mtu) + " leaves no room for VXLAN's 50 bytes on a LAN MTU of "
                      + std::to_string(n.lan.mtu) + " (at most " + std::to_string(n.lan.mtu - 50)
                      + "); large pod packets would be dropped",
                  {net("vxlan.mtu")}, "network.vxlan.mtu");
    if (mtu < 68)
        ctx.error("vxlan-mtu-too-small",
                  "VXLAN MTU would be " + std::to_string(mtu) + " (LAN MTU " + std::to_string(n.lan.mtu)
                      + " minus VXLAN's 50 bytes); IPv4 needs at least 68",
                  {net("lan.mtu")}, n.vxlan.mtu > 0 ? "network.vxlan.mtu" : "network.lan.mtu");
    if (n.vxlan.vni == 0 || n.vxlan.vni > 0xffffff)
        ctx.error("vxlan-vni-invalid",
                  "VXLAN VNI " + std::to_string(n.vxlan.vni) + " is outside 1..16777215",
                  {net("vxlan.vni")}, "network.vxlan.vni");
    if (n.vxlan.port == 0)
        ctx.error("vxlan-port-invalid", "VXLAN UDP port 0 is not a port", {net("vxlan.port")}, "network.vxlan.port");

    if (haveLan && !n.lan.subnet.contains(n.lan.gateway))
        ctx.error("gateway-outside-lan",
                  "gateway " + n.lan.gateway.toString() + " is outside the LAN " + n.lan.subnet.toString(),
                  {net("lan.gateway")}, "network.lan.gateway");
    std::string why;
    if (!isDns1123Subdomain(n.clusterDomain, &why))
        ctx.error("cluster-domain-invalid", "cluster domain \"" + n.clusterDomain + "\" is not a DNS name: " + why,
                  {net("clusterDomain")}, "network.clusterDomain");
    if (!isInterfaceName(n.lan.interface))
        ctx.error("interface-name-invalid",
                  "LAN interface \"" + n.lan.interface + "\" is not a Linux interface name (1 to 15 characters, no '/', ':' or spaces)",
                  {net("lan.interface")}, "network.lan.interface");
}

void checkNodes(RuleContext &ctx)
{
    const auto &p = ctx.project();
    const auto &lan = p.network.lan;
    std::map<std::string, std::string> byName;
    std::map<net::Address, std::string> byIP;
    for (const auto &node : p.nodes) {
        const ObjectRef ref{"Node", node.name};
        const std::string path = "nodes/" + node.name;
        std::string why;
        if (!isDns1123Subdomain(node.name, &why))
            ctx.error("node-name-invalid",
                      "node name \"" + node.name + "\" would be rejected by Kubernetes: " + why, {ref}, path + ".name");
        if (!byName.emplace(node.name, node.name).second)
            ctx.error("node-name-duplicate", "node name \"" + node.name + "\" is used twice", {ref}, path);

        if (lan.subnet.family() != node.lanIP.family() || !lan.subnet.contains(node.lanIP)) {
            ctx.error("node-ip-outside-lan",
                      "node " + node.name + ": LAN IP " + node.lanIP.toString() + " is outside the LAN "
                          + lan.subnet.toString(),
                      {ref}, path + ".lanIP");
        } else if (node.lanIP == lan.gateway) {
            ctx.error("node-ip-is-gateway",
                      "node " + node.name + ": LAN IP " + node.lanIP.toString() + " is the LAN gateway",
                      {ref}, path + ".lanIP");
        } else if (node.lanIP.isV4() && lan.subnet.length() < 31
                   && (node.lanIP == lan.subnet.network() || node.lanIP == lan.subnet.last())) {
            ctx.error("node-ip-reserved",
                      "node " + node.name + ": LAN IP " + node.lanIP.toString() + " is the "
                          + (node.lanIP == lan.subnet.network() ? "network" : "broadcast") + " address of "
                          + lan.subnet.toString(),
                      {ref}, path + ".lanIP");
        }
        auto [it, fresh] = byIP.emplace(node.lanIP, node.name);
        if (!fresh)
            ctx.error("node-ip-duplicate",
                      "node " + node.name + ": LAN IP " + node.lanIP.toString() + " is also node " + it->second + "'s",
                      {ref, {"Node", it->second}}, path + ".lanIP");
        if (!node.interface.empty() && !isInterfaceName(node.interface))
            ctx.error("interface-name-invalid",
                      "node " + node.name + ": interface \"" + node.interface + "\" is not a Linux interface name",
                      {ref}, path + ".interface");
    }
}

} // namespace k3snet::rules
