// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): the cost of k3snet-agent's heartbeat membership. First the per-packet
// work (encode and sign, parse and verify, reject a forgery or garbage, update the failure
// detector) for a heartbeat that lists 50 alive members, next to libcrypto's one-shot HMAC() of
// the same bytes as the peer. Then 50 real Membership instances in this one process, each bound
// to its own loopback address (127.0.0.10-59) with the 49 others as peers, heartbeating for a
// few seconds: datagrams per second, CPU time of the whole process (sending, the kernel's
// loopback delivery and receiving) and whether any member ever looked dead to another.
// The instances run at normal priority: 50 real-time threads would starve a small machine.
// Last, how long the agent's defaults (10 ms x 3 misses) take to notice a killed member, with
// the machine idle and with a busy-loop thread per CPU, at the priority the agent would get.
// Prints markdown tables; build with a Release configuration. Not root-only.
// Environment: K3SNET_BENCH_SECONDS (default 5) per live case, K3SNET_BENCH_TRIALS (default 20)
// per detection case.

#include "agent/membership/heartbeatpacket.h"
#include "agent/membership/hmackey.h"
#include "agent/membership/membership.h"
#include "agent/membership/membertable.h"
#include "agent/membership/threadpriority.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace k3snet;
using namespace k3snet::agent;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
namespace hb = k3snet::agent::heartbeat;

