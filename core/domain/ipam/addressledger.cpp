// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ipam/addressledger.h"

#include <algorithm>

namespace k3snet::ipam {

namespace {

std::string holderList(const std::vector<std::string> &holders)
{
    std::string s;
    for (const auto &h : holders)
        s += (s.empty() ? "" : ", ") + h;
    return s;
}

std::string backendText(const std::string &key)
{
    return key.empty() ? std::string("none (externalTrafficPolicy: Cluster)")
                       : "\"" + key + "\" (externalTrafficPolicy: Local)";
}

} // namespace

AddressLedger::AddressLedger(const PoolCatalog &catalog)
    : m_catalog(catalog)
    , m_taken(catalog.pools().size())
    , m_byPool(catalog.pools().size())
{
}

const AddressLedger::Use *AddressLedger::find(const net::Address &ip) const
{
    auto it = m_uses.find(ip);
    return it == m_uses.end() ? nullptr : &it->second;
}

std::optional<std::string> AddressLedger::refusal(
    const net::Address &ip, const ServiceRequest &r) const
{
    const Use *use = find(ip);
    if (!use)
        return std::nullopt;
    const std::string heldBy = ip.toString() + " is held by " + holderList(use->holders);
    if (use->sharingKey.empty())
        return heldBy + ", which does not allow sharing (no " + annotationAllowSharedIP
            + " annotation)";
    if (r.sharingKey.empty())
        return heldBy + ", and this service has no " + annotationAllowSharedIP + " key to share it";
    if (use->sharingKey != r.sharingKey)
        return heldBy + " under sharing key \"" + use->sharingKey
            + "\", which differs from this service's key \"" + r.sharingKey + "\"";
    if (use->backendKey != r.backendKey)
        return heldBy + ", but the backend key differs: " + backendText(use->backendKey)
            + " there, " + backendText(r.backendKey)
            + " here (services sharing an address need the same traffic policy and, "
            + "for Local, the same pod selector)";
    for (const auto &port : r.ports) {
        auto it = use->portsInUse.find(port);
        if (it != use->portsInUse.end())
            return heldBy + ", and port " + port.toString() + " is already in use on it by "
                + it->second;
    }
    return std::nullopt;
}

bool AddressLedger::mayShare(const Use &use, const ServiceRequest &r)
{
    if (use.sharingKey.empty() || use.sharingKey != r.sharingKey || use.backendKey != r.backendKey)
        return false;
    return std::none_of(
        r.ports.begin(), r.ports.end(), [&](const PortKey &p) { return use.portsInUse.count(p); });
}

void AddressLedger::assign(
    const ServiceRequest &r, const std::vector<net::Address> &ips, std::size_t pool)
{
    for (const auto &ip : ips) {
        auto [it, fresh] = m_uses.try_emplace(ip);
        Use &use = it->second;
        if (fresh) {
            use.pool = pool;
            use.sharingKey = r.sharingKey;
            use.backendKey = r.backendKey;
            m_taken[pool].add(ip);
            for (std::size_t other : m_catalog.overlapping(pool))
                if (m_catalog[other].addresses.contains(ip))
                    m_taken[other].add(ip);
            m_byPool[pool].insert(ip);
            if (!r.sharingKey.empty())
                m_bySharingKey[r.sharingKey].insert(ip);
        }
        use.holders.push_back(r.key);
        for (const auto &port : r.ports)
            use.portsInUse.emplace(port, r.key);
    }
}

std::optional<net::Address> AddressLedger::lowestAvailable(
    std::size_t pool, net::Family f, const ServiceRequest &r)
{
    const CatalogPool &p = m_catalog[pool];
    net::AddressSet &taken = m_taken[pool];
    const std::set<net::Address> *shared = nullptr;
    if (!r.sharingKey.empty()) {
        auto it = m_bySharingKey.find(r.sharingKey);
        if (it != m_bySharingKey.end())
            shared = &it->second;
    }
    for (const auto &range : p.entries) {
        if (range.family() != f)
            continue;
        std::optional<net::Address> free;
        for (net::Address from = range.first();;) {
            auto a = taken.firstFreeAtOrAfter(from);
            if (!a || *a > range.last())
                break;
            if (p.avoidBuggyIPs && isBuggyIP(*a)) {
                taken.add(*a); // never handed out by this pool: step over it once
                from = *a;
                continue;
            }
            free = a;
            break;
        }
        // A held address below the first free one wins if the service may share it.
        if (shared) {
            for (auto it = shared->lower_bound(range.first());
                 it != shared->end() && *it <= range.last(); ++it) {
                if (free && *it > *free)
                    break;
                if (!(p.avoidBuggyIPs && isBuggyIP(*it)) && mayShare(m_uses.at(*it), r))
                    return *it;
            }
        }
        if (free)
            return free;
    }
    return std::nullopt;
}

std::vector<net::Address> AddressLedger::held(std::size_t pool, net::Family f) const
{
    std::vector<net::Address> out;
    for (const auto &ip : m_byPool[pool])
        if (ip.family() == f)
            out.push_back(ip);
    return out;
}

net::Count AddressLedger::assigned(std::size_t pool, net::Family f) const
{
    net::Count n;
    for (const auto &ip : m_byPool[pool])
        if (ip.family() == f)
            n += net::Count(net::u128(1));
    return n;
}

} // namespace k3snet::ipam
