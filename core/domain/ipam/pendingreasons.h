// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ipam/addressledger.h"
#include "domain/ipam/poolcatalog.h"
#include "domain/ipam/servicerequest.h"

#include <cstdint>
#include <string>
#include <vector>

// The words k3snet uses to explain a <pending> LoadBalancer service: which pools are closed to
// it and why, which are full and who holds their addresses, why a requested address cannot be
// had. MetalLB's own messages ("no available IPs") say too little to act on.
namespace k3snet::ipam {

// What keeps a service from getting an address from one pool.
struct PoolObstacle
{
    enum class Kind : std::uint8_t
    {
        None, // the pool has an address for the service
        Closed, // autoAssign: false, serviceAllocation keeps the service out, or pins nothing
        Family, // the pool has no address of a family the service needs
        Full, // every address of a needed family is held (and cannot be shared)
    };
    Kind kind = Kind::None;
    std::string text; // starts with `pool "<name>"`
};

// named: the service asks for the pool by name (metallb.io/address-pool), so autoAssign and
// pinning do not matter, only admission.
PoolObstacle poolObstacle(const PoolCatalog &catalog, AddressLedger &ledger,
    const ServiceRequest &r, std::size_t pool, bool named);

// `pool "p" is full: all 101 addresses are held by default/a, default/b and 99 more`.
std::string fullPoolText(const PoolCatalog &catalog, const AddressLedger &ledger,
    const ServiceRequest &r, std::size_t pool, net::Family f);

// Why automatic allocation found nothing: every pool with what keeps it from the service.
std::string explainAutomatic(
    const PoolCatalog &catalog, AddressLedger &ledger, const ServiceRequest &r);

// Why no pool holds all the requested addresses.
std::string explainUnownedRequest(const PoolCatalog &catalog, const ServiceRequest &r);

// Why the requested addresses do not fit the service's family.
std::string explainFamilyMismatch(const ServiceRequest &r);

// "a", "a and b", "a, b and c", "a, b and 7 more".
std::string listWithMore(const std::vector<std::string> &items, std::size_t shown = 2);

} // namespace k3snet::ipam
