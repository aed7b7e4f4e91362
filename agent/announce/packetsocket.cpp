// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/announce/packetsocket.h"

#include "agent/system/errors.h"

#include <array>
#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace k3snet::agent {

namespace {

// ld #pkttype; outgoing -> drop. ld #vlan_avail; tagged -> drop (a tag stripped by the NIC
// belongs to a VLAN device's frame, never to this interface). ldh [12]: ARP -> accept;
// IPv6 -> ldb [20] next header == ICMPv6 -> ldb [54] type 135 or 136 -> accept.
constexpr std::uint32_t acceptLength = l2::maxFrameSize;
// clang-format off
const std::array<sock_filter, 14> frameFilter{{
    /*  0 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, std::uint32_t(SKF_AD_OFF + SKF_AD_PKTTYPE)),
    /*  1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PACKET_OUTGOING, 11, 0),
    /*  2 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, std::uint32_t(SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT)),
    /*  3 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 9),
    /*  4 */ BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 12),
    /*  5 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETH_P_ARP, 6, 0),
    /*  6 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETH_P_IPV6, 0, 6),
    /*  7 */ BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 20),
    /*  8 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IPPROTO_ICMPV6, 0, 4),
    /*  9 */ BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 54),
    /* 10 */ BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 135, 0, 2),
    /* 11 */ BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, 136, 1, 0),
    /* 12 */ BPF_STMT(BPF_RET | BPF_K, acceptLength),
    /* 13 */ BPF_STMT(BPF_RET | BPF_K, 0),
}};
// clang-format on

} // namespace

std::error_code PacketSocket::open(int ifindex)
{
    m_ifindex = ifindex;
    m_groups.clear();
    m_mld.reset();
    // Protocol 0: the socket receives nothing until it is bound, so no frame can slip past
    // the filter in between.
    UniqueFd fd(::socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd)
        return errnoCode(errno);
    sock_fprog program{};
    program.len = static_cast<unsigned short>(frameFilter.size());
    program.filter = const_cast<sock_filter *>(frameFilter.data());
    if (::setsockopt(fd.get(), SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program) != 0)
        return errnoCode(errno);
    const int lock = 1;
    // Best effort: nobody with the descriptor can swap the filter afterwards.
    ::setsockopt(fd.get(), SOL_SOCKET, SO_LOCK_FILTER, &lock, sizeof lock);
    // Replies and gratuitous ARPs go out ahead of bulk traffic queued on the same device.
    const int priority = 6; // TC_PRIO_INTERACTIVE
    ::setsockopt(fd.get(), SOL_SOCKET, SO_PRIORITY, &priority, sizeof priority);
    // Room for a burst of requests (an ARP storm, a flood) while the loop is busy elsewhere;
    // the kernel caps it at net.core.rmem_max.
    const int receiveBuffer = 1 << 20;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    sockaddr_ll addr{};
    addr.sll_family = AF_PACKET;
    addr.sll_protocol = htons(ETH_P_ALL);
    addr.sll_ifindex = ifindex;
    if (::bind(fd.get(), reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0)
        return errnoCode(errno);
    m_fd = std::move(fd);
    return {};
}

ssize_t PacketSocket::receive(std::uint8_t *buffer, std::size_t capacity, bool &truncated)
{
    for (;;) {
        const ssize_t n = ::recv(m_fd.get(), buffer, capacity, MSG_TRUNC | MSG_DONTWAIT);
        if (n >= 0) {
            truncated = std::size_t(n) > capacity;
            return truncated ? ssize_t(capacity) : n;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        return -errno;
    }
}

std::error_code PacketSocket::send(const std::uint8_t *frame, std::size_t length)
{
    for (;;) {
        const ssize_t n = ::send(m_fd.get(), frame, length, MSG_DONTWAIT);
        if (n == ssize_t(length))
            return {};
        if (n >= 0)
            return errnoCode(EMSGSIZE);
        if (errno != EINTR)
            return errnoCode(errno);
    }
}

std::error_code PacketSocket::setSolicitedNodeGroups(const std::set<l2::Ip6> &groups)
{
    if (groups == m_groups)
        return {};
    if (!m_mld) {
        m_mld.reset(::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0));
        if (!m_mld)
            return errnoCode(errno);
    }
    std::error_code first;
    auto change = [&](const l2::Ip6 &group, int option) {
        ipv6_mreq req{};
        std::memcpy(req.ipv6mr_multiaddr.s6_addr, group.data(), group.size());
        req.ipv6mr_interface = unsigned(m_ifindex);
        if (::setsockopt(m_mld.get(), IPPROTO_IPV6, option, &req, sizeof req) != 0 && !first)
            first = errnoCode(errno);
    };
    for (const l2::Ip6 &g : m_groups) {
        if (!groups.count(g))
            change(g, IPV6_LEAVE_GROUP);
    }
    for (const l2::Ip6 &g : groups) {
        if (!m_groups.count(g))
            change(g, IPV6_JOIN_GROUP);
    }
    m_groups = groups;
    return first;
}

} // namespace k3snet::agent
