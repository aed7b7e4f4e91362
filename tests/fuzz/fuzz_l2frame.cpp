// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: received Ethernet frames (ARP, NDP) as the L2 speaker parses them
// (agent/announce/l2frame). Whatever the bytes, parseFrame must return without reading past
// them. A frame that parses must survive being built again from its fields (the same fields
// come back), and the replies the responder would send to it must parse as valid replies.
// Build and run: see README.md, "fuzz_l2frame".

#include "agent/announce/l2frame.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace l2 = k3snet::agent::l2;

namespace {

void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_l2frame: %s\n", what);
    std::abort();
}

bool sameArp(const l2::Frame &a, const l2::Frame &b)
{
    return a.kind == b.kind && a.ethDst == b.ethDst && a.ethSrc == b.ethSrc
        && a.senderMac == b.senderMac && a.senderIP == b.senderIP && a.targetMac == b.targetMac
        && a.targetIP == b.targetIP;
}

void checkArp(const l2::Frame &f)
{
    std::uint8_t out[l2::arpFrameSize];
    l2::buildArp(out, f.kind == l2::FrameKind::ArpRequest ? l2::arpRequest : l2::arpReply, f.ethDst,
        f.senderMac, f.senderIP, f.targetMac, f.targetIP);
    l2::Frame again;
    if (l2::parseFrame(out, sizeof out, again) != l2::ParseError::None)
        fail("a rebuilt ARP frame does not parse");
    // The ethernet source is the sender MAC by construction; compare the rest.
    l2::Frame expected = f;
    expected.ethSrc = f.senderMac;
    if (!sameArp(again, expected))
        fail("a rebuilt ARP frame parses to other fields");

    l2::ArpReplyTemplate reply;
    const l2::Mac own{0x0a, 0x58, 0xc0, 0x00, 0x02, 0x0b};
    reply.prepare(own);
    const std::uint8_t *r = reply.patch(f.senderMac, f.senderIP, f.targetIP);
    l2::Frame answer;
    if (l2::parseFrame(r, l2::ArpReplyTemplate::size, answer) != l2::ParseError::None
        || answer.kind != l2::FrameKind::ArpReply || answer.senderIP != f.targetIP
        || answer.targetIP != f.senderIP || answer.ethDst != f.senderMac || answer.senderMac != own)
        fail("the reply to a parsed request is wrong");
}

void checkNdp(const l2::Frame &f)
{
    if (l2::isMulticast(f.ipSrc))
        fail("a message from a multicast source parsed");
    if (f.kind == l2::FrameKind::NeighborSolicitation) {
        if (l2::isUnspecified(f.ipSrc) && f.hasLinkLayer)
            fail("a duplicate address detection probe with a source link-layer option parsed");
        std::uint8_t out[l2::maxSolicitationFrameSize];
        const std::size_t n = l2::buildNeighborSolicitation(out, f.ethSrc, f.ipSrc, f.target);
        l2::Frame again;
        if (l2::parseFrame(out, n, again) != l2::ParseError::None || again.target != f.target
            || again.ipSrc != f.ipSrc || again.ipDst != l2::solicitedNodeMulticast(f.target))
            fail("a rebuilt solicitation does not parse to the same target");
        if (f.hasLinkLayer) {
            l2::AdvertisementTemplate na;
            na.prepare(f.ethDst);
            const std::uint8_t *a = na.patch(f.linkLayer, f.ipSrc, f.target);
            l2::Frame answer;
            const l2::ParseError e = l2::parseFrame(a, l2::AdvertisementTemplate::size, answer);
            if (e != l2::ParseError::None || !answer.solicited || answer.override
                || answer.target != f.target || answer.ipDst != f.ipSrc || !answer.hasLinkLayer
                || answer.linkLayer != f.ethDst) {
                fail("the advertisement answering a parsed solicitation is wrong");
            }
        }
        return;
    }
    if (f.solicited && l2::isMulticast(f.ipDst))
        fail("a solicited advertisement to a multicast group parsed");
    std::uint8_t out[l2::advertisementFrameSize];
    l2::buildNeighborAdvertisement(
        out, f.ethSrc, f.ethDst, f.ipSrc, f.ipDst, f.target, f.solicited, f.override);
    l2::Frame again;
    if (l2::parseFrame(out, sizeof out, again) != l2::ParseError::None || again.target != f.target
        || again.solicited != f.solicited || again.override != f.override
        || again.linkLayer != f.ethSrc)
        fail("a rebuilt advertisement does not parse to the same fields");
}

void parseAndCheck(const std::vector<std::uint8_t> &frame)
{
    l2::Frame f;
    const l2::ParseError e = l2::parseFrame(frame.data(), frame.size(), f);
    if (e != l2::ParseError::None) {
        if (std::strlen(l2::parseErrorName(e)) == 0)
            fail("a parse error without a name");
        return;
    }
    if (f.isArp())
        checkArp(f);
    else
        checkNdp(f);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A copy of exactly size bytes, so that ASan catches any read past the frame.
    std::vector<std::uint8_t> frame(data, data + size);
    parseAndCheck(frame);
    // Random bytes almost never carry a valid ICMPv6 checksum: fix it up, so that the option
    // parsing and the validity rules behind the checksum get fuzzed too.
    constexpr std::size_t icmp = l2::ethernetHeaderSize + l2::ipv6HeaderSize;
    if (size >= icmp + 4 && data[12] == 0x86 && data[13] == 0xdd) {
        const std::size_t payload = std::size_t((data[18] << 8) | data[19]);
        if (payload >= 4 && payload <= size - icmp) {
            l2::Ip6 src, dst;
            std::memcpy(src.data(), data + 22, 16);
            std::memcpy(dst.data(), data + 38, 16);
            frame[icmp + 2] = frame[icmp + 3] = 0;
            const std::uint16_t sum = l2::icmp6Checksum(src, dst, frame.data() + icmp, payload);
            frame[icmp + 2] = std::uint8_t(sum >> 8);
            frame[icmp + 3] = std::uint8_t(sum);
            parseAndCheck(frame);
        }
    }
    return 0;
}
