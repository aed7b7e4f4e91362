// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace k3snet::election {

// MetalLB's layer-2 leader order (speaker/layer2_controller.go): candidates sorted by ascending
// SHA-256 of nodeName + "#" + ip, digests compared as raw bytes; the first announces. ip is
// written canonically first (RFC 5952 for IPv6, as Go prints it) when it parses. Duplicate
// names are dropped. The node agent calls this same function, so app and nodes agree.
std::vector<std::string> rankAnnouncers(std::vector<std::string> candidates, std::string_view ip);

class RankingCache;

// Who announces one service IP, and who takes over.
struct AnnouncerElection
{
    std::vector<std::string> ranked; // ranked[0] announces; the rest take over in this order
    std::string reason; // when ranked is empty: why no node can announce

    bool isEmpty() const { return ranked.empty(); }
    std::string announcer() const { return ranked.empty() ? std::string() : ranked.front(); }
    std::vector<std::string> fallbacks() const
    {
        return ranked.empty() ? std::vector<std::string>()
                              : std::vector<std::string>(ranked.begin() + 1, ranked.end());
    }
};

// Which L2Advertisements apply, as MetalLB reads them: to a pool by name or by
// ipAddressPoolSelectors on its labels (neither = every pool), to a service by serviceSelectors
// (none = every service), to a node by nodeSelectors (none = every node). pool may be null
// (unknown pool: only a name or an empty selection can match).
bool advertisementSelectsPool(const model::L2Advertisement &ad, const std::string &poolName,
                              const model::IPAddressPool *pool);
bool advertisementSelectsService(const model::L2Advertisement &ad, const model::Service &service);
bool advertisementSelectsNode(const model::L2Advertisement &ad, const model::Node &node);

// The eligible nodes for a service IP from pool poolName, ranked (MetalLB's ShouldAnnounce,
// §4.1): nodes selected (nodeSelectors; none = every node) by at least one L2Advertisement that
// applies to the pool (ipAddressPools by name or ipAddressPoolSelectors on the pool's labels;
// neither = every pool) and to the service (serviceSelectors; none = every service); minus nodes
// labelled node.kubernetes.io/exclude-from-external-load-balancers, nodes with
// NetworkUnavailable, and, when liveNodes is given, nodes not in it; for
// externalTrafficPolicy: Local, only nodes hosting an endpoint when those are known. A service
// whose endpoints are known to be none is announced by nobody. firstIP is the service's first
// address (dual-stack services hash their first one). cache, when given, keeps the order of all
// nodes per IP for the next call (see RankingCache); the answer is the same with or without.
AnnouncerElection electAnnouncer(const model::Project &project, const model::Service &service,
    const std::string &poolName, const std::string &firstIP,
    const std::set<std::string> *liveNodes = nullptr, RankingCache *cache = nullptr);

inline constexpr const char *excludeFromLoadBalancersLabel
    = "node.kubernetes.io/exclude-from-external-load-balancers";

} // namespace k3snet::election
