// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/firewall/nftprobe.h"

#include "agent/system/uniquefd.h"

#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace k3snet::agent {

namespace {

struct Request
{
    nlmsghdr header;
    nfgenmsg message;
    nlattr nameAttribute;
    char name[256];
};

} // namespace

NftTablePresence probeNftTable(const std::string &name)
{
    if (name.empty() || name.size() >= sizeof(Request::name))
        return NftTablePresence::Unknown;
    UniqueFd fd(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER));
    if (!fd)
        return NftTablePresence::Unknown;
    timeval timeout{1, 0};
    ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);

    // GETTABLE for one table by name: the kernel answers with the table or with ENOENT.
    Request request{};
    const std::size_t attributeLength = NLA_HDRLEN + name.size() + 1;
    request.header.nlmsg_len
        = NLMSG_LENGTH(sizeof(nfgenmsg)) + static_cast<unsigned>(NLA_ALIGN(attributeLength));
    request.header.nlmsg_type = (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_GETTABLE;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
    request.header.nlmsg_seq = 1;
    request.message.nfgen_family = NFPROTO_IPV4;
    request.message.version = NFNETLINK_V0;
    request.nameAttribute.nla_len = static_cast<unsigned short>(attributeLength);
    request.nameAttribute.nla_type = NFTA_TABLE_NAME;
    std::memcpy(request.name, name.data(), name.size());
    if (::send(fd.get(), &request, request.header.nlmsg_len, 0) < 0)
        return NftTablePresence::Unknown;

    alignas(nlmsghdr) char buffer[8192];
    for (int reads = 0; reads < 8; ++reads) {
        const ssize_t n = ::recv(fd.get(), buffer, sizeof buffer, 0);
        if (n < 0)
            return NftTablePresence::Unknown;
        int remaining = static_cast<int>(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buffer); NLMSG_OK(h, remaining);
            h = NLMSG_NEXT(h, remaining)) {
            if (h->nlmsg_type == NLMSG_ERROR) {
                const auto *e = static_cast<const nlmsgerr *>(NLMSG_DATA(h));
                if (e->error == 0)
                    continue; // the ACK after the table itself
                // No such table, or no nf_tables in this kernel (module not loaded, so no
                // table can exist either).
                if (e->error == -ENOENT || e->error == -EOPNOTSUPP || e->error == -EAFNOSUPPORT)
                    return NftTablePresence::Absent;
                return NftTablePresence::Unknown;
            }
            if ((h->nlmsg_type & 0xff) == NFT_MSG_NEWTABLE)
                return NftTablePresence::Present;
            if (h->nlmsg_type == NLMSG_DONE)
                return NftTablePresence::Absent;
        }
    }
    return NftTablePresence::Unknown;
}

} // namespace k3snet::agent
