// SPDX-License-Identifier: GPL-3.0-or-later
// Real Membership instances heartbeating over UDP on loopback addresses 127.0.0.2-4 (no root
// needed): they find each other, notice a killed member, take a goodbye at once, and ignore
// forged, replayed and garbage datagrams sent from plain UDP sockets. Also the key file checks.
// A plain C++ test: every failed check is printed, and main() returns 1 if any failed.

#include "checks.h"
#include "agent/membership/heartbeatpacket.h"
#include "agent/membership/hmackey.h"
#include "agent/membership/membership.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace k3snet;
using namespace k3snet::agent;
using namespace std::chrono_literals;
namespace hb = k3snet::agent::heartbeat;

namespace {

using k3snet::tests::g_failures;

const std::string clusterKey = "dGhpcyBpcyBhIHRlc3Qga2V5IG9mIDMyIGJ5dGVzIQ==";

struct Node
{
    const char *name;
    const char *ip;
};
const Node nodeA{"a", "127.0.0.2"}, nodeB{"b", "127.0.0.3"}, nodeC{"c", "127.0.0.4"},
    nodeD{"d", "127.0.0.5"}; // d is configured everywhere and never runs
const std::vector<Node> everyone = {nodeA, nodeB, nodeC, nodeD};

std::string g_dir;
std::uint16_t g_port = 0;
std::vector<Membership *> g_running;

std::string writeFile(const std::string &name, const std::string &content, mode_t mode)
{
    const std::string path = g_dir + "/" + name;
    FILE *f = std::fopen(path.c_str(), "w");
    std::fputs(content.c_str(), f);
    std::fclose(f);
    ::chmod(path.c_str(), mode);
    return path;
}

model::AgentConfig configFor(const Node &self, int misses = 3, const std::string &keyFile = {})
{
    model::AgentConfig c;
    c.node.name = self.name;
    c.node.lanIP = *net::Address::parse(self.ip);
    c.membership.port = g_port;
    c.membership.misses = misses;
    c.membership.keyFile = keyFile.empty() ? g_dir + "/cluster.key" : keyFile;
    for (const Node &n : everyone) {
        if (std::string(n.name) != self.name)
            c.peers.push_back({n.name, *net::Address::parse(n.ip), {}, {}});
    }
    return c;
}

void drainAll()
{
    for (Membership *m : g_running)
        m->drainEvents();
}

// Polls until pred holds, at most bound (a hang catcher, not a timing assertion).
bool waitFor(const std::function<bool()> &pred, std::chrono::milliseconds bound)
{
    const auto end = std::chrono::steady_clock::now() + bound;
    while (std::chrono::steady_clock::now() < end) {
        drainAll();
        if (pred())
            return true;
        std::this_thread::sleep_for(2ms);
    }
    drainAll();
    return pred();
}

const MemberState *find(const std::vector<MemberState> &ms, const char *name)
{
    for (const MemberState &m : ms) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

bool sees(const Membership &m, const Node &n, bool alive = true)
{
    const auto ms = m.members();
    const MemberState *s = find(ms, n.name);
    return s && s->alive == alive;
}

// Like a daemon: sleeps on m's eventfd only, and looks at the members when it fires. True when
// pred held after one of the wake-ups, within bound.
bool waitByEvents(Membership &m, const std::function<bool()> &pred, std::chrono::milliseconds bound)
{
    const auto end = std::chrono::steady_clock::now() + bound;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            end - std::chrono::steady_clock::now());
        if (left <= 0ms)
            return false;
        struct pollfd p
        {
            m.eventFd(), POLLIN, 0
        };
        if (::poll(&p, 1, int(left.count())) != 1)
            return false;
        m.drainEvents();
        if (pred())
            return true;
    }
}

std::string errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const std::runtime_error &e) {
        return e.what();
    }
    return {};
}

bool contains(const std::string &text, const std::string &part)
{
    if (text.find(part) != std::string::npos)
        return true;
    std::cerr << "  \"" << text << "\" lacks \"" << part << "\"\n";
    return false;
}

