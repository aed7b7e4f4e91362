// SPDX-License-Identifier: GPL-3.0-or-later
// The heartbeat codec, its HMAC and the membership's failure detector, without sockets:
// round trips, every kind of bad packet, replay rules, deadlines, jitter margin, stall credit.
// A plain C++ test: every failed check is printed, and main() returns 1 if any failed.

#include "checks.h"
#include "agent/membership/heartbeatpacket.h"
#include "agent/membership/hmackey.h"
#include "agent/membership/membertable.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

using namespace k3snet::agent;
using namespace std::chrono_literals;
namespace hb = k3snet::agent::heartbeat;

namespace {

using Bytes = std::vector<std::uint8_t>;
const std::string key32 = "0123456789abcdef0123456789abcdef";

Bytes encode(const hb::Message &m, const std::vector<std::string> &alive, HmacKey &key)
{
    Bytes out(hb::maxPacketSize);
    out.resize(hb::encode(m, alive, key, out));
    return out;
}

hb::Message heartbeatFrom(const char *sender, std::uint64_t incarnation, std::uint64_t sequence)
{
    hb::Message m;
    m.sender = sender;
    m.incarnation = incarnation;
    m.sequence = sequence;
    m.intervalMs = 10;
    return m;
}

// Accepted means: the structure parses and the tag verifies under key.
bool accepted(const Bytes &packet, HmacKey &key)
{
    hb::Parsed p;
    return hb::parse(packet, p) == hb::ParseError::None && key.verify(p.signedBytes, p.tag);
}

hb::ParseError parseError(const Bytes &packet)
{
    hb::Parsed p;
    return hb::parse(packet, p);
}

// The HMAC against RFC 4231 test case 2 and against libcrypto's one-shot HMAC(), twice in a row
// on the same key object (the key is reused, not re-derived).
void testHmac()
{
    HmacKey jefe("Jefe");
    const std::string data = "what do ya want for nothing?";
    std::uint8_t tag[32];
    CHECK(jefe.sign({reinterpret_cast<const std::uint8_t *>(data.data()), data.size()}, tag));
    const std::uint8_t expected[32] = {0x5b, 0xdc, 0xc1, 0x46, 0xbf, 0x60, 0x75, 0x4e, 0x6a, 0x04,
        0x24, 0x26, 0x08, 0x95, 0x75, 0xc7, 0x5a, 0x00, 0x3f, 0x08, 0x9d, 0x27, 0x39, 0x83, 0x9d,
        0xec, 0x58, 0xb9, 0x64, 0xec, 0x38, 0x43};
    CHECK(std::memcmp(tag, expected, 32) == 0);

    HmacKey key(key32);
    for (const std::string text :
        {"first message", "a second, longer message than the first one"}) {
        std::uint8_t ours[32], theirs[32];
        unsigned len = 0;
        const auto *bytes = reinterpret_cast<const std::uint8_t *>(text.data());
        CHECK(key.sign({bytes, text.size()}, ours));
        HMAC(EVP_sha256(), key32.data(), int(key32.size()), bytes, text.size(), theirs, &len);
        CHECK(len == 32 && std::memcmp(ours, theirs, 32) == 0);
        CHECK(key.verify({bytes, text.size()}, {ours, 32}));
        ours[31] ^= 1;
        CHECK(!key.verify({bytes, text.size()}, {ours, 32}));
        CHECK(!key.verify({bytes, text.size()}, {ours, 31}));
    }
}

void testRoundTrip()
{
    HmacKey key(key32);
    hb::Message m = heartbeatFrom("pi1", 1700000000123456789ULL, 42);
    m.intervalMs = 250;
    const std::vector<std::string> alive = {"pi1", "pi2", "pi3.lan"};
    const Bytes packet = encode(m, alive, key);
    CHECK(packet.size() == hb::headerSize + 3 + 1 + (1 + 3) * 2 + (1 + 7) + hb::tagSize);
    hb::Parsed p;
    CHECK(hb::parse(packet, p) == hb::ParseError::None);
    CHECK(key.verify(p.signedBytes, p.tag));
    CHECK(p.message.type == hb::MessageType::Heartbeat);
    CHECK(p.message.sender == "pi1");
    CHECK(p.message.incarnation == 1700000000123456789ULL);
    CHECK(p.message.sequence == 42);
    CHECK(p.message.intervalMs == 250);
    CHECK(!p.message.aliveTruncated);
    CHECK(p.message.alive.equals(alive));
    CHECK(p.message.alive.toVector() == alive);
    // One encoding per message: encoding what was parsed gives the same bytes.
    CHECK(encode(p.message, p.message.alive.toVector(), key) == packet);

    hb::Message bye = heartbeatFrom("pi1", 7, 8);
    bye.type = hb::MessageType::Goodbye;
    const Bytes goodbye = encode(bye, {}, key);
    CHECK(hb::parse(goodbye, p) == hb::ParseError::None && key.verify(p.signedBytes, p.tag));
    CHECK(p.message.type == hb::MessageType::Goodbye && p.message.alive.empty());
    CHECK(encode(bye, {"pi1"}, key).empty()); // a goodbye carries no alive list

    // The encoder refuses what the parser would refuse.
    CHECK(encode(heartbeatFrom("", 1, 1), {}, key).empty());
    CHECK(encode(heartbeatFrom("has space", 1, 1), {}, key).empty());
    CHECK(encode(heartbeatFrom("pi1", 0, 1), {}, key).empty());
    CHECK(encode(heartbeatFrom("pi1", 1, 0), {}, key).empty());
    CHECK(encode(heartbeatFrom("pi1", 1, 1), {"b", "a"}, key).empty());
    CHECK(encode(heartbeatFrom("pi1", 1, 1), {"a", "a"}, key).empty());
    CHECK(encode(heartbeatFrom("pi1", 1, 1), {std::string(254, 'x')}, key).empty());
}

// More alive names than fit: the packet stays within maxPacketSize and says it is partial.
void testAliveListBounded()
{
    HmacKey key(key32);
    std::vector<std::string> many;
    for (int i = 0; i < 300; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "node-%04d.example", i);
        many.push_back(name);
    }
    const Bytes packet = encode(heartbeatFrom("pi1", 1, 1), many, key);
    CHECK(!packet.empty() && packet.size() <= hb::maxPacketSize);
    hb::Parsed p;
    CHECK(hb::parse(packet, p) == hb::ParseError::None && key.verify(p.signedBytes, p.tag));
    CHECK(p.message.aliveTruncated);
    CHECK(p.message.alive.size() > 50 && p.message.alive.size() < many.size());
    CHECK(*p.message.alive.begin() == many.front());
}

