// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/membership/heartbeatpacket.h"
#include "agent/system/uniquefd.h"
#include "domain/net/address.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>

namespace k3snet::agent {

// The membership's UDP socket: bound to this node's LAN address on the heartbeat port, marked
// as network control traffic (DSCP CS6, SO_PRIORITY 6) so that it leaves before bulk traffic,
// with a receive buffer deep enough to hold every peer's heartbeats over a stall of this node.
// Sends one datagram to every peer with one sendmmsg(2) and receives in batches with
// recvmmsg(2). Non-blocking.
class HeartbeatSocket
{
public:
    // Throws std::runtime_error naming address:port and the reason. Settings the kernel refused
    // without making the socket useless are described in notes, for the log.
    HeartbeatSocket(
        const net::Address &address, std::uint16_t port, std::vector<std::string> &notes);
    HeartbeatSocket(const HeartbeatSocket &) = delete;
    HeartbeatSocket &operator=(const HeartbeatSocket &) = delete;

    int fd() const { return m_fd.get(); }
    net::Family family() const { return m_family; }
    std::uint16_t port() const { return m_port; }

    // Peers of the other address family are left out (reported in notes).
    void setDestinations(const std::vector<net::Address> &peers, std::vector<std::string> &notes);

    struct SendResult
    {
        std::size_t sent = 0;
        std::size_t failed = 0;
        int firstError = 0;
    };
    SendResult sendToAll(std::span<const std::uint8_t> packet);

    struct Datagram
    {
        std::span<const std::uint8_t> bytes;
        bool oversized = false; // larger than heartbeat::maxPacketSize; bytes are cut short
        net::Address source;
        bool sourceKnown = false; // false for a sender of another family
    };
    static constexpr std::size_t batchSize = 32;
    // Reads up to batchSize datagrams into out, valid until the next call; empty when none is
    // waiting. Returns false on a socket error other than EAGAIN (errorOut holds errno).
    // Allocates nothing.
    bool receive(std::span<const Datagram> &out, int &errorOut);

private:
    UniqueFd m_fd;
    net::Family m_family = net::Family::V4;
    std::uint16_t m_port = 0;
    std::vector<sockaddr_storage> m_destinations;
    std::vector<mmsghdr> m_sendHeaders;
    std::vector<std::array<std::uint8_t, heartbeat::maxPacketSize>> m_buffers;
    std::vector<sockaddr_storage> m_sources;
    std::vector<iovec> m_receiveVectors;
    std::vector<mmsghdr> m_receiveHeaders;
    std::vector<Datagram> m_datagrams;
};

// sockaddr_in / sockaddr_in6 for an address and port; returns its length.
socklen_t toSockaddr(const net::Address &address, std::uint16_t port, sockaddr_storage &out);

} // namespace k3snet::agent
