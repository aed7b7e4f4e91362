// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ipam/podsubnetallocator.h"

#include "domain/net/addressset.h"

namespace k3snet::ipam {

namespace {

using rules::Diagnostic;
using rules::Severity;

// The lowest subnet of `length` inside `within` that does not overlap `taken`.
std::optional<net::Prefix> lowestFree(const net::Prefix &within, int length, const net::AddressSet &taken)
{
    auto candidate = within.subnet(length, 0);
    while (candidate && within.contains(*candidate)) {
        auto free = taken.firstFreeAtOrAfter(candidate->network());
        if (!free || !within.contains(*free))
            return std::nullopt;
        // Align the free address up to the next subnet boundary.
        net::Prefix aligned(*free, length);
        if (aligned.network() < *free) {
            auto after = aligned.last().next();
            if (!after)
                return std::nullopt;
            aligned = net::Prefix(*after, length);
        }
        if (!within.contains(aligned))
            return std::nullopt;
        if (!taken.overlaps(aligned.range()))
            return aligned;
        // Something inside the aligned subnet is taken: try the next subnet.
        auto after = aligned.last().next();
        if (!after)
            return std::nullopt;
        candidate = net::Prefix(*after, length);
    }
    return std::nullopt;
}

} // namespace

PodSubnets allocatePodSubnets(const model::ClusterNetwork &network,
                              const std::vector<model::Node> &nodes,
                              const std::map<std::string, net::Prefix> &previous)
{
    PodSubnets out;
    const net::Prefix &cluster = network.clusterCIDR;
    const int mask = network.nodeCIDRMaskSize;
    if (mask < cluster.length() || mask > cluster.network().bits()) {
        out.diagnostics.push_back(Diagnostic{
            Severity::Error, "node-cidr-mask-invalid",
            "node CIDR mask size /" + std::to_string(mask) + " does not fit the cluster CIDR "
                + cluster.toString() + " (it must be between /" + std::to_string(cluster.length())
                + " and /" + std::to_string(cluster.network().bits()) + ")",
            {{"Network", "nodeCIDRMaskSize"}}, {}});
        return out;
    }

    net::AddressSet taken;
    std::map<std::string, std::string> owner; // subnet text -> node, for conflict messages
    std::vector<const model::Node *> unassigned;

    auto claim = [&](const model::Node &n, const net::Prefix &p) {
        taken.add(p);
        owner[p.toString()] = n.name;
        out.byNode[n.name] = p;
    };

    // Pinned subnets first: they are the user's word.
    for (const auto &n : nodes) {
        if (!n.podCIDR)
            continue;
        const auto &p = *n.podCIDR;
        if (!cluster.contains(p)) {
            out.diagnostics.push_back(Diagnostic{
                Severity::Error, "pod-subnet-outside-cluster-cidr",
                "node " + n.name + ": pod subnet " + p.toString() + " is not inside the cluster CIDR "
                    + cluster.toString(),
                {{"Node", n.name}}, {}});
            continue;
        }
        if (p.length() != mask) {
            out.diagnostics.push_back(Diagnostic{
                Severity::Error, "pod-subnet-wrong-size",
                "node " + n.name + ": pod subnet " + p.toString() + " is a /" + std::to_string(p.length())
                    + " but the node CIDR mask size is /" + std::to_string(mask),
                {{"Node", n.name}}, {}});
            continue;
        }
        if (taken.overlaps(p.range())) {
            std::string other;
            for (const auto &[subnet, name] : owner)
                if (net::Prefix::parse(subnet)->overlaps(p))
                    other = name;
            out.diagnostics.push_back(Diagnostic{
                Severity::Error, "pod-subnet-conflict",
                "node " + n.name + ": pod subnet " + p.toString() + " is already used by node " + other,
                {{"Node", n.name}, {"Node", other}}, {}});
            continue;
        }
        claim(n, p);
    }

    // Then what earlier plans assigned, if it still fits.
    for (const auto &n : nodes) {
        if (n.podCIDR)
            continue;
        auto it = previous.find(n.name);
        if (it != previous.end() && cluster.contains(it->second) && it->second.length() == mask
            && !taken.overlaps(it->second.range()))
            claim(n, it->second);
        else
            unassigned.push_back(&n);
    }

    // New nodes get the lowest free subnets.
    std::vector<std::string> starved;
    for (const auto *n : unassigned) {
        if (auto p = lowestFree(cluster, mask, taken))
            claim(*n, *p);
        else
            starved.push_back(n->name);
    }
    if (!starved.empty()) {
        std::string names;
        std::vector<rules::ObjectRef> refs;
        for (const auto &s : starved) {
            names += (names.empty() ? "" : ", ") + s;
            refs.push_back({"Node", s});
        }
        auto capacity = net::Count::pow2(mask - cluster.length());
        out.diagnostics.push_back(Diagnostic{
            Severity::Error, "cluster-cidr-exhausted",
            "cluster CIDR " + cluster.toString() + " holds " + capacity.toString() + " pod subnets of /"
                + std::to_string(mask) + " but " + std::to_string(nodes.size())
                + " nodes need one each; no subnet left for: " + names
                + " (use a larger cluster CIDR or a longer node CIDR mask)",
            refs, {}});
    }
    return out;
}

} // namespace k3snet::ipam
