// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/netlinkmonitor.h"

#include "agent/system/errors.h"
#include "agent/system/log.h"

#include <array>
#include <cerrno>
#include <cstring>

#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/errno.h>

namespace k3snet::agent {

namespace {

constexpr int maxDatagramsPerDrain = 256;

std::string ifName(int ifindex, const NetlinkMonitor::Watch &w)
{
    if (ifindex == w.vxlan)
        return w.vxlanName;
    if (ifindex == w.bridge)
        return w.bridgeName;
    if (ifindex == w.underlay)
        return w.underlayName;
    return "ifindex " + std::to_string(ifindex);
}

bool isWatched(int ifindex, const NetlinkMonitor::Watch &w)
{
    return ifindex > 0 && (ifindex == w.vxlan || ifindex == w.bridge || ifindex == w.underlay);
}

} // namespace

std::error_code NetlinkMonitor::open()
{
    m_sock.reset(nl_socket_alloc());
    if (!m_sock)
        return errnoCode(ENOMEM);
    nl_sock *sk = m_sock.get();
    nl_socket_disable_seq_check(sk);
    nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, &NetlinkMonitor::onMessage, this);
    if (int err = nl_connect(sk, NETLINK_ROUTE); err < 0) {
        m_sock.reset();
        return errnoCode(err == -NLE_PERM ? EPERM : EIO);
    }
    if (int err = nl_socket_add_memberships(
            sk, RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_ROUTE, RTNLGRP_NEIGH, 0);
        err < 0) {
        m_sock.reset();
        return errnoCode(EIO);
    }
    // Room for the burst of a full rebuild with hundreds of peers; the kernel only charges
    // what is queued.
    nl_socket_set_buffer_size(sk, 1 << 20, 0);
    nl_socket_set_nonblocking(sk);
    return {};
}

int NetlinkMonitor::fd() const
{
    return m_sock ? nl_socket_get_fd(m_sock.get()) : -1;
}

NetlinkMonitor::Events NetlinkMonitor::drain()
{
    m_events = Events();
    for (int i = 0; i < maxDatagramsPerDrain; ++i) {
        const int err = nl_recvmsgs_default(m_sock.get());
        if (err == -NLE_AGAIN || err == 0)
            break;
        if (err == -NLE_NOMEM) {
            // recvmsg's ENOBUFS: the kernel dropped notifications for us. The fix is a full
            // read, which the reconcile does; a larger buffer would only postpone it.
            m_events.overflow = true;
            continue;
        }
        if (err < 0) {
            log::warning(std::string("netlink event socket: ") + nl_geterror(err));
            break;
        }
    }
    return m_events;
}

int NetlinkMonitor::onMessage(nl_msg *msg, void *arg)
{
    auto *self = static_cast<NetlinkMonitor *>(arg);
    const sockaddr_nl *src = nlmsg_get_src(msg);
    if (!src || src->nl_pid != 0)
        return NL_SKIP; // not from the kernel
    self->handle(nlmsg_hdr(msg));
    return NL_OK;
}

void NetlinkMonitor::note(const std::string &what)
{
    if (!m_events.relevant)
        m_events.first = what;
    m_events.relevant = true;
}

bool NetlinkMonitor::watchedLinkName(const nlmsghdr *hdr) const
{
    static const auto policy = [] {
        std::array<nla_policy, IFLA_MAX + 1> p{};
        p[IFLA_IFNAME].type = NLA_STRING;
        return p;
    }();
    nlattr *tb[IFLA_MAX + 1];
    if (nlmsg_parse(const_cast<nlmsghdr *>(hdr), sizeof(ifinfomsg), tb, IFLA_MAX, policy.data()) < 0
        || !tb[IFLA_IFNAME])
        return false;
    const char *name = static_cast<const char *>(nla_data(tb[IFLA_IFNAME]));
    const std::size_t len = ::strnlen(name, std::size_t(nla_len(tb[IFLA_IFNAME])));
    const std::string_view n(name, len);
    return n == m_watch.vxlanName || n == m_watch.bridgeName || n == m_watch.underlayName;
}

void NetlinkMonitor::handle(const nlmsghdr *hdr)
{
    const bool added = hdr->nlmsg_type == RTM_NEWLINK || hdr->nlmsg_type == RTM_NEWADDR
        || hdr->nlmsg_type == RTM_NEWROUTE || hdr->nlmsg_type == RTM_NEWNEIGH;
    const char *verb = added ? "changed" : "deleted";
    switch (hdr->nlmsg_type) {
    case RTM_NEWLINK:
    case RTM_DELLINK: {
        if (!nlmsg_valid_hdr(hdr, sizeof(ifinfomsg)))
            return;
        const auto *ifi = static_cast<const ifinfomsg *>(nlmsg_data(hdr));
        if (isWatched(ifi->ifi_index, m_watch) || watchedLinkName(hdr))
            note(std::string("link ") + ifName(ifi->ifi_index, m_watch) + " " + verb);
        return;
    }
    case RTM_NEWADDR:
    case RTM_DELADDR: {
        if (!nlmsg_valid_hdr(hdr, sizeof(ifaddrmsg)))
            return;
        const auto *ifa = static_cast<const ifaddrmsg *>(nlmsg_data(hdr));
        if (ifa->ifa_family == AF_INET && isWatched(int(ifa->ifa_index), m_watch))
            note(std::string("address ") + verb + " on " + ifName(int(ifa->ifa_index), m_watch));
        return;
    }
    case RTM_NEWROUTE:
    case RTM_DELROUTE: {
        if (!nlmsg_valid_hdr(hdr, sizeof(rtmsg)) || m_watch.vxlan <= 0)
            return;
        const auto *rtm = static_cast<const rtmsg *>(nlmsg_data(hdr));
        if (rtm->rtm_family != AF_INET)
            return;
        static const auto policy = [] {
            std::array<nla_policy, RTA_MAX + 1> p{};
            p[RTA_OIF].type = NLA_U32;
            p[RTA_TABLE].type = NLA_U32;
            return p;
        }();
        nlattr *tb[RTA_MAX + 1];
        if (nlmsg_parse(const_cast<nlmsghdr *>(hdr), sizeof(rtmsg), tb, RTA_MAX, policy.data()) < 0)
            return;
        const std::uint32_t table = tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) : rtm->rtm_table;
        if (table != RT_TABLE_MAIN || !tb[RTA_OIF]
            || int(nla_get_u32(tb[RTA_OIF])) != m_watch.vxlan)
            return;
        note(std::string("route ") + verb + " on " + m_watch.vxlanName);
        return;
    }
    case RTM_NEWNEIGH:
    case RTM_DELNEIGH: {
        if (!nlmsg_valid_hdr(hdr, sizeof(ndmsg)) || m_watch.vxlan <= 0)
            return;
        const auto *ndm = static_cast<const ndmsg *>(nlmsg_data(hdr));
        if ((ndm->ndm_family != AF_INET && ndm->ndm_family != AF_BRIDGE)
            || ndm->ndm_ifindex != m_watch.vxlan)
            return;
        note(std::string(ndm->ndm_family == AF_BRIDGE ? "FDB entry " : "neighbour ") + verb + " on "
            + m_watch.vxlanName);
        return;
    }
    default:
        return;
    }
}

} // namespace k3snet::agent
