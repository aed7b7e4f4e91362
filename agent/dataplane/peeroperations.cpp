// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/peeroperations.h"

#include "agent/dataplane/netlinksocket.h"
#include "agent/system/errors.h"

#include <cerrno>

#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/route/nexthop.h>

namespace k3snet::agent {

namespace {

std::error_code ignoreMissing(std::error_code ec)
{
    if (ec == std::errc::no_such_file_or_directory || ec == std::errc::no_such_process)
        return {};
    return ec;
}

} // namespace

std::error_code PeerOperations::replaceNeighbour(
    int ifindex, const net::Address &dst, const MacAddress &mac)
{
    nl::NeighPtr neigh(rtnl_neigh_alloc());
    nl::AddrPtr ip = nl::toNlAddr(dst);
    nl::AddrPtr ll = nl::toNlAddr(mac);
    if (!neigh || !ip || !ll)
        return errnoCode(ENOMEM);
    rtnl_neigh_set_ifindex(neigh.get(), ifindex);
    rtnl_neigh_set_dst(neigh.get(), ip.get());
    rtnl_neigh_set_lladdr(neigh.get(), ll.get());
    rtnl_neigh_set_state(neigh.get(), NUD_PERMANENT);
    return m_socket.call(
        [&](nl_sock *sk) { return rtnl_neigh_add(sk, neigh.get(), NLM_F_CREATE | NLM_F_REPLACE); });
}

std::error_code PeerOperations::removeNeighbour(int ifindex, const net::Address &dst)
{
    nl::NeighPtr neigh(rtnl_neigh_alloc());
    nl::AddrPtr ip = nl::toNlAddr(dst);
    if (!neigh || !ip)
        return errnoCode(ENOMEM);
    rtnl_neigh_set_ifindex(neigh.get(), ifindex);
    rtnl_neigh_set_dst(neigh.get(), ip.get());
    return ignoreMissing(
        m_socket.call([&](nl_sock *sk) { return rtnl_neigh_delete(sk, neigh.get(), 0); }));
}

std::error_code PeerOperations::replaceFdb(
    int ifindex, const MacAddress &mac, const net::Address &dst)
{
    nl::NeighPtr neigh(rtnl_neigh_alloc());
    nl::AddrPtr ip = nl::toNlAddr(dst);
    nl::AddrPtr ll = nl::toNlAddr(mac);
    if (!neigh || !ip || !ll)
        return errnoCode(ENOMEM);
    rtnl_neigh_set_ifindex(neigh.get(), ifindex);
    // The destination first: libnl refuses an IPv4 dst once the family is AF_BRIDGE.
    rtnl_neigh_set_dst(neigh.get(), ip.get());
    rtnl_neigh_set_family(neigh.get(), AF_BRIDGE);
    rtnl_neigh_set_lladdr(neigh.get(), ll.get());
    rtnl_neigh_set_state(neigh.get(), NUD_PERMANENT);
    rtnl_neigh_set_flags(neigh.get(), NTF_SELF);
    return m_socket.call(
        [&](nl_sock *sk) { return rtnl_neigh_add(sk, neigh.get(), NLM_F_CREATE | NLM_F_REPLACE); });
}

std::error_code PeerOperations::removeFdb(int ifindex, const FdbState &entry)
{
    nl::NeighPtr neigh(rtnl_neigh_alloc());
    nl::AddrPtr ll = nl::toNlAddr(entry.mac);
    nl::AddrPtr ip = entry.dst ? nl::toNlAddr(*entry.dst) : nullptr;
    if (!neigh || !ll || (entry.dst && !ip))
        return errnoCode(ENOMEM);
    rtnl_neigh_set_ifindex(neigh.get(), ifindex);
    if (ip)
        rtnl_neigh_set_dst(neigh.get(), ip.get());
    rtnl_neigh_set_family(neigh.get(), AF_BRIDGE);
    rtnl_neigh_set_lladdr(neigh.get(), ll.get());
    rtnl_neigh_set_flags(neigh.get(), NTF_SELF);
    return ignoreMissing(
        m_socket.call([&](nl_sock *sk) { return rtnl_neigh_delete(sk, neigh.get(), 0); }));
}

std::error_code PeerOperations::replaceRoute(
    int ifindex, const net::Prefix &dst, const net::Address &gateway)
{
    nl::RoutePtr route(rtnl_route_alloc());
    nl::AddrPtr to = nl::toNlAddr(dst.network(), dst.length());
    nl::AddrPtr via = nl::toNlAddr(gateway);
    rtnl_nexthop *nh = rtnl_route_nh_alloc();
    if (!route || !to || !via || !nh) {
        if (nh)
            rtnl_route_nh_free(nh);
        return errnoCode(ENOMEM);
    }
    rtnl_route_set_family(route.get(), AF_INET);
    rtnl_route_set_table(route.get(), RT_TABLE_MAIN);
    rtnl_route_set_type(route.get(), RTN_UNICAST);
    rtnl_route_set_scope(route.get(), RT_SCOPE_UNIVERSE);
    rtnl_route_set_protocol(route.get(), RTPROT_BOOT);
    rtnl_route_set_dst(route.get(), to.get());
    rtnl_route_nh_set_ifindex(nh, ifindex);
    rtnl_route_nh_set_gateway(nh, via.get());
    // onlink: the gateway (the peer's podCIDR .0) is not on any subnet of the device; the
    // permanent neighbour entry answers for it, so the kernel never ARPs.
    rtnl_route_nh_set_flags(nh, RTNH_F_ONLINK);
    rtnl_route_add_nexthop(route.get(), nh); // the route owns nh from here
    return m_socket.call(
        [&](nl_sock *sk) { return rtnl_route_add(sk, route.get(), NLM_F_REPLACE); });
}

std::error_code PeerOperations::removeRoute(int ifindex, const RouteState &r)
{
    nl::RoutePtr route(rtnl_route_alloc());
    nl::AddrPtr to = nl::toNlAddr(r.dst.network(), r.dst.length());
    rtnl_nexthop *nh = rtnl_route_nh_alloc();
    if (!route || !to || !nh) {
        if (nh)
            rtnl_route_nh_free(nh);
        return errnoCode(ENOMEM);
    }
    rtnl_route_set_family(route.get(), AF_INET);
    rtnl_route_set_table(route.get(), RT_TABLE_MAIN);
    rtnl_route_set_scope(route.get(), r.scope);
    rtnl_route_set_type(route.get(), r.type);
    // libnl's default protocol is "static", and the kernel deletes only a route whose
    // protocol matches the request's: say the one the route has.
    rtnl_route_set_protocol(route.get(), r.protocol);
    rtnl_route_set_dst(route.get(), to.get());
    rtnl_route_set_priority(route.get(), r.priority);
    rtnl_route_nh_set_ifindex(nh, ifindex);
    rtnl_route_add_nexthop(route.get(), nh);
    return ignoreMissing(
        m_socket.call([&](nl_sock *sk) { return rtnl_route_delete(sk, route.get(), 0); }));
}

} // namespace k3snet::agent
