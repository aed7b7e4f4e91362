// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/net/addressset.h"

#include <climits>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace k3snet::ipam {

// MetalLB's avoidBuggyIPs: an IPv4 address ending in .0 or .255.
inline bool isBuggyIP(const net::Address &a)
{
    return a.isV4() && (a.lastOctet() == 0 || a.lastOctet() == 255);
}

// One IPAddressPool as the allocator reads it: its entries in configured order (the order
// MetalLB scans them), the addresses they cover, and the namespaces its serviceAllocation
// resolves to. Entries that do not parse are skipped; the pool rules report them.
struct CatalogPool
{
    const model::IPAddressPool *spec = nullptr;
    std::string name;
    std::vector<net::Range> entries;
    net::AddressSet addresses;
    bool autoAssign = true;
    bool avoidBuggyIPs = false;
    bool hasAllocation = false; // serviceAllocation is present
    std::set<std::string> namespaces; // namespaces ∪ namespaces matched by namespaceSelectors
    bool matchesAll = false; // serviceAllocation pins nothing: an implicit match-all
    int priorityRank = INT_MAX; // priority when positive; 0, unset (and negative) sort last

    bool hasFamily(net::Family f) const;
    // Whether the pool hands out a: contained, and not a .0/.255 when it avoids those.
    bool holds(const net::Address &a) const
    {
        return addresses.contains(a) && !(avoidBuggyIPs && isBuggyIP(a));
    }
    net::Count size(net::Family f) const { return addresses.size(f); }
    // Addresses the pool hands out: its size less the .0/.255 it avoids.
    net::Count usable(net::Family f) const;
};

// The pools of a project, indexed for MetalLB's allocation questions: which pool owns an
// address, whether a pool admits a service, and in which order automatic allocation tries
// them. Pools keep the project's order, which breaks every tie MetalLB leaves open.
class PoolCatalog
{
public:
    explicit PoolCatalog(const model::Project &project);

    const std::vector<CatalogPool> &pools() const { return m_pools; }
    const CatalogPool &operator[](std::size_t i) const { return m_pools[i]; }
    bool isEmpty() const { return m_pools.empty(); }
    // Index of the pool named name, or npos.
    std::size_t find(const std::string &name) const;
    // MetalLB's poolFor: the first pool holding every address, or npos.
    std::size_t poolFor(const std::vector<net::Address> &ips) const;
    // Other pools that overlap pool i (an invalid configuration, but it must not corrupt).
    const std::vector<std::size_t> &overlapping(std::size_t i) const { return m_overlapping[i]; }

    // MetalLB's isPoolCompatibleWithService; why says what keeps the service out.
    bool admits(std::size_t pool, const model::Service &svc, std::string *why = nullptr) const;
    // Whether automatic allocation tries the pool for svc before the generic fallback: its
    // namespaces hold the service's namespace, or it selects services (explicitly or
    // implicitly). Does not look at autoAssign nor at admission.
    bool pins(std::size_t pool, const model::Service &svc) const;
    // The pinned pools for svc that have autoAssign and admit it, by priority (1, 2, ..., then
    // 0/unset), ties in project order.
    std::vector<std::size_t> pinnedFor(const model::Service &svc) const;
    // The generic fallback: autoAssign pools without any serviceAllocation, in project order.
    const std::vector<std::size_t> &fallback() const { return m_fallback; }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    std::vector<CatalogPool> m_pools;
    std::vector<std::vector<std::size_t>> m_overlapping;
    std::vector<std::size_t> m_fallback;
};

} // namespace k3snet::ipam
