// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"

#include <QtTest>

#include <string>
#include <vector>

// Projects built in memory for the project file tests: one that sets every field of the format,
// and one full of strings that YAML would misread unless they are quoted or escaped.
namespace projectfiletestdata {

using namespace k3snet;

inline net::Address ip(const char *text)
{
    auto a = net::Address::parse(text);
    if (!a)
        qFatal("bad test address %s", text);
    return *a;
}

inline net::Prefix cidr(const char *text)
{
    auto p = net::Prefix::parse(text);
    if (!p)
        qFatal("bad test prefix %s", text);
    return *p;
}

inline model::LabelSelector selector(
    model::Labels matchLabels, std::vector<model::LabelSelectorRequirement> expressions = {})
{
    return model::LabelSelector{std::move(matchLabels), std::move(expressions)};
}

// A project that sets every field the file format has, most to non-default values.
inline model::Project fullProject()
{
    model::Project p;
    p.name = "full";
    p.description = "Every field: LAN 192.0.2.0/24, IPv6 services.";
    p.network.clusterCIDR = cidr("10.52.0.0/16");
    p.network.serviceCIDR = cidr("fd00:43::/112");
    p.network.clusterDNS = ip("fd00:43::a");
    p.network.clusterDomain = "pi.internal";
    p.network.nodeCIDRMaskSize = 25;
    p.network.vxlan = {42, 4789, 1400};
    p.network.lan = {cidr("192.0.2.0/24"), ip("192.0.2.1"), "end0", 9000};

    model::Node n1;
    n1.name = "pi1";
    n1.role = model::NodeRole::Server;
    n1.lanIP = ip("192.0.2.11");
    n1.interface = "eth1";
    n1.labels = {{"kubernetes.io/arch", "arm64"}, {"zone", "shelf-1"}};
    n1.ssh = {"pi1.lan", 2222, "admin"};
    n1.podCIDR = cidr("10.52.3.0/25");
    model::Node n2;
    n2.name = "pi2";
    n2.lanIP = ip("2001:db8::12");
    p.nodes = {n1, n2};

    p.namespaces = {{"default", {}}, {"web", {{"team", "a"}, {"tier", "front"}}}};

    model::IPAddressPool pool;
    pool.name = "lan";
    pool.namespaceName = "lb";
    pool.labels = {{"env", "prod"}};
    pool.annotations = {{"note", "a: colon, #hash"}};
    pool.addresses = {"192.0.2.100-192.0.2.150", "192.0.2.160/28", "not an address"};
    pool.autoAssign = false;
    pool.avoidBuggyIPs = true;
    model::IPAddressPool::ServiceAllocation alloc;
    alloc.priority = -5;
    alloc.namespaces = {"web", "default"};
    alloc.namespaceSelectors = {selector({{"team", "a"}})};
    alloc.serviceSelectors
        = {selector({}, {{"app", "In", {"web", "api"}}, {"canary", "DoesNotExist", {}}}),
            selector({})};
    pool.serviceAllocation = alloc;
    model::IPAddressPool emptyAlloc;
    emptyAlloc.name = "spare";
    emptyAlloc.serviceAllocation = model::IPAddressPool::ServiceAllocation{};
    p.pools = {pool, emptyAlloc};

    model::L2Advertisement l2;
    l2.name = "l2";
    l2.namespaceName = "lb";
    l2.labels = {{"a", "1"}};
    l2.annotations = {{"b", "2"}};
    l2.ipAddressPools = {"lan"};
    l2.ipAddressPoolSelectors = {selector({{"env", "prod"}})};
    l2.nodeSelectors
        = {selector({{"kubernetes.io/hostname", "pi1"}}), selector({}, {{"zone", "NotIn", {"x"}}})};
    l2.interfaces = {"eth0", "wlan0"};
    l2.serviceSelectors = {selector({{"expose", "l2"}})};
    model::L2Advertisement bareL2;
    bareL2.name = "bare";
    p.l2Advertisements = {l2, bareL2};

    model::Service s;
    s.namespaceName = "web";
    s.name = "shop";
    s.type = "LoadBalancer";
    s.labels = {{"app", "shop"}};
    s.annotations
        = {{"metallb.io/address-pool", "lan"}, {"metallb.io/loadBalancerIPs", "192.0.2.101"}};
    s.selector = {{"app", "shop"}};
    s.ports = {{"http", "TCP", 80, 30080}, {"", "UDP", 5353, 0}};
    s.clusterIP = "None";
    s.clusterIPs = {"10.43.0.20", "fd00:43::20"};
    s.loadBalancerIP = "192.0.2.101";
    s.externalTrafficPolicy = "Local";
    s.ipFamilyPolicy = "PreferDualStack";
    s.ipFamilies = {"IPv4", "IPv6"};
    s.ingressIPs = {"192.0.2.101"};
    s.creationTimestamp = "2024-05-01T12:00:00Z";
    model::Service bare;
    bare.name = "bare";
    p.services = {s, bare};
    return p;
}

// Strings that YAML would read as something else, or that need quoting or escapes.
inline model::Project awkwardStrings()
{
    const std::vector<std::string> texts = {"null", "~", "", "Null", "true", "false", "yes", "123",
        "0x1F", "1e3", "-", " lead", "trail ", "a: b", "- x", "#x", "x #y", "'q", "\"dq", "*a",
        "&a", "!t", "%p", "@x", "`x", "{x", "[x", "?", ":", "multi\nline", "tab\there",
        "back\\slash", "Grüße ☃", "ctl\x01", "very long " + std::string(300, 'x')};
    model::Project p;
    p.name = "awkward";
    p.description = "multi\nline\n";
    model::Node n;
    n.name = "n";
    n.lanIP = ip("10.0.0.1");
    for (std::size_t i = 0; i < texts.size(); ++i)
        n.labels["k" + std::to_string(i) + texts[i]] = texts[i];
    p.nodes.push_back(n);
    model::IPAddressPool pool;
    pool.name = "p";
    pool.addresses = texts;
    p.pools.push_back(pool);
    return p;
}

} // namespace projectfiletestdata
