// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/announce/l2frame.h"

#include <cstring>

namespace k3snet::agent::l2 {

namespace {

constexpr std::size_t ipv6Offset = ethernetHeaderSize;
constexpr std::size_t icmpOffset = ethernetHeaderSize + ipv6HeaderSize;
constexpr std::uint8_t optionSourceLinkLayer = 1;
constexpr std::uint8_t optionTargetLinkLayer = 2;
constexpr std::uint8_t nextHeaderIcmp6 = 58;
constexpr std::uint8_t ndpHopLimit = 255;

std::uint16_t get16(const std::uint8_t *p)
{
    return std::uint16_t((p[0] << 8) | p[1]);
}

std::uint32_t get32(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8)
        | std::uint32_t(p[3]);
}

void put16(std::uint8_t *p, std::uint16_t v)
{
    p[0] = std::uint8_t(v >> 8);
    p[1] = std::uint8_t(v);
}

void put32(std::uint8_t *p, std::uint32_t v)
{
    p[0] = std::uint8_t(v >> 24);
    p[1] = std::uint8_t(v >> 16);
    p[2] = std::uint8_t(v >> 8);
    p[3] = std::uint8_t(v);
}

template<std::size_t N> void copyOut(std::uint8_t *p, const std::array<std::uint8_t, N> &a)
{
    std::memcpy(p, a.data(), N);
}

template<std::size_t N> void copyIn(std::array<std::uint8_t, N> &a, const std::uint8_t *p)
{
    std::memcpy(a.data(), p, N);
}

void putEthernet(std::uint8_t *out, const Mac &dst, const Mac &src, std::uint16_t type)
{
    copyOut(out, dst);
    copyOut(out + 6, src);
    put16(out + 12, type);
}

ParseError parseArp(const std::uint8_t *p, std::size_t length, Frame &out)
{
    if (length < arpFrameSize)
        return ParseError::Truncated;
    p += ethernetHeaderSize;
    // Ethernet hardware (1), IPv4 protocol, 6-byte and 4-byte addresses: nothing else is ours.
    if (get16(p) != 1 || get16(p + 2) != 0x0800 || p[4] != 6 || p[5] != 4)
        return ParseError::UnsupportedArp;
    const std::uint16_t op = get16(p + 6);
    if (op != arpRequest && op != arpReply)
        return ParseError::UnsupportedArp;
    out.kind = op == arpRequest ? FrameKind::ArpRequest : FrameKind::ArpReply;
    copyIn(out.senderMac, p + 8);
    out.senderIP = get32(p + 14);
    copyIn(out.targetMac, p + 18);
    out.targetIP = get32(p + 24);
    return ParseError::None;
}

ParseError parseNdp(const std::uint8_t *data, std::size_t length, Frame &out)
{
    if (length < icmpOffset)
        return ParseError::Truncated;
    const std::uint8_t *ip = data + ipv6Offset;
    if ((ip[0] >> 4) != 6)
        return ParseError::BadIpv6;
    if (ip[6] != nextHeaderIcmp6)
        return ParseError::NotArpOrNdp; // extension headers never precede NDP messages we use
    const std::size_t payload = get16(ip + 4);
    if (payload > length - icmpOffset)
        return ParseError::Truncated;
    const std::uint8_t *icmp = data + icmpOffset;
    if (payload < 1)
        return ParseError::Truncated;
    if (icmp[0] != icmp6NeighborSolicitation && icmp[0] != icmp6NeighborAdvertisement)
        return ParseError::NotArpOrNdp;
    // RFC 4861 §7.1.1/§7.1.2: hop limit 255 (never forwarded), code 0, 24 bytes or more.
    if (payload < neighborMessageSize)
        return ParseError::Truncated;
    if (ip[7] != ndpHopLimit || icmp[1] != 0)
        return ParseError::BadNdp;
    copyIn(out.ipSrc, ip + 8);
    copyIn(out.ipDst, ip + 24);
    if (isMulticast(out.ipSrc))
        return ParseError::BadIpv6; // RFC 4291 §2.7: never a source
    if (icmp6Checksum(out.ipSrc, out.ipDst, icmp, payload) != 0)
        return ParseError::BadChecksum;
    const bool solicitation = icmp[0] == icmp6NeighborSolicitation;
    out.kind = solicitation ? FrameKind::NeighborSolicitation : FrameKind::NeighborAdvertisement;
    const std::uint8_t flags = icmp[4];
    out.router = !solicitation && (flags & 0x80);
    out.solicited = !solicitation && (flags & 0x40);
    out.override = !solicitation && (flags & 0x20);
    copyIn(out.target, icmp + 8);
    if (isMulticast(out.target))
        return ParseError::BadNdp;

    // Options: each at least 8 bytes, none of length 0, none past the message.
    const std::uint8_t wanted = solicitation ? optionSourceLinkLayer : optionTargetLinkLayer;
    std::size_t at = neighborMessageSize;
    while (at < payload) {
        if (payload - at < 2)
            return ParseError::BadNdp;
        const std::size_t optionLength = std::size_t(icmp[at + 1]) * 8;
        if (optionLength == 0 || optionLength > payload - at)
            return ParseError::BadNdp;
        if (icmp[at] == wanted && optionLength == linkLayerOptionSize && !out.hasLinkLayer) {
            out.hasLinkLayer = true;
            copyIn(out.linkLayer, icmp + at + 2);
        }
        at += optionLength;
    }
    if (solicitation && isUnspecified(out.ipSrc)) {
        // Duplicate address detection: to the target's solicited-node group, no source option.
        if (out.hasLinkLayer || out.ipDst != solicitedNodeMulticast(out.target))
            return ParseError::BadNdp;
    }
    if (!solicitation && out.solicited && isMulticast(out.ipDst))
        return ParseError::BadNdp;
    return ParseError::None;
}

} // namespace

