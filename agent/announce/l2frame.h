// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

// The frames of L2 announcement as bytes: parsing of received Ethernet frames carrying ARP
// (RFC 826) or NDP Neighbor Solicitations/Advertisements (RFC 4861), and building of the
// frames the speaker sends. No I/O and no allocation, so the reply path can use it and a
// fuzzer can feed it anything (tests/fuzz/fuzz_l2frame.cpp).
namespace k3snet::agent::l2 {

using Mac = std::array<std::uint8_t, 6>;
using Ip6 = std::array<std::uint8_t, 16>;

inline constexpr Mac broadcastMac{0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
inline constexpr Mac zeroMac{};
inline constexpr Ip6 unspecifiedIp6{};
inline constexpr Ip6 allNodesIp6{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

inline constexpr std::uint16_t etherTypeArp = 0x0806;
inline constexpr std::uint16_t etherTypeIpv6 = 0x86dd;
inline constexpr std::uint16_t arpRequest = 1;
inline constexpr std::uint16_t arpReply = 2;
inline constexpr std::uint8_t icmp6NeighborSolicitation = 135;
inline constexpr std::uint8_t icmp6NeighborAdvertisement = 136;

// Sizes of what we send (no Ethernet padding: the driver pads, as for the kernel's own ARP).
inline constexpr std::size_t ethernetHeaderSize = 14;
inline constexpr std::size_t arpFrameSize = ethernetHeaderSize + 28;
inline constexpr std::size_t ipv6HeaderSize = 40;
inline constexpr std::size_t neighborMessageSize = 24; // type..target, without options
inline constexpr std::size_t linkLayerOptionSize = 8;
inline constexpr std::size_t advertisementFrameSize
    = ethernetHeaderSize + ipv6HeaderSize + neighborMessageSize + linkLayerOptionSize;
inline constexpr std::size_t maxSolicitationFrameSize = advertisementFrameSize;
// Frames longer than this are not ARP or NDP as we know them; the socket filter cuts there.
inline constexpr std::size_t maxFrameSize = 1518;

enum class FrameKind : std::uint8_t
{
    ArpRequest,
    ArpReply,
    NeighborSolicitation,
    NeighborAdvertisement,
};

enum class ParseError : std::uint8_t
{
    None,
    Truncated, // shorter than its headers or its own length fields say
    NotArpOrNdp, // another ethertype, another IPv6 payload or ICMPv6 type
    UnsupportedArp, // not Ethernet/IPv4 ARP, or an opcode other than request/reply
    BadIpv6, // not version 6
    BadNdp, // RFC 4861 §7.1 validity: hop limit, code, length, options, addresses
    BadChecksum, // ICMPv6 checksum
};
const char *parseErrorName(ParseError error);

// One received frame, every field read and checked. IPv4 addresses are in host byte order.
struct Frame
{
    FrameKind kind = FrameKind::ArpRequest;
    Mac ethDst{};
    Mac ethSrc{};
    // ARP
    Mac senderMac{};
    std::uint32_t senderIP = 0;
    Mac targetMac{};
    std::uint32_t targetIP = 0;
    // NDP
    Ip6 ipSrc{};
    Ip6 ipDst{};
    Ip6 target{};
    bool hasLinkLayer = false; // source (NS) or target (NA) link-layer address option
    Mac linkLayer{};
    bool router = false, solicited = false, override = false; // NA flags

    bool isArp() const { return kind == FrameKind::ArpRequest || kind == FrameKind::ArpReply; }
};

ParseError parseFrame(const std::uint8_t *data, std::size_t length, Frame &out);

bool isMulticast(const Ip6 &a);
bool isUnspecified(const Ip6 &a);
// ff02::1:ffXX:XXXX for the low 24 bits of a.
Ip6 solicitedNodeMulticast(const Ip6 &a);
// 33:33 followed by the low 32 bits of a multicast group (RFC 2464 §7).
Mac multicastMac(const Ip6 &group);

// The ICMPv6 checksum over the pseudo-header and message (checksum field included as it is).
std::uint16_t icmp6Checksum(
    const Ip6 &src, const Ip6 &dst, const std::uint8_t *message, std::size_t length);

// An ARP frame (Ethernet/IPv4): out must hold arpFrameSize bytes. Returns arpFrameSize.
std::size_t buildArp(std::uint8_t *out, std::uint16_t op, const Mac &ethDst, const Mac &senderMac,
    std::uint32_t senderIP, const Mac &targetMac, std::uint32_t targetIP);

// A Neighbor Advertisement with a target link-layer address option (linkLayer): out must hold
// advertisementFrameSize bytes. Returns advertisementFrameSize.
std::size_t buildNeighborAdvertisement(std::uint8_t *out, const Mac &ethSrc, const Mac &ethDst,
    const Ip6 &src, const Ip6 &dst, const Ip6 &target, bool solicited, bool override);

// A Neighbor Solicitation for target sent to its solicited-node group; with src unspecified
// (duplicate address detection, RFC 4862 §5.4.2) it carries no option, else a source
// link-layer address option with ethSrc. Returns the frame's size.
std::size_t buildNeighborSolicitation(
    std::uint8_t *out, const Mac &ethSrc, const Ip6 &src, const Ip6 &target);

// The replies the responder sends, prepared once per interface so that answering only
// patches the fields that differ per request (no allocation, no copying of constants).
class ArpReplyTemplate
{
public:
    void prepare(const Mac &ownMac);
    // Fills in the requester and the announced IP; returns the frame to send.
    const std::uint8_t *patch(
        const Mac &requesterMac, std::uint32_t requesterIP, std::uint32_t announcedIP);
    static constexpr std::size_t size = arpFrameSize;

private:
    std::array<std::uint8_t, arpFrameSize> m_frame{};
};

class AdvertisementTemplate
{
public:
    void prepare(const Mac &ownMac);
    // A solicited advertisement (S=1, O=0, as MetalLB's responder) of target to the soliciting
    // node (its address and link-layer address). Its source is target itself, as Linux sends
    // for its own addresses (tools such as ndisc6 expect the target's scope in the source).
    const std::uint8_t *patch(const Mac &requesterMac, const Ip6 &requesterIP, const Ip6 &target);
    static constexpr std::size_t size = advertisementFrameSize;

private:
    std::array<std::uint8_t, advertisementFrameSize> m_frame{};
};

} // namespace k3snet::agent::l2
