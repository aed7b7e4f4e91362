// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/desiredstate.h"
#include "agent/dataplane/kernelstate.h"

#include <system_error>

namespace k3snet::agent {

class NetlinkSocket;

// The three kernel objects flannel keeps per remote node on the VXLAN device
// (flannel-k3s.md §1.4), with create-or-replace semantics like flannel's NeighSet and
// RouteReplace; deletes of entries that are already gone count as success.
class PeerOperations
{
public:
    explicit PeerOperations(NetlinkSocket &socket)
        : m_socket(socket)
    {
    }

    // ip neigh replace <gateway> lladdr <mac> dev <vxlan> nud permanent
    std::error_code replaceNeighbour(int ifindex, const net::Address &dst, const MacAddress &mac);
    std::error_code removeNeighbour(int ifindex, const net::Address &dst);
    // bridge fdb replace <mac> dev <vxlan> dst <lanIP> self permanent
    std::error_code replaceFdb(int ifindex, const MacAddress &mac, const net::Address &dst);
    // Removes one remote of an entry (all of it when dst is unset).
    std::error_code removeFdb(int ifindex, const FdbState &entry);
    // ip route replace <podCIDR> via <gateway> dev <vxlan> onlink
    std::error_code replaceRoute(int ifindex, const net::Prefix &dst, const net::Address &gateway);
    std::error_code removeRoute(int ifindex, const RouteState &route);

private:
    NetlinkSocket &m_socket;
};

} // namespace k3snet::agent
