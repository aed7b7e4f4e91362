// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/announce/responder.h"

#include <algorithm>
#include <set>

namespace k3snet::agent {

namespace {

// Frames handled per wakeup: a flood cannot keep the loop from its other sources.
constexpr int framesPerDrain = 64;

std::array<std::uint8_t, 4> bytesOf(std::uint32_t ip)
{
    return {
        std::uint8_t(ip >> 24), std::uint8_t(ip >> 16), std::uint8_t(ip >> 8), std::uint8_t(ip)};
}

bool isUnicastMac(const l2::Mac &mac)
{
    return (mac[0] & 1) == 0 && mac != l2::zeroMac;
}

} // namespace

const char *claimKindName(ResponderEvents::ClaimKind kind)
{
    switch (kind) {
    case ResponderEvents::ClaimKind::ArpSender:
        return "ARP from the address";
    case ResponderEvents::ClaimKind::ArpProbe:
        return "ARP probe for the address";
    case ResponderEvents::ClaimKind::NdpAdvertisement:
        return "Neighbor Advertisement for the address";
    case ResponderEvents::ClaimKind::NdpSource:
        return "Neighbor Solicitation from the address";
    case ResponderEvents::ClaimKind::NdpProbe:
        return "duplicate address detection for the address";
    }
    return "unknown";
}

std::error_code Responder::open(const LinkInfo &link)
{
    update(link);
    return m_socket.open(link.ifindex);
}

void Responder::update(const LinkInfo &link)
{
    m_link = link;
    m_arpReply.prepare(link.mac);
    m_advertisement.prepare(link.mac);
}

void Responder::setWatched(std::vector<Watch4> v4, std::vector<Watch6> v6)
{
    m_watch4 = std::move(v4);
    m_watch6 = std::move(v6);
    std::set<l2::Ip6> groups;
    for (const Watch6 &w : m_watch6)
        groups.insert(l2::solicitedNodeMulticast(w.ip));
    const std::error_code ec = m_socket.setSolicitedNodeGroups(groups);
    m_groupError = ec
        ? "cannot join the solicited-node multicast groups on " + m_link.name + ": " + ec.message()
        : std::string();
}

void Responder::setPeerAddresses(std::vector<std::uint32_t> v4, std::vector<l2::Ip6> v6)
{
    std::sort(v4.begin(), v4.end());
    std::sort(v6.begin(), v6.end());
    m_peers4 = std::move(v4);
    m_peers6 = std::move(v6);
}

const Responder::Watch4 *Responder::find4(std::uint32_t ip) const
{
    const auto it = std::lower_bound(m_watch4.begin(), m_watch4.end(), ip,
        [](const Watch4 &w, std::uint32_t value) { return w.ip < value; });
    return it != m_watch4.end() && it->ip == ip ? &*it : nullptr;
}

const Responder::Watch6 *Responder::find6(const l2::Ip6 &ip) const
{
    const auto it = std::lower_bound(m_watch6.begin(), m_watch6.end(), ip,
        [](const Watch6 &w, const l2::Ip6 &value) { return w.ip < value; });
    return it != m_watch6.end() && it->ip == ip ? &*it : nullptr;
}

bool Responder::isPeer4(std::uint32_t ip) const
{
    return std::binary_search(m_peers4.begin(), m_peers4.end(), ip);
}

bool Responder::isPeer6(const l2::Ip6 &ip) const
{
    return std::binary_search(m_peers6.begin(), m_peers6.end(), ip);
}

void Responder::drain()
{
    for (int i = 0; i < framesPerDrain; ++i) {
        bool truncated = false;
        const ssize_t n = m_socket.receive(m_receive.data(), m_receive.size(), truncated);
        if (n <= 0)
            return; // nothing queued (or a socket error, which the next wakeup meets again)
        l2::Frame frame;
        if (truncated
            || l2::parseFrame(m_receive.data(), std::size_t(n), frame) != l2::ParseError::None) {
            ++m_counters.malformed;
            continue;
        }
        handle(frame);
    }
}

void Responder::handle(const l2::Frame &frame)
{
    // Our own frames never reach us (the filter drops outgoing ones); this catches a frame of
    // ours looped back by the LAN.
    if (frame.ethSrc == m_link.mac)
        return;
    if (frame.isArp())
        handleArp(frame);
    else
        handleNdp(frame);
}

// Decisions are taken before the speaker hears of a claim: onClaim may change the watched
// lists (and so invalidate pointers into them).
void Responder::handleArp(const l2::Frame &frame)
{
    if (frame.senderMac == m_link.mac)
        return;
    const Watch4 *target = find4(frame.targetIP);
    const bool request = frame.kind == l2::FrameKind::ArpRequest;
    // A gratuitous ARP (sender = target) asks nothing; a probe (sender 0.0.0.0) is answered,
    // which is how an address in use is defended (RFC 5227 §2.4).
    const bool answer = request && target && target->answer && frame.senderIP != frame.targetIP
        && (frame.ethDst == l2::broadcastMac || frame.ethDst == m_link.mac)
        && isUnicastMac(frame.senderMac);
    const bool foreignProbe = request && target && target->probing && frame.senderIP == 0;
    const bool senderWatched = frame.senderIP != 0 && find4(frame.senderIP) != nullptr;
    if (answer) {
        ++m_counters.arpRequests;
        if (transmit(m_arpReply.patch(frame.senderMac, frame.senderIP, frame.targetIP),
                l2::ArpReplyTemplate::size))
            ++m_counters.arpReplies;
    }
    if (frame.senderIP != 0 && isPeer4(frame.senderIP))
        m_events.onPeerSeen(false, bytesOf(frame.senderIP).data(), frame.senderMac);
    if (foreignProbe)
        m_events.onClaim(m_link.ifindex, false, bytesOf(frame.targetIP).data(), frame.senderMac,
            ResponderEvents::ClaimKind::ArpProbe);
    if (senderWatched)
        m_events.onClaim(m_link.ifindex, false, bytesOf(frame.senderIP).data(), frame.senderMac,
            ResponderEvents::ClaimKind::ArpSender);
}

void Responder::handleNdp(const l2::Frame &frame)
{
    const bool fromUnspecified = l2::isUnspecified(frame.ipSrc);
    const l2::Mac claimant = frame.hasLinkLayer ? frame.linkLayer : frame.ethSrc;
    if (claimant == m_link.mac)
        return;
    if (frame.kind == l2::FrameKind::NeighborSolicitation) {
        const Watch6 *target = find6(frame.target);
        const bool toTarget = frame.ipDst == frame.target
            || frame.ipDst == l2::solicitedNodeMulticast(frame.target);
        const bool answer = target && target->answer && toTarget && frame.hasLinkLayer
            && !fromUnspecified && m_link.linkLocal && isUnicastMac(frame.linkLayer);
        const bool foreignProbe = target && target->probing && fromUnspecified;
        const bool sourceWatched = !fromUnspecified && find6(frame.ipSrc) != nullptr;
        if (answer) {
            ++m_counters.solicitations;
            if (transmit(m_advertisement.patch(frame.linkLayer, frame.ipSrc, frame.target),
                    l2::AdvertisementTemplate::size))
                ++m_counters.advertisements;
        }
        if (!fromUnspecified && frame.hasLinkLayer && isPeer6(frame.ipSrc))
            m_events.onPeerSeen(true, frame.ipSrc.data(), frame.linkLayer);
        if (foreignProbe)
            m_events.onClaim(m_link.ifindex, true, frame.target.data(), frame.ethSrc,
                ResponderEvents::ClaimKind::NdpProbe);
        if (sourceWatched)
            m_events.onClaim(m_link.ifindex, true, frame.ipSrc.data(), claimant,
                ResponderEvents::ClaimKind::NdpSource);
        return;
    }
    const bool targetWatched = find6(frame.target) != nullptr;
    if (isPeer6(frame.target))
        m_events.onPeerSeen(true, frame.target.data(), claimant);
    if (targetWatched)
        m_events.onClaim(m_link.ifindex, true, frame.target.data(), claimant,
            ResponderEvents::ClaimKind::NdpAdvertisement);
}

bool Responder::transmit(const std::uint8_t *frame, std::size_t length)
{
    if (const std::error_code ec = m_socket.send(frame, length)) {
        ++m_counters.sendErrors;
        m_lastSendErrno = ec.value();
        return false;
    }
    return true;
}

void Responder::sendGratuitous4(std::uint32_t ip)
{
    for (const std::uint16_t op : {l2::arpRequest, l2::arpReply}) {
        const std::size_t n = l2::buildArp(
            m_send.data(), op, l2::broadcastMac, m_link.mac, ip, l2::broadcastMac, ip);
        if (transmit(m_send.data(), n))
            ++m_counters.gratuitous;
    }
}

void Responder::sendGratuitous6(const l2::Ip6 &ip)
{
    if (!m_link.linkLocal)
        return;
    // From the address itself, as Linux announces its own addresses.
    const std::size_t n = l2::buildNeighborAdvertisement(m_send.data(), m_link.mac,
        l2::multicastMac(l2::allNodesIp6), ip, l2::allNodesIp6, ip, false, true);
    if (transmit(m_send.data(), n))
        ++m_counters.gratuitous;
}

void Responder::sendProbe4(std::uint32_t ip)
{
    const std::size_t n = l2::buildArp(
        m_send.data(), l2::arpRequest, l2::broadcastMac, m_link.mac, 0, l2::zeroMac, ip);
    if (transmit(m_send.data(), n))
        ++m_counters.probes;
}

void Responder::sendProbe6(const l2::Ip6 &ip)
{
    const std::size_t n
        = l2::buildNeighborSolicitation(m_send.data(), m_link.mac, l2::unspecifiedIp6, ip);
    if (transmit(m_send.data(), n))
        ++m_counters.probes;
}

} // namespace k3snet::agent
