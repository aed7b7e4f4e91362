// SPDX-License-Identifier: GPL-3.0-or-later
// Every network and node rule, each with an input that triggers it and one that must not.
#include "testprojects.h"

#include "domain/plan/plan.h"
#include "domain/rules/networkrules.h"

#include <QtTest>
#include <functional>

using namespace k3snet;
using namespace testprojects;
using Edit = std::function<void(model::Project &)>;
Q_DECLARE_METATYPE(Edit)

class TestNetworkRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedIsClean()
    {
        auto p = seedProject(4);
        QCOMPARE(codes(plan::validate(p)), QStringList());
    }

    void rules_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("cluster overlaps service") << Edit([](auto &p) { p.network.serviceCIDR = cidr("10.42.128.0/17");
            p.network.clusterDNS = ip("10.42.128.10"); }) << QStringList{"cluster-cidr-overlaps-service-cidr"};
        QTest::newRow("cluster overlaps lan") << Edit([](auto &p) { p.network.clusterCIDR = cidr("10.0.0.0/8"); })
                                              << QStringList{"cluster-cidr-overlaps-lan", "cluster-cidr-overlaps-service-cidr"};
        QTest::newRow("service overlaps lan") << Edit([](auto &p) { p.network.lan.subnet = cidr("10.43.0.0/24");
            p.network.lan.gateway = ip("10.43.0.1");
            for (auto &n : p.nodes) n.lanIP = ip(("10.43.0." + std::to_string(&n - p.nodes.data() + 20)).c_str()); })
                                              << QStringList{"service-cidr-overlaps-lan"};
        QTest::newRow("adjacent is fine") << Edit([](auto &p) { p.network.serviceCIDR = cidr("10.43.0.0/16");
            p.network.clusterCIDR = cidr("10.44.0.0/16"); }) << QStringList{};
        QTest::newRow("dns outside service") << Edit([](auto &p) { p.network.clusterDNS = ip("10.42.0.10"); })
                                             << QStringList{"cluster-dns-outside-service-cidr"};
        QTest::newRow("dns is network address") << Edit([](auto &p) { p.network.clusterDNS = ip("10.43.0.0"); })
                                                << QStringList{"cluster-dns-outside-service-cidr"};
        QTest::newRow("dns of other family") << Edit([](auto &p) { p.network.clusterDNS = ip("fd00::10"); })
                                             << QStringList{"cluster-dns-outside-service-cidr"};
        QTest::newRow("service cidr /12 ok") << Edit([](auto &p) { p.network.serviceCIDR = cidr("10.48.0.0/12");
            p.network.clusterDNS = ip("10.48.0.10"); }) << QStringList{};
        QTest::newRow("service cidr /11 too large") << Edit([](auto &p) { p.network.serviceCIDR = cidr("10.64.0.0/11");
            p.network.clusterDNS = ip("10.64.0.10"); }) << QStringList{"service-cidr-too-large"};
        QTest::newRow("lan mtu 117 too small") << Edit([](auto &p) { p.network.lan.mtu = 117; })
                                               << QStringList{"vxlan-mtu-too-small"};
        QTest::newRow("lan mtu 118 ok") << Edit([](auto &p) { p.network.lan.mtu = 118; }) << QStringList{};
        QTest::newRow("vxlan mtu over lan") << Edit([](auto &p) { p.network.vxlan.mtu = 1460; })
                                            << QStringList{"vxlan-mtu-exceeds-lan"};
        QTest::newRow("vxlan mtu 1450 ok") << Edit([](auto &p) { p.network.vxlan.mtu = 1450; }) << QStringList{};
        QTest::newRow("vni 0") << Edit([](auto &p) { p.network.vxlan.vni = 0; }) << QStringList{"vxlan-vni-invalid"};
        QTest::newRow("vni 2^24") << Edit([](auto &p) { p.network.vxlan.vni = 1u << 24; }) << QStringList{"vxlan-vni-invalid"};
        QTest::newRow("port 0") << Edit([](auto &p) { p.network.vxlan.port = 0; }) << QStringList{"vxlan-port-invalid"};
        QTest::newRow("gateway outside lan") << Edit([](auto &p) { p.network.lan.gateway = ip("10.0.1.1"); })
                                             << QStringList{"gateway-outside-lan"};
        QTest::newRow("cluster domain") << Edit([](auto &p) { p.network.clusterDomain = "Cluster_Local"; })
                                        << QStringList{"cluster-domain-invalid"};
        QTest::newRow("lan interface too long") << Edit([](auto &p) { p.network.lan.interface = "enx0123456789abc"; })
                                                << QStringList{"interface-name-invalid"};
        QTest::newRow("node name uppercase") << Edit([](auto &p) { p.nodes[1].name = "Node2"; })
                                             << QStringList{"node-name-invalid"};
        QTest::newRow("node name underscore") << Edit([](auto &p) { p.nodes[1].name = "node_2"; })
                                              << QStringList{"node-name-invalid"};
        QTest::newRow("node name dotted ok") << Edit([](auto &p) { p.nodes[1].name = "pi-2.lan"; }) << QStringList{};
        QTest::newRow("node name 64-char label") << Edit([](auto &p) { p.nodes[1].name = std::string(64, 'a'); })
                                                 << QStringList{"node-name-invalid"};
        QTest::newRow("node name duplicate") << Edit([](auto &p) { p.nodes[2].name = "node2"; })
                                             << QStringList{"node-name-duplicate"};
        QTest::newRow("node ip outside lan") << Edit([](auto &p) { p.nodes[1].lanIP = ip("192.168.1.12"); })
                                             << QStringList{"node-ip-outside-lan"};
        QTest::newRow("node ip v6 on v4 lan") << Edit([](auto &p) { p.nodes[1].lanIP = ip("fd00::12"); })
                                              << QStringList{"node-ip-outside-lan"};
        QTest::newRow("node ip is gateway") << Edit([](auto &p) { p.nodes[1].lanIP = ip("10.0.0.1"); })
                                            << QStringList{"node-ip-is-gateway"};
        QTest::newRow("node ip broadcast") << Edit([](auto &p) { p.nodes[1].lanIP = ip("10.0.0.255"); })
                                           << QStringList{"node-ip-reserved"};
        QTest::newRow("node ip duplicate") << Edit([](auto &p) { p.nodes[2].lanIP = ip("10.0.0.12"); })
                                           << QStringList{"node-ip-duplicate"};
        QTest::newRow("node interface") << Edit([](auto &p) { p.nodes[0].interface = "eth 0"; })
                                        << QStringList{"interface-name-invalid"};
        QTest::newRow("cluster too small") << Edit([](auto &p) { p.network.clusterCIDR = cidr("10.42.0.0/23"); })
                                           << QStringList{"cluster-cidr-exhausted"};
        QTest::newRow("mask shorter than cluster") << Edit([](auto &p) { p.network.nodeCIDRMaskSize = 15; })
                                                   << QStringList{"node-cidr-mask-invalid"};
    }

    void rules()
    {
        QFETCH(Edit, edit);
        QFETCH(QStringList, expected);
        auto p = seedProject(3);
        edit(p);
        const auto found = plan::validate(p);
        QCOMPARE(codes(found), expected);
        for (const auto &d : found) {
            QVERIFY2(!d.message.empty(), d.code.c_str());
            QVERIFY2(!d.objects.empty(), d.code.c_str());
        }
    }

    void locationsComeFromTheSourceMap()
    {
        auto p = seedProject(2);
        p.sources.set("nodes/node2", {"cluster.k3snet.yaml", 20, 5});
        p.sources.set("nodes/node2.lanIP", {"cluster.k3snet.yaml", 23, 12});
        p.nodes[1].lanIP = ip("10.0.0.1");
        const auto found = plan::validate(p);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].location.toString(), std::string("cluster.k3snet.yaml:23:12"));
        QCOMPARE(found[0].toString().rfind("cluster.k3snet.yaml:23:12: error: ", 0), size_t(0));
    }

    void errorsSortFirst()
    {
        auto p = seedProject(2);
        p.network.lan.gateway = ip("10.0.1.1");
        p.network.clusterDNS = ip("10.42.0.10");
        const auto found = plan::validate(p);
        QVERIFY(found.size() >= 2);
        for (size_t i = 1; i < found.size(); ++i)
            QVERIFY(found[i - 1].severity <= found[i].severity);
    }
};

QTEST_APPLESS_MAIN(TestNetworkRules)
#include "tst_networkrules.moc"
