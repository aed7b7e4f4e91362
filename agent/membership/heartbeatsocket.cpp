// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/membership/heartbeatsocket.h"

#include "agent/system/errors.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <netinet/ip.h>
#include <unistd.h>

namespace k3snet::agent {

namespace {

// DSCP CS6 ("network control", RFC 4594), as routing protocols and VRRP use.
constexpr int trafficClass = 0xc0;
// The highest socket priority an unprivileged socket may set (TC_PRIO_INTERACTIVE).
constexpr int socketPriority = 6;
// 50 peers at 100 heartbeats per second for half a second, at about 2 KiB of kernel memory each.
constexpr int receiveBuffer = 4 << 20;

std::string endpoint(const net::Address &a, std::uint16_t port)
{
    std::string text = a.toString();
    if (!a.isV4()) {
        text.insert(text.begin(), '[');
        text += ']';
    }
    text += ':';
    text += std::to_string(port);
    return text;
}

bool setInt(int fd, int level, int name, int value)
{
    return ::setsockopt(fd, level, name, &value, sizeof value) == 0;
}

} // namespace

socklen_t toSockaddr(const net::Address &address, std::uint16_t port, sockaddr_storage &out)
{
    std::memset(&out, 0, sizeof out);
    if (address.isV4()) {
        auto *sin = reinterpret_cast<sockaddr_in *>(&out);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        address.toBytes(reinterpret_cast<unsigned char *>(&sin->sin_addr));
        return sizeof(sockaddr_in);
    }
    auto *sin6 = reinterpret_cast<sockaddr_in6 *>(&out);
    sin6->sin6_family = AF_INET6;
    sin6->sin6_port = htons(port);
    address.toBytes(sin6->sin6_addr.s6_addr);
    return sizeof(sockaddr_in6);
}

HeartbeatSocket::HeartbeatSocket(
    const net::Address &address, std::uint16_t port, std::vector<std::string> &notes)
    : m_family(address.family())
    , m_port(port)
{
    const std::string where = "the heartbeat port " + endpoint(address, port) + " (UDP)";
    const bool v4 = address.isV4();
    m_fd.reset(::socket(v4 ? AF_INET : AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!m_fd)
        throw std::runtime_error("cannot open a UDP socket for " + where + ": " + errnoText(errno));
    const int fd = m_fd.get();

    // IP_TOS also sets the socket priority from the TOS bits, so SO_PRIORITY comes after it.
    if (!(v4 ? setInt(fd, IPPROTO_IP, IP_TOS, trafficClass)
             : setInt(fd, IPPROTO_IPV6, IPV6_TCLASS, trafficClass)))
        notes.push_back("heartbeats go out without DSCP CS6: " + errnoText(errno));
    if (!setInt(fd, SOL_SOCKET, SO_PRIORITY, socketPriority))
        notes.push_back("heartbeats go out at the default socket priority: " + errnoText(errno));
    // SO_RCVBUFFORCE passes net.core.rmem_max with CAP_NET_ADMIN; without it, the capped size.
    if (!setInt(fd, SOL_SOCKET, SO_RCVBUFFORCE, receiveBuffer))
        setInt(fd, SOL_SOCKET, SO_RCVBUF, receiveBuffer);

    sockaddr_storage local;
    const socklen_t length = toSockaddr(address, port, local);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&local), length) != 0) {
        int err = errno;
        if (err == EADDRNOTAVAIL) {
            // The address is not (yet) on an interface, e.g. DHCP is late at boot: bind anyway
            // and receive once it appears.
            if (v4 ? setInt(fd, IPPROTO_IP, IP_FREEBIND, 1)
                   : setInt(fd, IPPROTO_IPV6, IPV6_FREEBIND, 1)) {
                if (::bind(fd, reinterpret_cast<const sockaddr *>(&local), length) == 0) {
                    notes.push_back(address.toString()
                        + " (node.lanIP) is not on any interface of this host yet; heartbeats "
                          "flow once it is");
                    err = 0;
                } else {
                    err = errno;
                }
            }
        }
        if (err != 0) {
            std::string hint;
            if (err == EADDRINUSE)
                hint = ": another program (or another k3snet-agent) holds it; stop it or change "
                       "membership.port in the agent config";
            else if (err == EACCES)
                hint = ": ports below 1024 need CAP_NET_BIND_SERVICE; choose another "
                       "membership.port";
            throw std::runtime_error("cannot bind " + where + ": " + errnoText(err) + hint);
        }
    }

    m_buffers.resize(batchSize);
    m_sources.resize(batchSize);
    m_receiveVectors.resize(batchSize);
    m_receiveHeaders.resize(batchSize);
    m_datagrams.resize(batchSize);
}

