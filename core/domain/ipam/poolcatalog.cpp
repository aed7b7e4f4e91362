// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ipam/poolcatalog.h"

#include <algorithm>

namespace k3snet::ipam {

namespace {

// How many addresses in [lo, hi] (IPv4 values) end in .0 or .255.
net::u128 buggyCount(net::u128 lo, net::u128 hi)
{
    // Values <= x ending in .0: x / 256 + 1; ending in .255: (x + 1) / 256.
    auto upTo = [](net::u128 x) { return (x / 256 + 1) + (x + 1) / 256; };
    return upTo(hi) - (lo == 0 ? 0 : upTo(lo - 1));
}

std::string joined(const std::set<std::string> &names)
{
    std::string s;
    for (const auto &n : names)
        s += (s.empty() ? "" : ", ") + n;
    return s;
}

} // namespace

bool CatalogPool::hasFamily(net::Family f) const
{
    return std::any_of(
        entries.begin(), entries.end(), [f](const net::Range &r) { return r.family() == f; });
}

net::Count CatalogPool::usable(net::Family f) const
{
    net::Count n = addresses.size(f);
    if (avoidBuggyIPs && f == net::Family::V4) {
        net::Count buggy;
        for (const auto &r : addresses.ranges())
            if (r.family() == net::Family::V4)
                buggy += buggyCount(r.first().value(), r.last().value());
        n -= buggy;
    }
    return n;
}

PoolCatalog::PoolCatalog(const model::Project &project)
{
    for (const auto &spec : project.pools) {
        CatalogPool p;
        p.spec = &spec;
        p.name = spec.name;
        p.autoAssign = spec.isAutoAssign();
        p.avoidBuggyIPs = spec.isAvoidBuggyIPs();
        for (const auto &entry : spec.addresses) {
            if (auto r = net::Range::parsePoolEntry(entry)) {
                p.entries.push_back(*r);
                p.addresses.add(*r);
            }
        }
        if (const auto &sa = spec.serviceAllocation) {
            p.hasAllocation = true;
            p.namespaces.insert(sa->namespaces.begin(), sa->namespaces.end());
            for (const auto &sel : sa->namespaceSelectors)
                for (const auto &ns : project.namespaces)
                    if (sel.matches(ns.labels))
                        p.namespaces.insert(ns.name);
            // Go cannot tell `priority: 0` from no priority, so any serviceAllocation that names
            // no namespace and selects no service gets MetalLB's implicit match-all selector.
            p.matchesAll = sa->namespaces.empty() && sa->namespaceSelectors.empty()
                && sa->serviceSelectors.empty();
            if (sa->priority && *sa->priority > 0)
                p.priorityRank = *sa->priority;
        }
        m_pools.push_back(std::move(p));
    }
    m_overlapping.resize(m_pools.size());
    for (std::size_t i = 0; i < m_pools.size(); ++i) {
        for (std::size_t j = i + 1; j < m_pools.size(); ++j) {
            if (m_pools[i].addresses.overlaps(m_pools[j].addresses)) {
                m_overlapping[i].push_back(j);
                m_overlapping[j].push_back(i);
            }
        }
        if (m_pools[i].autoAssign && !m_pools[i].hasAllocation)
            m_fallback.push_back(i);
    }
}

std::size_t PoolCatalog::find(const std::string &name) const
{
    for (std::size_t i = 0; i < m_pools.size(); ++i)
        if (m_pools[i].name == name)
            return i;
    return npos;
}

std::size_t PoolCatalog::poolFor(const std::vector<net::Address> &ips) const
{
    for (std::size_t i = 0; i < m_pools.size(); ++i)
        if (!ips.empty() && std::all_of(ips.begin(), ips.end(), [&](const auto &ip) {
                return m_pools[i].holds(ip);
            }))
            return i;
    return npos;
}

bool PoolCatalog::admits(std::size_t pool, const model::Service &svc, std::string *why) const
{
    const CatalogPool &p = m_pools[pool];
    if (!p.hasAllocation)
        return true;
    // An empty resolved set (namespaceSelectors that match nothing) restricts nothing.
    if (!p.namespaces.empty() && !p.namespaces.count(svc.namespaceName)) {
        if (why)
            *why = "admits only namespace" + std::string(p.namespaces.size() > 1 ? "s " : " ")
                + joined(p.namespaces)
                + (p.spec->serviceAllocation->namespaceSelectors.empty()
                        ? ""
                        : " (from namespaces and namespaceSelectors)")
                + ", not " + svc.namespaceName;
        return false;
    }
    const auto &selectors = p.spec->serviceAllocation->serviceSelectors;
    if (!selectors.empty() && std::none_of(selectors.begin(), selectors.end(), [&](const auto &s) {
            return s.matches(svc.labels);
        })) {
        if (why) {
            std::string list;
            for (const auto &s : selectors)
                list += (list.empty() ? "" : " or ") + s.toString();
            std::string labels;
            for (const auto &[k, v] : svc.labels)
                labels += (labels.empty() ? "" : ",") + k + "=" + v;
            *why = "admits only services labelled " + list + " (" + svc.key() + " has "
                + (labels.empty() ? std::string("no labels") : "labels " + labels) + ")";
        }
        return false;
    }
    return true;
}

bool PoolCatalog::pins(std::size_t pool, const model::Service &svc) const
{
    const CatalogPool &p = m_pools[pool];
    return p.hasAllocation
        && (p.matchesAll || p.namespaces.count(svc.namespaceName)
            || !p.spec->serviceAllocation->serviceSelectors.empty());
}

std::vector<std::size_t> PoolCatalog::pinnedFor(const model::Service &svc) const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m_pools.size(); ++i)
        if (m_pools[i].autoAssign && pins(i, svc) && admits(i, svc))
            out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [this](std::size_t a, std::size_t b) {
        return m_pools[a].priorityRank < m_pools[b].priorityRank;
    });
    return out;
}

} // namespace k3snet::ipam