void testWrongKey()
{
    HmacKey key(key32), other("another key of thirty-two bytes!");
    const Bytes packet = encode(heartbeatFrom("pi1", 1, 1), {"pi1"}, key);
    CHECK(accepted(packet, key));
    CHECK(!accepted(packet, other));
}

// Every prefix and every single-bit change of a valid packet is refused: by the parser or by
// the tag. The parser never reads past the bytes it is given (ASan builds check that).
void testTruncationAndBitFlips()
{
    HmacKey key(key32);
    const Bytes packet = encode(heartbeatFrom("pi1", 99, 1234), {"pi1", "pi2", "pi3"}, key);
    CHECK(accepted(packet, key));
    int refusedByParser = 0;
    for (std::size_t n = 0; n < packet.size(); ++n) {
        const Bytes prefix(packet.begin(), packet.begin() + std::ptrdiff_t(n));
        CHECK(!accepted(prefix, key));
        refusedByParser += parseError(prefix) != hb::ParseError::None;
    }
    CHECK(refusedByParser == int(packet.size())); // not one prefix even parses
    CHECK(parseError({}) == hb::ParseError::Truncated);
    CHECK(parseError({'k', '3'}) == hb::ParseError::Truncated);
    for (std::size_t bit = 0; bit < packet.size() * 8; ++bit) {
        Bytes flipped = packet;
        flipped[bit / 8] ^= std::uint8_t(1u << (bit % 8));
        if (accepted(flipped, key)) {
            CHECK(!"a bit flip was accepted");
            std::cerr << "  bit " << bit << "\n";
            break;
        }
    }
}

void testOversized()
{
    HmacKey key(key32);
    Bytes big = encode(heartbeatFrom("pi1", 1, 1), {"pi1"}, key);
    big.resize(hb::maxPacketSize + 1, 0);
    CHECK(parseError(big) == hb::ParseError::Oversized);
    big.resize(65507, 0xff);
    CHECK(parseError(big) == hb::ParseError::Oversized);
}

