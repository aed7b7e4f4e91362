// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/macaddress.h"
#include "domain/net/address.h"
#include "domain/net/prefix.h"

#include <memory>
#include <optional>

#include <netlink/addr.h>
#include <netlink/handlers.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>
#include <netlink/socket.h>

// Owning pointers for libnl objects (each freed with its own put/free function) and the
// conversions between libnl addresses and k3snet's value types, with their lengths checked.
namespace k3snet::agent::nl {

template<class T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const
    {
        if (p)
            Free(p);
    }
};

using SocketPtr = std::unique_ptr<nl_sock, Deleter<nl_sock, nl_socket_free>>;
using AddrPtr = std::unique_ptr<nl_addr, Deleter<nl_addr, nl_addr_put>>;
using LinkPtr = std::unique_ptr<rtnl_link, Deleter<rtnl_link, rtnl_link_put>>;
using RtAddrPtr = std::unique_ptr<rtnl_addr, Deleter<rtnl_addr, rtnl_addr_put>>;
using RoutePtr = std::unique_ptr<rtnl_route, Deleter<rtnl_route, rtnl_route_put>>;
using NeighPtr = std::unique_ptr<rtnl_neigh, Deleter<rtnl_neigh, rtnl_neigh_put>>;
using CbPtr = std::unique_ptr<nl_cb, Deleter<nl_cb, nl_cb_put>>;

// An IP address as a libnl address (AF_INET/AF_INET6), with a prefix length when >= 0.
AddrPtr toNlAddr(const net::Address &address, int prefixLength = -1);
AddrPtr toNlAddr(const MacAddress &mac);
// nullopt unless the family and the length agree (4 bytes IPv4, 16 bytes IPv6).
std::optional<net::Address> toAddress(const nl_addr *addr);
// For NDA_DST of AF_BRIDGE entries, whose family libnl cannot know: judged by length.
std::optional<net::Address> toAddressByLength(const nl_addr *addr);
std::optional<MacAddress> toMac(const nl_addr *addr);

} // namespace k3snet::agent::nl
