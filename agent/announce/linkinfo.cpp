// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/announce/linkinfo.h"

#include "agent/dataplane/netlinksocket.h"
#include "agent/dataplane/nlptr.h"
#include "agent/system/errors.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include <ifaddrs.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <netlink/errno.h>
#include <netpacket/packet.h>

namespace k3snet::agent {

namespace {

struct IfaddrsDeleter
{
    void operator()(ifaddrs *p) const { ::freeifaddrs(p); }
};
using IfaddrsPtr = std::unique_ptr<ifaddrs, IfaddrsDeleter>;

IfaddrsPtr readIfaddrs()
{
    ifaddrs *list = nullptr;
    if (::getifaddrs(&list) != 0)
        return nullptr;
    return IfaddrsPtr(list);
}

bool isLinkLocal(const in6_addr &a)
{
    return a.s6_addr[0] == 0xfe && (a.s6_addr[1] & 0xc0) == 0x80;
}

} // namespace

std::string macText(const l2::Mac &mac)
{
    char buf[18];
    std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3],
        mac[4], mac[5]);
    return buf;
}

std::string LinkInfo::unusableReason() const
{
    if (!ethernet)
        return "interface " + name + " is not an Ethernet interface";
    if (!up)
        return "interface " + name + " is down";
    if (master != 0) {
        char masterName[IF_NAMESIZE] = {};
        const std::string m = ::if_indextoname(unsigned(master), masterName)
            ? std::string(masterName)
            : "ifindex " + std::to_string(master);
        // As MetalLB: a bridge or bond port answers through its master.
        return "interface " + name + " is enslaved to " + m + "; announce on " + m + " instead";
    }
    return {};
}

std::string LinkInfo::arpProblem() const
{
    if (noArp)
        return "interface " + name + " has ARP turned off (NOARP)";
    if (!broadcast)
        return "interface " + name + " has no broadcast";
    return {};
}

std::string LinkInfo::ndpProblem() const
{
    if (!linkLocal)
        return "interface " + name + " has no IPv6 link-local address (is IPv6 disabled?)";
    return {};
}

std::optional<LinkInfo> readLinkInfo(const std::string &name, std::string &why)
{
    NetlinkSocket sock;
    if (const auto ec = sock.open()) {
        why = "cannot open rtnetlink: " + errorText(ec);
        return std::nullopt;
    }
    rtnl_link *raw = nullptr;
    const std::error_code ec
        = sock.call([&](nl_sock *s) { return ::rtnl_link_get_kernel(s, 0, name.c_str(), &raw); });
    nl::LinkPtr link(raw);
    if (ec || !link) {
        why = "interface " + name
            + (ec == std::errc::no_such_device || !ec ? std::string(" does not exist")
                                                      : ": " + sock.lastError());
        return std::nullopt;
    }
    LinkInfo info;
    info.name = name;
    info.ifindex = ::rtnl_link_get_ifindex(link.get());
    const unsigned flags = ::rtnl_link_get_flags(link.get());
    info.up = (flags & IFF_UP) != 0;
    info.noArp = (flags & IFF_NOARP) != 0;
    info.broadcast = (flags & IFF_BROADCAST) != 0;
    info.master = ::rtnl_link_get_master(link.get());
    const auto mac = nl::toMac(::rtnl_link_get_addr(link.get()));
    info.ethernet = ::rtnl_link_get_arptype(link.get()) == ARPHRD_ETHER && mac.has_value();
    if (mac)
        info.mac = mac->bytes();

    if (const IfaddrsPtr list = readIfaddrs()) {
        for (const ifaddrs *a = list.get(); a; a = a->ifa_next) {
            if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET6 || !a->ifa_name
                || name != a->ifa_name)
                continue;
            const auto *sin6 = reinterpret_cast<const sockaddr_in6 *>(a->ifa_addr);
            if (!isLinkLocal(sin6->sin6_addr))
                continue;
            l2::Ip6 ll;
            std::memcpy(ll.data(), sin6->sin6_addr.s6_addr, ll.size());
            info.linkLocal = ll;
            break;
        }
    }
    return info;
}

std::vector<l2::Mac> localMacs()
{
    std::vector<l2::Mac> out;
    const IfaddrsPtr list = readIfaddrs();
    for (const ifaddrs *a = list.get(); a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_PACKET)
            continue;
        const auto *ll = reinterpret_cast<const sockaddr_ll *>(a->ifa_addr);
        if (ll->sll_hatype != ARPHRD_ETHER || ll->sll_halen != 6)
            continue;
        l2::Mac mac;
        std::memcpy(mac.data(), ll->sll_addr, mac.size());
        if (std::find(out.begin(), out.end(), mac) == out.end())
            out.push_back(mac);
    }
    return out;
}

} // namespace k3snet::agent
