// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/linkoperations.h"

#include "agent/dataplane/netlinksocket.h"
#include "agent/system/errors.h"

#include <cerrno>

#include <net/if.h>
#include <netlink/route/link/bridge.h>
#include <netlink/route/link/vxlan.h>

namespace k3snet::agent {

namespace {

constexpr std::uint16_t kernelDefaultVxlanPort = 8472;

} // namespace

std::error_code LinkOperations::createVxlan(
    const DesiredState::Vxlan &spec, int underlayIndex, bool explicitPort)
{
    nl::LinkPtr link(rtnl_link_vxlan_alloc());
    nl::AddrPtr local = nl::toNlAddr(spec.local);
    nl::AddrPtr mac = nl::toNlAddr(spec.mac);
    if (!link || !local || !mac)
        return errnoCode(ENOMEM);
    rtnl_link_set_name(link.get(), spec.name.c_str());
    rtnl_link_set_mtu(link.get(), unsigned(spec.mtu));
    rtnl_link_set_addr(link.get(), mac.get());
    if (int err = rtnl_link_vxlan_set_id(link.get(), spec.vni); err < 0)
        return errnoCode(EINVAL);
    if (explicitPort || spec.port != kernelDefaultVxlanPort)
        rtnl_link_vxlan_set_port(link.get(), spec.port);
    rtnl_link_vxlan_set_local(link.get(), local.get());
    rtnl_link_vxlan_set_link(link.get(), std::uint32_t(underlayIndex));
    rtnl_link_vxlan_set_learning(link.get(), 0);
    return m_socket.call(
        [&](nl_sock *sk) { return rtnl_link_add(sk, link.get(), NLM_F_CREATE | NLM_F_EXCL); });
}

std::error_code LinkOperations::createBridge(const DesiredState::Bridge &spec)
{
    nl::LinkPtr link(rtnl_link_bridge_alloc());
    if (!link)
        return errnoCode(ENOMEM);
    rtnl_link_set_name(link.get(), spec.name.c_str());
    rtnl_link_set_mtu(link.get(), unsigned(spec.mtu));
    return m_socket.call(
        [&](nl_sock *sk) { return rtnl_link_add(sk, link.get(), NLM_F_CREATE | NLM_F_EXCL); });
}

std::error_code LinkOperations::remove(int ifindex)
{
    nl::LinkPtr link(rtnl_link_alloc());
    if (!link)
        return errnoCode(ENOMEM);
    rtnl_link_set_ifindex(link.get(), ifindex);
    return m_socket.call([&](nl_sock *sk) { return rtnl_link_delete(sk, link.get()); });
}

template<class Configure> std::error_code LinkOperations::change(int ifindex, Configure &&configure)
{
    nl::LinkPtr orig(rtnl_link_alloc());
    nl::LinkPtr changes(rtnl_link_alloc());
    if (!orig || !changes)
        return errnoCode(ENOMEM);
    rtnl_link_set_ifindex(orig.get(), ifindex);
    configure(changes.get());
    return m_socket.call(
        [&](nl_sock *sk) { return rtnl_link_change(sk, orig.get(), changes.get(), 0); });
}

std::error_code LinkOperations::setMtu(int ifindex, int mtu)
{
    return change(ifindex, [mtu](rtnl_link *l) { rtnl_link_set_mtu(l, unsigned(mtu)); });
}

std::error_code LinkOperations::setMac(int ifindex, const MacAddress &mac)
{
    nl::AddrPtr addr = nl::toNlAddr(mac);
    if (!addr)
        return errnoCode(ENOMEM);
    return change(ifindex, [&addr](rtnl_link *l) { rtnl_link_set_addr(l, addr.get()); });
}

std::error_code LinkOperations::setUp(int ifindex)
{
    return change(ifindex, [](rtnl_link *l) { rtnl_link_set_flags(l, IFF_UP); });
}

std::error_code LinkOperations::addAddress(int ifindex, const AddressState &address)
{
    nl::RtAddrPtr addr(rtnl_addr_alloc());
    nl::AddrPtr local = nl::toNlAddr(address.address, address.prefixLength);
    if (!addr || !local)
        return errnoCode(ENOMEM);
    rtnl_addr_set_ifindex(addr.get(), ifindex);
    rtnl_addr_set_family(addr.get(), AF_INET);
    rtnl_addr_set_local(addr.get(), local.get());
    rtnl_addr_set_prefixlen(addr.get(), address.prefixLength);
    // As the CNI bridge plugin (vishvananda/netlink) does: a broadcast address below /31.
    nl::AddrPtr broadcast;
    if (address.prefixLength < 31) {
        const net::Prefix subnet(address.address, address.prefixLength);
        broadcast = nl::toNlAddr(subnet.last());
        if (broadcast)
            rtnl_addr_set_broadcast(addr.get(), broadcast.get());
    }
    const std::error_code ec
        = m_socket.call([&](nl_sock *sk) { return rtnl_addr_add(sk, addr.get(), 0); });
    return ec == std::errc::file_exists ? std::error_code() : ec;
}

std::error_code LinkOperations::removeAddress(int ifindex, const AddressState &address)
{
    nl::RtAddrPtr addr(rtnl_addr_alloc());
    nl::AddrPtr local = nl::toNlAddr(address.address, address.prefixLength);
    if (!addr || !local)
        return errnoCode(ENOMEM);
    rtnl_addr_set_ifindex(addr.get(), ifindex);
    rtnl_addr_set_family(addr.get(), AF_INET);
    rtnl_addr_set_local(addr.get(), local.get());
    rtnl_addr_set_prefixlen(addr.get(), address.prefixLength);
    const std::error_code ec
        = m_socket.call([&](nl_sock *sk) { return rtnl_addr_delete(sk, addr.get(), 0); });
    return ec == std::errc::address_not_available ? std::error_code() : ec;
}

} // namespace k3snet::agent