const char *parseErrorName(ParseError error)
{
    switch (error) {
    case ParseError::None:
        return "ok";
    case ParseError::Truncated:
        return "truncated";
    case ParseError::NotArpOrNdp:
        return "not ARP or NDP";
    case ParseError::UnsupportedArp:
        return "unsupported ARP";
    case ParseError::BadIpv6:
        return "bad IPv6 header";
    case ParseError::BadNdp:
        return "invalid NDP message";
    case ParseError::BadChecksum:
        return "bad ICMPv6 checksum";
    }
    return "unknown";
}

ParseError parseFrame(const std::uint8_t *data, std::size_t length, Frame &out)
{
    out = Frame();
    if (!data || length < ethernetHeaderSize)
        return ParseError::Truncated;
    copyIn(out.ethDst, data);
    copyIn(out.ethSrc, data + 6);
    const std::uint16_t type = get16(data + 12);
    if (type == etherTypeArp)
        return parseArp(data, length, out);
    if (type == etherTypeIpv6)
        return parseNdp(data, length, out);
    return ParseError::NotArpOrNdp;
}

bool isMulticast(const Ip6 &a)
{
    return a[0] == 0xff;
}

bool isUnspecified(const Ip6 &a)
{
    return a == unspecifiedIp6;
}

Ip6 solicitedNodeMulticast(const Ip6 &a)
{
    Ip6 g{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff, 0, 0, 0};
    g[13] = a[13];
    g[14] = a[14];
    g[15] = a[15];
    return g;
}

Mac multicastMac(const Ip6 &group)
{
    return {0x33, 0x33, group[12], group[13], group[14], group[15]};
}

std::uint16_t icmp6Checksum(
    const Ip6 &src, const Ip6 &dst, const std::uint8_t *message, std::size_t length)
{
    std::uint64_t sum = 0;
    auto addBytes = [&sum](const std::uint8_t *p, std::size_t n) {
        for (std::size_t i = 0; i + 1 < n; i += 2)
            sum += get16(p + i);
        if (n & 1)
            sum += std::uint32_t(p[n - 1]) << 8;
    };
    addBytes(src.data(), src.size());
    addBytes(dst.data(), dst.size());
    sum += std::uint32_t(length >> 16) + std::uint32_t(length & 0xffff);
    sum += nextHeaderIcmp6;
    addBytes(message, length);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return std::uint16_t(~sum & 0xffff);
}

std::size_t buildArp(std::uint8_t *out, std::uint16_t op, const Mac &ethDst, const Mac &senderMac,
    std::uint32_t senderIP, const Mac &targetMac, std::uint32_t targetIP)
{
    putEthernet(out, ethDst, senderMac, etherTypeArp);
    std::uint8_t *p = out + ethernetHeaderSize;
    put16(p, 1);
    put16(p + 2, 0x0800);
    p[4] = 6;
    p[5] = 4;
    put16(p + 6, op);
    copyOut(p + 8, senderMac);
    put32(p + 14, senderIP);
    copyOut(p + 18, targetMac);
    put32(p + 24, targetIP);
    return arpFrameSize;
}

