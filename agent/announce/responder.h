// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/announce/l2frame.h"
#include "agent/announce/linkinfo.h"
#include "agent/announce/packetsocket.h"

#include <array>
#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

namespace k3snet::agent {

// What a responder saw that the speaker must judge: another station claiming an address we
// announce or probe for (a conflict unless it is a cluster node), or a peer node's uplink
// address with its MAC (so that its frames are known as the cluster's own).
struct ResponderEvents
{
    enum class ClaimKind : std::uint8_t
    {
        ArpSender, // an ARP request or reply with the address as sender (it is in use there)
        ArpProbe, // an RFC 5227 probe for the address (sender 0.0.0.0): someone wants it
        NdpAdvertisement, // a Neighbor Advertisement for the address
        NdpSource, // a Neighbor Solicitation sent from the address
        NdpProbe, // duplicate address detection (RFC 4862) for the address
    };
    virtual ~ResponderEvents() = default;
    // ip: 4 or 16 bytes in network order (family by isV6). Called from the receive path.
    virtual void onClaim(
        int ifindex, bool isV6, const std::uint8_t *ip, const l2::Mac &mac, ClaimKind kind)
        = 0;
    virtual void onPeerSeen(bool isV6, const std::uint8_t *ip, const l2::Mac &mac) = 0;
};

const char *claimKindName(ResponderEvents::ClaimKind kind);

// The ARP and NDP responder of one interface: answers requests for the addresses this node
// announces there with the interface's MAC (metallb.md §4.4: ARP requests sent to broadcast
// or to us; Neighbor Solicitations that carry a source link-layer address), stays silent for
// everything else, reports claims of watched addresses, and sends gratuitous ARP, unsolicited
// Neighbor Advertisements and probes. The receive-and-reply path uses fixed buffers and
// pre-built reply frames, and looks addresses up in sorted vectors: it never allocates.
class Responder
{
public:
    struct Watch4
    {
        std::uint32_t ip = 0; // host order
        bool answer = false; // announced: answer requests
        bool probing = false; // a probe by someone else is a conflict
        friend auto operator<=>(const Watch4 &, const Watch4 &) = default;
    };
    struct Watch6
    {
        l2::Ip6 ip{};
        bool answer = false;
        bool probing = false;
        friend auto operator<=>(const Watch6 &, const Watch6 &) = default;
    };
    struct Counters
    {
        std::uint64_t arpRequests = 0; // requests for an address we answer
        std::uint64_t arpReplies = 0;
        std::uint64_t solicitations = 0; // solicitations for an address we answer
        std::uint64_t advertisements = 0; // solicited, sent
        std::uint64_t gratuitous = 0; // gratuitous ARPs and unsolicited advertisements
        std::uint64_t probes = 0;
        std::uint64_t malformed = 0;
        std::uint64_t sendErrors = 0;
    };

    explicit Responder(ResponderEvents &events)
        : m_events(events)
    {
    }
    Responder(const Responder &) = delete;
    Responder &operator=(const Responder &) = delete;

    std::error_code open(const LinkInfo &link);
    // The interface's facts changed (MAC, link-local): rebuilds the reply templates.
    void update(const LinkInfo &link);
    const LinkInfo &link() const { return m_link; }
    int fd() const { return m_socket.fd(); }
    const Counters &counters() const { return m_counters; }
    int lastSendErrno() const { return m_lastSendErrno; }

    // What to answer and watch (each sorted and without duplicates; the speaker builds them),
    // and the peers' uplink addresses to learn MACs from.
    void setWatched(std::vector<Watch4> v4, std::vector<Watch6> v6);
    void setPeerAddresses(std::vector<std::uint32_t> v4, std::vector<l2::Ip6> v6);
    const std::string &groupError() const { return m_groupError; }

    // Reads what is queued (bounded per call; epoll is level-triggered, so the loop comes back).
    void drain();

    // Gratuitous ARP: a request and a reply, both broadcast, sender and target IP = ip
    // (metallb.md §4.3). IPv6: an unsolicited advertisement to all nodes, Override set.
    void sendGratuitous4(std::uint32_t ip);
    void sendGratuitous6(const l2::Ip6 &ip);
    // RFC 5227 probe (sender IP 0.0.0.0) / RFC 4862 duplicate address detection.
    void sendProbe4(std::uint32_t ip);
    void sendProbe6(const l2::Ip6 &ip);

private:
    void handle(const l2::Frame &frame);
    void handleArp(const l2::Frame &frame);
    void handleNdp(const l2::Frame &frame);
    const Watch4 *find4(std::uint32_t ip) const;
    const Watch6 *find6(const l2::Ip6 &ip) const;
    bool isPeer4(std::uint32_t ip) const;
    bool isPeer6(const l2::Ip6 &ip) const;
    bool transmit(const std::uint8_t *frame, std::size_t length);

    ResponderEvents &m_events;
    LinkInfo m_link;
    PacketSocket m_socket;
    std::vector<Watch4> m_watch4;
    std::vector<Watch6> m_watch6;
    std::vector<std::uint32_t> m_peers4;
    std::vector<l2::Ip6> m_peers6;
    l2::ArpReplyTemplate m_arpReply;
    l2::AdvertisementTemplate m_advertisement;
    std::array<std::uint8_t, l2::maxFrameSize> m_receive{};
    std::array<std::uint8_t, l2::advertisementFrameSize> m_send{};
    Counters m_counters;
    int m_lastSendErrno = 0;
    std::string m_groupError;
};

} // namespace k3snet::agent
