// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/clusternetwork.h"
#include "domain/model/node.h"
#include "domain/rules/diagnostic.h"

#include <map>
#include <string>
#include <vector>

namespace k3snet::ipam {

// Each node's pod subnet, carved from the cluster CIDR with the configured mask as k3s's
// kube-controller-manager does (lowest free subnet first), but stable: a node's pinned or
// previously assigned subnet is kept, so adding or removing a node never moves another one.
struct PodSubnets
{
    std::map<std::string, net::Prefix> byNode;
    rules::Diagnostics diagnostics;
};

// previous: the assignment of an earlier plan (the document passes it across edits); nodes
// that are neither pinned nor in previous get the lowest free subnets, in the nodes' order.
PodSubnets allocatePodSubnets(const model::ClusterNetwork &network,
                              const std::vector<model::Node> &nodes,
                              const std::map<std::string, net::Prefix> &previous = {});

} // namespace k3snet::ipam
