// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ipam/pendingreasons.h"

#include <algorithm>

namespace k3snet::ipam {

namespace {

std::string quotedPool(const CatalogPool &p)
{
    return "pool \"" + p.name + "\"";
}

std::string addressList(const std::vector<net::Address> &ips)
{
    std::string s;
    for (const auto &ip : ips)
        s += (s.empty() ? "" : " and ") + ip.toString();
    return s;
}

// The families the service needs from one pool: all of them (any = false) or one (any = true).
std::vector<net::Family> neededFamilies(const ServiceRequest &r, bool *any)
{
    *any = false;
    switch (r.family) {
    case StackFamily::V4:
        return {net::Family::V4};
    case StackFamily::V6:
        return {net::Family::V6};
    case StackFamily::Dual:
        *any = r.isPreferDualStack();
        return {net::Family::V4, net::Family::V6};
    }
    return {};
}

// At most `limit` texts, then how many more.
std::string joinCapped(const std::vector<std::string> &texts, std::size_t limit = 4)
{
    std::string s;
    for (std::size_t i = 0; i < texts.size() && i < limit; ++i)
        s += (i ? "; " : "") + texts[i];
    if (texts.size() > limit)
        s += "; and " + std::to_string(texts.size() - limit) + " more pools";
    return s;
}

} // namespace

std::string listWithMore(const std::vector<std::string> &items, std::size_t shown)
{
    if (items.empty())
        return {};
    const bool all = items.size() <= shown + 1;
    const std::size_t listed = all ? items.size() - 1 : shown;
    std::string s;
    for (std::size_t i = 0; i < listed; ++i)
        s += (i ? ", " : "") + items[i];
    if (listed == 0)
        return items[0];
    return s + " and " + (all ? items.back() : std::to_string(items.size() - shown) + " more");
}

std::string fullPoolText(const PoolCatalog &catalog, const AddressLedger &ledger,
    const ServiceRequest &r, std::size_t pool, net::Family f)
{
    const CatalogPool &p = catalog[pool];
    const bool bothFamilies = p.hasFamily(net::Family::V4) && p.hasFamily(net::Family::V6);
    const std::string fam = bothFamilies ? std::string(net::familyName(f)) + " " : std::string();
    const net::Count usable = p.usable(f);
    const net::Count skipped = p.size(f) - usable;
    const std::string buggyNote = skipped.isZero()
        ? ""
        : " (avoidBuggyIPs skips its " + skipped.toString() + " .0/.255 addresses)";
    if (usable.isZero())
        return quotedPool(p) + " has no usable " + fam + "address" + buggyNote;

    const auto held = ledger.held(pool, f);
    std::vector<std::string> holders;
    for (const auto &ip : held)
        for (const auto &h : ledger.find(ip)->holders)
            if (std::find(holders.begin(), holders.end(), h) == holders.end())
                holders.push_back(h);
    std::string text = quotedPool(p) + " is full: all " + usable.toString() + " " + fam
        + (usable == net::Count(1) ? "address is" : "addresses are") + " held by "
        + (holders.empty() ? std::string("services of other pools") : listWithMore(holders))
        + buggyNote;

    if (!r.sharingKey.empty()) {
        auto shared = std::find_if(held.begin(), held.end(),
            [&](const auto &ip) { return ledger.find(ip)->sharingKey == r.sharingKey; });
        if (shared == held.end())
            text += "; none of them is shared under this service's key \"" + r.sharingKey + "\"";
        else if (auto why = ledger.refusal(*shared, r))
            text += "; sharing refused: " + *why;
    }
    return text;
}

PoolObstacle poolObstacle(const PoolCatalog &catalog, AddressLedger &ledger,
    const ServiceRequest &r, std::size_t pool, bool named)
{
    using Kind = PoolObstacle::Kind;
    const CatalogPool &p = catalog[pool];
    const model::Service &svc = *r.service;
    std::string why;
    if (!named && !p.autoAssign)
        return {
            Kind::Closed, quotedPool(p) + " has autoAssign: false (only explicit requests use it)"};
    if (!catalog.admits(pool, svc, &why))
        return {Kind::Closed, quotedPool(p) + " " + why};
    if (!named && p.hasAllocation && !catalog.pins(pool, svc))
        return {Kind::Closed,
            quotedPool(p) + " has a serviceAllocation that names no namespace (its "
                + "namespaceSelectors match none) and selects no service, so MetalLB never uses it "
                  "automatically"};

    bool any = false;
    const auto families = neededFamilies(r, &any);
    std::vector<net::Family> present;
    for (auto f : families)
        if (p.hasFamily(f))
            present.push_back(f);
    if (present.empty() || (!any && present.size() < families.size())) {
        if (families.size() == 2 && !any && !present.empty())
            return {Kind::Family,
                quotedPool(p) + " has only " + net::familyName(present[0])
                    + " addresses, and RequireDualStack needs an address of each family from one "
                      "pool"};
        if (families.size() == 2)
            return {Kind::Family, quotedPool(p) + " has no usable addresses"};
        return {
            Kind::Family, quotedPool(p) + " has no " + net::familyName(families[0]) + " addresses"};
    }

    std::vector<std::string> full;
    for (auto f : present)
        if (!ledger.lowestAvailable(pool, f, r))
            full.push_back(fullPoolText(catalog, ledger, r, pool, f));
    if (full.empty() || (any && full.size() < present.size()))
        return {};
    return {Kind::Full, full.size() > 1 ? full[0] + "; " + full[1] : full[0]};
}

std::string explainAutomatic(
    const PoolCatalog &catalog, AddressLedger &ledger, const ServiceRequest &r)
{
    std::vector<std::string> full, closed;
    for (std::size_t i = 0; i < catalog.pools().size(); ++i) {
        const PoolObstacle o = poolObstacle(catalog, ledger, r, i, false);
        if (o.kind == PoolObstacle::Kind::Full)
            full.push_back(o.text);
        else if (o.kind != PoolObstacle::Kind::None)
            closed.push_back(o.text);
    }
    if (full.empty() && closed.empty())
        return "no available IPs"; // MetalLB's words; the scan and this explanation disagree
    if (full.empty())
        return "no address pool is open to this service: " + joinCapped(closed);
    if (closed.empty())
        return joinCapped(full);
    return joinCapped(full) + "; the other pools are not open to it: " + joinCapped(closed);
}

std::string explainUnownedRequest(const PoolCatalog &catalog, const ServiceRequest &r)
{
    std::vector<std::string> located;
    for (const auto &ip : r.requestedIPs) {
        std::size_t holder = catalog.poolFor({ip});
        if (holder != PoolCatalog::npos) {
            located.push_back(ip.toString() + " in " + quotedPool(catalog[holder]));
            continue;
        }
        for (const auto &p : catalog.pools()) {
            if (p.addresses.contains(ip))
                return "requested IP " + ip.toString() + " ends in ."
                    + std::to_string(ip.lastOctet()) + ", which " + quotedPool(p)
                    + " never hands out (avoidBuggyIPs)";
        }
        std::vector<std::string> pools;
        for (const auto &p : catalog.pools())
            pools.push_back(p.name + " " + p.addresses.toString());
        return "requested IP " + ip.toString() + " is outside every pool"
            + (pools.empty() ? std::string() : " (pools: " + listWithMore(pools) + ")");
    }
    return "no single pool holds both " + addressList(r.requestedIPs) + " (" + located[0] + ", "
        + located[1] + "); both addresses must come from one pool";
}

std::string explainFamilyMismatch(const ServiceRequest &r)
{
    const auto requested = stackFamilyOf(r.requestedIPs);
    std::string text = "the requested IP" + std::string(r.requestedIPs.size() > 1 ? "s " : " ")
        + addressList(r.requestedIPs) + " (" + r.requestedFrom + ") "
        + (r.requestedIPs.size() > 1 ? "are " : "is ")
        + stackFamilyName(requested.value_or(StackFamily::V4)) + ", but the service is "
        + stackFamilyName(r.family) + " (from " + r.familySource + ")";
    if (r.family == StackFamily::Dual)
        text += ", so it must request one address of each family";
    return text;
}

} // namespace k3snet::ipam
