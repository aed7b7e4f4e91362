// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/rules/l2rules.h"

#include "domain/rules/poolrules.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace k3snet::rules {

namespace {

// Built by appending: GCC 12 warns (-Wrestrict, a false positive) on "\"" + s + "\"".
std::string quoted(std::string_view text)
{
    std::string q;
    q.reserve(text.size() + 2);
    q.append(1, '"').append(text).append(1, '"');
    return q;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

bool anyMatches(const std::vector<model::LabelSelector> &selectors, const model::Labels &labels)
{
    return std::any_of(selectors.begin(), selectors.end(),
        [&](const model::LabelSelector &s) { return s.matches(labels); });
}

// Which nodes may announce for the advertisement, and whether they have its interfaces.
void checkEligibleNodes(RuleContext &ctx, const model::L2Advertisement &ad, const std::string &base,
    const std::string &owner, const std::vector<ObjectRef> &objects)
{
    const auto &p = ctx.project();
    std::vector<const model::Node *> eligible;
    for (const auto &node : p.nodes)
        if (ad.nodeSelectors.empty() || anyMatches(ad.nodeSelectors, node.labels))
            eligible.push_back(&node);
    if (!ad.nodeSelectors.empty() && eligible.empty()) {
        ctx.warning("l2-no-eligible-node",
            owner + ": its nodeSelectors match none of the project's "
                + std::to_string(p.nodes.size())
                + " nodes, so no node announces the IPs of its pools",
            objects, base + ".nodeSelectors");
        return;
    }
    if (ad.interfaces.empty() || eligible.empty())
        return;

    std::set<std::string> present; // listed interfaces some eligible node has
    std::set<std::string> available; // interfaces of the eligible nodes
    std::vector<std::string> lacking; // eligible nodes with none of the listed interfaces
    for (const auto *node : eligible) {
        const std::string &iface
            = node->interface.empty() ? p.network.lan.interface : node->interface;
        available.insert(iface);
        if (std::find(ad.interfaces.begin(), ad.interfaces.end(), iface) != ad.interfaces.end())
            present.insert(iface);
        else
            lacking.push_back(node->name);
    }
    for (std::size_t j = 0; j < ad.interfaces.size(); ++j) {
        if (present.count(ad.interfaces[j]))
            continue;
        ctx.warning("l2-interface-unknown",
            owner + ": interface " + quoted(ad.interfaces[j])
                + " is on none of the nodes that may announce (they use "
                + joined({available.begin(), available.end()}) + "), so nothing is announced on it",
            objects, base + ".interfaces[" + std::to_string(j) + "]");
    }
    if (!lacking.empty() && lacking.size() < eligible.size())
        ctx.warning("l2-interface-unknown",
            owner + (lacking.size() == 1 ? ": node " : ": nodes ") + joined(lacking)
                + (lacking.size() == 1 ? " may announce but has" : " may announce but have")
                + " none of its interfaces (" + joined(ad.interfaces)
                + "); when MetalLB elects such a node, the IP is not announced (event "
                  "announceFailed). Restrict nodeSelectors to nodes with these interfaces",
            objects, base + ".interfaces");
}

} // namespace

void checkL2Advertisements(RuleContext &ctx)
{
    const auto &p = ctx.project();
    std::set<std::string> poolNames;
    for (const auto &pool : p.pools)
        poolNames.insert(pool.name);

    bool announcesAll = false;
    std::set<std::string> announced;
    for (std::size_t i = 0; i < p.l2Advertisements.size(); ++i) {
        const auto &ad = p.l2Advertisements[i];
        const std::string base = ad.name.empty() ? "l2Advertisements[" + std::to_string(i) + "]"
                                                 : "l2Advertisements/" + ad.name;
        const std::string owner = ad.name.empty() ? "L2Advertisement #" + std::to_string(i + 1)
                                                  : "L2Advertisement " + quoted(ad.name);
        const std::vector<ObjectRef> objects{{"L2Advertisement", ad.name}};

        if (ad.name.empty())
            ctx.error("l2-name-missing",
                owner + " has no name; Kubernetes does not accept an object without one", objects,
                base);
        const bool inMetallb = ad.namespaceName == metallbNamespace;
        if (!inMetallb)
            ctx.error("wrong-namespace",
                owner
                    + (ad.namespaceName.empty() ? " has no namespace"
                                                : " is in namespace " + quoted(ad.namespaceName))
                    + "; MetalLB only reads advertisements in " + quoted(metallbNamespace)
                    + " and its webhook rejects others, so it announces nothing",
                objects, base + ".namespace");

        std::set<std::string> listed;
        for (std::size_t j = 0; j < ad.ipAddressPools.size(); ++j) {
            const auto &name = ad.ipAddressPools[j];
            const std::string at = base + ".ipAddressPools[" + std::to_string(j) + "]";
            if (!listed.insert(name).second)
                ctx.error("l2-duplicate-pool",
                    owner + ": pool " + quoted(name)
                        + " is listed twice in ipAddressPools; MetalLB rejects duplicates",
                    objects, at);
            else if (!poolNames.count(name))
                ctx.warning("l2-unknown-pool",
                    owner + ": ipAddressPools names pool " + quoted(name)
                        + ", which does not exist; MetalLB silently ignores the name",
                    {objects.front(), {"IPAddressPool", name}}, at);
        }
        checkSelectorList(ctx, ad.ipAddressPoolSelectors, base + ".ipAddressPoolSelectors", owner,
            "l2-duplicate-selector", objects);
        checkSelectorList(ctx, ad.nodeSelectors, base + ".nodeSelectors", owner,
            "l2-duplicate-selector", objects);
        checkSelectorList(ctx, ad.serviceSelectors, base + ".serviceSelectors", owner,
            "l2-duplicate-selector", objects);

        // Neither names nor selectors: every pool. A selector that matches nothing selects
        // nothing; MetalLB does not fall back to all pools then.
        if (inMetallb) {
            if (ad.ipAddressPools.empty() && ad.ipAddressPoolSelectors.empty())
                announcesAll = true;
            announced.insert(ad.ipAddressPools.begin(), ad.ipAddressPools.end());
            for (const auto &pool : p.pools)
                if (anyMatches(ad.ipAddressPoolSelectors, pool.labels))
                    announced.insert(pool.name);
        }
        checkEligibleNodes(ctx, ad, base, owner, objects);
    }

    const bool haveBgp = std::any_of(p.preserved.begin(), p.preserved.end(),
        [](const model::PreservedObject &o) { return o.kind == "BGPAdvertisement"; });
    if (announcesAll || haveBgp)
        return;
    for (const auto &pool : p.pools) {
        if (pool.name.empty() || pool.namespaceName != metallbNamespace
            || announced.count(pool.name))
            continue;
        ctx.warning("pool-not-advertised",
            "pool " + quoted(pool.name)
                + " is selected by no L2Advertisement: MetalLB assigns its IPs to services but "
                  "no node announces them, so they are unreachable",
            {{"IPAddressPool", pool.name}}, "pools/" + pool.name);
    }
}

} // namespace k3snet::rules
