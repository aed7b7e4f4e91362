// SPDX-License-Identifier: GPL-3.0-or-later
// The L2 speaker's pure parts, without sockets: ARP/NDP frames built and parsed (RFC 826,
// RFC 4861 validity rules, ICMPv6 checksums), the reply templates, the announcer choice
// (MetalLB's order over the membership, and the rules for a returning node), the status
// section's JSON round trip, and the speaker's timing (config, environment, options). A plain
// C++ test: every failed check is printed, and main() returns 1 if any failed.

#include "checks.h"
#include "agent/announce/announcerchoice.h"
#include "agent/announce/announcesettings.h"
#include "agent/announce/l2frame.h"
#include "agent/status/announcestatus.h"
#include "domain/io/agentconfig.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace k3snet::agent;
namespace l2 = k3snet::agent::l2;

namespace {

const l2::Mac macA{0x0a, 0x58, 0xc0, 0x00, 0x02, 0x0b};
const l2::Mac macB{0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
const l2::Ip6 linkLocalA{
    0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x08, 0x58, 0xc0, 0xff, 0xfe, 0x00, 0x02, 0x0b};
const l2::Ip6 linkLocalB{
    0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x50, 0x54, 0x00, 0xff, 0xfe, 0x12, 0x34, 0x56};
const l2::Ip6 service6{0x20, 0x01, 0x0d, 0xb8, 0, 0x42, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00};
constexpr std::uint32_t service4 = 0xc0000264; // 192.0.2.100
constexpr std::uint32_t router4 = 0xc0000201; // 192.0.2.1

using Bytes = std::vector<std::uint8_t>;

l2::ParseError parse(const Bytes &b, l2::Frame &f)
{
    return l2::parseFrame(b.data(), b.size(), f);
}

void testArp()
{
    Bytes b(l2::arpFrameSize);
    l2::buildArp(b.data(), l2::arpRequest, l2::broadcastMac, macB, router4, l2::zeroMac, service4);
    l2::Frame f;
    CHECK(parse(b, f) == l2::ParseError::None);
    CHECK(f.kind == l2::FrameKind::ArpRequest);
    CHECK(f.ethDst == l2::broadcastMac && f.ethSrc == macB && f.senderMac == macB);
    CHECK(f.senderIP == router4 && f.targetIP == service4);

    // Padded to the Ethernet minimum, as it arrives from a real NIC.
    Bytes padded = b;
    padded.resize(60, 0);
    CHECK(parse(padded, f) == l2::ParseError::None);

    for (std::size_t n = 0; n < l2::arpFrameSize; ++n)
        CHECK(l2::parseFrame(b.data(), n, f) != l2::ParseError::None);

    Bytes other = b;
    other[14 + 6 + 1] = 3; // RARP request opcode
    CHECK(parse(other, f) == l2::ParseError::UnsupportedArp);
    other = b;
    other[14 + 2] = 0x86; // protocol 0x86dd
    other[14 + 3] = 0xdd;
    CHECK(parse(other, f) == l2::ParseError::UnsupportedArp);
    other = b;
    other[12] = 0x08;
    other[13] = 0x00; // IPv4
    CHECK(parse(other, f) == l2::ParseError::NotArpOrNdp);

    // The reply template: only the per-request fields change; the result is a valid reply.
    l2::ArpReplyTemplate reply;
    reply.prepare(macA);
    const std::uint8_t *r = reply.patch(macB, router4, service4);
    CHECK(l2::parseFrame(r, l2::ArpReplyTemplate::size, f) == l2::ParseError::None);
    CHECK(f.kind == l2::FrameKind::ArpReply);
    CHECK(f.ethDst == macB && f.ethSrc == macA && f.senderMac == macA && f.targetMac == macB);
    CHECK(f.senderIP == service4 && f.targetIP == router4);
    Bytes expected(l2::arpFrameSize);
    l2::buildArp(expected.data(), l2::arpReply, macB, macA, service4, macB, router4);
    CHECK(std::memcmp(r, expected.data(), expected.size()) == 0);
    r = reply.patch(macA, 0x0a000001, 0x0a000002);
    CHECK(l2::parseFrame(r, l2::ArpReplyTemplate::size, f) == l2::ParseError::None
        && f.targetIP == 0x0a000001 && f.senderIP == 0x0a000002 && f.ethDst == macA);
}

void testNdp()
{
    // A solicitation as a router sends it: link-local source, solicited-node group, SLLA.
    Bytes ns(l2::maxSolicitationFrameSize);
    const std::size_t n = l2::buildNeighborSolicitation(ns.data(), macB, linkLocalB, service6);
    ns.resize(n);
    l2::Frame f;
    CHECK(parse(ns, f) == l2::ParseError::None);
    CHECK(f.kind == l2::FrameKind::NeighborSolicitation);
    CHECK(f.target == service6 && f.ipSrc == linkLocalB);
    CHECK(f.ipDst == l2::solicitedNodeMulticast(service6));
    CHECK(f.ethDst == (l2::Mac{0x33, 0x33, 0xff, 0x00, 0x01, 0x00}));
    CHECK(f.hasLinkLayer && f.linkLayer == macB);

    // Duplicate address detection: unspecified source, no option.
    Bytes dad(l2::maxSolicitationFrameSize);
    dad.resize(l2::buildNeighborSolicitation(dad.data(), macA, l2::unspecifiedIp6, service6));
    CHECK(dad.size() == l2::ethernetHeaderSize + l2::ipv6HeaderSize + l2::neighborMessageSize);
    CHECK(parse(dad, f) == l2::ParseError::None && !f.hasLinkLayer && l2::isUnspecified(f.ipSrc));

    // RFC 4861 §7.1.1: hop limit 255, code 0, checksum; each failure is a rejection.
    Bytes bad = ns;
    bad[14 + 7] = 64;
    CHECK(parse(bad, f) == l2::ParseError::BadNdp);
    bad = ns;
    bad[54 + 1] = 1;
    CHECK(parse(bad, f) != l2::ParseError::None);
    bad = ns;
    bad[54 + 8 + 15] ^= 1; // target changed, checksum not
    CHECK(parse(bad, f) == l2::ParseError::BadChecksum);
    bad = ns;
    bad[54 + 24 + 1] = 0; // option length 0
    CHECK(parse(bad, f) != l2::ParseError::None);
    bad = ns;
    bad[14 + 5] = std::uint8_t(bad[14 + 5] + 8); // payload length past the frame
    CHECK(parse(bad, f) == l2::ParseError::Truncated);
    bad = ns;
    bad[14] = 0x40; // IPv4 version in an IPv6 ethertype
    CHECK(parse(bad, f) == l2::ParseError::BadIpv6);
    for (std::size_t i = 0; i < ns.size(); ++i)
        CHECK(l2::parseFrame(ns.data(), i, f) != l2::ParseError::None);

    // A solicited advertisement from the template, to the soliciting router.
    l2::AdvertisementTemplate na;
    na.prepare(macA);
    const std::uint8_t *a = na.patch(macB, linkLocalB, service6);
    CHECK(l2::parseFrame(a, l2::AdvertisementTemplate::size, f) == l2::ParseError::None);
    CHECK(f.kind == l2::FrameKind::NeighborAdvertisement);
    CHECK(f.solicited && !f.override && !f.router);
    CHECK(f.target == service6 && f.ipSrc == service6 && f.ipDst == linkLocalB);
    CHECK(f.ethDst == macB && f.ethSrc == macA && f.hasLinkLayer && f.linkLayer == macA);
    Bytes expected(l2::advertisementFrameSize);
    l2::buildNeighborAdvertisement(
        expected.data(), macA, macB, service6, linkLocalB, service6, true, false);
    CHECK(std::memcmp(a, expected.data(), expected.size()) == 0);
    a = na.patch(macA, linkLocalA, linkLocalB);
    CHECK(l2::parseFrame(a, l2::AdvertisementTemplate::size, f) == l2::ParseError::None
        && f.target == linkLocalB && f.ipSrc == linkLocalB && f.ipDst == linkLocalA);

    // Unsolicited: to all nodes, Override set; a solicited one to a multicast group is invalid.
    Bytes un(l2::advertisementFrameSize);
    l2::buildNeighborAdvertisement(un.data(), macA, l2::multicastMac(l2::allNodesIp6), linkLocalA,
        l2::allNodesIp6, service6, false, true);
    CHECK(parse(un, f) == l2::ParseError::None && f.override && !f.solicited);
    l2::buildNeighborAdvertisement(un.data(), macA, l2::multicastMac(l2::allNodesIp6), linkLocalA,
        l2::allNodesIp6, service6, true, true);
    CHECK(parse(un, f) == l2::ParseError::BadNdp);
    // A multicast target is never valid.
    l2::buildNeighborAdvertisement(
        un.data(), macA, macB, linkLocalA, linkLocalB, l2::allNodesIp6, true, false);
    CHECK(parse(un, f) == l2::ParseError::BadNdp);

    // A multicast source is never valid (RFC 4291 §2.7), so it is never answered.
    Bytes mcast(l2::maxSolicitationFrameSize);
    mcast.resize(l2::buildNeighborSolicitation(mcast.data(), macB, l2::allNodesIp6, service6));
    CHECK(parse(mcast, f) == l2::ParseError::BadIpv6);

    // Other ICMPv6 (an echo request) is not ours.
    Bytes echo = ns;
    echo[54] = 128;
    CHECK(parse(echo, f) == l2::ParseError::NotArpOrNdp);
}

void testChecksum()
{
    // RFC 1071 example data through the pseudo-header sum: a message and its checksum sum to
    // zero, and the sum does not depend on where the odd byte is.
    const l2::Ip6 src = linkLocalA, dst = linkLocalB;
    std::uint8_t message[9] = {136, 0, 0, 0, 1, 2, 3, 4, 5};
    const std::uint16_t c = l2::icmp6Checksum(src, dst, message, sizeof message);
    message[2] = std::uint8_t(c >> 8);
    message[3] = std::uint8_t(c);
    CHECK(l2::icmp6Checksum(src, dst, message, sizeof message) == 0);
}

MemberView member(std::string name, bool alive, std::vector<std::string> hears)
{
    return {std::move(name), alive, std::move(hears)};
}

void testChoice()
{
    const std::vector<std::string> order{"pi2", "pi3", "pi1"};
    std::vector<MemberView> all{member("pi1", true, {"pi1", "pi2", "pi3"}),
        member("pi2", true, {"pi1", "pi2", "pi3"}), member("pi3", true, {"pi1", "pi2", "pi3"})};

    AnnouncerChoice c = chooseAnnouncer(order, "pi2", all, true);
    CHECK(c.announcer == "pi2" && c.selfAnnounces && !c.selfWaits);
    c = chooseAnnouncer(order, "pi3", all, true);
    CHECK(c.announcer == "pi2" && !c.selfAnnounces && !c.selfWaits);

    // pi2 dead: pi3 takes over at once (pi1, ranked after it, hears it).
    std::vector<MemberView> pi2dead{member("pi1", true, {"pi1", "pi3"}), member("pi2", false, {}),
        member("pi3", true, {"pi1", "pi3"})};
    c = chooseAnnouncer(order, "pi3", pi2dead, true);
    CHECK(c.announcer == "pi3" && c.selfAnnounces);
    c = chooseAnnouncer(order, "pi1", pi2dead, true);
    CHECK(c.announcer == "pi3" && !c.selfAnnounces);

    // pi2 returns: it waits for membership to settle, then until pi3 (which announced) hears
    // it; pi1 hears pi3, an earlier node than itself, so pi1 cannot be announcing.
    std::vector<MemberView> back{member("pi1", true, {"pi1", "pi3"}), member("pi2", true, {"pi2"}),
        member("pi3", true, {"pi1", "pi3"})};
    c = chooseAnnouncer(order, "pi2", back, false);
    CHECK(c.announcer == "pi2" && c.selfWaits && !c.selfAnnounces);
    c = chooseAnnouncer(order, "pi2", back, true);
    CHECK(c.selfWaits && c.waitingFor == std::vector<std::string>{"pi3"});
    back[2].reportedAlive = {"pi1", "pi2", "pi3"};
    c = chooseAnnouncer(order, "pi2", back, true);
    CHECK(c.selfAnnounces && c.waitingFor.empty());

    // A lower-ranked node that hears nobody (just restarted, or cut off from us) may believe
    // itself first: wait for it.
    std::vector<MemberView> lonely{
        member("pi1", true, {}), member("pi2", true, {}), member("pi3", true, {"pi2", "pi3"})};
    c = chooseAnnouncer(order, "pi2", lonely, true);
    CHECK(c.selfWaits && c.waitingFor == std::vector<std::string>{"pi1"});
    // ... unless it hears a node ranked before it, which is then the one to announce.
    lonely[0].reportedAlive = {"pi3"};
    c = chooseAnnouncer(order, "pi2", lonely, true);
    CHECK(c.selfAnnounces);

    // Nobody alive, nobody eligible, this node not eligible.
    std::vector<MemberView> none{member("pi1", false, {}), member("pi3", false, {})};
    c = chooseAnnouncer({"pi1", "pi3"}, "pi2", none, true);
    CHECK(c.announcer.empty() && !c.selfAnnounces && !c.why.empty());
    c = chooseAnnouncer({}, "pi2", all, true);
    CHECK(c.announcer.empty() && !c.why.empty());
    c = chooseAnnouncer({"pi3", "pi1"}, "pi2", all, true);
    CHECK(c.announcer == "pi3" && !c.selfAnnounces);
    // Unknown names count as dead; self is alive even when membership does not list it.
    c = chooseAnnouncer({"ghost", "pi2"}, "pi2", {}, true);
    CHECK(c.announcer == "pi2" && c.selfAnnounces);
}

void testStatusJson()
{
    AnnounceStatus s;
    s.enabled = true;
    s.settled = true;
    s.updatedAt = "2025-01-31T12:00:00.000Z";
    s.garpIntervalMs = 1100;
    s.garpDurationMs = 5000;
    s.probeCount = 3;
    s.probeIntervalMs = 100;
    s.conflictRecheckMs = 10000;
    AnnounceStatus::Address a;
    a.ip = "192.0.2.100";
    a.services = {"kube-system/traefik"};
    a.eligibleNodes = {"pi2", "pi1"};
    a.interfaces = {"eth0"};
    a.announcer = "pi2";
    a.state = "conflict";
    a.since = "2025-01-31T11:59:00.000Z";
    a.gratuitousSent = 5;
    a.conflicts.push_back({"52:54:00:12:34:56", "eth0", "ARP from the address",
        "2025-01-31T11:59:00.000Z", "2025-01-31T11:59:30.000Z", true});
    s.addresses.push_back(a);
    s.members.push_back({"pi1", false, true, "2025-01-31T12:00:00.000Z", 3, 1000, 2, 0.2, {"pi1"}});
    s.membership.droppedAuth = 7;
    s.interfaces.push_back({"eth0", 2, "0a:58:c0:00:02:0b", "", 1, 1, 0, 0, 10, 3, 0, 0});

    const std::string text = s.toJson().dump();
    const AnnounceStatus back = AnnounceStatus::fromJson(nlohmann::json::parse(text));
    CHECK(back.toJson().dump() == text);
    CHECK(back.addresses.size() == 1 && back.addresses[0].conflicts.size() == 1);
    CHECK(back.problems().size() == 1
        && back.problems()[0].find("52:54:00:12:34:56") != std::string::npos);
    std::ostringstream out;
    back.writeText(out);
    CHECK(out.str().find("CONFLICT: 52:54:00:12:34:56") != std::string::npos);

    // Wrong types read as defaults, never throw.
    const auto odd = nlohmann::json::parse(
        R"({"enabled":"yes","addresses":[1,{"ip":5,"conflicts":"x"}],"members":{},"membership":[]})");
    const AnnounceStatus o = AnnounceStatus::fromJson(odd);
    CHECK(!o.enabled && o.addresses.size() == 1 && o.addresses[0].ip.empty());
    CHECK(AnnounceStatus::fromJson(nlohmann::json(42)).addresses.empty());
}

// The speaker's timing: the config's `announce` section (read from YAML as the agent reads its
// file), overridden by environment variables, overridden by `run` options.
void testSettings()
{
    using namespace std::chrono_literals;
    const char *variables[] = {"K3SNET_GARP_INTERVAL_MS", "K3SNET_GARP_DURATION_MS",
        "K3SNET_PROBE_COUNT", "K3SNET_PROBE_INTERVAL_MS", "K3SNET_CONFLICT_RECHECK_MS"};
    for (const char *v : variables)
        ::unsetenv(v);
    std::string why;

    // No section: MetalLB's schedule, the same as AnnounceSettings' own defaults.
    const std::string head = "apiVersion: k3snet.io/v1alpha1\nkind: AgentConfig\n"
                             "node: {name: pi1, interface: eth0, lanIP: 192.0.2.11}\n"
                             "vxlan: {vtepMAC: '02:00:00:00:00:01'}\n"
                             "clusterCIDR: 10.42.0.0/16\npodCIDR: 10.42.0.0/24\n";
    const auto plain = k3snet::io::loadAgentConfigText(head, "plain.yaml");
    CHECK(plain.config.has_value());
    if (!plain.config)
        return;
    auto s = AnnounceSettings::from({}, plain.config->announce, why);
    CHECK(s && *s == AnnounceSettings{});
    CHECK(s && s->garpInterval == 1100ms && s->garpDuration == 5000ms && s->probeCount == 3
        && s->probeInterval == 100ms && s->conflictRecheck == 10000ms);

    // The section's values reach the settings.
    const auto custom = k3snet::io::loadAgentConfigText(head
            + "announce:\n  garpIntervalMs: 250\n  garpDurationMs: 2000\n  probeCount: 0\n"
              "  probeIntervalMs: 50\n  conflictRecheckMs: 1000\n",
        "custom.yaml");
    CHECK(custom.config.has_value() && custom.diagnostics.empty());
    if (!custom.config)
        return;
    const auto &config = custom.config->announce;
    s = AnnounceSettings::from({}, config, why);
    CHECK(s && s->garpInterval == 250ms && s->garpDuration == 2000ms && s->probeCount == 0
        && s->probeInterval == 50ms && s->conflictRecheck == 1000ms);
    CHECK(s && *s == AnnounceSettings::fromConfig(config));

    // A variable overrides the config; an option overrides both; the rest stays the config's.
    ::setenv("K3SNET_GARP_INTERVAL_MS", "400", 1);
    ::setenv("K3SNET_PROBE_COUNT", "2", 1);
    AnnounceSettings::Given given;
    given.probeCount = "5";
    s = AnnounceSettings::from(given, config, why);
    CHECK(s && s->garpInterval == 400ms && s->probeCount == 5 && s->garpDuration == 2000ms
        && s->probeInterval == 50ms && s->conflictRecheck == 1000ms);
    ::setenv("K3SNET_GARP_INTERVAL_MS", "", 1); // empty: not given
    s = AnnounceSettings::from(given, config, why);
    CHECK(s && s->garpInterval == 250ms);

    // Out of the range the config accepts, or not a number: refused, naming the source.
    given = {};
    given.garpIntervalMs = "9";
    CHECK(!AnnounceSettings::from(given, config, why) && why.find("--garp-interval-ms") == 0
        && why.find("from 10 to 60000") != std::string::npos);
    given.garpIntervalMs = "1e3";
    CHECK(!AnnounceSettings::from(given, config, why));
    given = {};
    ::setenv("K3SNET_PROBE_COUNT", "11", 1);
    CHECK(!AnnounceSettings::from(given, config, why) && why.find("K3SNET_PROBE_COUNT") == 0);
    ::setenv("K3SNET_PROBE_COUNT", "10", 1);
    ::setenv("K3SNET_CONFLICT_RECHECK_MS", "3600000", 1);
    s = AnnounceSettings::from(given, config, why);
    CHECK(s && s->probeCount == 10 && s->conflictRecheck == 3600000ms);
    for (const char *v : variables)
        ::unsetenv(v);
    CHECK(s && s->describe().find("every 250 ms for 2000 ms") != std::string::npos);
}

// --write-seeds DIR: one frame of each kind the speaker meets, for tests/fuzz/fuzz_l2frame.
int writeSeeds(const std::string &dir)
{
    struct Seed
    {
        const char *name;
        Bytes bytes;
    };
    std::vector<Seed> seeds;
    auto add = [&seeds](const char *name, const std::uint8_t *data, std::size_t n) {
        seeds.push_back({name, Bytes(data, data + n)});
    };
    std::uint8_t f[l2::maxSolicitationFrameSize];
    add("arp-request", f,
        l2::buildArp(f, l2::arpRequest, l2::broadcastMac, macB, router4, l2::zeroMac, service4));
    add("arp-reply", f, l2::buildArp(f, l2::arpReply, macB, macA, service4, macB, router4));
    add("arp-probe", f,
        l2::buildArp(f, l2::arpRequest, l2::broadcastMac, macA, 0, l2::zeroMac, service4));
    add("arp-gratuitous", f,
        l2::buildArp(
            f, l2::arpRequest, l2::broadcastMac, macA, service4, l2::broadcastMac, service4));
    add("ns", f, l2::buildNeighborSolicitation(f, macB, linkLocalB, service6));
    add("ns-dad", f, l2::buildNeighborSolicitation(f, macA, l2::unspecifiedIp6, service6));
    add("na", f,
        l2::buildNeighborAdvertisement(f, macA, macB, service6, linkLocalB, service6, true, false));
    add("na-unsolicited", f,
        l2::buildNeighborAdvertisement(f, macA, l2::multicastMac(l2::allNodesIp6), service6,
            l2::allNodesIp6, service6, false, true));
    for (const Seed &s : seeds) {
        const std::string path = dir + "/" + s.name;
        std::FILE *out = std::fopen(path.c_str(), "wb");
        if (!out || std::fwrite(s.bytes.data(), 1, s.bytes.size(), out) != s.bytes.size()) {
            std::cerr << "cannot write " << path << "\n";
            if (out)
                std::fclose(out);
            return 1;
        }
        std::fclose(out);
    }
    std::cout << "wrote " << seeds.size() << " seed frames to " << dir << "\n";
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::string(argv[1]) == "--write-seeds")
        return writeSeeds(argv[2]);
    testArp();
    testNdp();
    testChecksum();
    testChoice();
    testStatusJson();
    testSettings();
    return k3snet::tests::checksSummary();
}