// A UDP socket bound to ip (any port) that the test sends from and receives on.
struct RawSocket
{
    int fd = -1;
    explicit RawSocket(const char *ip, std::uint16_t port = 0)
    {
        fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in sin{};
        sin.sin_family = AF_INET;
        sin.sin_port = htons(port);
        ::inet_pton(AF_INET, ip, &sin.sin_addr);
        if (::bind(fd, reinterpret_cast<sockaddr *>(&sin), sizeof sin) != 0)
            throw std::runtime_error(std::string("test socket cannot bind ") + ip);
    }
    ~RawSocket() { ::close(fd); }
    void sendTo(const Node &to, const std::vector<std::uint8_t> &bytes) const
    {
        sockaddr_in sin{};
        sin.sin_family = AF_INET;
        sin.sin_port = htons(g_port);
        ::inet_pton(AF_INET, to.ip, &sin.sin_addr);
        ::sendto(fd, bytes.data(), bytes.size(), 0, reinterpret_cast<sockaddr *>(&sin), sizeof sin);
    }
    std::vector<std::uint8_t> receive(int timeoutMs) const
    {
        struct pollfd p
        {
            fd, POLLIN, 0
        };
        if (::poll(&p, 1, timeoutMs) != 1)
            return {};
        std::vector<std::uint8_t> buffer(2048);
        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
        buffer.resize(n > 0 ? std::size_t(n) : 0);
        return buffer;
    }
};

std::vector<std::uint8_t> signedHeartbeat(
    const std::string &key, const char *sender, std::uint64_t incarnation, std::uint64_t sequence)
{
    HmacKey k(key);
    hb::Message m;
    m.sender = sender;
    m.incarnation = incarnation;
    m.sequence = sequence;
    m.intervalMs = 10;
    std::vector<std::uint8_t> out(hb::maxPacketSize);
    out.resize(hb::encode(m, std::vector<std::string>{"a", "b", "c"}, k, out));
    return out;
}

void testKeyFileChecks()
{
    auto build = [](const std::string &keyFile) {
        return [keyFile] { Membership m(configFor(nodeA, 3, keyFile)); };
    };
    const std::string missing = g_dir + "/missing.key";
    CHECK(contains(errorOf(build(missing)), "cluster key " + missing + " does not exist"));
    const std::string open = writeFile("open.key", clusterKey + "\n", 0644);
    CHECK(contains(errorOf(build(open)), "(mode 0644)"));
    CHECK(contains(errorOf(build(open)), "chmod 600 " + open));
    const std::string groupReadable = writeFile("group.key", clusterKey + "\n", 0640);
    CHECK(contains(errorOf(build(groupReadable)), "chmod 600 " + groupReadable));
    // 31 bytes plus whitespace: the whitespace does not count.
    const std::string shortKey = writeFile("short.key", std::string(31, 'k') + " \t\n\n", 0600);
    CHECK(contains(errorOf(build(shortKey)), "holds 31 bytes"));
    CHECK(contains(errorOf(build(g_dir)), "is not a regular file"));
    const std::string huge = writeFile("huge.key", std::string(5000, 'k'), 0600);
    CHECK(contains(errorOf(build(huge)), "5000 bytes"));
}

struct Cluster
{
    std::unique_ptr<Membership> a, b, c;
};

void track(Cluster &cl)
{
    g_running.clear();
    for (auto *m : {cl.a.get(), cl.b.get(), cl.c.get()}) {
        if (m)
            g_running.push_back(m);
    }
}

bool allSeeEachOther(const Cluster &cl)
{
    const std::vector<std::string> all = {"a", "b", "c"};
    for (const Membership *m : {cl.a.get(), cl.b.get(), cl.c.get()}) {
        for (const MemberState &s : m->members()) {
            const bool shouldBeAlive = s.name != "d";
            if (s.alive != shouldBeAlive || (shouldBeAlive && s.reportedAlive != all))
                return false;
        }
    }
    return true;
}

