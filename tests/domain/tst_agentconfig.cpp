// SPDX-License-Identifier: GPL-3.0-or-later
// The AgentConfig file: every check of `k3snet-agent check` with its code and exact
// line:column (the L2 speaker's timing section too), the canonical text surviving a load and
// save, the limits and the sample files. The configs the app builds from a project are checked
// in tst_agentconfigbuilder.cpp.
#include "diagnosticstext.h"
#include "domain/io/agentconfig.h"
#include "testprojects.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace k3snet;

namespace {

// A valid config with every field; the rows below edit it line by line (1-based).
const QStringList validLines = {
    "apiVersion: k3snet.io/v1alpha1", // 1
    "kind: AgentConfig", "node:", "  name: node1",
    "  interface: eth0", // 5
    "  lanIP: 10.0.0.11", "vxlan:", "  device: flannel.1", "  vni: 1",
    "  port: 8472", // 10
    "  mtu: 1450", "  vtepMAC: 02:aa:bb:cc:dd:01", "clusterCIDR: 10.42.0.0/16",
    "podCIDR: 10.42.0.0/24",
    "bridge: cni0", // 15
    "peers:", "  - name: node2", "    lanIP: 10.0.0.12", "    podCIDR: 10.42.1.0/24",
    "    vtepMAC: 02:aa:bb:cc:dd:02", // 20
    "  - name: node3", "    lanIP: 10.0.0.13", "    podCIDR: 10.42.2.0/24",
    "    vtepMAC: 02:AA:BB:CC:DD:03",
    "cni:", // 25
    "  masquerade: true", "  firewall: auto", "  confDir: /etc/cni/net.d", "  binDir: /opt/cni/bin",
    "  subnetEnv: /run/flannel/subnet.env", // 30
    "serviceIPs:", "  - ip: 10.0.0.100", "    service: kube-system/traefik", "    eligibleNodes:",
    "      - node3", // 35
    "      - node1", "    interfaces: []", "membership:", "  port: 7947",
    "  intervalMs: 10", // 40
    "  misses: 3", "  keyFile: /etc/k3snet/cluster.key", "reconcileIntervalSeconds: 30",
    "statusFile: /run/k3snet/status.json", // 44
};

// The valid text with count lines from line replaced by replacement (none: deleted).
QByteArray edited(int line, const QString &replacement, int count = 1)
{
    QStringList lines = validLines;
    lines.erase(lines.begin() + line - 1, lines.begin() + line - 1 + count);
    if (!replacement.isNull())
        lines.insert(line - 1, replacement);
    return (lines.join('\n') + '\n').toUtf8();
}

// The valid text with an announce section holding one line (2-space indented) at line 46.
QByteArray announced(const QString &line)
{
    return edited(44, validLines[43] + "\nannounce:\n" + line);
}

io::AgentConfigLoad load(const QByteArray &text)
{
    return io::loadAgentConfigText(std::string_view(text.constData(), text.size()), "t.yaml");
}

using diagnosticstext::dump;
using diagnosticstext::summaries;
using testprojects::cidr;
using testprojects::ip;

model::AgentConfig minimalConfig()
{
    model::AgentConfig c;
    c.node = {"node1", "eth0", ip("10.0.0.11")};
    c.vxlan.vtepMAC = "02:aa:bb:cc:dd:01";
    c.clusterCIDR = cidr("10.42.0.0/16");
    c.podCIDR = cidr("10.42.0.0/24");
    return c;
}

} // namespace

class TestAgentConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validText()
    {
        const auto r = load(edited(1, validLines[0]));
        QVERIFY2(r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
        QVERIFY(r.config);
        const model::AgentConfig &c = *r.config;
        QCOMPARE(c.node.name, "node1");
        QCOMPARE(c.peers.size(), 2u);
        QCOMPARE(c.peers[1].vtepMAC, "02:AA:BB:CC:DD:03"); // kept as written
        QCOMPARE(c.serviceIPs.at(0).eligibleNodes, (std::vector<std::string>{"node3", "node1"}));
        model::AgentConfig expected = minimalConfig();
        expected.peers = c.peers;
        expected.serviceIPs = c.serviceIPs;
        QCOMPARE(c, expected); // every other field is at its default
    }

    void findings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, const QByteArray &text, const QStringList &expected) {
            QTest::newRow(name) << text << expected;
        };
        // clang-format off
        row("name", edited(4, "  name: Node_1"), {"4:9 error agent-name-invalid"});
        row("interface", edited(5, "  interface: eth0/1"), {"5:14 error agent-interface-invalid"});
        row("interface long", edited(5, "  interface: enx0123456789abcd"), {"5:14 error agent-interface-invalid"});
        row("lanIP multicast", edited(6, "  lanIP: 224.0.0.1"), {"6:10 error agent-lan-ip-invalid"});
        row("lanIP unspecified", edited(6, "  lanIP: 0.0.0.0"), {"6:10 error agent-lan-ip-invalid"});
        row("lanIP syntax", edited(6, "  lanIP: 10.0.0.300"), {"6:10 error invalid-value"});
        row("device", edited(8, "  device: flannel:1"), {"8:11 error agent-interface-invalid"});
        row("device is uplink", edited(8, "  device: eth0"), {"8:11 error agent-device-conflict"});
        row("bridge is device", edited(15, "bridge: flannel.1"), {"15:9 error agent-device-conflict"});
        row("bridge empty", edited(15, "bridge: ''"), {"15:9 error agent-interface-invalid"});
        row("vni 0", edited(9, "  vni: 0"), {"9:8 error agent-vni-invalid"});
        row("vni 2^24", edited(9, "  vni: 16777216"), {"9:8 error agent-vni-invalid"});
        row("vni max", edited(9, "  vni: 16777215"), {});
        row("vni text", edited(9, "  vni: one"), {"9:8 error invalid-value"});
        row("port 0", edited(10, "  port: 0"), {"10:9 error agent-port-invalid"});
        row("port 65536", edited(10, "  port: 65536"), {"10:9 error agent-port-invalid"});
        row("mtu 67", edited(11, "  mtu: 67"), {"11:8 error agent-mtu-invalid"});
        row("mtu 68", edited(11, "  mtu: 68"), {});
        row("mtu 65536", edited(11, "  mtu: 65536"), {"11:8 error agent-mtu-invalid"});
        row("mac short", edited(12, "  vtepMAC: 02:aa:bb:cc:dd"), {"12:12 error agent-mac-invalid"});
        row("mac dashes", edited(12, "  vtepMAC: 02-aa-bb-cc-dd-01"), {"12:12 error agent-mac-invalid"});
        row("mac not hex", edited(12, "  vtepMAC: 02:aa:bb:cc:dd:0g"), {"12:12 error agent-mac-invalid"});
        row("mac multicast", edited(12, "  vtepMAC: 03:aa:bb:cc:dd:01"), {"12:12 error agent-mac-invalid"});
        row("mac zero", edited(12, "  vtepMAC: 00:00:00:00:00:00"), {"12:12 error agent-mac-invalid"});
        row("mac uppercase", edited(12, "  vtepMAC: 02:AA:BB:CC:DD:01"), {});
        row("mac missing", edited(12, QString()), {"8:3 error missing-field"});
        row("pod outside", edited(14, "podCIDR: 10.43.0.0/24"), {"14:10 error agent-pod-cidr-outside-cluster"});
        row("pod wider", edited(14, "podCIDR: 10.42.0.0/15"),
            {"14:10 error agent-pod-cidr-outside-cluster", "19:14 error agent-peer-overlap", "23:14 error agent-peer-overlap"});
        row("pod family", edited(14, "podCIDR: fd00:42::/64"), {"14:10 error agent-family-mismatch"});
        row("pod /31", edited(14, "podCIDR: 10.42.0.0/31"), {"14:10 error agent-pod-cidr-too-small"});
        row("pod /30", edited(14, "podCIDR: 10.42.0.0/30"), {});
        row("pod host bits", edited(14, "podCIDR: 10.42.0.5/24"), {"14:10 warning host-bits-set"});
        row("peer name", edited(17, "  - name: Node2"), {"17:11 error agent-name-invalid"});
        row("peer name twice", edited(21, "  - name: node2"),
            {"21:11 error agent-peer-duplicate", "35:9 error agent-eligible-node-unknown"});
        row("peer named self", edited(21, "  - name: node1"),
            {"21:11 error agent-peer-is-self", "35:9 error agent-eligible-node-unknown"});
        row("peer lanIP self", edited(22, "    lanIP: 10.0.0.11"), {"22:12 error agent-peer-is-self"});
        row("peer lanIP twice", edited(22, "    lanIP: 10.0.0.12"), {"22:12 error agent-peer-duplicate"});
        row("peer lanIP family", edited(18, "    lanIP: 2001:db8::12"), {"18:12 error agent-family-mismatch"});
        row("peer lanIP multicast", edited(18, "    lanIP: 239.1.1.1"), {"18:12 error agent-lan-ip-invalid"});
        row("peer MAC self", edited(24, "    vtepMAC: 02:aa:bb:cc:dd:01"), {"24:14 error agent-peer-is-self"});
        row("peer MAC twice", edited(24, "    vtepMAC: 02:AA:bb:cc:dd:02"), {"24:14 error agent-peer-duplicate"});
        row("peer MAC multicast", edited(20, "    vtepMAC: 01:00:5e:00:00:01"), {"20:14 error agent-mac-invalid"});
        row("peer overlaps self", edited(23, "    podCIDR: 10.42.0.0/24"), {"23:14 error agent-peer-overlap"});
        row("peer overlaps peer", edited(23, "    podCIDR: 10.42.1.128/25"), {"23:14 error agent-peer-overlap"});
        row("peer inside later", edited(19, "    podCIDR: 10.42.2.0/25"), {"23:14 error agent-peer-overlap"});
        row("peer outside", edited(19, "    podCIDR: 10.99.1.0/24"), {"19:14 error agent-pod-cidr-outside-cluster"});
        row("peer pod family", edited(19, "    podCIDR: fd00::/64"), {"19:14 error agent-family-mismatch"});
        row("peer missing MAC", edited(20, QString()), {"17:5 error missing-field"});
        row("peer unknown key", edited(20, "    vtepMac: 02:aa:bb:cc:dd:02"),
            {"17:5 error missing-field", "20:5 error unknown-key"});
        row("peers not a list", edited(16, "peers: 5", 9), {"16:8 error wrong-type"});
        row("firewall", edited(27, "  firewall: ufw"), {"27:13 error agent-firewall-invalid"});
        row("confDir relative", edited(28, "  confDir: etc/cni"), {"28:12 error agent-path-invalid"});
        row("subnetEnv directory", edited(30, "  subnetEnv: /run/flannel/"), {"30:14 error agent-path-invalid"});
        row("masquerade yes", edited(26, "  masquerade: yes"), {"26:15 error invalid-value"});
        row("service ip", edited(32, "  - ip: 0.0.0.0"), {"32:9 error agent-service-ip-invalid"});
        row("service name", edited(33, "    service: traefik"), {"33:14 error agent-service-invalid"});
        row("eligible invalid", edited(35, "      - Node3"), {"35:9 error agent-name-invalid"});
        row("eligible unknown", edited(35, "      - node9"), {"35:9 error agent-eligible-node-unknown"});
        row("service interface", edited(37, "    interfaces: [eth0, 'a b']"), {"37:24 error agent-interface-invalid"});
        row("service twice", edited(38, "  - ip: 10.0.0.100\n    service: kube-system/traefik\nmembership:"),
            {"38:9 error agent-service-ip-duplicate"});
        row("shared IP", edited(38, "  - ip: 10.0.0.100\n    service: default/web\nmembership:"), {});
        row("membership port", edited(39, "  port: 0"), {"39:9 error agent-port-invalid"});
        row("membership port is VXLAN's", edited(39, "  port: 8472"), {"39:9 error agent-port-conflict"});
        row("interval 0", edited(40, "  intervalMs: 0"), {"40:15 error agent-membership-interval-invalid"});
        row("interval 60001", edited(40, "  intervalMs: 60001"), {"40:15 error agent-membership-interval-invalid"});
        row("misses 101", edited(41, "  misses: 101"), {"41:11 error agent-membership-misses-invalid"});
        row("misses 0", edited(41, "  misses: 0"), {"41:11 error agent-membership-misses-invalid"});
        row("keyFile relative", edited(42, "  keyFile: cluster.key"), {"42:12 error agent-path-invalid"});
        row("garp interval 9", announced("  garpIntervalMs: 9"), {"46:19 error agent-announce-garp-interval-invalid"});
        row("garp interval 60001", announced("  garpIntervalMs: 60001"), {"46:19 error agent-announce-garp-interval-invalid"});
        row("garp interval 10", announced("  garpIntervalMs: 10"), {});
        row("garp duration -1", announced("  garpDurationMs: -1"), {"46:19 error agent-announce-garp-duration-invalid"});
        row("garp duration 600001", announced("  garpDurationMs: 600001"), {"46:19 error agent-announce-garp-duration-invalid"});
        row("garp duration 0", announced("  garpDurationMs: 0"), {});
        row("probe count 11", announced("  probeCount: 11"), {"46:15 error agent-announce-probe-count-invalid"});
        row("probe count 0", announced("  probeCount: 0"), {});
        row("probe interval 0", announced("  probeIntervalMs: 0"), {"46:20 error agent-announce-probe-interval-invalid"});
        row("conflict recheck 99", announced("  conflictRecheckMs: 99"), {"46:22 error agent-announce-conflict-recheck-invalid"});
        row("conflict recheck 3600001", announced("  conflictRecheckMs: 3600001"), {"46:22 error agent-announce-conflict-recheck-invalid"});
        row("announce text", announced("  probeCount: three"), {"46:15 error invalid-value"});
        row("announce typo", announced("  garpIntervalMS: 1000"), {"46:3 error unknown-key"});
        row("announce not a map", edited(44, validLines[43] + "\nannounce: fast"), {"45:11 error wrong-type"});
        row("announce empty", edited(44, validLines[43] + "\nannounce: {}"), {});
        row("reconcile 3601", edited(43, "reconcileIntervalSeconds: 3601"), {"43:27 error agent-reconcile-interval-invalid"});
        row("reconcile 0", edited(43, "reconcileIntervalSeconds: 0"), {"43:27 error agent-reconcile-interval-invalid"});
        row("statusFile relative", edited(44, "statusFile: status.json"), {"44:13 error agent-path-invalid"});
        row("typo", edited(26, "  masquerde: true"), {"26:3 error unknown-key"});
        row("key twice", edited(5, "  interface: eth0\n  name: node9"), {"6:3 error duplicate-key"});
        row("name missing", edited(4, "  nam: node1"), {"4:3 error unknown-key", "4:3 error missing-field"});
        row("node not a map", edited(3, "node: node1", 4), {"3:7 error wrong-type"});
        row("apiVersion", edited(1, "apiVersion: k3snet.io/v1"), {"1:13 error unsupported-api-version"});
        row("kind", edited(2, "kind: Project"), {"2:7 error wrong-kind"});
        row("empty", QByteArray("# nothing\n"), {"- error empty-document"});
        row("syntax", QByteArray("node: [\n"), {"2:1 error yaml-syntax"});
        // clang-format on
    }

    void findings()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        const auto r = load(text);
        QVERIFY2(summaries(r.diagnostics) == expected,
            qPrintable(summaries(r.diagnostics).join(", ") + "\n" + dump(r.diagnostics)));
        const bool errors = rules::hasErrors(r.diagnostics);
        QCOMPARE(r.config.has_value(), !errors);
        for (const rules::Diagnostic &d : r.diagnostics)
            QVERIFY2(d.message.find("\n") == std::string::npos, d.message.c_str());
    }

    void messages()
    {
        auto first = [](const QByteArray &text) {
            const auto r = load(text);
            return r.diagnostics.empty() ? QString()
                                         : QString::fromStdString(r.diagnostics[0].toString());
        };
        QCOMPARE(first(edited(26, "  masquerde: true")),
            R"(t.yaml:26:3: error: unknown key "masquerde" in cni; did you mean "masquerade"? [unknown-key])");
        QCOMPARE(first(edited(24, "    vtepMAC: 02:aa:bb:cc:dd:01")),
            "t.yaml:24:14: error: peers[1].vtepMAC: 02:aa:bb:cc:dd:01 is this node's own VTEP MAC "
            "[agent-peer-is-self]");
        QCOMPARE(first(edited(19, "    podCIDR: 10.42.2.0/25")),
            R"(t.yaml:23:14: error: peers[1].podCIDR: 10.42.2.0/24 overlaps the podCIDR 10.42.2.0/25 of "node2" (line 17) [agent-peer-overlap])");
        QCOMPARE(first(edited(12, "  vtepMAC: 03:aa:bb:cc:dd:01")),
            R"(t.yaml:12:12: error: vxlan.vtepMAC: "03:aa:bb:cc:dd:01" is not a usable VTEP MAC address: the first byte is odd, which makes it a multicast address [agent-mac-invalid])");
        QCOMPARE(first(announced("  garpIntervalMs: 9")),
            "t.yaml:46:19: error: announce.garpIntervalMs: 9 is not a valid gratuitous ARP "
            "interval "
            "in milliseconds (10..60000) [agent-announce-garp-interval-invalid]");
        QCOMPARE(first(announced("  probeCout: 2")),
            R"(t.yaml:46:3: error: unknown key "probeCout" in announce; did you mean "probeCount"? [unknown-key])");
        QCOMPARE(load(edited(21, "  - name: node1")).diagnostics.at(0).objects.at(0),
            (rules::ObjectRef{"Node", "node1"}));
    }

    void limits()
    {
        QStringList big = validLines.mid(0, 15);
        big << "peers:";
        for (int i = 0; i < 10'001; ++i) {
            big << QStringLiteral("  - name: n%1").arg(i)
                << QStringLiteral("    lanIP: 192.168.%1.%2").arg(i / 250).arg(i % 250 + 1)
                << QStringLiteral("    podCIDR: 10.%1.%2.0/24").arg(43 + i / 256).arg(i % 256)
                << QStringLiteral("    vtepMAC: 02:00:00:00:%1:%2")
                       .arg(i / 256, 2, 16, QChar('0'))
                       .arg(i % 256, 2, 16, QChar('0'));
        }
        big << validLines.mid(24, 6) << validLines.mid(37);
        big[12] = "clusterCIDR: 10.0.0.0/8";
        QByteArray text = (big.join('\n') + '\n').toUtf8();
        QCOMPARE(summaries(load(text).diagnostics), QStringList{"17:3 error agent-too-many-peers"});
        // 10,000 peers are fine, and judged quickly (overlaps by sorting, not by pairs).
        big.erase(big.begin() + 16, big.begin() + 20);
        text = (big.join('\n') + '\n').toUtf8();
        QVERIFY(text.size() < qsizetype(io::maxAgentConfigBytes));
        QElapsedTimer timer;
        timer.start();
        const auto r = load(text);
        QVERIFY2(r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
        QCOMPARE(r.config->peers.size(), 10'000u);
        QVERIFY2(timer.elapsed() < 20'000, qPrintable(QString::number(timer.elapsed())));

        const QByteArray huge = edited(1, validLines[0]) + '#' + QByteArray(4 * 1024 * 1024, 'x');
        QCOMPARE(load(huge).diagnostics.at(0).code, "too-large");
        const auto missing = io::loadAgentConfigFile("/nonexistent/agent.yaml");
        QCOMPARE(summaries(missing.diagnostics), QStringList{"- error io-error"});
    }

    // The speaker's timing: absent keys keep MetalLB's schedule, given ones are read as written.
    void announceSection()
    {
        const model::AgentConfig::Announce defaults;
        QCOMPARE(defaults.garpIntervalMs, 1100);
        QCOMPARE(defaults.garpDurationMs, 5000);
        QCOMPARE(defaults.probeCount, 3);
        QCOMPARE(defaults.probeIntervalMs, 100);
        QCOMPARE(defaults.conflictRecheckMs, 10000);
        auto r = load(edited(1, validLines[0]));
        QVERIFY(r.config);
        QCOMPARE(r.config->announce, defaults);

        r = load(announced("  garpIntervalMs: 250\n  probeCount: 0"));
        QVERIFY2(r.config && r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
        model::AgentConfig::Announce expected;
        expected.garpIntervalMs = 250;
        expected.probeCount = 0;
        QCOMPARE(r.config->announce, expected);

        r = load(announced("  garpIntervalMs: 60000\n  garpDurationMs: 600000\n  probeCount: 10\n"
                           "  probeIntervalMs: 10000\n  conflictRecheckMs: 3600000"));
        QVERIFY2(r.config && r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
        QCOMPARE(
            r.config->announce, (model::AgentConfig::Announce{60000, 600000, 10, 10000, 3600000}));

        // Each bad value is its own finding; the good ones around it are still judged.
        r = load(announced("  garpIntervalMs: 5\n  garpDurationMs: 100\n  probeIntervalMs: 0"));
        QCOMPARE(summaries(r.diagnostics),
            (QStringList{"46:19 error agent-announce-garp-interval-invalid",
                "48:20 error agent-announce-probe-interval-invalid"}));
        QVERIFY(!r.config);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("minimal") << 0;
        QTest::newRow("every field") << 1;
        QTest::newRow("ambiguous strings") << 2;
        QTest::newRow("IPv6") << 3;
    }

    void roundTrip()
    {
        QFETCH(int, which);
        model::AgentConfig c = minimalConfig();
        if (which == 1) {
            c = *load(edited(1, validLines[0])).config;
            c.cni
                = {false, "nftables", "/etc/cni/net.d", "/opt/cni/bin", "/run/flannel/subnet.env"};
            c.serviceIPs[0].interfaces = {"eth0", "wlan0"};
            c.membership = {7000, 250, 5, "/etc/k3snet/key"};
            c.announce = {250, 0, 0, 1, 100};
            c.reconcileIntervalSeconds = 3600;
        } else if (which == 2) {
            // Strings that plain would read as a number, a boolean or null, and odd paths.
            c.node.name = "123";
            c.peers.push_back({"true", ip("10.0.0.12"), cidr("10.42.1.0/24"), "02:00:00:00:00:02"});
            c.peers.push_back({"null", ip("10.0.0.13"), cidr("10.42.2.0/24"), "02:00:00:00:00:03"});
            c.serviceIPs.push_back(
                {ip("10.0.0.100"), "default/web", {"true", "null", "123"}, {"0"}});
            c.statusFile = "/run/k3snet/a: b #c";
            c.membership.keyFile = "/etc/k3snet/'key\"";
        } else if (which == 3) {
            c.node.lanIP = ip("2001:db8::11");
            c.vxlan.device = "flannel-v6.1";
            c.clusterCIDR = cidr("fd00:42::/56");
            c.podCIDR = cidr("fd00:42::/64");
            c.peers.push_back(
                {"node2", ip("2001:db8::12"), cidr("fd00:42:0:1::/64"), "02:00:00:00:00:02"});
            c.serviceIPs.push_back({ip("2001:db8::100"), "default/web", {"node2", "node1"}, {}});
        }
        const std::string text = io::saveAgentConfigText(c);
        const auto r = io::loadAgentConfigText(text, "saved");
        QVERIFY2(r.diagnostics.empty(),
            qPrintable(dump(r.diagnostics) + "\n" + QString::fromStdString(text)));
        QCOMPARE(*r.config, c);
        QCOMPARE(io::saveAgentConfigText(*r.config), text);
    }

    void sampleFiles()
    {
        const auto good = io::loadAgentConfigFile(K3SNET_TEST_DATA_DIR "/agent/node1.agent.yaml");
        QVERIFY2(good.config && good.diagnostics.empty(), qPrintable(dump(good.diagnostics)));
        const auto typo = io::loadAgentConfigFile(K3SNET_TEST_DATA_DIR "/agent/typo.agent.yaml");
        QVERIFY(!typo.config);
        QCOMPARE(summaries(typo.diagnostics),
            (QStringList{"26:14 error agent-mac-invalid", "32:3 error unknown-key"}));
    }
};

QTEST_APPLESS_MAIN(TestAgentConfig)

#include "tst_agentconfig.moc"