// Each structural rule, broken on its own in an otherwise valid packet.
void testMalformed()
{
    HmacKey key(key32);
    const Bytes good = encode(heartbeatFrom("pi1", 5, 6), {"pi1", "pi2"}, key);
    CHECK(parseError(good) == hb::ParseError::None);
    auto with = [&](std::size_t offset, std::uint8_t value) {
        Bytes b = good;
        b[offset] = value;
        return parseError(b);
    };
    CHECK(with(0, 'K') == hb::ParseError::BadMagic);
    CHECK(with(3, 'x') == hb::ParseError::BadMagic);
    CHECK(with(4, 2) == hb::ParseError::BadVersion);
    CHECK(with(4, 0) == hb::ParseError::BadVersion);
    CHECK(with(5, 0) == hb::ParseError::Malformed); // message type
    CHECK(with(5, 3) == hb::ParseError::Malformed);
    CHECK(with(6, 0x02) == hb::ParseError::Malformed); // unknown flag
    CHECK(with(7, 0) != hb::ParseError::None); // empty sender name
    CHECK(with(7, 200) == hb::ParseError::Truncated); // name longer than the packet
    CHECK(with(28, ' ') == hb::ParseError::Malformed); // space in the sender name
    CHECK(with(28, 0x7f) == hb::ParseError::Malformed);
    CHECK(with(31, 3) == hb::ParseError::Truncated); // alive count beyond the entries
    CHECK(with(31, 1) == hb::ParseError::Malformed); // entries beyond the count
    CHECK(with(32, 0) != hb::ParseError::None); // empty alive name
    CHECK(with(37, 'a') == hb::ParseError::Malformed); // "pi1","ai2": not ascending

    auto withField = [&](std::size_t offset, int bytes, std::uint64_t value) {
        Bytes b = good;
        for (int i = bytes - 1; i >= 0; --i, value >>= 8)
            b[offset + std::size_t(i)] = std::uint8_t(value & 0xff);
        return parseError(b);
    };
    CHECK(withField(8, 8, 0) == hb::ParseError::Malformed); // incarnation 0
    CHECK(withField(16, 8, 0) == hb::ParseError::Malformed); // sequence 0
    CHECK(withField(24, 4, 0) == hb::ParseError::Malformed); // interval 0
    CHECK(withField(24, 4, hb::maxIntervalMs + 1) == hb::ParseError::Malformed);
    CHECK(withField(24, 4, hb::maxIntervalMs) == hb::ParseError::None);

    // A byte between the alive list and the tag.
    Bytes trailing = good;
    trailing.insert(trailing.end() - hb::tagSize, 'x');
    CHECK(parseError(trailing) == hb::ParseError::Malformed);
    // Duplicate alive names.
    CHECK(with(39, '1') == hb::ParseError::Malformed); // "pi1","pi1"
    // A goodbye with alive names.
    CHECK(with(5, 2) == hb::ParseError::Malformed);
}

// MemberTable: what an authenticated message does to the state.
struct TableFixture
{
    MemberTable table;
    std::vector<MemberTable::Transition> log;
    MemberTable::Clock::time_point t0 = MemberTable::Clock::time_point() + 1000s;
    std::uint32_t intervalMs = 10;
    TableFixture() { table.configure("pi1", {"pi2", "pi3"}, 3); }
    MemberTable::Outcome hear(const char *name, std::uint64_t inc, std::uint64_t seq,
        MemberTable::Clock::duration at, std::vector<std::string> alive = {},
        hb::MessageType type = hb::MessageType::Heartbeat)
    {
        HmacKey key(key32);
        hb::Message m = heartbeatFrom(name, inc, seq);
        m.type = type;
        m.intervalMs = intervalMs;
        const Bytes packet = encode(m, alive, key);
        hb::Parsed p;
        hb::parse(packet, p);
        return table.receive(table.indexOf(name), p.message, t0 + at, true, log);
    }
};

