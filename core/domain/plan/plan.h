// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/net/interfaceaddress.h"
#include "domain/rules/diagnostic.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace k3snet::election {
class RankingCache;
}

namespace k3snet::plan {

// What one node will run: its pod subnet and the flannel-compatible devices k3snet-agent
// builds there (the flannel.<VNI> VTEP with <podCIDR>.0/32 and the cni0 bridge with .1).
struct NodePlan
{
    std::string name;
    model::NodeRole role = model::NodeRole::Agent;
    net::Address lanIP;
    std::string interface; // the uplink the VTEP binds to
    std::optional<net::Prefix> podCIDR;
    bool podCIDRPinned = false;
    std::string vtepDevice;              // "flannel.1"
    std::optional<net::Address> vtepAddress; // <podCIDR network>, as a /32
    std::string vtepMAC;                 // stable, derived from the node name
    std::optional<net::InterfaceAddress> bridgeAddress; // cni0: <podCIDR>.1/<mask>
    int mtu = 0;                         // VXLAN and pod MTU
};

// A MetalLB address pool as the plan sees it: its addresses, how many, how many are taken.
struct PoolPlan
{
    std::string name;
    std::vector<std::string> addresses; // normalised ranges ("10.0.0.100-10.0.0.200")
    std::string sizeV4, sizeV6;         // exact decimal counts
    std::string assignedV4 = "0", assignedV6 = "0";
    std::string availableV4 = "0", availableV6 = "0";
    bool autoAssign = true;
    bool avoidBuggyIPs = false;
};

// A service as the plan sees it: its addresses, and for LoadBalancers who announces them.
struct ServicePlan
{
    std::string namespaceName;
    std::string name;
    std::string type;
    std::string clusterIP;
    std::vector<std::string> ports; // "80/TCP"
    std::vector<std::string> ips;   // LoadBalancer IPs
    std::string pool;
    std::string announcer;
    std::vector<std::string> fallbacks;
    std::string pendingReason; // empty unless a LoadBalancer has no IP
};

struct Plan
{
    std::string projectName;
    std::vector<NodePlan> nodes;
    std::vector<PoolPlan> pools;
    std::vector<ServicePlan> services;
    rules::Diagnostics diagnostics;

    const NodePlan *findNode(const std::string &name) const;
};

// Which services' plans an edit changed, as makePlan found while reusing a previous plan
// (PlanOptions::previousPlan): the views of the app redo only those.
struct PlanChange
{
    bool allServices = true; // no previous plan to compare with: every service may have changed
    std::vector<std::size_t> services; // otherwise: indices whose ServicePlan may differ
};

struct PlanOptions
{
    // Pod subnets of an earlier plan, kept stable across edits (see ipam::allocatePodSubnets).
    std::map<std::string, net::Prefix> previousPodSubnets;
    // Election orders kept from earlier plans (the app's document owns one); none: computed.
    election::RankingCache *rankingCache = nullptr;
    // The project and plan this one replaces (the app's document plans after every edit). A
    // service whose election inputs are unchanged (the same service, pool and first IP, the
    // same nodes, advertisements and pool names and labels) takes its announcer and fallbacks
    // from previousPlan, which is left moved-from: an edit moves a few services, and the
    // election of the rest was most of an edit's plan. The result is the same as without.
    //
    // A service whose plan would come out the same (the same service, the same addresses, pool
    // and pending reason, and an election that may be reused) is moved over whole.
    const model::Project *previousProject = nullptr;
    Plan *previousPlan = nullptr;
    // Out: which services differ from previousPlan's (all of them when there is none).
    PlanChange *change = nullptr;
};

// Validates the project and computes every node's desired state. Never fails: problems are
// diagnostics, and the parts that cannot be computed are left unset.
Plan makePlan(const model::Project &project, const PlanOptions &options = {});

// The diagnostics of makePlan, sorted errors first, then by location.
rules::Diagnostics validate(const model::Project &project);

// A locally administered unicast MAC derived from the node name, so a VTEP keeps its MAC
// across reinstalls (flannel's random MACs leave stale FDB entries behind on peers).
std::string vtepMacFor(const std::string &nodeName);

} // namespace k3snet::plan
