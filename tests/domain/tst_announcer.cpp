// SPDX-License-Identifier: GPL-3.0-or-later
// The L2 announcer election (MetalLB's ShouldAnnounce): the SHA-256 order against answers
// computed with sha256sum, and every eligibility filter, each with its reason.
#include "testprojects.h"

#include "domain/election/announcer.h"
#include "domain/election/rankingcache.h"
#include "domain/election/sha256.h"

#include <QtTest>
#include <functional>
#include <random>

using namespace k3snet;
using namespace testprojects;
using Edit = std::function<void(model::Project &)>;
Q_DECLARE_METATYPE(Edit)

namespace {

QStringList toQt(const std::vector<std::string> &v)
{
    QStringList out;
    for (const auto &s : v)
        out << QString::fromStdString(s);
    return out;
}

model::LabelSelector matching(const std::string &key, const std::string &value)
{
    model::LabelSelector s;
    s.matchLabels[key] = value;
    return s;
}

// Four nodes, pool "p" labelled tier=front, one advertisement for it, and default/web.
model::Project electionProject()
{
    auto p = seedProject(4);
    model::IPAddressPool pool;
    pool.name = "p";
    pool.labels["tier"] = "front";
    pool.addresses = {"10.0.0.100-10.0.0.200"};
    p.pools.push_back(pool);
    model::L2Advertisement ad;
    ad.name = "ad";
    ad.ipAddressPools = {"p"};
    p.l2Advertisements.push_back(ad);
    model::Service s;
    s.name = "web";
    s.type = "LoadBalancer";
    s.labels["app"] = "web";
    s.selector["app"] = "web";
    p.services.push_back(s);
    return p;
}

} // namespace