void testReplayRules()
{
    TableFixture f;
    CHECK(f.table.indexOf("pi1") == -1); // self
    CHECK(f.table.indexOf("pi9") == -1);
    CHECK(f.table.aliveNames() == std::vector<std::string>{"pi1"});
    auto o = f.hear("pi2", 100, 1, 0ms, {"pi1", "pi2"});
    CHECK(o.verdict == MemberTable::Verdict::Accepted && o.changed);
    CHECK(f.table.aliveNames() == (std::vector<std::string>{"pi1", "pi2"}));
    CHECK(f.hear("pi2", 100, 1, 1ms).verdict == MemberTable::Verdict::Replay);
    CHECK(f.hear("pi2", 100, 2, 10ms, {"pi1", "pi2"}).verdict == MemberTable::Verdict::Accepted);
    CHECK(f.hear("pi2", 100, 1, 11ms).verdict == MemberTable::Verdict::Replay);
    CHECK(f.hear("pi2", 99, 500, 12ms).verdict == MemberTable::Verdict::OldIncarnation);
    // Unchanged reportedAlive: nothing for the daemon.
    CHECK(!f.hear("pi2", 100, 3, 20ms, {"pi1", "pi2"}).changed);
    CHECK(f.hear("pi2", 100, 4, 30ms, {"pi2"}).changed);
    // Sequence gaps are counted as missed heartbeats.
    CHECK(f.hear("pi2", 100, 8, 70ms, {"pi2"}).verdict == MemberTable::Verdict::Accepted);
    std::vector<MemberState> s = f.table.snapshot({});
    CHECK(s.size() == 3 && s[0].self && s[0].alive && s[0].name == "pi1");
    CHECK(s[1].name == "pi2" && s[1].alive && s[1].heartbeatsReceived == 5);
    CHECK(s[1].heartbeatsMissed == 3);
    CHECK(s[1].reportedAlive == std::vector<std::string>{"pi2"});
    CHECK(s[1].aliveSince == f.t0);
    CHECK(s[2].name == "pi3" && !s[2].alive && s[2].lastHeard == MemberTable::Clock::time_point());

    // A restart (higher incarnation) starts a new sequence.
    f.log.clear();
    CHECK(f.hear("pi2", 200, 1, 80ms, {"pi2"}).verdict == MemberTable::Verdict::Accepted);
    CHECK(f.log.size() == 1 && f.log[0].kind == MemberTable::Transition::Kind::Restarted);
    CHECK(f.table.snapshot({})[1].aliveSince == f.t0); // alive throughout its restart
    CHECK(f.hear("pi2", 100, 9, 81ms).verdict == MemberTable::Verdict::OldIncarnation);

    // A goodbye marks it dead at once; a replay of that goodbye or of its heartbeats does not
    // bring it back, and neither does a replayed older heartbeat.
    o = f.hear("pi2", 200, 2, 85ms, {}, hb::MessageType::Goodbye);
    CHECK(o.changed && !f.table.isAlive(f.table.indexOf("pi2")));
    CHECK(f.hear("pi2", 200, 2, 86ms, {}, hb::MessageType::Goodbye).verdict
        == MemberTable::Verdict::Replay);
    CHECK(f.hear("pi2", 200, 1, 87ms).verdict == MemberTable::Verdict::Replay);
    CHECK(!f.table.isAlive(f.table.indexOf("pi2")));
    CHECK(f.table.aliveNames() == std::vector<std::string>{"pi1"});

    // Removed from the config and added back: its old packets are still replays.
    f.table.configure("pi1", {"pi3"}, 3);
    CHECK(f.table.indexOf("pi2") == -1);
    f.table.configure("pi1", {"pi3", "pi2"}, 3);
    CHECK(f.hear("pi2", 200, 2, 90ms).verdict == MemberTable::Verdict::Replay);
    CHECK(f.hear("pi2", 300, 1, 91ms).verdict == MemberTable::Verdict::Accepted);
    CHECK(
        f.table.snapshot({})[2].name == "pi2" && f.table.snapshot({})[2].aliveSince == f.t0 + 91ms);
}

void testDeadlines()
{
    TableFixture f;
    f.hear("pi2", 1, 1, 0ms);
    const int pi2 = f.table.indexOf("pi2");
    // A fresh peer starts with twice the floor: half an interval (the floor is a quarter).
    CHECK(f.table.margin(pi2) == 5ms);
    CHECK(f.table.nextDeadline() == f.t0 + 35ms);
    // Punctual heartbeats make the margin shrink towards the floor, never below.
    std::uint64_t seq = 1;
    for (int i = 1; i <= 2000; ++i)
        f.hear("pi2", 1, ++seq, std::chrono::milliseconds(10 * i));
    CHECK(f.table.margin(pi2) < 3500us && f.table.margin(pi2) >= 2500us);
    const auto last = std::chrono::milliseconds(10 * 2000);
    CHECK(f.table.budget(pi2) == 30ms + f.table.margin(pi2));
    // Not dead one microsecond before its deadline, dead at it.
    const auto deadline = f.table.nextDeadline();
    CHECK(!f.table.expire(deadline - 1us, f.log));
    CHECK(f.table.isAlive(pi2));
    f.log.clear();
    CHECK(f.table.expire(deadline, f.log));
    CHECK(!f.table.isAlive(pi2));
    CHECK(f.log.size() == 1 && f.log[0].kind == MemberTable::Transition::Kind::Dead);
    CHECK(f.log[0].silentFor == deadline - (f.t0 + last));
    CHECK(f.table.nextDeadline() == MemberTable::Clock::time_point::max());

    // Late heartbeats (the sender or the LAN hiccups by 8 ms) widen the margin at once...
    TableFixture g;
    g.hear("pi2", 1, 1, 0ms);
    seq = 1;
    auto at = 0ms;
    for (int i = 0; i < 2000; ++i)
        g.hear("pi2", 1, ++seq, at += 10ms);
    g.hear("pi2", 1, ++seq, at += 18ms);
    const auto widened = g.table.margin(pi2);
    CHECK(widened >= 2500us + 16ms - 1ms);
    // ...but never beyond misses x interval, whatever the lateness.
    g.hear("pi2", 1, ++seq, at += 39ms);
    CHECK(g.table.margin(pi2) == 30ms);
}

