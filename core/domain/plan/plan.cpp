// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/plan/plan.h"

#include "domain/election/announcer.h"
#include "domain/election/rankingcache.h"
#include "domain/election/sha256.h"
#include "domain/ipam/podsubnetallocator.h"
#include "domain/ipam/serviceallocator.h"
#include "domain/net/addressset.h"
#include "domain/rules/l2rules.h"
#include "domain/rules/networkrules.h"
#include "domain/rules/poolrules.h"
#include "domain/util/parallelfor.h"

#include <algorithm>
#include <cstdio>

namespace k3snet::plan {

const NodePlan *Plan::findNode(const std::string &n) const
{
    auto it
        = std::find_if(nodes.begin(), nodes.end(), [&](const NodePlan &x) { return x.name == n; });
    return it == nodes.end() ? nullptr : &*it;
}

std::string vtepMacFor(const std::string &nodeName)
{
    auto d = election::sha256("k3snet/vtep-mac/" + nodeName);
    d[0] = static_cast<std::uint8_t>((d[0] & 0xfe) | 0x02); // locally administered, unicast
    char buf[18];
    std::snprintf(
        buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", d[0], d[1], d[2], d[3], d[4], d[5]);
    return buf;
}

namespace {

void planNodes(
    const model::Project &project, const PlanOptions &options, rules::RuleContext &ctx, Plan &plan)
{
    const auto &network = project.network;
    auto subnets = ipam::allocatePodSubnets(network, project.nodes, options.previousPodSubnets);
    ctx.adopt(subnets.diagnostics);
    const std::string vtep = "flannel." + std::to_string(network.vxlan.vni);
    for (const auto &node : project.nodes) {
        NodePlan np;
        np.name = node.name;
        np.role = node.role;
        np.lanIP = node.lanIP;
        np.interface = node.interface.empty() ? network.lan.interface : node.interface;
        np.vtepDevice = vtep;
        np.vtepMAC = vtepMacFor(node.name);
        np.mtu = network.effectiveVxlanMtu();
        if (auto it = subnets.byNode.find(node.name); it != subnets.byNode.end()) {
            np.podCIDR = it->second;
            np.podCIDRPinned = node.podCIDR.has_value();
            np.vtepAddress = it->second.network();
            if (auto gw = it->second.network().next())
                np.bridgeAddress = net::InterfaceAddress{*gw, it->second.length()};
        }
        plan.nodes.push_back(std::move(np));
    }
}

void planPools(const model::Project &project, const ipam::AllocationResult &allocation, Plan &plan)
{
    for (const auto &pool : project.pools) {
        PoolPlan pp;
        pp.name = pool.name;
        pp.autoAssign = pool.isAutoAssign();
        pp.avoidBuggyIPs = pool.isAvoidBuggyIPs();
        net::AddressSet set;
        for (const auto &entry : pool.addresses)
            if (auto r = net::Range::parsePoolEntry(entry))
                set.add(*r);
        for (const auto &r : set.ranges())
            pp.addresses.push_back(r.toString());
        pp.sizeV4 = set.size(net::Family::V4).toString();
        pp.sizeV6 = set.size(net::Family::V6).toString();
        if (auto it = allocation.pools.find(pool.name); it != allocation.pools.end()) {
            pp.assignedV4 = it->second.assignedV4.toString();
            pp.assignedV6 = it->second.assignedV6.toString();
            pp.availableV4 = it->second.availableV4.toString();
            pp.availableV6 = it->second.availableV6.toString();
        }
        plan.pools.push_back(std::move(pp));
    }
}

// The announcers of the previous plan that still hold (PlanOptions::previousPlan).
class ElectionReuse
{
public:
    ElectionReuse(const model::Project &project, const PlanOptions &options)
    {
        const model::Project *before = options.previousProject;
        if (!before || !options.previousPlan
            || options.previousPlan->services.size() != before->services.size())
            return;
        // Checked once per plan: what every service's election reads besides the service.
        if (before->nodes != project.nodes || before->l2Advertisements != project.l2Advertisements
            || !samePoolSelection(before->pools, project.pools))
            return;
        m_before = before;
        m_plan = options.previousPlan;
    }

    bool active() const { return m_before; }

    // Whether service index is the one the previous plan planned there, unchanged: the
    // condition of both takes below, asked once per service.
    bool sameService(std::size_t index, const model::Service &svc) const
    {
        return m_before && index < m_before->services.size() && m_before->services[index] == svc;
    }

    // Moves service index's whole plan over from the previous one, when it would come out the
    // same (for a sameService): the same service, allocated the same addresses from the same pool
    // (or pending for the same reason), and announced (a service nobody announces is planned again,
    // for the warning that says why).
    bool takeWhole(std::size_t index, const ipam::ServiceAssignment *allocation,
        std::vector<ServicePlan> &out) const
    {
        ServicePlan &old = m_plan->services[index];
        if (!allocation) {
            if (!old.ips.empty() || !old.pool.empty() || !old.pendingReason.empty())
                return false;
        } else {
            if (old.pool != allocation->pool || old.pendingReason != allocation->pendingReason
                || old.ips.size() != allocation->ips.size()
                || (!old.ips.empty() && old.announcer.empty()))
                return false;
            for (std::size_t i = 0; i < old.ips.size(); ++i)
                if (old.ips[i] != allocation->ips[i].toString())
                    return false;
        }
        out.push_back(std::move(old));
        old = ServicePlan();
        return true;
    }

    // Takes service index's announcer and fallbacks (for a sameService) from the previous plan
    // if its election had the same inputs and elected a node (a failed one is run again for its
    // reason).
    bool take(std::size_t index, ServicePlan &sp) const
    {
        ServicePlan &old = m_plan->services[index];
        if (old.announcer.empty() || old.pool != sp.pool || old.ips.empty()
            || old.ips.front() != sp.ips.front())
            return false;
        sp.announcer = std::move(old.announcer);
        sp.fallbacks = std::move(old.fallbacks);
        old.announcer.clear();
        return true;
    }

private:
    static bool samePoolSelection(
        const std::vector<model::IPAddressPool> &a, const std::vector<model::IPAddressPool> &b)
    {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(),
            [](const model::IPAddressPool &x, const model::IPAddressPool &y) {
                return x.name == y.name && x.labels == y.labels;
            });
    }

    const model::Project *m_before = nullptr;
    Plan *m_plan = nullptr;
};

// The elections of the services in toElect (indices of plan.services, ascending), which have
// an address: who announces each, or a warning saying why nobody does. They are independent
// per service, and the elections of an edit that moves every service were a quarter of its
// time, so they run on every core; the warnings follow in the services' order.
void electAnnouncers(const model::Project &project, const std::vector<std::size_t> &toElect,
    election::RankingCache *cache, rules::RuleContext &ctx, Plan &plan)
{
    std::vector<std::string> unannounced(toElect.size()); // why, for the failed elections
    std::vector<char> failed(toElect.size(), 0);
    const auto electRange = [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
            const std::size_t index = toElect[k];
            ServicePlan &sp = plan.services[index];
            auto vote = election::electAnnouncer(
                project, project.services[index], sp.pool, sp.ips.front(), nullptr, cache);
            if (vote.isEmpty()) {
                failed[k] = 1;
                unannounced[k] = std::move(vote.reason);
                continue;
            }
            // The ranking's own storage becomes the fallbacks: shifting a hundred names down
            // by one costs less than allocating a second list for every service.
            sp.announcer = std::move(vote.ranked.front());
            sp.fallbacks = std::move(vote.ranked);
            sp.fallbacks.erase(sp.fallbacks.begin());
        }
    };
    // The cache is shared by the threads until the elections end, however they end: a cache
    // left shared would never learn again.
    struct Sharing
    {
        election::RankingCache *cache;
        explicit Sharing(election::RankingCache *c)
            : cache(c)
        {
            if (cache)
                cache->share(true);
        }
        ~Sharing()
        {
            if (cache)
                cache->share(false);
        }
        Sharing(const Sharing &) = delete;
        Sharing &operator=(const Sharing &) = delete;
    };
    {
        const Sharing sharing(cache);
        util::parallelFor(toElect.size(), 256, electRange);
    }
    for (std::size_t k = 0; k < toElect.size(); ++k) {
        if (!failed[k])
            continue;
        const model::Service &svc = project.services[toElect[k]];
        ctx.warning("service-not-announced",
            "service \"" + svc.key() + "\" gets " + plan.services[toElect[k]].ips.front()
                + ", but no node announces it: " + unannounced[k],
            {{"Service", svc.key()}}, "services/" + svc.key());
    }
}

void planServices(const model::Project &project, const ipam::AllocationResult &allocation,
    const PlanOptions &options, rules::RuleContext &ctx, Plan &plan)
{
    const ElectionReuse reuse(project, options);
    if (options.change) {
        options.change->allServices = !reuse.active();
        options.change->services.clear();
    }
    plan.services.reserve(project.services.size());
    std::vector<std::size_t> toElect;
    for (std::size_t index = 0; index < project.services.size(); ++index) {
        const model::Service &svc = project.services[index];
        const auto *a = allocation.forService(index);
        const bool same = reuse.sameService(index, svc);
        if (same && reuse.takeWhole(index, a, plan.services))
            continue;
        if (options.change && reuse.active())
            options.change->services.push_back(index);
        ServicePlan sp;
        sp.namespaceName = svc.namespaceName;
        sp.name = svc.name;
        sp.type = svc.type;
        sp.clusterIP = svc.clusterIP;
        for (const auto &port : svc.ports)
            sp.ports.push_back(std::to_string(port.port) + "/" + port.protocol);
        if (a) {
            for (const auto &ip : a->ips)
                sp.ips.push_back(ip.toString());
            sp.pool = a->pool;
            sp.pendingReason = a->pendingReason;
            if (!sp.ips.empty() && !(same && reuse.take(index, sp)))
                toElect.push_back(index);
        }
        plan.services.push_back(std::move(sp));
    }
    electAnnouncers(project, toElect, options.rankingCache, ctx, plan);
}

} // namespace

Plan makePlan(const model::Project &project, const PlanOptions &options)
{
    Plan plan;
    plan.projectName = project.name;
    rules::RuleContext ctx(project, plan.diagnostics);
    rules::checkNetwork(ctx);
    rules::checkNodes(ctx);
    rules::checkPools(ctx);
    rules::checkL2Advertisements(ctx);
    planNodes(project, options, ctx, plan);
    const auto allocation = ipam::allocateServices(project);
    ctx.adopt(allocation.diagnostics);
    planPools(project, allocation, plan);
    if (options.rankingCache) {
        options.rankingCache->setNodes(project.nodes);
        options.rankingCache->trust(&project);
    }
    planServices(project, allocation, options, ctx, plan);
    if (options.rankingCache)
        options.rankingCache->trust(nullptr);
    std::stable_sort(plan.diagnostics.begin(), plan.diagnostics.end(),
        [](const rules::Diagnostic &a, const rules::Diagnostic &b) {
            if (a.severity != b.severity)
                return a.severity < b.severity;
            return a.location.line < b.location.line;
        });
    return plan;
}

rules::Diagnostics validate(const model::Project &project)
{
    return makePlan(project).diagnostics;
}

} // namespace k3snet::plan