void testLiveCluster()
{
    Cluster cl;
    cl.a = std::make_unique<Membership>(configFor(nodeA));
    cl.b = std::make_unique<Membership>(configFor(nodeB));
    cl.c = std::make_unique<Membership>(configFor(nodeC));
    track(cl);
    CHECK(!cl.a->settled());
    for (Membership *m : g_running)
        m->start();

    // Everyone alive everywhere, each reporting all three; the eventfd told the daemon.
    CHECK(waitFor([&] { return allSeeEachOther(cl); }, 5000ms));
    CHECK(waitFor([&] { return cl.a->settled() && cl.b->settled() && cl.c->settled(); }, 2000ms));
    const auto members = cl.a->members();
    CHECK(members.size() == 4 && members[0].self && members[0].name == "a");
    CHECK(members[1].heartbeatsReceived > 0
        && members[1].lastHeard != std::chrono::steady_clock::time_point());
    const MembershipCounters start = cl.b->counters();
    CHECK(start.sent > 0 && start.accepted > 0);
    CHECK(start.droppedAuth + start.droppedReplay + start.droppedMalformed
            + start.droppedUnknownSender + start.droppedOversized
        == 0);

    // Kill c (no goodbye): a and b declare it dead by its deadline, and a's eventfd says so.
    drainAll();
    cl.c.reset();
    track(cl);
    CHECK(waitByEvents(
        *cl.a, [&] { return sees(*cl.a, nodeC, false); }, 3000ms));
    CHECK(waitFor([&] { return sees(*cl.b, nodeC, false); }, 3000ms));
    CHECK(sees(*cl.a, nodeB) && sees(*cl.b, nodeA));

    // c comes back (a new incarnation) and is alive again everywhere.
    cl.c = std::make_unique<Membership>(configFor(nodeC));
    track(cl);
    cl.c->start();
    CHECK(waitFor([&] { return allSeeEachOther(cl); }, 5000ms));

    // A failed reload (bad key file) throws and changes nothing.
    CHECK(contains(errorOf([&] { cl.a->reconfigure(configFor(nodeA, 3, g_dir + "/missing.key")); }),
        "does not exist"));
    // Silence would now take more than a second to notice (misses 100): a goodbye is at once.
    cl.a->reconfigure(configFor(nodeA, 100));
    cl.b->reconfigure(configFor(nodeB, 100));
    std::this_thread::sleep_for(50ms);
    CHECK(sees(*cl.a, nodeC) && sees(*cl.b, nodeC));
    const auto bye = std::chrono::steady_clock::now();
    cl.c->goodbye();
    CHECK(waitFor([&] { return sees(*cl.a, nodeC, false) && sees(*cl.b, nodeC, false); }, 500ms));
    const auto took = std::chrono::steady_clock::now() - bye;
    CHECK(took < 900ms); // far below misses x interval = 1 s: it was the goodbye
    // c sends no heartbeat after its goodbye, so it stays dead.
    std::this_thread::sleep_for(100ms);
    CHECK(sees(*cl.a, nodeC, false) && sees(*cl.b, nodeC, false));
    const std::uint64_t cIncarnationFloor = 2; // any real incarnation is far above this
    cl.c.reset();
    track(cl);

    // Attacks on b, from plain sockets on a's, c's and a stranger's addresses. A genuine
    // heartbeat of a is captured on d's address (a sends there; d never runs).
    RawSocket capture(nodeD.ip, g_port), fromA(nodeA.ip), fromC(nodeC.ip), stranger("127.0.0.9");
    // a's, not b's (both send to d).
    std::vector<std::uint8_t> genuine;
    hb::Parsed parsed;
    for (int i = 0; i < 100; ++i) {
        genuine = capture.receive(2000);
        if (hb::parse(genuine, parsed) == hb::ParseError::None && parsed.message.sender == "a")
            break;
    }
    CHECK(hb::parse(genuine, parsed) == hb::ParseError::None && parsed.message.sender == "a");
    CHECK(waitFor([&] { return cl.b->members()[1].heartbeatsReceived > 0; }, 1000ms));
    std::this_thread::sleep_for(20ms); // b has certainly accepted the captured sequence by now
    const MembershipCounters before = cl.b->counters();
    const auto membersBefore = cl.b->members();

    fromA.sendTo(nodeB, genuine); // replay
    fromC.sendTo(
        nodeB, signedHeartbeat("not the cluster key, but 32 bytes!", "c", 1ull << 62, 1)); // forged
    fromA.sendTo(nodeB, signedHeartbeat(clusterKey, "c", 1ull << 62, 2)); // c's name, a's address
    stranger.sendTo(nodeB, signedHeartbeat(clusterKey, "zed", 1ull << 62, 1)); // not configured
    fromA.sendTo(nodeB, std::vector<std::uint8_t>(genuine.begin(), genuine.end() - 1)); // truncated
    std::vector<std::uint8_t> garbage(100);
    for (std::size_t i = 0; i < garbage.size(); ++i)
        garbage[i] = std::uint8_t(i * 37 + 11);
    fromA.sendTo(nodeB, garbage);
    std::vector<std::uint8_t> wrongVersion = genuine;
    wrongVersion[4] = 2;
    fromA.sendTo(nodeB, wrongVersion);
    fromA.sendTo(nodeB, std::vector<std::uint8_t>(2000, 0x6b)); // oversized
    // Properly signed but from an incarnation of c older than the one b has seen: a replay.
    fromC.sendTo(nodeB, signedHeartbeat(clusterKey, "c", cIncarnationFloor, 1000));

    auto delta = [&](const MembershipCounters &now) {
        return std::vector<std::uint64_t>{now.droppedReplay - before.droppedReplay,
            now.droppedAuth - before.droppedAuth,
            now.droppedUnknownSender - before.droppedUnknownSender,
            now.droppedMalformed - before.droppedMalformed,
            now.droppedOversized - before.droppedOversized};
    };
    const std::vector<std::uint64_t> expected = {2, 1, 2, 3, 1};
    CHECK(waitFor([&] { return delta(cl.b->counters()) == expected; }, 2000ms));
    std::this_thread::sleep_for(50ms);
    const std::vector<std::uint64_t> got = delta(cl.b->counters());
    CHECK(got == expected);
    if (got != expected) {
        std::cerr << "  drops (replay, auth, unknown, malformed, oversized):";
        for (auto v : got)
            std::cerr << " " << v;
        std::cerr << "\n";
    }
    // Nothing changed: c and d dead, a alive; a still only as a said.
    CHECK(sees(*cl.b, nodeA) && sees(*cl.b, nodeC, false) && sees(*cl.b, nodeD, false));
    CHECK(find(cl.b->members(), "a")->reportedAlive == find(membersBefore, "a")->reportedAlive);

    // The port is taken while a runs.
    CHECK(contains(errorOf([&] { Membership again(configFor(nodeA)); }),
        "cannot bind the heartbeat port 127.0.0.2:" + std::to_string(g_port)));

    // A reload that removes peers drops them from the members.
    model::AgentConfig fewer = configFor(nodeA);
    fewer.peers.resize(1); // only b
    cl.a->reconfigure(fewer);
    CHECK(cl.a->members().size() == 2);
    CHECK(waitFor([&] { return sees(*cl.a, nodeB); }, 1000ms));
    g_running.clear();
}

// A free port on all three addresses: try a few from a pid-dependent start.
bool choosePort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        g_port = std::uint16_t(20000 + (::getpid() * 7 + attempt * 101) % 30000);
        try {
            RawSocket a(nodeA.ip, g_port), b(nodeB.ip, g_port), c(nodeC.ip, g_port),
                d(nodeD.ip, g_port);
            return true;
        } catch (const std::runtime_error &) {
        }
    }
    return false;
}

} // namespace

int main()
{
    char dir[] = "/tmp/tst_membership-XXXXXX";
    if (!::mkdtemp(dir)) {
        std::cerr << "cannot create a temporary directory\n";
        return 1;
    }
    g_dir = dir;
    writeFile("cluster.key", clusterKey + "  \n", 0600);
    if (!choosePort()) {
        std::cerr << "no free UDP port on 127.0.0.2-5\n";
        return 1;
    }
    try {
        testKeyFileChecks();
        testLiveCluster();
    } catch (const std::exception &e) {
        ++g_failures;
        std::cerr << "FAIL: unexpected exception: " << e.what() << "\n";
    }
    std::system(("rm -rf " + g_dir).c_str());
    return k3snet::tests::checksSummary();
}