namespace {

constexpr int kMembers = 50;
const std::string kKey = "YmVuY2htYXJrIGNsdXN0ZXIga2V5IG9mIDMyIGJ5dGVz";
volatile std::uint64_t g_sink = 0;
void sink(std::uint64_t v)
{
    g_sink = g_sink + v;
}

std::string memberName(int i)
{
    char name[16];
    std::snprintf(name, sizeof name, "node-%02d", i);
    return name;
}

std::vector<std::string> allNames()
{
    std::vector<std::string> names;
    for (int i = 0; i < kMembers; ++i)
        names.push_back(memberName(i));
    return names;
}

// Best of three runs of n operations, in nanoseconds per operation.
template<class Fn> double nsPerOp(int n, Fn fn)
{
    double best = 1e300;
    for (int r = 0; r < 3; ++r) {
        const auto t0 = Clock::now();
        for (int i = 0; i < n; ++i)
            fn(i);
        best = std::min(
            best, std::chrono::duration<double, std::nano>(Clock::now() - t0).count() / n);
    }
    return best;
}

void packetCosts()
{
    HmacKey key(kKey);
    const std::vector<std::string> alive = allNames();
    hb::Message m;
    m.sender = "node-07";
    m.incarnation = 1700000000000000000ULL;
    m.sequence = 1;
    m.intervalMs = 10;
    std::vector<std::uint8_t> packet(hb::maxPacketSize);
    packet.resize(hb::encode(m, alive, key, packet));
    std::vector<std::uint8_t> forged = packet;
    forged.back() ^= 1;
    std::vector<std::uint8_t> garbage(packet.size(), 0x5a);
    const int n = 200000;

    const double hmacOneShot = nsPerOp(n, [&](int) {
        unsigned char tag[32];
        unsigned len = 0;
        HMAC(EVP_sha256(), kKey.data(), int(kKey.size()), packet.data(), packet.size() - 32, tag,
            &len);
        sink(std::uint64_t(tag[0]));
    });
    std::vector<std::uint8_t> out(hb::maxPacketSize);
    std::uint64_t seq = 1;
    const double encodeNs = nsPerOp(n, [&](int) {
        m.sequence = ++seq;
        sink(std::uint64_t(hb::encode(m, alive, key, out)));
    });
    const double parseNs = nsPerOp(n, [&](int) {
        hb::Parsed p;
        sink(std::uint64_t(hb::parse(packet, p)));
    });
    const double verifyNs = nsPerOp(n, [&](int) {
        hb::Parsed p;
        sink(std::uint64_t(
            hb::parse(packet, p) == hb::ParseError::None && key.verify(p.signedBytes, p.tag)));
    });
    const double forgedNs = nsPerOp(n, [&](int) {
        hb::Parsed p;
        sink(std::uint64_t(
            hb::parse(forged, p) == hb::ParseError::None && key.verify(p.signedBytes, p.tag)));
    });
    const double garbageNs = nsPerOp(n, [&](int) {
        hb::Parsed p;
        sink(std::uint64_t(hb::parse(garbage, p)));
    });
    // The failure detector with 49 peers, each heartbeat accepted in turn.
    MemberTable table;
    std::vector<std::string> peers(alive.begin() + 1, alive.end());
    table.configure(alive.front(), peers, 3);
    std::vector<MemberTable::Transition> log;
    std::vector<std::vector<std::uint8_t>> fromPeers;
    for (const std::string &p : peers) {
        hb::Message pm = m;
        pm.sender = p;
        std::vector<std::uint8_t> b(hb::maxPacketSize);
        b.resize(hb::encode(pm, alive, key, b));
        fromPeers.push_back(std::move(b));
    }
    auto now = Clock::time_point() + 1h;
    std::uint64_t sequence = 0;
    const double tableNs = nsPerOp(n, [&](int i) {
        const std::size_t k = std::size_t(i) % fromPeers.size();
        if (k == 0) {
            ++sequence;
            now += 10ms;
        }
        hb::Parsed p;
        hb::parse(fromPeers[k], p);
        p.message.sequence = sequence;
        const int index = table.indexOf(p.message.sender);
        sink(std::uint64_t(table.receive(index, p.message, now, true, log).changed));
        if (k == 0)
            table.expire(now, log);
        log.clear();
    });

    std::printf("### Per datagram (%zu bytes: a heartbeat listing %d alive members)\n\n",
        packet.size(), kMembers);
    std::printf("| operation | ns per datagram | vs one-shot HMAC() |\n|---|---:|---:|\n");
    auto row = [&](const char *what, double ns) {
        std::printf("| %s | %.0f | %.2f |\n", what, ns, ns / hmacOneShot);
    };
    row("peer: libcrypto one-shot HMAC() of the signed bytes", hmacOneShot);
    row("encode + sign (keyed EVP_MAC context)", encodeNs);
    row("parse only (structure)", parseNs);
    row("parse + verify a genuine heartbeat", verifyNs);
    row("parse + verify a forgery (last tag bit flipped)", forgedNs);
    row("parse garbage (refused at the magic)", garbageNs);
    row("failure detector: accept one heartbeat (49 peers)", tableNs);
    std::printf("\n");
}

std::string loadAverage()
{
    char text[64] = {};
    if (FILE *f = std::fopen("/proc/loadavg", "r")) {
        if (!std::fgets(text, sizeof text, f))
            text[0] = 0;
        std::fclose(f);
    }
    std::string s(text);
    while (!s.empty() && s.back() == '\n')
        s.pop_back();
    return s + " on " + std::to_string(std::thread::hardware_concurrency()) + " CPUs";
}

double cpuSeconds()
{
    struct rusage ru
    {
    };
    ::getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
        + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct LiveResult
{
    int intervalMs = 0;
    bool converged = false;
    double seconds = 0, cpu = 0;
    std::uint64_t sent = 0, accepted = 0, dropped = 0, missed = 0;
    int lowestAliveSeen = 0; // the fewest alive peers any member saw in any sample
};

LiveResult live(const std::string &keyFile, std::uint16_t port, int intervalMs, double seconds)
{
    LiveResult r;
    r.intervalMs = intervalMs;
    std::vector<model::AgentConfig> configs(kMembers);
    for (int i = 0; i < kMembers; ++i) {
        model::AgentConfig &c = configs[std::size_t(i)];
        c.node.name = memberName(i);
        c.node.lanIP = *net::Address::parse("127.0.0." + std::to_string(10 + i));
        c.membership.port = port;
        c.membership.intervalMs = intervalMs;
        c.membership.keyFile = keyFile;
        for (int j = 0; j < kMembers; ++j) {
            if (j != i)
                c.peers.push_back({memberName(j),
                    *net::Address::parse("127.0.0." + std::to_string(10 + j)), {}, {}});
        }
    }
    std::vector<std::unique_ptr<Membership>> members;
    for (const auto &c : configs)
        members.push_back(std::make_unique<Membership>(c, Membership::Options{false}));
    for (auto &m : members)
        m->start();

    auto aliveCount = [](const Membership &m) {
        int n = 0;
        for (const MemberState &s : m.members())
            n += (s.alive && !s.self);
        return n;
    };
    auto everyoneSeesEveryone = [&] {
        return std::all_of(members.begin(), members.end(),
            [&](const auto &m) { return aliveCount(*m) == kMembers - 1; });
    };
    const auto convergeBy = Clock::now() + 20s;
    while (!everyoneSeesEveryone() && Clock::now() < convergeBy)
        std::this_thread::sleep_for(20ms);
    r.converged = everyoneSeesEveryone();
    std::this_thread::sleep_for(std::chrono::milliseconds(intervalMs * 3 + 500));

    MembershipCounters c0;
    for (auto &m : members) {
        m->drainEvents();
        const MembershipCounters c = m->counters();
        c0.sent += c.sent;
        c0.accepted += c.accepted;
    }
    std::uint64_t missed0 = 0;
    for (auto &m : members)
        for (const MemberState &s : m->members())
            missed0 += s.heartbeatsMissed;

    r.lowestAliveSeen = kMembers - 1;
    const double cpu0 = cpuSeconds();
    const auto t0 = Clock::now();
    while (Clock::now() - t0 < std::chrono::duration<double>(seconds)) {
        std::this_thread::sleep_for(100ms);
        for (auto &m : members) {
            r.lowestAliveSeen = std::min(r.lowestAliveSeen, aliveCount(*m));
            m->drainEvents();
        }
    }
    r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    r.cpu = cpuSeconds() - cpu0;
    for (auto &m : members) {
        const MembershipCounters c = m->counters();
        r.sent += c.sent;
        r.accepted += c.accepted;
        r.dropped += c.droppedAuth + c.droppedReplay + c.droppedMalformed + c.droppedUnknownSender
            + c.droppedOversized;
        for (const MemberState &s : m->members())
            r.missed += s.heartbeatsMissed;
    }
    r.sent -= c0.sent;
    r.accepted -= c0.accepted;
    r.missed -= missed0;
    return r;
}

model::AgentConfig detectionConfig(int i, const std::string &keyFile, std::uint16_t port)
{
    const char *names[] = {"watcher-a", "watcher-b", "victim"};
    model::AgentConfig c;
    c.node.name = names[i];
    c.node.lanIP = *net::Address::parse("127.0.0." + std::to_string(60 + i));
    c.membership.port = port;
    c.membership.keyFile = keyFile;
    for (int j = 0; j < 3; ++j) {
        if (j != i)
            c.peers.push_back(
                {names[j], *net::Address::parse("127.0.0." + std::to_string(60 + j)), {}, {}});
    }
    return c;
}

struct Detection
{
    std::vector<double> ms; // kill to "dead" at the watcher, per trial
    int flaps = 0; // a live member seen dead (aliveSince moved) while it ran
};

const MemberState &stateOf(const std::vector<MemberState> &ms, const char *name)
{
    return *std::find_if(
        ms.begin(), ms.end(), [&](const MemberState &s) { return s.name == name; });
}

// Two watchers; each trial starts the victim, lets it run warmUp, kills it (no goodbye) and
// times how long watcher-a's eventfd takes to report it dead.
Detection detection(const std::string &keyFile, std::uint16_t port, int trials, bool load)
{
    Detection d;
    Membership a(detectionConfig(0, keyFile, port)), b(detectionConfig(1, keyFile, port));
    a.start();
    b.start();
    std::atomic<bool> stopHogs{false};
    std::vector<std::thread> hogs;
    for (unsigned i = 0; load && i < std::max(1u, std::thread::hardware_concurrency()); ++i)
        hogs.emplace_back([&] {
            std::uint64_t x = 0;
            while (!stopHogs.load(std::memory_order_relaxed))
                sink(++x);
        });
    std::this_thread::sleep_for(1s);
    const auto bAtA = stateOf(a.members(), "watcher-b").aliveSince;
    const auto aAtB = stateOf(b.members(), "watcher-a").aliveSince;
    for (int t = 0; t < trials; ++t) {
        auto victim = std::make_unique<Membership>(detectionConfig(2, keyFile, port));
        victim->start();
        const auto bound = Clock::now() + 5s;
        while (!stateOf(a.members(), "victim").alive && Clock::now() < bound)
            std::this_thread::sleep_for(5ms);
        const auto since = stateOf(a.members(), "victim").aliveSince;
        std::this_thread::sleep_for(2s);
        const MemberState before = stateOf(a.members(), "victim");
        d.flaps += !before.alive || before.aliveSince != since;
        a.drainEvents();
        b.drainEvents();
        const auto killed = Clock::now();
        victim.reset();
        while (Clock::now() - killed < 2s) {
            struct pollfd p
            {
                a.eventFd(), POLLIN, 0
            };
            ::poll(&p, 1, 100);
            a.drainEvents();
            if (!stateOf(a.members(), "victim").alive) {
                d.ms.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - killed).count());
                break;
            }
        }
    }
    const MemberState bNow = stateOf(a.members(), "watcher-b"),
                      aNow = stateOf(b.members(), "watcher-a");
    d.flaps += (!bNow.alive || bNow.aliveSince != bAtA) + (!aNow.alive || aNow.aliveSince != aAtB);
    stopHogs = true;
    for (std::thread &h : hogs)
        h.join();
    b.drainEvents();
    a.drainEvents();
    return d;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

void detectionTable(const std::string &keyFile, std::uint16_t port, int trials)
{
    std::string priority;
    std::thread([&] { priority = elevateCurrentThread().description; }).join();
    std::printf(
        "### Death detection at the defaults (10 ms x 3 misses), %d trials each\n\n", trials);
    std::printf("Heartbeat threads run at: %s. Each victim ran 2 s before SIGKILL-like removal "
                "(no goodbye); time from the kill to watcher-a's eventfd reporting it dead.\n\n",
        priority.c_str());
    std::printf("| load | detected | p50 ms | p99 ms | max ms | live members seen dead |\n"
                "|---|---:|---:|---:|---:|---:|\n");
    for (bool load : {false, true}) {
        const Detection d = detection(keyFile, port, trials, load);
        const char *what = load ? "a busy-loop thread per CPU" : "as found";
        std::printf("| %s | %zu of %d | %.1f | %.1f | %.1f | %d |\n", what, d.ms.size(), trials,
            percentile(d.ms, 0.5), percentile(d.ms, 0.99),
            d.ms.empty() ? 0.0 : *std::max_element(d.ms.begin(), d.ms.end()), d.flaps);
        std::fflush(stdout);
    }
    std::printf("\n");
}

} // namespace

