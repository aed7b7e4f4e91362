// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the heartbeat datagram parser and the membership's failure detector
// (agent/membership). Anyone on the LAN can send bytes to the heartbeat port, so whatever
// arrives must be refused or accepted without a crash, an out-of-bounds read or a broken
// invariant. Build and run: see tests/fuzz/README.md.
//
// The first input byte chooses the mode:
//  even: the rest is one datagram as it arrives. If it parses, encoding the parsed message
//        again must give the same bytes (one encoding per message), and the tag of a datagram
//        the fuzzer made up must not verify.
//  odd:  the rest is a series of records [delay ms: 1][length: 2, big-endian][datagram]; each
//        datagram gets a valid tag (as if the key holder sent it) and goes through the same
//        checks as in the agent into a MemberTable, whose invariants are checked after each.

#include "agent/membership/heartbeatpacket.h"
#include "agent/membership/hmackey.h"
#include "agent/membership/membertable.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace k3snet::agent;
using namespace std::chrono_literals;
namespace hb = k3snet::agent::heartbeat;

namespace {

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_heartbeat: broken invariant: %s\n", what);
    std::abort();
}

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            fail(#cond);                                                                           \
    } while (0)

HmacKey &key()
{
    static HmacKey k("fuzz-cluster-key-of-32-bytes-000");
    return k;
}

void checkParsed(const hb::Parsed &p, std::span<const std::uint8_t> packet)
{
    const hb::Message &m = p.message;
    CHECK(p.signedBytes.size() + p.tag.size() == packet.size());
    CHECK(p.tag.size() == hb::tagSize);
    CHECK(hb::isValidName(m.sender));
    CHECK(m.incarnation != 0 && m.sequence != 0);
    CHECK(m.intervalMs >= 1 && m.intervalMs <= hb::maxIntervalMs);
    std::size_t count = 0;
    std::string_view previous;
    for (std::string_view name : m.alive) {
        CHECK(hb::isValidName(name));
        CHECK(count == 0 || previous < name);
        previous = name;
        ++count;
    }
    CHECK(count == m.alive.size());
    CHECK(m.type == hb::MessageType::Heartbeat || m.alive.empty());

    // The same message encoded again: identical up to the tag.
    std::vector<std::uint8_t> again(hb::maxPacketSize);
    again.resize(hb::encode(m, m.alive.toVector(), key(), again));
    CHECK(again.size() == packet.size());
    CHECK(std::memcmp(again.data(), packet.data(), p.signedBytes.size()) == 0);
}

void rawMode(std::span<const std::uint8_t> packet)
{
    hb::Parsed p;
    if (hb::parse(packet, p) != hb::ParseError::None)
        return;
    checkParsed(p, packet);
    // A tag the fuzzer guessed would be a forgery.
    std::vector<std::uint8_t> valid(hb::maxPacketSize);
    valid.resize(hb::encode(p.message, p.message.alive.toVector(), key(), valid));
    if (!std::equal(valid.begin(), valid.end(), packet.begin(), packet.end()))
        CHECK(!key().verify(p.signedBytes, p.tag));
}

void tableMode(std::span<const std::uint8_t> input)
{
    MemberTable table;
    table.configure("pi1", {"pi2", "pi3", "node-4", "pi1"}, 3);
    std::vector<MemberTable::Transition> log;
    auto now = MemberTable::Clock::time_point() + 1h;
    std::size_t pos = 1;
    while (input.size() - pos >= 3) {
        now += std::chrono::milliseconds(input[pos]);
        const std::size_t length = std::size_t(input[pos + 1]) << 8 | input[pos + 2];
        pos += 3;
        const std::size_t take = std::min(length, input.size() - pos);
        std::vector<std::uint8_t> packet(
            input.begin() + std::ptrdiff_t(pos), input.begin() + std::ptrdiff_t(pos + take));
        pos += take;
        if (packet.size() >= hb::tagSize && packet.size() <= hb::maxPacketSize) {
            const std::size_t body = packet.size() - hb::tagSize;
            key().sign({packet.data(), body},
                std::span<std::uint8_t, hb::tagSize>(packet.data() + body, hb::tagSize));
        }
        hb::Parsed p;
        if (hb::parse(packet, p) != hb::ParseError::None)
            continue;
        checkParsed(p, packet);
        CHECK(key().verify(p.signedBytes, p.tag));
        const int index = table.indexOf(p.message.sender);
        if (index < 0)
            continue;
        const auto before = table.snapshot({});
        const MemberTable::Outcome o = table.receive(index, p.message, now, input[0] & 2, log);
        const auto after = table.snapshot({});
        if (o.verdict != MemberTable::Verdict::Accepted)
            CHECK(!o.changed
                && before[std::size_t(index) + 1].heartbeatsReceived
                    == after[std::size_t(index) + 1].heartbeatsReceived);
        if (o.verdict == MemberTable::Verdict::Accepted)
            CHECK(after[std::size_t(index) + 1].alive
                == (p.message.type == hb::MessageType::Heartbeat));
        if (input[0] & 4)
            table.creditStall(std::chrono::milliseconds(input[0]));
        table.expire(now, log);

        // The alive list: self, then alive peers, ascending, as the snapshot says.
        const std::vector<std::string> &alive = table.aliveNames();
        CHECK(std::is_sorted(alive.begin(), alive.end()));
        CHECK(std::find(alive.begin(), alive.end(), "pi1") != alive.end());
        std::size_t aliveCount = 0;
        for (const MemberState &s : table.snapshot({}))
            aliveCount += s.alive;
        CHECK(aliveCount == alive.size());
        // After expire, every alive peer's deadline lies ahead.
        if (table.nextDeadline() != MemberTable::Clock::time_point::max())
            CHECK(table.nextDeadline() > now);
    }
    // Far in the future everyone has died.
    table.expire(now + 24h, log);
    CHECK(table.aliveNames().size() == 1);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::span<const std::uint8_t> rest(data + 1, size - 1);
    if (data[0] & 1)
        tableMode({data, size});
    else
        rawMode(rest);
    return 0;
}
