// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ipam/serviceallocator.h"

#include "domain/ipam/addressledger.h"
#include "domain/ipam/pendingreasons.h"
#include "domain/ipam/poolcatalog.h"
#include "domain/ipam/servicerequest.h"
#include "domain/util/parallelfor.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace k3snet::ipam {

const ServiceAssignment *AllocationResult::forService(std::size_t index) const
{
    return index < entryOf.size() && entryOf[index] != noEntry ? &services[entryOf[index]].second
                                                               : nullptr;
}

const ServiceAssignment *AllocationResult::find(const std::string &serviceKey) const
{
    const auto it = std::find_if(services.begin(), services.end(),
        [&serviceKey](const auto &entry) { return entry.first == serviceKey; });
    return it == services.end() ? nullptr : &it->second;
}

namespace {

std::string addressList(const std::vector<net::Address> &ips)
{
    std::string s;
    for (const auto &ip : ips)
        s += (s.empty() ? "" : ", ") + ip.toString();
    return s;
}

bool sameAddresses(std::vector<net::Address> a, std::vector<net::Address> b)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

// One run of MetalLB's controller over every LoadBalancer service of a project.
class Allocator
{
public:
    Allocator(const model::Project &project, AllocationResult &result)
        : m_project(project)
        , m_result(result)
        , m_catalog(project)
        , m_ledger(m_catalog)
    {
    }

    void run()
    {
        readRequests();
        m_assignments.resize(m_requests.size());
        m_cleared.resize(m_requests.size());

        // Creation order; services without a (readable) timestamp after, in project order.
        std::vector<std::size_t> order(m_requests.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
            const auto &ca = m_requests[a].created;
            const auto &cb = m_requests[b].created;
            if (ca.has_value() != cb.has_value())
                return ca.has_value();
            return ca && *ca < *cb;
        });
        for (std::size_t i : order)
            keepHeld(i);
        for (std::size_t i : order) {
            if (m_assignments[i].kept)
                addMissingFamily(i);
            else
                allocate(i);
        }
        report();
    }

private:
    // Every LoadBalancer's request, in project order. Reading them is independent per
    // service and was a third of allocating 2,000: they are read on every core, and their
    // diagnostics kept in the services' order.
    void readRequests()
    {
        std::vector<std::size_t> services;
        m_result.entryOf.assign(m_project.services.size(), AllocationResult::noEntry);
        for (std::size_t i = 0; i < m_project.services.size(); ++i) {
            if (!m_project.services[i].isLoadBalancer())
                continue;
            m_result.entryOf[i] = services.size();
            services.push_back(i);
        }
        m_requests.resize(services.size());
        std::vector<rules::Diagnostics> notes(services.size());
        util::parallelFor(services.size(), 256, [&](std::size_t begin, std::size_t end) {
            for (std::size_t k = begin; k < end; ++k)
                m_requests[k] = readServiceRequest(m_project, services[k], notes[k]);
        });
        for (auto &some : notes)
            for (auto &note : some)
                m_result.diagnostics.push_back(std::move(note));
    }

    struct Choice
    {
        std::size_t pool = 0;
        std::vector<net::Address> ips;
    };

    void give(std::size_t i, const Choice &c, bool kept = false)
    {
        m_ledger.assign(m_requests[i], c.ips, c.pool);
        m_assignments[i].ips = c.ips;
        m_assignments[i].pool = m_catalog[c.pool].name;
        m_assignments[i].kept = kept;
    }

    void pending(std::size_t i, std::string reason)
    {
        m_assignments[i].pendingReason = std::move(reason);
    }

    // MetalLB re-validates a held address on every run (convergeBalancer): it stays while a
    // pool still holds it, admits the service, no sharing conflicts and the requests agree.
    void keepHeld(std::size_t i)
    {
        const ServiceRequest &r = m_requests[i];
        const auto &held = r.heldIPs;
        if (held.empty())
            return;
        std::string &why = m_cleared[i];
        const auto family = stackFamilyOf(held);
        std::size_t pool = PoolCatalog::npos;
        if (m_catalog.isEmpty()) {
            why = "no IPAddressPool is defined";
        } else if (!r.refusal.empty()) {
            why = r.refusal;
        } else if (!family) {
            why = "its addresses " + addressList(held) + " are not one per family";
        } else if (*family != r.family
            && !(r.family == StackFamily::Dual && r.isPreferDualStack() && held.size() == 1)) {
            why = std::string("they are ") + stackFamilyName(*family) + ", but the service is "
                + stackFamilyName(r.family) + " (from " + r.familySource + ")";
        } else if ((pool = m_catalog.poolFor(held)) == PoolCatalog::npos) {
            why = "no pool holds " + addressList(held) + " any more";
        } else if (std::string no; !m_catalog.admits(pool, *r.service, &no)) {
            why = "pool \"" + m_catalog[pool].name + "\" " + no;
        } else if (!r.requestedPool.empty() && r.requestedPool != m_catalog[pool].name) {
            why = r.poolFrom + " asks for pool \"" + r.requestedPool
                + "\", but the address is in pool \"" + m_catalog[pool].name + "\"";
        } else if (!r.requestedIPs.empty() && !sameAddresses(r.requestedIPs, held)) {
            why = r.requestedFrom + " now asks for " + addressList(r.requestedIPs);
        } else {
            for (const auto &ip : held)
                if (auto refused = m_ledger.refusal(ip, r); refused && why.empty())
                    why = *refused;
        }
        if (why.empty())
            give(i, {pool, held}, true);
    }