class TestAnnouncer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void digestKnownAnswer()
    {
        // printf 'node1#10.0.0.100' | sha256sum
        QCOMPARE(election::toHex(election::sha256("node1#10.0.0.100")),
            std::string("062af2970bede87f8d25e606a975cf67536448e4bcb6b33b48c1ef0a3bbe882e"));
    }

    void knownOrder_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QStringList>("expected");
        // Sorted output of: printf '%s#%s' nodeN IP | sha256sum, for node1..node4.
        QTest::newRow("10.0.0.100")
            << "10.0.0.100" << QStringList{"node1", "node2", "node4", "node3"};
        QTest::newRow("10.0.0.101")
            << "10.0.0.101" << QStringList{"node3", "node1", "node4", "node2"};
        QTest::newRow("10.0.0.150")
            << "10.0.0.150" << QStringList{"node1", "node3", "node2", "node4"};
        QTest::newRow("fd00::10") << "fd00::10" << QStringList{"node4", "node2", "node3", "node1"};
        QTest::newRow("ipv6 written long is canonicalised")
            << "fd00:0:0:0::10" << QStringList{"node4", "node2", "node3", "node1"};
    }

    void knownOrder()
    {
        QFETCH(QString, ip);
        QFETCH(QStringList, expected);
        const auto ranked
            = election::rankAnnouncers({"node3", "node1", "node4", "node2"}, ip.toStdString());
        QCOMPARE(toQt(ranked), expected);
    }

    void inputOrderAndDuplicatesDoNotMatter()
    {
        const auto a = election::rankAnnouncers({"node1", "node2", "node3", "node4"}, "10.0.0.100");
        const auto b
            = election::rankAnnouncers({"node4", "node2", "node2", "node3", "node1"}, "10.0.0.100");
        QCOMPARE(toQt(a), toQt(b));
        QVERIFY(election::rankAnnouncers({}, "10.0.0.100").empty());
        // Removing a non-leader changes nothing for the leader.
        QCOMPARE(election::rankAnnouncers({"node1", "node3"}, "10.0.0.100").front(),
            std::string("node1"));
    }

    // clang-format off: one row per filter reads better than what the formatter makes of it.
    void eligibility_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("reason");
        const QStringList all{"node1", "node2", "node4", "node3"};
        auto row = [](const char *name, Edit edit, QStringList expected, QString reason = {}) {
            QTest::newRow(name) << edit << expected << reason;
        };

        row("every node", [](auto &) {}, all);
        row("no advertisement", [](auto &p) { p.l2Advertisements.clear(); }, {},
            "there is no L2Advertisement");
        row("advertisement for another pool", [](auto &p) { p.l2Advertisements[0].ipAddressPools = {"other"}; },
            {}, "no L2Advertisement selects pool \"p\"");
        row("pool selector matches", [](auto &p) {
            p.l2Advertisements[0].ipAddressPools.clear();
            p.l2Advertisements[0].ipAddressPoolSelectors = {matching("tier", "front")};
        }, all);
        row("pool selector does not match", [](auto &p) {
            p.l2Advertisements[0].ipAddressPools.clear();
            p.l2Advertisements[0].ipAddressPoolSelectors = {matching("tier", "back")};
        }, {}, "no L2Advertisement selects pool");
        row("no pool named or selected: every pool", [](auto &p) { p.l2Advertisements[0].ipAddressPools.clear(); },
            all);
        row("node selector", [](auto &p) {
            p.nodes[1].labels["edge"] = "yes";
            p.nodes[2].labels["edge"] = "yes";
            p.l2Advertisements[0].nodeSelectors = {matching("edge", "yes")};
        }, {"node2", "node3"});
        row("node selector matches nothing", [](auto &p) {
            p.l2Advertisements[0].nodeSelectors = {matching("edge", "yes")};
        }, {}, "match no node");
        row("two advertisements: union of their nodes", [](auto &p) {
            p.nodes[3].labels["n"] = "4";
            p.nodes[1].labels["n"] = "2";
            p.l2Advertisements[0].nodeSelectors = {matching("n", "4")};
            auto second = p.l2Advertisements[0];
            second.name = "ad2";
            second.nodeSelectors = {matching("n", "2")};
            p.l2Advertisements.push_back(second);
        }, {"node2", "node4"});
        row("service selector matches", [](auto &p) {
            p.l2Advertisements[0].serviceSelectors = {matching("app", "web")};
        }, all);
        row("service selector does not match", [](auto &p) {
            p.l2Advertisements[0].serviceSelectors = {matching("app", "db")};
        }, {}, "select other services");
        row("exclude label", [](auto &p) { p.nodes[0].labels[election::excludeFromLoadBalancersLabel] = ""; },
            {"node2", "node4", "node3"});
        row("network unavailable", [](auto &p) { p.nodes[1].networkUnavailable = true; },
            {"node1", "node4", "node3"});
        row("local: endpoint nodes only", [](auto &p) {
            p.services[0].externalTrafficPolicy = "Local";
            p.services[0].endpointNodes = std::vector<std::string>{"node3", "node4"};
        }, {"node4", "node3"});
        row("local: endpoints unknown", [](auto &p) { p.services[0].externalTrafficPolicy = "Local"; }, all);
        row("cluster: endpoints do not restrict", [](auto &p) {
            p.services[0].endpointNodes = std::vector<std::string>{"node3"};
        }, all);
        row("no endpoint at all", [](auto &p) { p.services[0].endpointNodes = std::vector<std::string>{}; },
            {}, "no ready endpoint");
        row("every node filtered out", [](auto &p) {
            for (auto &n : p.nodes)
                n.networkUnavailable = true;
            p.nodes[0].labels[election::excludeFromLoadBalancersLabel] = "true";
        }, {}, "no eligible node is left: node1 is labelled "
               "node.kubernetes.io/exclude-from-external-load-balancers; node2 has NetworkUnavailable");
        row("local: no endpoint on an eligible node", [](auto &p) {
            p.services[0].externalTrafficPolicy = "Local";
            p.services[0].endpointNodes = std::vector<std::string>{"elsewhere"};
        }, {}, "node1 hosts no endpoint");
        row("no nodes", [](auto &p) { p.nodes.clear(); }, {}, "the project has no nodes");
    }
    // clang-format on

    void eligibility()
    {
        QFETCH(Edit, edit);
        QFETCH(QStringList, expected);
        QFETCH(QString, reason);
        auto p = electionProject();
        edit(p);
        const auto e = election::electAnnouncer(p, p.services[0], "p", "10.0.0.100");
        QCOMPARE(toQt(e.ranked), expected);
        QVERIFY2(QString::fromStdString(e.reason).contains(reason), e.reason.c_str());
        // The same answer and reason through a cache, filled or not.
        static election::RankingCache cache;
        const auto c = election::electAnnouncer(p, p.services[0], "p", "10.0.0.100", nullptr, &cache);
        QCOMPARE(toQt(c.ranked), expected);
        QCOMPARE(c.reason, e.reason);
        QCOMPARE(e.reason.empty(), !expected.isEmpty());
        QCOMPARE(
            e.announcer(), expected.isEmpty() ? std::string() : expected.first().toStdString());
        QCOMPARE(int(e.fallbacks().size()), std::max(0, int(expected.size()) - 1));
    }

    void liveSet_data()
    {
        QTest::addColumn<QStringList>("live");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("all alive") << QStringList{"node1", "node2", "node3", "node4"}
                                   << QStringList{"node1", "node2", "node4", "node3"};
        QTest::newRow("leader dead: next takes over")
            << QStringList{"node2", "node3", "node4"} << QStringList{"node2", "node4", "node3"};
        QTest::newRow("unknown names ignored")
            << QStringList{"node3", "ghost"} << QStringList{"node3"};
        QTest::newRow("none alive") << QStringList{} << QStringList{};
    }

    void liveSet()
    {
        QFETCH(QStringList, live);
        QFETCH(QStringList, expected);
        auto p = electionProject();
        std::set<std::string> alive;
        for (const auto &n : live)
            alive.insert(n.toStdString());
        const auto e = election::electAnnouncer(p, p.services[0], "p", "10.0.0.100", &alive);
        QCOMPARE(toQt(e.ranked), expected);
        election::RankingCache cache;
        QCOMPARE(toQt(election::electAnnouncer(p, p.services[0], "p", "10.0.0.100", &alive, &cache).ranked),
                 expected);
        if (expected.isEmpty())
            QVERIFY2(e.reason.find("is not alive") != std::string::npos, e.reason.c_str());
    }

    void firstIPDecides()
    {
        // A dual-stack service hashes its first address: the order follows that IP alone.
        auto p = electionProject();
        const auto v4 = election::electAnnouncer(p, p.services[0], "p", "10.0.0.101");
        QCOMPARE(toQt(v4.ranked), (QStringList{"node3", "node1", "node4", "node2"}));
        const auto v6 = election::electAnnouncer(p, p.services[0], "p", "fd00::10");
        QCOMPARE(toQt(v6.ranked), (QStringList{"node4", "node2", "node3", "node1"}));
    }

    // The app's cache of whole-project rankings gives exactly what ranking each service's
    // eligible nodes gives: random node selections, live sets, IPv4 and non-canonical IPv6,
    // renamed nodes (the cache starts over) and repeated names (the cache stands aside).
    void cacheAgreesWithDirectRanking()
    {
        std::mt19937 rng(7);
        auto p = seedProject(30);
        for (std::size_t i = 0; i < p.nodes.size(); ++i)
            p.nodes[i].labels["zone"] = i % 3 ? "a" : "b";
        model::IPAddressPool pool;
        pool.name = "p";
        pool.addresses = {"192.0.2.0/24", "fd00::/120"};
        p.pools.push_back(pool);
        model::L2Advertisement ad;
        ad.name = "ad";
        p.l2Advertisements.push_back(ad);
        model::Service svc;
        svc.name = "web";
        svc.type = "LoadBalancer";
        p.services.push_back(svc);

        election::RankingCache cache;
        auto compareAll = [&](int round) {
            for (int i = 0; i < 120; ++i) {
                const std::string ip = i % 3 ? "192.0.2." + std::to_string(rng() % 40)
                                             : "FD00:0:0::" + std::to_string(rng() % 40);
                std::set<std::string> alive;
                for (const auto &n : p.nodes)
                    if (rng() % 4)
                        alive.insert(n.name);
                const bool useLive = rng() % 2;
                p.l2Advertisements[0].nodeSelectors.clear();
                if (rng() % 2)
                    p.l2Advertisements[0].nodeSelectors.push_back(matching("zone", "a"));
                const auto direct = election::electAnnouncer(p, svc, "p", ip, useLive ? &alive : nullptr);
                const auto cached
                    = election::electAnnouncer(p, svc, "p", ip, useLive ? &alive : nullptr, &cache);
                QVERIFY2(direct.ranked == cached.ranked, qPrintable(QStringLiteral("round %1, %2").arg(round).arg(QString::fromStdString(ip))));
                QCOMPARE(cached.reason, direct.reason);
                QVERIFY(!direct.ranked.empty() || !direct.reason.empty());
            }
        };
        compareAll(0);
        QVERIFY(cache.usable());
        QVERIFY(cache.size() > 40 && cache.size() <= 80); // one ranking per distinct IP
        p.nodes[4].name = "renamed";
        compareAll(1);
        p.nodes[5].name = p.nodes[6].name;
        compareAll(2);
        QVERIFY(!cache.usable());
    }
};

QTEST_APPLESS_MAIN(TestAnnouncer)
#include "tst_announcer.moc"