void HeartbeatSocket::setDestinations(
    const std::vector<net::Address> &peers, std::vector<std::string> &notes)
{
    m_destinations.clear();
    for (const net::Address &peer : peers) {
        if (peer.family() != m_family) {
            notes.push_back("no heartbeats to " + peer.toString()
                + ": its address family differs "
                  "from node.lanIP's");
            continue;
        }
        sockaddr_storage s;
        toSockaddr(peer, m_port, s);
        m_destinations.push_back(s);
    }
    m_sendHeaders.assign(m_destinations.size(), mmsghdr{});
}

HeartbeatSocket::SendResult HeartbeatSocket::sendToAll(std::span<const std::uint8_t> packet)
{
    SendResult result;
    iovec vec{const_cast<std::uint8_t *>(packet.data()), packet.size()};
    const socklen_t nameLength
        = m_family == net::Family::V4 ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
    for (std::size_t i = 0; i < m_destinations.size(); ++i) {
        msghdr &h = m_sendHeaders[i].msg_hdr;
        h = msghdr{};
        h.msg_name = &m_destinations[i];
        h.msg_namelen = nameLength;
        h.msg_iov = &vec;
        h.msg_iovlen = 1;
    }
    // sendmmsg stops at the first datagram the kernel refuses; skip it and go on with the rest.
    std::size_t next = 0;
    while (next < m_destinations.size()) {
        const int n = ::sendmmsg(m_fd.get(), &m_sendHeaders[next],
            unsigned(m_destinations.size() - next), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            result.sent += std::size_t(n);
            next += std::size_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (result.firstError == 0)
            result.firstError = n < 0 ? errno : EIO;
        ++result.failed;
        ++next;
    }
    return result;
}

bool HeartbeatSocket::receive(std::span<const Datagram> &out, int &errorOut)
{
    out = {};
    for (std::size_t i = 0; i < batchSize; ++i) {
        m_receiveVectors[i] = {m_buffers[i].data(), m_buffers[i].size()};
        msghdr &h = m_receiveHeaders[i].msg_hdr;
        h = msghdr{};
        h.msg_name = &m_sources[i];
        h.msg_namelen = sizeof(sockaddr_storage);
        h.msg_iov = &m_receiveVectors[i];
        h.msg_iovlen = 1;
        m_receiveHeaders[i].msg_len = 0;
    }
    int n;
    do {
        n = ::recvmmsg(
            m_fd.get(), m_receiveHeaders.data(), unsigned(batchSize), MSG_DONTWAIT, nullptr);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (errno == EAGAIN) // EWOULDBLOCK is the same value on Linux
            return true;
        errorOut = errno;
        return false;
    }
    for (int i = 0; i < n; ++i) {
        const mmsghdr &m = m_receiveHeaders[std::size_t(i)];
        Datagram &d = m_datagrams[std::size_t(i)];
        d = Datagram();
        d.bytes = {m_buffers[std::size_t(i)].data(),
            std::min<std::size_t>(m.msg_len, heartbeat::maxPacketSize)};
        d.oversized = (m.msg_hdr.msg_flags & MSG_TRUNC) != 0;
        const sockaddr_storage &s = m_sources[std::size_t(i)];
        if (s.ss_family == AF_INET && m_family == net::Family::V4) {
            const auto *sin = reinterpret_cast<const sockaddr_in *>(&s);
            d.source = net::Address::fromBytes(
                reinterpret_cast<const unsigned char *>(&sin->sin_addr), net::Family::V4);
            d.sourceKnown = true;
        } else if (s.ss_family == AF_INET6 && m_family == net::Family::V6) {
            const auto *sin6 = reinterpret_cast<const sockaddr_in6 *>(&s);
            d.source = net::Address::fromBytes(sin6->sin6_addr.s6_addr, net::Family::V6);
            d.sourceKnown = true;
        }
    }
    out = std::span<const Datagram>(m_datagrams.data(), std::size_t(n));
    return true;
}

} // namespace k3snet::agent
