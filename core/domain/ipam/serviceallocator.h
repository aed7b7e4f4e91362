// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/net/address.h"
#include "domain/net/count.h"
#include "domain/rules/diagnostic.h"

#include <map>
#include <string>
#include <vector>

namespace k3snet::ipam {

// The address of one LoadBalancer service after allocation.
struct ServiceAssignment
{
    std::vector<net::Address> ips; // at most one per family; ips[0] is the one speakers hash
    std::string pool; // the pool the addresses belong to (MetalLB's ip-allocated-from-pool)
    bool kept = false; // the service already held ips (its status) and keeps them
    std::string pendingReason; // empty unless ips is empty: why, for a person
};

// How full one pool is after allocation, per family, as MetalLB's IPAddressPool status counts.
struct PoolUsage
{
    net::Count sizeV4, sizeV6; // every address of the pool
    net::Count usableV4, usableV6; // less the .0/.255 an avoidBuggyIPs pool skips
    net::Count assignedV4, assignedV6; // distinct addresses held by services
    net::Count availableV4, availableV6; // usable - assigned
};

struct AllocationResult
{
    // LoadBalancer services only, in the project's order, with their "namespace/name".
    std::vector<std::pair<std::string, ServiceAssignment>> services;
    // Every pool, by name.
    std::map<std::string, PoolUsage> pools;
    // service-both-ip-requests, service-invalid-ip-request (errors); service-deprecated-annotation,
    // service-pending, service-ip-reallocated (warnings).
    rules::Diagnostics diagnostics;

    // The assignment of the project's service at index (nullptr: not a LoadBalancer). The plan
    // asks this for every service of every edit: a map by key was a tenth of the allocation.
    const ServiceAssignment *forService(std::size_t index) const;
    // By "namespace/name" (the first, if names repeat), looked for one by one.
    const ServiceAssignment *find(const std::string &serviceKey) const;

    // Per service of the project: its entry in services, or noEntry.
    std::vector<std::size_t> entryOf;
    static constexpr std::size_t noEntry = std::size_t(-1);
};

// MetalLB's controller run over the whole project at once, as a pure function: the same
// project always gets the same answer.
//
// Services that already hold addresses (ingressIPs) keep them when the configuration still
// admits them (a pool that still holds all of them admits the service, no sharing conflict,
// the requests have not changed); the pool name follows the address when pools are renamed or
// split. The others, and those whose address is no longer admitted, are then allocated in
// creation order (creationTimestamp; services without one after, in project order): an
// explicit address (metallb.io/loadBalancerIPs or spec.loadBalancerIP), else a named pool
// (metallb.io/address-pool), else automatically: the pinned pools by priority, then the pools
// without serviceAllocation, the lowest available address first. Where MetalLB leaves an order
// undefined (equal priority, the generic fallback pools), the project's order decides.
AllocationResult allocateServices(const model::Project &project);

} // namespace k3snet::ipam
