// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/agentconfig.h"
#include "domain/model/project.h"
#include "domain/plan/plan.h"
#include "domain/rules/diagnostic.h"

#include <optional>
#include <string>

namespace k3snet::plan {

// The AgentConfig the app pushes to one node, from the project and its plan (makePlan):
// - node identity, uplink and LAN IP, the VXLAN device (flannel.<VNI>), port, effective MTU and
//   VTEP MAC, and the node's pod subnet, all as the NodePlan has them;
// - every other node with a pod subnet as a peer, in project order;
// - every LoadBalancer IP of the plan, with the nodes eligible to announce it in MetalLB's
//   election order (election::electAnnouncer; only nodes that run an agent, i.e. have a pod
//   subnet) and the interfaces this node announces it on: the union of the interfaces of the
//   L2Advertisements that apply to the pool, the service and this node, or empty (the uplink)
//   when one of them names none, as MetalLB's empty list means every interface;
// - membership, CNI and timing settings at their defaults.
// nullopt with an error in why when the node is not in the plan ("agent-node-unknown") or has
// no pod subnet ("agent-node-without-pod-subnet"); a warning
// ("agent-peer-without-pod-subnet") for each other node left out for want of one.
std::optional<model::AgentConfig> agentConfigFor(const model::Project &project, const Plan &plan,
    const std::string &nodeName, rules::Diagnostics &why);

} // namespace k3snet::plan
