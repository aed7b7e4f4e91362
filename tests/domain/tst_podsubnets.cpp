// SPDX-License-Identifier: GPL-3.0-or-later
// The node pod-subnet allocator: k3s's lowest-free order, stability across edits, pins, and
// exhaustion as a diagnostic.
#include "testprojects.h"

#include "domain/ipam/podsubnetallocator.h"

#include <QtTest>
#include <random>
#include <set>

using namespace k3snet;
using namespace testprojects;

namespace {
QString subnetOf(const ipam::PodSubnets &s, const std::string &node)
{
    auto it = s.byNode.find(node);
    return it == s.byNode.end() ? QStringLiteral("-") : QString::fromStdString(it->second.toString());
}
} // namespace

class TestPodSubnets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lowestFreeInOrder()
    {
        auto p = seedProject(3);
        auto s = ipam::allocatePodSubnets(p.network, p.nodes);
        QVERIFY(s.diagnostics.empty());
        QCOMPARE(subnetOf(s, "node1"), QStringLiteral("10.42.0.0/24"));
        QCOMPARE(subnetOf(s, "node2"), QStringLiteral("10.42.1.0/24"));
        QCOMPARE(subnetOf(s, "node3"), QStringLiteral("10.42.2.0/24"));
    }

    void masks_data()
    {
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<int>("mask");
        QTest::addColumn<QString>("second");
        QTest::newRow("/16 by /24") << "10.42.0.0/16" << 24 << "10.42.1.0/24";
        QTest::newRow("/16 by /26") << "10.42.0.0/16" << 26 << "10.42.0.64/26";
        QTest::newRow("/20 by /22") << "172.16.0.0/20" << 22 << "172.16.4.0/22";
        QTest::newRow("ipv6 /56 by /64") << "fd42::/56" << 64 << "fd42:0:0:1::/64";
    }

    void masks()
    {
        QFETCH(QString, cluster);
        QFETCH(int, mask);
        QFETCH(QString, second);
        auto p = seedProject(2);
        p.network.clusterCIDR = *net::Prefix::parse(cluster.toStdString());
        p.network.nodeCIDRMaskSize = mask;
        auto s = ipam::allocatePodSubnets(p.network, p.nodes);
        QVERIFY(s.diagnostics.empty());
        QCOMPARE(subnetOf(s, "node2"), second);
    }

    void addingOrRemovingNeverMovesOthers()
    {
        std::mt19937 rng(42);
        auto p = seedProject(0);
        std::map<std::string, net::Prefix> previous;
        int next = 0;
        for (int step = 0; step < 400; ++step) {
            const bool add = p.nodes.empty() || rng() % 3 != 0;
            if (add) {
                const std::string addr = "10.0.0." + std::to_string(2 + next % 250);
                p.nodes.push_back(node("n" + std::to_string(next++), addr.c_str()));
                // Insert anywhere, not only at the end: order must not matter for stability.
                std::swap(p.nodes.back(), p.nodes[rng() % p.nodes.size()]);
            } else {
                p.nodes.erase(p.nodes.begin() + long(rng() % p.nodes.size()));
            }
            if (p.nodes.size() > 200)
                p.nodes.erase(p.nodes.begin());
            auto s = ipam::allocatePodSubnets(p.network, p.nodes, previous);
            QVERIFY(s.diagnostics.empty());
            for (const auto &[name, subnet] : previous) {
                auto it = s.byNode.find(name);
                if (it != s.byNode.end())
                    QCOMPARE(it->second, subnet);
            }
            // No two nodes share a subnet.
            std::set<net::Prefix> seen;
            for (const auto &[name, subnet] : s.byNode)
                QVERIFY(seen.insert(subnet).second);
            previous = s.byNode;
        }
    }

    void pinnedWinsAndIsSkipped()
    {
        auto p = seedProject(3);
        p.nodes[2].podCIDR = cidr("10.42.0.0/24");
        auto s = ipam::allocatePodSubnets(p.network, p.nodes);
        QVERIFY(s.diagnostics.empty());
        QCOMPARE(subnetOf(s, "node3"), QStringLiteral("10.42.0.0/24"));
        QCOMPARE(subnetOf(s, "node1"), QStringLiteral("10.42.1.0/24"));
        QCOMPARE(subnetOf(s, "node2"), QStringLiteral("10.42.2.0/24"));
    }

    void pinErrors_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("code");
        QTest::newRow("outside") << "10.50.0.0/24" << "pod-subnet-outside-cluster-cidr";
        QTest::newRow("wrong size") << "10.42.0.0/25" << "pod-subnet-wrong-size";
        QTest::newRow("conflict") << "10.42.7.0/24" << "pod-subnet-conflict";
    }

    void pinErrors()
    {
        QFETCH(QString, pin);
        QFETCH(QString, code);
        auto p = seedProject(2);
        p.nodes[0].podCIDR = cidr("10.42.7.0/24");
        p.nodes[1].podCIDR = *net::Prefix::parse(pin.toStdString());
        auto s = ipam::allocatePodSubnets(p.network, p.nodes);
        QCOMPARE(s.diagnostics.size(), size_t(1));
        QCOMPARE(QString::fromStdString(s.diagnostics[0].code), code);
        QCOMPARE(s.diagnostics[0].objects[0].name, std::string("node2"));
        QCOMPARE(subnetOf(s, "node1"), QStringLiteral("10.42.7.0/24"));
    }

    void exhaustionIsADiagnostic()
    {
        auto p = seedProject(0);
        p.network.clusterCIDR = cidr("10.42.0.0/22"); // 4 subnets of /24
        for (int i = 0; i < 6; ++i)
            p.nodes.push_back(node("n" + std::to_string(i), ("10.0.0." + std::to_string(20 + i)).c_str()));
        auto s = ipam::allocatePodSubnets(p.network, p.nodes);
        QCOMPARE(s.byNode.size(), size_t(4));
        QCOMPARE(s.diagnostics.size(), size_t(1));
        QCOMPARE(s.diagnostics[0].code, std::string("cluster-cidr-exhausted"));
        QVERIFY(s.diagnostics[0].message.find("holds 4 pod subnets") != std::string::npos);
        QVERIFY(s.diagnostics[0].message.find("n4, n5") != std::string::npos);
        QCOMPARE(s.diagnostics[0].objects.size(), size_t(2));
    }

    void fillsHolesLeftByRemovedNodes()
    {
        auto p = seedProject(3);
        auto first = ipam::allocatePodSubnets(p.network, p.nodes);
        p.nodes.erase(p.nodes.begin() + 1); // node2 leaves 10.42.1.0/24 free
        p.nodes.push_back(node("node4", "10.0.0.14"));
        auto second = ipam::allocatePodSubnets(p.network, p.nodes, first.byNode);
        QCOMPARE(subnetOf(second, "node3"), QStringLiteral("10.42.2.0/24"));
        QCOMPARE(subnetOf(second, "node4"), QStringLiteral("10.42.1.0/24"));
    }
};

QTEST_APPLESS_MAIN(TestPodSubnets)
#include "tst_podsubnets.moc"
