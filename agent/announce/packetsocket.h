// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/announce/l2frame.h"
#include "agent/system/uniquefd.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <system_error>

#include <sys/types.h>

namespace k3snet::agent {

// One AF_PACKET socket on one interface with a classic BPF filter attached before it is
// bound, so that only incoming ARP and ICMPv6 Neighbor Solicitations/Advertisements without
// a VLAN tag ever reach user space (not the node's other traffic, not our own transmissions).
class PacketSocket
{
public:
    std::error_code open(int ifindex);
    int fd() const { return m_fd.get(); }
    int ifindex() const { return m_ifindex; }

    // One frame into buffer: its length, 0 when nothing is queued, -errno on failure.
    // truncated says the frame was longer than capacity.
    ssize_t receive(std::uint8_t *buffer, std::size_t capacity, bool &truncated);
    std::error_code send(const std::uint8_t *frame, std::size_t length);

    // The solicited-node groups of the IPv6 addresses answered here: joined through an IPv6
    // socket, so the kernel also reports them with MLD and snooping switches forward the
    // solicitations to us. Joins what is new, leaves what is gone.
    std::error_code setSolicitedNodeGroups(const std::set<l2::Ip6> &groups);

private:
    UniqueFd m_fd;
    UniqueFd m_mld; // IPv6 datagram socket that holds the group memberships
    int m_ifindex = 0;
    std::set<l2::Ip6> m_groups;
};

} // namespace k3snet::agent
