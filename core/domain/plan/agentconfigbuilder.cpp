// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/plan/agentconfigbuilder.h"

#include "domain/election/announcer.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace k3snet::plan {

namespace {

// Whether ad announces the service's IPs from pool on node: the tests electAnnouncer makes.
bool announcesOn(const model::L2Advertisement &ad, const model::Project &project,
    const std::string &poolName, const model::Service &service, const model::Node &node)
{
    return election::advertisementSelectsPool(ad, poolName, project.findPool(poolName))
        && election::advertisementSelectsService(ad, service) && election::advertisementSelectsNode(ad, node);
}

// MetalLB announces on the union of the interfaces of the advertisements that apply on the
// node, where an advertisement without interfaces means all of them; for k3snet-agent an empty
// list means the uplink.
std::vector<std::string> interfacesFor(const model::Project &project, const std::string &poolName,
    const model::Service &service, const model::Node &node)
{
    std::vector<std::string> out;
    for (const model::L2Advertisement &ad : project.l2Advertisements) {
        if (!announcesOn(ad, project, poolName, service, node))
            continue;
        if (ad.interfaces.empty())
            return {};
        for (const std::string &name : ad.interfaces) {
            if (std::find(out.begin(), out.end(), name) == out.end())
                out.push_back(name);
        }
    }
    return out;
}

rules::Diagnostic finding(
    rules::Severity severity, const char *code, std::string message, const std::string &node)
{
    return {severity, code, std::move(message), {{"Node", node}}, {}};
}

} // namespace

std::optional<model::AgentConfig> agentConfigFor(const model::Project &project, const Plan &plan,
    const std::string &nodeName, rules::Diagnostics &why)
{
    const NodePlan *self = plan.findNode(nodeName);
    const model::Node *node = project.findNode(nodeName);
    if (!self || !node) {
        why.push_back(finding(rules::Severity::Error, "agent-node-unknown",
            "the project has no node \"" + nodeName + "\"", nodeName));
        return std::nullopt;
    }
    if (!self->podCIDR) {
        why.push_back(finding(rules::Severity::Error, "agent-node-without-pod-subnet",
            "node \"" + nodeName
                + "\" has no pod subnet (see the plan's diagnostics), so it cannot join the pod "
                  "network",
            nodeName));
        return std::nullopt;
    }

    model::AgentConfig c;
    c.node.name = self->name;
    c.node.interface = self->interface;
    c.node.lanIP = self->lanIP;
    c.vxlan.device = self->vtepDevice;
    c.vxlan.vni = project.network.vxlan.vni;
    c.vxlan.port = project.network.vxlan.port;
    c.vxlan.mtu = self->mtu;
    c.vxlan.vtepMAC = self->vtepMAC;
    c.clusterCIDR = project.network.clusterCIDR;
    c.podCIDR = *self->podCIDR;

    // Nodes without a pod subnet run no agent: they are neither peers nor announcers.
    std::set<std::string> running;
    for (const NodePlan &other : plan.nodes) {
        if (!other.podCIDR) {
            if (other.name != nodeName)
                why.push_back(finding(rules::Severity::Warning, "agent-peer-without-pod-subnet",
                    "node \"" + other.name + "\" has no pod subnet, so \"" + nodeName
                        + "\" gets no route to its pods",
                    other.name));
            continue;
        }
        running.insert(other.name);
        if (other.name == nodeName)
            continue;
        c.peers.push_back({other.name, other.lanIP, *other.podCIDR, other.vtepMAC});
    }

    for (const ServicePlan &sp : plan.services) {
        const model::Service *service = project.findService(sp.namespaceName, sp.name);
        if (!service || !service->isLoadBalancer() || sp.ips.empty())
            continue;
        // Dual-stack services are elected by their first IP, as MetalLB does, so the list is
        // in election order for each of the service's IPs.
        const auto vote = election::electAnnouncer(project, *service, sp.pool, sp.ips.front());
        std::vector<std::string> eligible;
        std::copy_if(vote.ranked.begin(), vote.ranked.end(), std::back_inserter(eligible),
            [&running](const std::string &n) { return running.count(n) > 0; });
        const auto interfaces = interfacesFor(project, sp.pool, *service, *node);
        for (const std::string &text : sp.ips) {
            if (auto ip = net::Address::parse(text))
                c.serviceIPs.push_back({*ip, service->key(), eligible, interfaces});
        }
    }
    return c;
}

} // namespace k3snet::plan
