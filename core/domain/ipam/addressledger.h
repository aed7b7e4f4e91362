// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ipam/poolcatalog.h"
#include "domain/ipam/servicerequest.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace k3snet::ipam {

// Who holds which address during one allocation run, with MetalLB's sharing rules
// (allow-shared-ip): the state MetalLB's allocator keeps per IP (sharing and backend key,
// ports in use, services) and, per pool, the addresses that are taken.
class AddressLedger
{
public:
    struct Use
    {
        std::size_t pool = 0;
        std::string sharingKey;
        std::string backendKey;
        std::vector<std::string> holders; // service keys, in the order they got it
        std::map<PortKey, std::string> portsInUse; // port -> service key
    };

    explicit AddressLedger(const PoolCatalog &catalog);

    const Use *find(const net::Address &ip) const;
    // Why the service may not use ip (held by others, and not shareable with them), or nullopt
    // when it may: the checks of MetalLB's checkSharing, each with its own message.
    std::optional<std::string> refusal(const net::Address &ip, const ServiceRequest &r) const;
    // Records that the service holds ips, attributed to pool.
    void assign(const ServiceRequest &r, const std::vector<net::Address> &ips, std::size_t pool);

    // The lowest address of family f that the service may use in pool: free, or held but
    // shareable; entries are scanned in configured order, as MetalLB does. Not const: the
    // .0/.255 addresses an avoidBuggyIPs pool skips are learned into its taken set as they
    // are met, so each is stepped over once, not at every scan.
    std::optional<net::Address> lowestAvailable(
        std::size_t pool, net::Family f, const ServiceRequest &r);

    // Addresses of family f attributed to pool, in address order.
    std::vector<net::Address> held(std::size_t pool, net::Family f) const;
    net::Count assigned(std::size_t pool, net::Family f) const;

private:
    // refusal() without the words, for the scan.
    static bool mayShare(const Use &use, const ServiceRequest &r);

    const PoolCatalog &m_catalog;
    std::map<net::Address, Use> m_uses;
    std::vector<net::AddressSet> m_taken; // per pool: held addresses (and learned .0/.255)
    std::vector<std::set<net::Address>> m_byPool; // per pool: addresses attributed to it
    std::map<std::string, std::set<net::Address>> m_bySharingKey;
};

} // namespace k3snet::ipam
