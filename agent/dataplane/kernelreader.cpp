// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/kernelreader.h"

#include "agent/dataplane/netlinksocket.h"
#include "agent/system/errors.h"
#include "agent/system/sysctl.h"

#include <cerrno>
#include <cstring>

#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netlink/route/link/vxlan.h>
#include <netlink/route/nexthop.h>

namespace k3snet::agent {

namespace {

bool isType(nl_object *object, const char *type)
{
    const char *t = nl_object_get_type(object);
    return t && std::strcmp(t, type) == 0;
}

LinkState toLinkState(rtnl_link *link)
{
    LinkState s;
    s.ifindex = rtnl_link_get_ifindex(link);
    if (const char *name = rtnl_link_get_name(link))
        s.name = name;
    if (const char *kind = rtnl_link_get_type(link))
        s.kind = kind;
    s.flags = rtnl_link_get_flags(link);
    s.mtu = rtnl_link_get_mtu(link);
    s.mac = nl::toMac(rtnl_link_get_addr(link));
    if (rtnl_link_is_vxlan(link)) {
        LinkState::Vxlan v;
        std::uint32_t value = 0;
        if (rtnl_link_vxlan_get_id(link, &value) == 0)
            v.vni = value;
        if (rtnl_link_vxlan_get_port(link, &value) == 0 && value <= 0xffff)
            v.port = std::uint16_t(value);
        nl_addr *local = nullptr;
        if (rtnl_link_vxlan_get_local(link, &local) == 0) {
            nl::AddrPtr owned(local);
            v.local = nl::toAddress(local);
        }
        if (rtnl_link_vxlan_get_link(link, &value) == 0)
            v.underlayIndex = value;
        v.learning = rtnl_link_vxlan_get_learning(link) > 0;
        s.vxlan = v;
    }
    return s;
}

// A route's destination; libnl gives the default route an address of length 0.
std::optional<net::Prefix> routeDst(rtnl_route *route)
{
    nl_addr *dst = rtnl_route_get_dst(route);
    if (!dst)
        return std::nullopt;
    const int len = int(nl_addr_get_prefixlen(dst));
    if (nl_addr_get_len(dst) == 0 && len == 0)
        return net::Prefix(net::Address::v4(0), 0);
    const auto address = nl::toAddress(dst);
    if (!address || len < 0 || len > address->bits())
        return std::nullopt;
    return net::Prefix(*address, len);
}

std::string readFailed(const char *what, const NetlinkSocket &socket)
{
    return std::string("reading ") + what + " over netlink failed: " + socket.lastError();
}

} // namespace

std::error_code KernelReader::read(
    const DesiredState &desired, KernelState &state, std::string &error)
{
    // An interrupted dump means the tables changed under us; a fresh read is the answer
    // (bounded: a table that changes faster than it can be read is reported, not spun on).
    std::error_code ec;
    for (int attempt = 0; attempt < 5; ++attempt) {
        state = KernelState();
        ec = readOnce(desired, state, error);
        if (ec != std::errc::interrupted)
            return ec;
    }
    return ec;
}

std::error_code KernelReader::readLink(
    const std::string &name, std::optional<LinkState> &link, std::string &error)
{
    link.reset();
    if (name.empty() || name.size() >= IFNAMSIZ) {
        error = "interface name \"" + name + "\" is not valid";
        return errnoCode(EINVAL);
    }
    rtnl_link *raw = nullptr;
    const std::error_code ec = m_socket.call(
        [&](nl_sock *sk) { return rtnl_link_get_kernel(sk, 0, name.c_str(), &raw); });
    nl::LinkPtr owned(raw);
    if (ec == std::errc::no_such_device || ec == std::errc::no_such_file_or_directory)
        return {};
    if (ec) {
        error = "reading link " + name + " over netlink failed: " + m_socket.lastError();
        return ec;
    }
    if (owned)
        link = toLinkState(owned.get());
    return {};
}

std::error_code KernelReader::readOnce(
    const DesiredState &desired, KernelState &state, std::string &error)
{
    std::error_code ec;
    const auto forward = sysctl::read("net/ipv4/ip_forward", ec);
    state.ipForward = forward && *forward == "1";

    if ((ec = readLink(desired.vxlan.underlay, state.underlay, error)))
        return ec;
    if ((ec = readLink(desired.vxlan.name, state.vxlan, error)))
        return ec;
    if ((ec = readLink(desired.bridge.name, state.bridge, error)))
        return ec;
    if ((ec = readAddresses(state, error)))
        return ec;
    if (!state.vxlan)
        return {};
    std::error_code sysctlError;
    state.vxlanAcceptRa
        = sysctl::read("net/ipv6/conf/" + state.vxlan->name + "/accept_ra", sysctlError);
    const int ifindex = state.vxlan->ifindex;
    if ((ec = readRoutes(ifindex, state, error)))
        return ec;
    if ((ec = readNeighbours(ifindex, state, error)))
        return ec;
    return readFdb(ifindex, state, error);
}

std::error_code KernelReader::readAddresses(KernelState &state, std::string &error)
{
    const int underlay = state.underlay ? state.underlay->ifindex : -1;
    const int vxlan = state.vxlan ? state.vxlan->ifindex : -1;
    const int bridge = state.bridge ? state.bridge->ifindex : -1;
    struct ifaddrmsg req
    {
    };
    req.ifa_family = AF_INET;
    const std::error_code ec = m_socket.dump(RTM_GETADDR, &req, sizeof req, [&](nl_object *object) {
        if (!isType(object, "route/addr"))
            return;
        auto *addr = reinterpret_cast<rtnl_addr *>(object);
        if (rtnl_addr_get_family(addr) != AF_INET)
            return;
        const auto local = nl::toAddress(rtnl_addr_get_local(addr));
        const int len = rtnl_addr_get_prefixlen(addr);
        if (!local || len < 0 || len > 32)
            return;
        const int ifindex = rtnl_addr_get_ifindex(addr);
        const AddressState a{*local, len};
        if (ifindex == underlay)
            state.underlayAddresses.push_back(a);
        if (ifindex == vxlan)
            state.vxlanAddresses.push_back(a);
        if (ifindex == bridge)
            state.bridgeAddresses.push_back(a);
    });
    if (ec)
        error = readFailed("IPv4 addresses", m_socket);
    return ec;
}

std::error_code KernelReader::readRoutes(int ifindex, KernelState &state, std::string &error)
{
    struct rtmsg req
    {
    };
    req.rtm_family = AF_INET;
    const std::error_code ec
        = m_socket.dump(RTM_GETROUTE, &req, sizeof req, [&](nl_object *object) {
              if (!isType(object, "route/route"))
                  return;
              auto *route = reinterpret_cast<rtnl_route *>(object);
              if (rtnl_route_get_family(route) != AF_INET
                  || rtnl_route_get_table(route) != RT_TABLE_MAIN)
                  return;
              const int count = rtnl_route_get_nnexthops(route);
              bool onDevice = false;
              for (int i = 0; i < count; ++i) {
                  rtnl_nexthop *nh = rtnl_route_nexthop_n(route, i);
                  if (nh && rtnl_route_nh_get_ifindex(nh) == ifindex)
                      onDevice = true;
              }
              if (!onDevice)
                  return;
              const auto dst = routeDst(route);
              if (!dst)
                  return;
              RouteState r;
              r.dst = *dst;
              r.oif = ifindex;
              r.priority = rtnl_route_get_priority(route);
              r.scope = rtnl_route_get_scope(route);
              r.type = rtnl_route_get_type(route);
              r.protocol = rtnl_route_get_protocol(route);
              r.nexthops = count;
              r.onlink = rtnl_route_get_flags(route) & RTNH_F_ONLINK;
              if (rtnl_nexthop *nh = rtnl_route_nexthop_n(route, 0)) {
                  r.gateway = nl::toAddress(rtnl_route_nh_get_gateway(nh));
                  if (rtnl_route_nh_get_flags(nh) & RTNH_F_ONLINK)
                      r.onlink = true;
              }
              state.routes.push_back(r);
          });
    if (ec)
        error = readFailed("IPv4 routes", m_socket);
    return ec;
}

std::error_code KernelReader::readNeighbours(int ifindex, KernelState &state, std::string &error)
{
    struct ndmsg req
    {
    };
    req.ndm_family = AF_INET;
    const std::error_code ec = m_socket.dump(
        RTM_GETNEIGH, &req, sizeof req, [&](nl_object *object) {
            if (!isType(object, "route/neigh"))
                return;
            auto *neigh = reinterpret_cast<rtnl_neigh *>(object);
            if (rtnl_neigh_get_family(neigh) != AF_INET || rtnl_neigh_get_ifindex(neigh) != ifindex)
                return;
            const auto dst = nl::toAddress(rtnl_neigh_get_dst(neigh));
            if (!dst)
                return;
            NeighbourState n;
            n.dst = *dst;
            n.lladdr = nl::toMac(rtnl_neigh_get_lladdr(neigh));
            n.state = std::uint16_t(rtnl_neigh_get_state(neigh));
            state.neighbours.push_back(n);
        });
    if (ec)
        error = readFailed("IPv4 neighbours", m_socket);
    return ec;
}

std::error_code KernelReader::readFdb(int ifindex, KernelState &state, std::string &error)
{
    struct ndmsg req
    {
    };
    req.ndm_family = AF_BRIDGE;
    const std::error_code ec
        = m_socket.dump(RTM_GETNEIGH, &req, sizeof req, [&](nl_object *object) {
              if (!isType(object, "route/neigh"))
                  return;
              auto *neigh = reinterpret_cast<rtnl_neigh *>(object);
              if (rtnl_neigh_get_family(neigh) != AF_BRIDGE
                  || rtnl_neigh_get_ifindex(neigh) != ifindex)
                  return;
              const auto mac = nl::toMac(rtnl_neigh_get_lladdr(neigh));
              if (!mac)
                  return;
              FdbState f;
              f.mac = *mac;
              f.dst = nl::toAddressByLength(rtnl_neigh_get_dst(neigh));
              f.state = std::uint16_t(rtnl_neigh_get_state(neigh));
              f.flags = std::uint8_t(rtnl_neigh_get_flags(neigh));
              state.fdb.push_back(f);
          });
    if (ec)
        error = readFailed("FDB entries", m_socket);
    return ec;
}

} // namespace k3snet::agent