namespace {

// The IPv6 header and the fixed part of a neighbor message; the checksum is left at zero.
void putNeighborHeaders(std::uint8_t *out, const Mac &ethSrc, const Mac &ethDst, const Ip6 &src,
    const Ip6 &dst, std::size_t icmpLength, std::uint8_t type, std::uint8_t flags,
    const Ip6 &target)
{
    putEthernet(out, ethDst, ethSrc, etherTypeIpv6);
    std::uint8_t *ip = out + ipv6Offset;
    std::memset(ip, 0, ipv6HeaderSize);
    ip[0] = 0x60;
    put16(ip + 4, std::uint16_t(icmpLength));
    ip[6] = nextHeaderIcmp6;
    ip[7] = ndpHopLimit;
    copyOut(ip + 8, src);
    copyOut(ip + 24, dst);
    std::uint8_t *icmp = out + icmpOffset;
    std::memset(icmp, 0, neighborMessageSize);
    icmp[0] = type;
    icmp[4] = flags;
    copyOut(icmp + 8, target);
}

void putLinkLayerOption(std::uint8_t *p, std::uint8_t type, const Mac &mac)
{
    p[0] = type;
    p[1] = 1;
    copyOut(p + 2, mac);
}

void putChecksum(std::uint8_t *out, const Ip6 &src, const Ip6 &dst, std::size_t icmpLength)
{
    std::uint8_t *icmp = out + icmpOffset;
    icmp[2] = icmp[3] = 0;
    put16(icmp + 2, icmp6Checksum(src, dst, icmp, icmpLength));
}

std::uint8_t advertisementFlags(bool solicited, bool override)
{
    return std::uint8_t((solicited ? 0x40 : 0) | (override ? 0x20 : 0));
}

} // namespace

std::size_t buildNeighborAdvertisement(std::uint8_t *out, const Mac &ethSrc, const Mac &ethDst,
    const Ip6 &src, const Ip6 &dst, const Ip6 &target, bool solicited, bool override)
{
    constexpr std::size_t icmpLength = neighborMessageSize + linkLayerOptionSize;
    putNeighborHeaders(out, ethSrc, ethDst, src, dst, icmpLength, icmp6NeighborAdvertisement,
        advertisementFlags(solicited, override), target);
    putLinkLayerOption(out + icmpOffset + neighborMessageSize, optionTargetLinkLayer, ethSrc);
    putChecksum(out, src, dst, icmpLength);
    return advertisementFrameSize;
}

std::size_t buildNeighborSolicitation(
    std::uint8_t *out, const Mac &ethSrc, const Ip6 &src, const Ip6 &target)
{
    const bool dad = isUnspecified(src);
    const std::size_t icmpLength = neighborMessageSize + (dad ? 0 : linkLayerOptionSize);
    const Ip6 group = solicitedNodeMulticast(target);
    putNeighborHeaders(out, ethSrc, multicastMac(group), src, group, icmpLength,
        icmp6NeighborSolicitation, 0, target);
    if (!dad)
        putLinkLayerOption(out + icmpOffset + neighborMessageSize, optionSourceLinkLayer, ethSrc);
    putChecksum(out, src, group, icmpLength);
    return icmpOffset + icmpLength;
}

void ArpReplyTemplate::prepare(const Mac &ownMac)
{
    buildArp(m_frame.data(), arpReply, zeroMac, ownMac, 0, zeroMac, 0);
}

const std::uint8_t *ArpReplyTemplate::patch(
    const Mac &requesterMac, std::uint32_t requesterIP, std::uint32_t announcedIP)
{
    std::uint8_t *p = m_frame.data();
    copyOut(p, requesterMac);
    p += ethernetHeaderSize;
    put32(p + 14, announcedIP);
    copyOut(p + 18, requesterMac);
    put32(p + 24, requesterIP);
    return m_frame.data();
}

void AdvertisementTemplate::prepare(const Mac &ownMac)
{
    buildNeighborAdvertisement(m_frame.data(), ownMac, zeroMac, unspecifiedIp6, unspecifiedIp6,
        unspecifiedIp6, true, false);
}

const std::uint8_t *AdvertisementTemplate::patch(
    const Mac &requesterMac, const Ip6 &requesterIP, const Ip6 &target)
{
    std::uint8_t *out = m_frame.data();
    copyOut(out, requesterMac);
    copyOut(out + ipv6Offset + 8, target);
    copyOut(out + ipv6Offset + 24, requesterIP);
    copyOut(out + icmpOffset + 8, target);
    putChecksum(out, target, requesterIP, neighborMessageSize + linkLayerOptionSize);
    return out;
}

} // namespace k3snet::agent::l2