int main()
{
    double seconds = 5;
    if (const char *s = std::getenv("K3SNET_BENCH_SECONDS"))
        seconds = std::max(1.0, std::atof(s));

    std::printf("## bench_heartbeat\n\n");
    packetCosts();

    char dir[] = "/tmp/bench_heartbeat-XXXXXX";
    if (!::mkdtemp(dir))
        return 1;
    const std::string keyFile = std::string(dir) + "/cluster.key";
    if (FILE *f = std::fopen(keyFile.c_str(), "w")) {
        std::fputs((kKey + "\n").c_str(), f);
        std::fclose(f);
    }
    ::chmod(keyFile.c_str(), 0600);

    const std::uint16_t port = std::uint16_t(30000 + ::getpid() % 20000);
    std::printf("### %d members in one process on loopback, %.0f s each (normal priority)\n\n",
        kMembers, seconds);
    std::printf("Load average before: %s\n\n", loadAverage().c_str());
    std::printf(
        "| interval | datagrams sent/s | accepted/s | dropped | missed (seq gaps) | CPU, %% of one "
        "core | per member | CPU µs per datagram | fewest alive peers seen |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    int status = 0;
    for (int interval : {100, 30, 10}) {
        LiveResult r;
        try {
            r = live(keyFile, port, interval, seconds);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "bench_heartbeat: %s\n", e.what());
            status = 1;
            break;
        }
        std::printf("| %d ms | %.0f | %.0f | %llu | %llu | %.1f | %.2f | %.1f | %d of %d%s |\n",
            r.intervalMs, double(r.sent) / r.seconds, double(r.accepted) / r.seconds,
            static_cast<unsigned long long>(r.dropped), static_cast<unsigned long long>(r.missed),
            100.0 * r.cpu / r.seconds, 100.0 * r.cpu / r.seconds / kMembers,
            r.sent ? 1e6 * r.cpu / double(r.sent) : 0.0, r.lowestAliveSeen, kMembers - 1,
            r.converged ? "" : " (never converged)");
        std::fflush(stdout);
    }
    if (status == 0) {
        int trials = 20;
        if (const char *s = std::getenv("K3SNET_BENCH_TRIALS"))
            trials = std::max(1, std::atoi(s));
        std::printf("\n");
        detectionTable(keyFile, port, trials);
    }
    std::system((std::string("rm -rf ") + dir).c_str());
    return status;
}