    // PreferDualStack: a service holding one family gets the other from the same pool when it
    // has one free (MetalLB's AllocateFromPoolForAdditionalFamily).
    void addMissingFamily(std::size_t i)
    {
        const ServiceRequest &r = m_requests[i];
        ServiceAssignment &a = m_assignments[i];
        if (r.family != StackFamily::Dual || !r.isPreferDualStack() || a.ips.size() != 1)
            return;
        const std::size_t pool = m_catalog.find(a.pool);
        const net::Family other = a.ips[0].isV4() ? net::Family::V6 : net::Family::V4;
        if (auto ip = m_ledger.lowestAvailable(pool, other, r)) {
            m_ledger.assign(r, {*ip}, pool);
            a.ips.push_back(*ip);
        }
    }

    void allocate(std::size_t i)
    {
        const ServiceRequest &r = m_requests[i];
        if (m_catalog.isEmpty())
            pending(i, "no IPAddressPool is defined, so there is no address to give");
        else if (!r.refusal.empty())
            pending(i, r.refusal);
        else if (!r.invalidRequest.empty())
            pending(i, r.invalidRequest);
        else if (!r.requestedIPs.empty())
            allocateRequested(i);
        else if (!r.requestedPool.empty())
            allocateFromNamedPool(i);
        else
            allocateAutomatically(i);
    }

    void allocateRequested(std::size_t i)
    {
        const ServiceRequest &r = m_requests[i];
        const auto &ips = r.requestedIPs;
        if (stackFamilyOf(ips) != r.family)
            return pending(i, explainFamilyMismatch(r));
        const std::size_t pool = m_catalog.poolFor(ips);
        if (pool == PoolCatalog::npos)
            return pending(i, explainUnownedRequest(m_catalog, r));
        const std::string poolName = "pool \"" + m_catalog[pool].name + "\"";
        if (std::string why; !m_catalog.admits(pool, *r.service, &why))
            return pending(
                i, "requested IP " + addressList(ips) + " lies in " + poolName + ", which " + why);
        for (const auto &ip : ips)
            if (auto refused = m_ledger.refusal(ip, r))
                return pending(i, "requested IP " + *refused);
        if (!r.requestedPool.empty() && r.requestedPool != m_catalog[pool].name)
            return pending(i,
                "requested IP " + addressList(ips) + " lies in " + poolName + ", not in pool \""
                    + r.requestedPool + "\" named by " + r.poolFrom);
        give(i, {pool, ips});
    }

    void allocateFromNamedPool(std::size_t i)
    {
        const ServiceRequest &r = m_requests[i];
        const std::size_t pool = m_catalog.find(r.requestedPool);
        if (pool == PoolCatalog::npos) {
            std::vector<std::string> names;
            for (const auto &p : m_catalog.pools())
                names.push_back(p.name);
            return pending(i,
                r.poolFrom + " names unknown pool \"" + r.requestedPool + "\" (the pools are "
                    + listWithMore(names, 5) + ")");
        }
        if (auto c = selectFromPool(pool, r))
            return give(i, *c);
        const PoolObstacle o = poolObstacle(m_catalog, m_ledger, r, pool, true);
        pending(i,
            (o.text.empty() ? "no available IPs in pool \"" + r.requestedPool + "\"" : o.text)
                + " (the service asks for it with " + r.poolFrom + ")");
    }