// At keepalived's default interval (1 s) a fresh peer is not assumed to be a quarter of an
// interval late, and what is learned from a hiccup fades within seconds, not minutes: the
// deadline stays below VRRP's 3 x advert_int + skew (3.61 s at priority 100).
void testSlowInterval()
{
    TableFixture f;
    f.intervalMs = 1000;
    f.hear("pi2", 1, 1, 0ms);
    const int pi2 = f.table.indexOf("pi2");
    CHECK(f.table.margin(pi2) == 250ms + 2 * 2ms);
    CHECK(f.table.budget(pi2) == 3254ms);
    // A heartbeat 300 ms late widens the margin at once...
    f.hear("pi2", 1, 2, 1300ms);
    CHECK(f.table.margin(pi2) == 250ms + 2 * 300ms);
    // ...and punctual ones take 1/8 of the peak off per beat: under 10 % after 20 s.
    auto at = 1300ms;
    for (std::uint64_t seq = 3; seq < 23; ++seq)
        f.hear("pi2", 1, seq, at += 1000ms);
    CHECK(f.table.margin(pi2) < 250ms + 2 * 30ms);
    CHECK(f.table.margin(pi2) > 250ms);
}

// Time this node did not run is credited to every alive peer.
void testStallCredit()
{
    TableFixture f;
    f.hear("pi2", 1, 1, 0ms);
    f.hear("pi3", 1, 1, 0ms);
    const auto before = f.table.nextDeadline();
    f.table.creditStall(200ms);
    CHECK(f.table.nextDeadline() == before + 200ms);
    CHECK(!f.table.expire(before + 199ms, f.log));
    // A peer that spoke during the stall is refreshed; the silent one dies at its credited time.
    f.hear("pi2", 1, 2, 210ms);
    CHECK(f.table.expire(before + 200ms, f.log));
    CHECK(f.table.isAlive(f.table.indexOf("pi2")) && !f.table.isAlive(f.table.indexOf("pi3")));
}

// Seeds for tests/fuzz/fuzz_heartbeat.cpp: valid datagrams of every kind (mode byte 0) and a
// conversation of two peers for the failure detector (mode byte 1, records of delay, length,
// datagram).
int writeSeeds(const std::string &dir)
{
    HmacKey key("fuzz-cluster-key-of-32-bytes-000");
    std::vector<Bytes> packets;
    hb::Message m = heartbeatFrom("pi2", 1700000000000000000ULL, 1);
    packets.push_back(encode(m, {"pi1", "pi2", "pi3"}, key));
    m.sequence = 2;
    packets.push_back(encode(m, {"pi2"}, key));
    m.sequence = 3;
    m.type = hb::MessageType::Goodbye;
    packets.push_back(encode(m, {}, key));
    hb::Message other = heartbeatFrom("pi3", 5, 9);
    other.intervalMs = 1000;
    packets.push_back(encode(other, {"node-4", "pi1", "pi3"}, key));
    int n = 0;
    auto write = [&](const Bytes &bytes) {
        const std::string path = dir + "/seed" + std::to_string(++n);
        FILE *f = std::fopen(path.c_str(), "wb");
        if (!f)
            return false;
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        return std::fclose(f) == 0;
    };
    Bytes conversation = {1};
    for (const Bytes &p : packets) {
        Bytes raw = {0};
        raw.insert(raw.end(), p.begin(), p.end());
        if (!write(raw))
            return 1;
        conversation.push_back(10);
        conversation.push_back(std::uint8_t(p.size() >> 8));
        conversation.push_back(std::uint8_t(p.size() & 0xff));
        conversation.insert(conversation.end(), p.begin(), p.end());
    }
    return write(conversation) ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::string(argv[1]) == "--write-seeds")
        return writeSeeds(argv[2]);
    testHmac();
    testRoundTrip();
    testAliveListBounded();
    testWrongKey();
    testTruncationAndBitFlips();
    testOversized();
    testMalformed();
    testReplayRules();
    testDeadlines();
    testSlowInterval();
    testStallCredit();
    return k3snet::tests::checksSummary();
}