    // The addresses the service gets from one pool, if it has them (getFreeIPsFromPool and
    // selectIPsForFamilyAndPolicy). Admission is the caller's business.
    std::optional<Choice> selectFromPool(std::size_t pool, const ServiceRequest &r)
    {
        if (std::string why; !m_catalog.admits(pool, *r.service, &why))
            return std::nullopt;
        if (r.family != StackFamily::Dual) {
            const auto f = r.family == StackFamily::V4 ? net::Family::V4 : net::Family::V6;
            if (auto ip = m_ledger.lowestAvailable(pool, f, r))
                return Choice{pool, {*ip}};
            return std::nullopt;
        }
        auto v4 = m_ledger.lowestAvailable(pool, net::Family::V4, r);
        auto v6 = m_ledger.lowestAvailable(pool, net::Family::V6, r);
        if (v4 && v6)
            return Choice{pool, {*v4, *v6}};
        if (r.isPreferDualStack() && (v4 || v6))
            return Choice{pool, {v4 ? *v4 : *v6}};
        return std::nullopt;
    }

    // MetalLB's findBestPoolForService: the first pool with the service's family (both, for
    // dual-stack); PreferDualStack settles for the first pool with the primary family, else
    // the first with the other one.
    std::optional<Choice> findBest(const std::vector<std::size_t> &pools, const ServiceRequest &r)
    {
        std::optional<Choice> primary, secondary;
        for (std::size_t pool : pools) {
            if (r.family != StackFamily::Dual) {
                if (auto c = selectFromPool(pool, r))
                    return c;
                continue;
            }
            auto v4 = m_ledger.lowestAvailable(pool, net::Family::V4, r);
            auto v6 = m_ledger.lowestAvailable(pool, net::Family::V6, r);
            if (v4 && v6)
                return Choice{pool, {*v4, *v6}};
            if (!r.isPreferDualStack())
                continue;
            const auto &p = r.primary == net::Family::V4 ? v4 : v6;
            const auto &s = r.primary == net::Family::V4 ? v6 : v4;
            if (p && !primary)
                primary = Choice{pool, {*p}};
            if (s && !secondary)
                secondary = Choice{pool, {*s}};
        }
        return primary ? primary : secondary;
    }

    void allocateAutomatically(std::size_t i)
    {
        const ServiceRequest &r = m_requests[i];
        auto c = findBest(m_catalog.pinnedFor(*r.service), r);
        if (!c)
            c = findBest(m_catalog.fallback(), r);
        if (c)
            give(i, *c);
        else
            pending(i, explainAutomatic(m_catalog, m_ledger, r));
    }

    void diagnose(
        rules::Severity severity, const char *code, const std::string &key, std::string message)
    {
        rules::Diagnostic d{severity, code, std::move(message), {{"Service", key}}, {}};
        d.location = m_project.sources.find("services/" + key);
        m_result.diagnostics.push_back(std::move(d));
    }

    // The last step: the requests and assignments are moved out.
    void report()
    {
        m_result.services.reserve(m_requests.size());
        for (std::size_t i = 0; i < m_requests.size(); ++i) {
            ServiceRequest &r = m_requests[i];
            ServiceAssignment &a = m_assignments[i];
            if (!m_cleared[i].empty()) {
                diagnose(rules::Severity::Warning, "service-ip-reallocated", r.key,
                    "service \"" + r.key + "\" held " + addressList(r.heldIPs)
                        + ", which the configuration no longer allows (" + m_cleared[i] + "); "
                        + (a.ips.empty() ? std::string("it is now pending")
                                         : "it gets " + addressList(a.ips) + " instead"));
            }
            if (a.ips.empty())
                diagnose(rules::Severity::Warning, "service-pending", r.key,
                    "service \"" + r.key + "\" is pending: " + a.pendingReason);
            m_result.services.emplace_back(std::move(r.key), std::move(a));
        }
        for (std::size_t p = 0; p < m_catalog.pools().size(); ++p) {
            const CatalogPool &pool = m_catalog[p];
            PoolUsage u;
            u.sizeV4 = pool.size(net::Family::V4);
            u.sizeV6 = pool.size(net::Family::V6);
            u.usableV4 = pool.usable(net::Family::V4);
            u.usableV6 = pool.usable(net::Family::V6);
            u.assignedV4 = m_ledger.assigned(p, net::Family::V4);
            u.assignedV6 = m_ledger.assigned(p, net::Family::V6);
            u.availableV4 = u.usableV4 - u.assignedV4;
            u.availableV6 = u.usableV6 - u.assignedV6;
            m_result.pools.emplace(pool.name, u);
        }
    }

    const model::Project &m_project;
    AllocationResult &m_result;
    PoolCatalog m_catalog;
    AddressLedger m_ledger;
    std::vector<ServiceRequest> m_requests; // project order
    std::vector<ServiceAssignment> m_assignments; // per request
    std::vector<std::string> m_cleared; // per request: why a held address was dropped
};

} // namespace

AllocationResult allocateServices(const model::Project &project)
{
    AllocationResult result;
    Allocator(project, result).run();
    return result;
}

} // namespace k3snet::ipam
