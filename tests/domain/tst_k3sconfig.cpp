// SPDX-License-Identifier: GPL-3.0-or-later
// The k3s config.yaml k3snet writes for each node, and reading existing ones back: what is
// generated, that it reads back to the same settings, and how real-world files are judged.
#include "domain/io/k3sconfig.h"

#include <QtTest>
#include <yaml-cpp/yaml.h>

#include <set>
#include <stdexcept>

using namespace k3snet;

namespace {

net::Address ip(const char *text)
{
    auto a = net::Address::parse(text);
    if (!a)
        throw std::invalid_argument(a.error());
    return *a;
}

net::Prefix cidr(const char *text)
{
    auto p = net::Prefix::parse(text);
    if (!p)
        throw std::invalid_argument(p.error());
    return *p;
}

model::Node makeNode(const std::string &name, const char *lanIP, model::NodeRole role)
{
    model::Node n;
    n.name = name;
    n.lanIP = ip(lanIP);
    n.role = role;
    return n;
}

// The seed's Raspberry Pi cluster (resources/demo/picluster.k3snet.yaml): k3s defaults, node1
// the server at 10.0.0.11, node2..node4 agents.
model::Project seedProject()
{
    model::Project p;
    p.name = "picluster";
    p.network.lan.subnet = cidr("10.0.0.0/24");
    p.network.lan.gateway = ip("10.0.0.1");
    p.nodes.push_back(makeNode("node1", "10.0.0.11", model::NodeRole::Server));
    for (int i = 2; i <= 4; ++i)
        p.nodes.push_back(makeNode("node" + std::to_string(i),
            ("10.0.0.1" + std::to_string(i)).c_str(), model::NodeRole::Agent));
    return p;
}

// Projects that exercise every branch of the generator, by name.
model::Project project(const QString &name)
{
    model::Project p = seedProject();
    if (name == "seed")
        return p;
    if (name == "mask25") {
        p.network.nodeCIDRMaskSize = 25;
    } else if (name == "custom") {
        p.name = "lab";
        p.network.clusterCIDR = cidr("172.20.0.0/14");
        p.network.serviceCIDR = cidr("172.24.0.0/20");
        p.network.clusterDNS = ip("172.24.0.53");
        p.network.clusterDomain = "lab.internal";
        p.network.nodeCIDRMaskSize = 22;
        p.network.lan.interface = "enp1s0"; // flannel-iface must still not appear
        p.nodes[1].interface = "wlan0";
        // A second server: it joins the first.
        p.nodes[2].role = model::NodeRole::Server;
    } else if (name == "ipv6") {
        p.network.clusterCIDR = cidr("fd00:42::/56");
        p.network.serviceCIDR = cidr("fd00:43::/112");
        p.network.clusterDNS = ip("fd00:43::a");
        p.network.nodeCIDRMaskSize = 64;
    } else if (name == "ipv6mask") {
        p.network.clusterCIDR = cidr("fd00:42::/56");
        p.network.serviceCIDR = cidr("fd00:43::/112");
        p.network.clusterDNS = ip("fd00:43::a");
        p.network.nodeCIDRMaskSize = 72;
    } else {
        qFatal("unknown test project %s", qPrintable(name));
    }
    return p;
}

const model::Node &nodeOf(const model::Project &p, const QString &name)
{
    for (const model::Node &n : p.nodes) {
        if (QString::fromStdString(n.name) == name)
            return n;
    }
    qFatal("no node %s", qPrintable(name));
}

// The YAML of a generated file without its header comment.
QString body(const std::string &text)
{
    QStringList kept;
    for (const QString &line : QString::fromStdString(text).split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1Char('#')))
            kept << line;
    }
    return kept.join(QLatin1Char('\n'));
}

// "3:15 error invalid-value", or "- warning code" for a diagnostic about the whole file.
QStringList summaries(const rules::Diagnostics &ds)
{
    QStringList out;
    for (const rules::Diagnostic &d : ds) {
        const QString where = d.location.isValid()
            ? QStringLiteral("%1:%2").arg(d.location.line).arg(d.location.column)
            : QStringLiteral("-");
        out << where + QLatin1Char(' ') + QString::fromLatin1(rules::severityName(d.severity))
                + QLatin1Char(' ') + QString::fromStdString(d.code);
    }
    return out;
}

QString messages(const rules::Diagnostics &ds)
{
    QStringList out;
    for (const rules::Diagnostic &d : ds)
        out << QString::fromStdString(d.toString());
    return out.join(QLatin1Char('\n'));
}

template<class T> QString text(const std::optional<T> &v)
{
    if (!v)
        return {};
    if constexpr (std::is_same_v<T, std::string>)
        return QString::fromStdString(*v);
    else
        return QString::fromStdString(v->toString());
}

QStringList qstrings(const std::vector<std::string> &v)
{
    QStringList out;
    for (const std::string &s : v)
        out << QString::fromStdString(s);
    return out;
}

std::set<std::string> topLevelKeys(const std::string &yaml)
{
    std::set<std::string> keys;
    const YAML::Node root = YAML::Load(yaml);
    for (auto it = root.begin(); it != root.end(); ++it)
        keys.insert(it->first.Scalar());
    return keys;
}

} // namespace

class TestK3sConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedFullText_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("expected");

        QTest::newRow("node1 server")
            << "node1"
            << "# /etc/rancher/k3s/config.yaml for node1 (server) of k3snet project "
               "\"picluster\".\n"
               "# Generated by k3snet: change the project and generate it again rather than "
               "editing it.\n"
               "# flannel-backend is none because k3snet-agent builds the pod network's VXLAN "
               "overlay in\n"
               "# flannel's place; servicelb is disabled because k3snet-agent announces "
               "LoadBalancer IPs\n"
               "# on the LAN (MetalLB's layer 2 speaker's job), which klipper-lb would claim too.\n"
               "# disable-network-policy: k3snet provides no network policy, and the k3s docs turn "
               "the\n"
               "# embedded kube-router policy controller off with a custom CNI.\n"
               "node-ip: 10.0.0.11\n"
               "flannel-backend: none\n"
               "disable-network-policy: true\n"
               "disable:\n"
               "  - servicelb\n"
               "cluster-cidr: 10.42.0.0/16\n"
               "service-cidr: 10.43.0.0/16\n"
               "cluster-dns: 10.43.0.10\n"
               "cluster-domain: cluster.local\n";
        QTest::newRow("node2 agent")
            << "node2"
            << "# /etc/rancher/k3s/config.yaml for node2 (agent) of k3snet project \"picluster\".\n"
               "# Generated by k3snet: change the project and generate it again rather than "
               "editing it.\n"
               "# An agent takes only agent flags: the network settings are on the servers.\n"
               "# server: and token: are added when the node joins the cluster.\n"
               "node-ip: 10.0.0.12\n";
    }

    void seedFullText()
    {
        QFETCH(QString, node);
        QFETCH(QString, expected);
        const model::Project p = seedProject();
        QCOMPARE(QString::fromStdString(io::k3sConfigFor(p, nodeOf(p, node))), expected);
    }

    void generate_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("expectedBody");

        QTest::newRow("seed server")
            << "seed"
            << "node1"
            << "node-ip: 10.0.0.11\nflannel-backend: none\ndisable-network-policy: true\n"
               "disable:\n  - servicelb\ncluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n"
               "cluster-dns: 10.43.0.10\ncluster-domain: cluster.local\n";
        QTest::newRow("seed agent") << "seed"
                                    << "node4"
                                    << "node-ip: 10.0.0.14\n";
        QTest::newRow("mask /25")
            << "mask25"
            << "node1"
            << "node-ip: 10.0.0.11\nflannel-backend: none\ndisable-network-policy: true\n"
               "disable:\n  - servicelb\ncluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n"
               "cluster-dns: 10.43.0.10\ncluster-domain: cluster.local\n"
               "kube-controller-manager-arg:\n  - node-cidr-mask-size-ipv4=25\n";
        QTest::newRow("mask /25 agent") << "mask25"
                                        << "node2"
                                        << "node-ip: 10.0.0.12\n";
        QTest::newRow("custom CIDRs")
            << "custom"
            << "node1"
            << "node-ip: 10.0.0.11\nflannel-backend: none\ndisable-network-policy: true\n"
               "disable:\n  - servicelb\ncluster-cidr: 172.20.0.0/14\nservice-cidr: 172.24.0.0/20\n"
               "cluster-dns: 172.24.0.53\ncluster-domain: lab.internal\n"
               "kube-controller-manager-arg:\n  - node-cidr-mask-size-ipv4=22\n";
        QTest::newRow("custom second server")
            << "custom"
            << "node3"
            << "node-ip: 10.0.0.13\nflannel-backend: none\ndisable-network-policy: true\n"
               "disable:\n  - servicelb\ncluster-cidr: 172.20.0.0/14\nservice-cidr: 172.24.0.0/20\n"
               "cluster-dns: 172.24.0.53\ncluster-domain: lab.internal\n"
               "kube-controller-manager-arg:\n  - node-cidr-mask-size-ipv4=22\n";
        QTest::newRow("custom agent with interface") << "custom"
                                                     << "node2"
                                                     << "node-ip: 10.0.0.12\n";
        QTest::newRow("ipv6 default /64")
            << "ipv6"
            << "node1"
            << "node-ip: 10.0.0.11\nflannel-backend: none\ndisable-network-policy: true\n"
               "disable:\n  - servicelb\ncluster-cidr: fd00:42::/56\nservice-cidr: fd00:43::/112\n"
               "cluster-dns: fd00:43::a\ncluster-domain: cluster.local\n";
        QTest::newRow("ipv6 mask /72")
            << "ipv6mask"
            << "node1"
            << "node-ip: 10.0.0.11\nflannel-backend: none\ndisable-network-policy: true\n"
               "disable:\n  - servicelb\ncluster-cidr: fd00:42::/56\nservice-cidr: fd00:43::/112\n"
               "cluster-dns: fd00:43::a\ncluster-domain: cluster.local\n"
               "kube-controller-manager-arg:\n  - node-cidr-mask-size-ipv6=72\n";
    }

    void generate()
    {
        QFETCH(QString, project);
        QFETCH(QString, node);
        QFETCH(QString, expectedBody);
        const model::Project p = ::project(project);
        const model::Node &n = nodeOf(p, node);
        const std::string text = io::k3sConfigFor(p, n);

        QCOMPARE(body(text), expectedBody);
        // Deterministic: the same project gives the same bytes.
        QCOMPARE(io::k3sConfigFor(p, n), text);
        QVERIFY(text.find("flannel-iface") == std::string::npos);
        const std::set<std::string> keys = topLevelKeys(text);
        QVERIFY(!keys.count("token") && !keys.count("server"));
        const bool joiningServer
            = n.role == model::NodeRole::Server && n.name != p.nodes.front().name;
        QCOMPARE(text.find("joins node1") != std::string::npos, joiningServer);

        if (n.role == model::NodeRole::Agent)
            QCOMPARE(topLevelKeys(text), std::set<std::string>{"node-ip"});
    }

    // Every generated file reads back, without a single finding, to the settings it came from.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("node");
        for (const char *proj : {"seed", "mask25", "custom", "ipv6", "ipv6mask"}) {
            const model::Project p = project(QString::fromLatin1(proj));
            for (const model::Node &n : p.nodes)
                QTest::addRow("%s %s", proj, n.name.c_str())
                    << QString::fromLatin1(proj) << QString::fromStdString(n.name);
        }
    }

    void roundTrip()
    {
        QFETCH(QString, project);
        QFETCH(QString, node);
        const model::Project p = ::project(project);
        const model::Node &n = nodeOf(p, node);

        const io::K3sConfigImport imported
            = io::importK3sConfig(io::k3sConfigFor(p, n), "config.yaml");
        QVERIFY2(imported.diagnostics.empty(), qPrintable(messages(imported.diagnostics)));
        QCOMPARE(text(imported.nodeIP), QString::fromStdString(n.lanIP.toString()));

        // Apply onto a network that differs in every k3s setting.
        model::ClusterNetwork network;
        network.clusterCIDR = cidr("10.100.0.0/16");
        network.serviceCIDR = cidr("10.101.0.0/16");
        network.clusterDNS = ip("10.101.0.99");
        network.clusterDomain = "other.example";
        network.nodeCIDRMaskSize = 20;
        const model::ClusterNetwork before = network;
        const auto nodeIP = io::applyK3sConfig(imported, network);
        QCOMPARE(nodeIP, std::optional<net::Address>(n.lanIP));

        if (n.role == model::NodeRole::Agent) {
            QVERIFY(network == before);
            QVERIFY(!imported.flannelBackend);
            QVERIFY(imported.disable.empty());
            return;
        }
        QCOMPARE(text(imported.flannelBackend), QStringLiteral("none"));
        QCOMPARE(imported.disableNetworkPolicy, std::optional<bool>(true));
        QCOMPARE(qstrings(imported.disable), QStringList{QStringLiteral("servicelb")});
        QCOMPARE(network.clusterCIDR, p.network.clusterCIDR);
        QCOMPARE(network.serviceCIDR, p.network.serviceCIDR);
        QCOMPARE(network.clusterDNS, p.network.clusterDNS);
        QCOMPARE(network.clusterDomain, p.network.clusterDomain);
        QCOMPARE(network.nodeCIDRMaskSize, p.network.nodeCIDRMaskSize);
    }

    void import_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("clusterCIDR");
        QTest::addColumn<QString>("serviceCIDR");
        QTest::addColumn<QString>("clusterDNS");
        QTest::addColumn<QString>("nodeIP");
        QTest::addColumn<int>("mask"); // -1: not set
        QTest::addColumn<QStringList>("disable");
        QTest::addColumn<QStringList>("diagnostics");

        const QStringList none;
        const QStringList servicelb{"servicelb"};

        // The k3s docs' custom-CNI example.
        QTest::newRow("k3s docs example")
            << QByteArray("flannel-backend: none\n"
                          "disable-network-policy: true\n"
                          "disable: [servicelb, traefik]\n")
            << ""
            << ""
            << ""
            << "" << -1 << QStringList{"servicelb", "traefik"} << none;
        QTest::newRow("empty file") << QByteArray("") << ""
                                    << ""
                                    << ""
                                    << "" << -1 << none << none;
        QTest::newRow("only comments") << QByteArray("# nothing yet\n") << ""
                                       << ""
                                       << ""
                                       << "" << -1 << none << none;
        QTest::newRow("agent config")
            << QByteArray("node-ip: 10.0.0.12\nnode-label:\n  - zone=shelf\n") << ""
            << ""
            << ""
            << "10.0.0.12" << -1 << none << none;
        QTest::newRow("full server, quoted values")
            << QByteArray("# written by hand\n"
                          "write-kubeconfig-mode: \"0644\"\n"
                          "tls-san:\n  - \"10.0.0.10\"\n"
                          "node-ip: \"10.0.0.11\"\n"
                          "flannel-backend: \"none\" # quoted or not\n"
                          "disable-network-policy: yes\n"
                          "disable:\n  - traefik\n  - servicelb\n"
                          "cluster-cidr: \"10.42.0.0/16\"\n"
                          "service-cidr: 10.43.0.0/16\n"
                          "cluster-dns: 10.43.0.10\n"
                          "cluster-domain: cluster.local\n"
                          "kube-controller-manager-arg:\n  - \"bind-address=0.0.0.0\"\n  - "
                          "\"node-cidr-mask-size-ipv4=25\"\n"
                          "some-flag-from-the-future: 3\n")
            << "10.42.0.0/16"
            << "10.43.0.0/16"
            << "10.43.0.10"
            << "10.0.0.11" << 25 << QStringList{"traefik", "servicelb"} << none;

        // flannel-backend and servicelb: what would fight k3snet.
        QTest::newRow("defaults: vxlan and klipper")
            << QByteArray("cluster-cidr: 10.42.0.0/16\n") << "10.42.0.0/16"
            << ""
            << ""
            << "" << -1 << none
            << QStringList{"- warning k3s-flannel-backend", "- warning k3s-servicelb-enabled"};
        QTest::newRow("host-gw") << QByteArray("flannel-backend: host-gw\ndisable: servicelb\n")
                                 << ""
                                 << ""
                                 << ""
                                 << "" << -1 << servicelb
                                 << QStringList{"1:18 warning k3s-flannel-backend"};
        QTest::newRow("wireguard removed")
            << QByteArray("disable: servicelb\nflannel-backend: wireguard\n") << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"2:18 warning k3s-flannel-backend"};
        QTest::newRow("unknown backend")
            << QByteArray("disable: servicelb\nflannel-backend: vxlan2\n") << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"2:18 error invalid-value"};
        QTest::newRow("servicelb not in disable")
            << QByteArray("flannel-backend: none\ndisable:\n  - traefik\n") << ""
            << ""
            << ""
            << "" << -1 << QStringList{"traefik"}
            << QStringList{"2:1 warning k3s-servicelb-enabled"};

        // Lists: comma strings, YAML lists, key+ appends, repeated keys.
        QTest::newRow("disable comma string")
            << QByteArray("flannel-backend: none\ndisable: traefik, servicelb,,metrics-server\n")
            << ""
            << ""
            << ""
            << "" << -1 << QStringList{"traefik", "servicelb", "metrics-server"} << none;
        QTest::newRow("disable+ appends") << QByteArray(
            "flannel-backend: none\ndisable: traefik\ndisable+: [servicelb, local-storage]\n")
                                          << ""
                                          << ""
                                          << ""
                                          << "" << -1
                                          << QStringList{"traefik", "servicelb", "local-storage"}
                                          << none;
        QTest::newRow("disable+ alone")
            << QByteArray("flannel-backend: none\ndisable+: servicelb\n") << ""
            << ""
            << ""
            << "" << -1 << servicelb << none;
        QTest::newRow("repeated key replaces")
            << QByteArray("flannel-backend: none\ndisable: servicelb\ndisable: traefik\n") << ""
            << ""
            << ""
            << "" << -1 << QStringList{"traefik"}
            << QStringList{"3:1 warning k3s-duplicate-key", "3:1 warning k3s-servicelb-enabled"};
        QTest::newRow("cluster-cidr+ makes dual-stack")
            << QByteArray("cluster-cidr: 10.42.0.0/16\ncluster-cidr+: "
                          "fd00:42::/56\nflannel-backend: none\ndisable: servicelb\n")
            << "10.42.0.0/16"
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"2:16 info k3s-dual-stack"};
        QTest::newRow("disable typo")
            << QByteArray("flannel-backend: none\ndisable: [servicelbs]\n") << ""
            << ""
            << ""
            << "" << -1 << QStringList{"servicelbs"}
            << QStringList{"2:11 info k3s-unknown-component", "2:1 warning k3s-servicelb-enabled"};

        // Dual-stack and IPv6.
        QTest::newRow("dual-stack comma")
            << QByteArray("cluster-cidr: 10.42.0.0/16,fd00:42::/56\n"
                          "service-cidr: 10.43.0.0/16,fd00:43::/112\n"
                          "node-ip: 10.0.0.11,2001:db8::11\n"
                          "flannel-backend: none\ndisable: servicelb\n")
            << "10.42.0.0/16"
            << "10.43.0.0/16"
            << ""
            << "10.0.0.11" << -1 << servicelb
            << QStringList{"1:28 info k3s-dual-stack", "2:28 info k3s-dual-stack",
                   "3:20 info k3s-dual-stack"};
        QTest::newRow("dual-stack IPv6 first, quoted")
            << QByteArray("cluster-cidr: \"fd00:42::/56,10.42.0.0/16\"\n"
                          "flannel-backend: none\ndisable: servicelb\n")
            << "10.42.0.0/16"
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"1:16 info k3s-dual-stack"};
        QTest::newRow("dual-stack list with masks")
            << QByteArray("cluster-cidr:\n  - 10.42.0.0/16\n  - fd00:42::/56\n"
                          "kube-controller-manager-arg:\n"
                          "  - node-cidr-mask-size-ipv4=26\n  - node-cidr-mask-size-ipv6=64\n"
                          "flannel-backend: none\ndisable: servicelb\n")
            << "10.42.0.0/16"
            << ""
            << ""
            << "" << 26 << servicelb << QStringList{"3:5 info k3s-dual-stack"};
        QTest::newRow("IPv6 only") << QByteArray(
            "cluster-cidr: fd00:42::/56\nservice-cidr: fd00:43::/112\ncluster-dns: fd00:43::a\n"
            "kube-controller-manager-arg: node-cidr-mask-size-ipv6=72\n"
            "flannel-backend: none\ndisable: servicelb\n")
                                   << "fd00:42::/56"
                                   << "fd00:43::/112"
                                   << "fd00:43::a"
                                   << "" << 72 << servicelb << none;

        // kube-controller-manager masks.
        QTest::newRow("mask plain flag, string")
            << QByteArray("kube-controller-manager-arg: \"node-cidr-mask-size=23\"\n"
                          "flannel-backend: none\ndisable: servicelb\n")
            << ""
            << ""
            << ""
            << "" << 23 << servicelb << none;
        QTest::newRow("mask with dashes")
            << QByteArray("kube-controller-manager-arg: [--node-cidr-mask-size-ipv4=24]\n"
                          "flannel-backend: none\ndisable: servicelb\n")
            << ""
            << ""
            << ""
            << "" << 24 << servicelb << none;
        QTest::newRow("mask not a number")
            << QByteArray("flannel-backend: none\ndisable: servicelb\n"
                          "kube-controller-manager-arg:\n  - node-cidr-mask-size-ipv4=/25\n")
            << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"4:5 error invalid-value"};
        QTest::newRow("mask shorter than cluster")
            << QByteArray("flannel-backend: none\ndisable: servicelb\n"
                          "kube-controller-manager-arg: [node-cidr-mask-size-ipv4=8]\n")
            << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:31 error invalid-value"};
        QTest::newRow("mask too many nodes")
            << QByteArray("flannel-backend: none\ndisable: servicelb\ncluster-cidr: 10.0.0.0/8\n"
                          "kube-controller-manager-arg: [node-cidr-mask-size-ipv4=25]\n")
            << "10.0.0.0/8"
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"4:31 error invalid-value"};
        // No mask written: kube-controller-manager's default (/24, /64) must fit too.
        QTest::newRow("cluster smaller than the default mask")
            << QByteArray("flannel-backend: none\ndisable: servicelb\ncluster-cidr: 10.0.0.0/30\n")
            << "10.0.0.0/30"
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:1 error invalid-value"};
        QTest::newRow("cluster smaller than the default mask, mask given")
            << QByteArray("flannel-backend: none\ndisable: servicelb\ncluster-cidr: 10.0.0.0/30\n"
                          "kube-controller-manager-arg: [node-cidr-mask-size-ipv4=30]\n")
            << "10.0.0.0/30"
            << ""
            << ""
            << "" << 30 << servicelb << none;
        QTest::newRow("ipv6 cluster too wide for the default mask")
            << QByteArray("flannel-backend: none\ndisable: servicelb\ncluster-cidr: fd00:42::/32\n")
            << "fd00:42::/32"
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:1 error invalid-value"};
        QTest::newRow("mask ipv6 on IPv4 cluster")
            << QByteArray("flannel-backend: none\ndisable: servicelb\n"
                          "kube-controller-manager-arg: [node-cidr-mask-size-ipv6=64]\n")
            << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:31 error invalid-value"};
        QTest::newRow("mask plain flag on dual-stack")
            << QByteArray("flannel-backend: none\ndisable: servicelb\n"
                          "cluster-cidr: 10.42.0.0/16,fd00:42::/56\n"
                          "kube-controller-manager-arg: [node-cidr-mask-size=24]\n")
            << "10.42.0.0/16"
            << ""
            << ""
            << "" << -1 << servicelb
            << QStringList{"3:28 info k3s-dual-stack", "4:31 error invalid-value"};

        // Bad values, each at its line:column.
        QTest::newRow("bad cluster-cidr")
            << QByteArray("flannel-backend: none\ndisable: servicelb\ncluster-cidr: 10.42.0.0/33\n")
            << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:15 error invalid-value"};
        QTest::newRow("bare address as CIDR")
            << QByteArray("flannel-backend: none\ndisable: servicelb\nservice-cidr: 10.43.0.0\n")
            << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:15 error invalid-value"};
        QTest::newRow("bad cluster-dns")
            << QByteArray("flannel-backend: none\ndisable: servicelb\ncluster-dns: 10.43.0.300\n")
            << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:14 error invalid-value"};
        QTest::newRow("bad node-ip in list")
            << QByteArray("node-ip:\n  - 10.0.0.11\n  - fe80::1%eth0\n") << ""
            << ""
            << ""
            << "" << -1 << none << QStringList{"3:5 error invalid-value"};
        QTest::newRow("space after comma") << QByteArray(
            "flannel-backend: none\ndisable: servicelb\ncluster-cidr: 10.42.0.0/16, fd00:42::/56\n")
                                           << ""
                                           << ""
                                           << ""
                                           << "" << -1 << servicelb
                                           << QStringList{"3:28 error invalid-value"};
        QTest::newRow("two IPv4 entries") << QByteArray(
            "flannel-backend: none\ndisable: servicelb\ncluster-cidr: 10.42.0.0/16,10.52.0.0/16\n")
                                          << ""
                                          << ""
                                          << ""
                                          << "" << -1 << servicelb
                                          << QStringList{"3:28 error invalid-value"};
        QTest::newRow("empty cluster-cidr")
            << QByteArray("flannel-backend: none\ndisable: servicelb\ncluster-cidr:\n") << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:1 error invalid-value"};
        QTest::newRow("bad cluster-domain")
            << QByteArray(
                   "flannel-backend: none\ndisable: servicelb\ncluster-domain: Cluster.Local\n")
            << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:17 error invalid-value"};
        QTest::newRow("bad bool") << QByteArray(
            "flannel-backend: none\ndisable: servicelb\ndisable-network-policy: maybe\n")
                                  << ""
                                  << ""
                                  << ""
                                  << "" << -1 << servicelb
                                  << QStringList{"3:25 error invalid-value"};
        QTest::newRow("quoted yes is not a bool")
            << QByteArray(
                   "flannel-backend: none\ndisable: servicelb\ndisable-network-policy: \"yes\"\n")
            << ""
            << ""
            << ""
            << "" << -1 << servicelb << QStringList{"3:25 error invalid-value"};
        QTest::newRow("mapping value") << QByteArray(
            "flannel-backend: none\ndisable: servicelb\ncluster-cidr:\n  ipv4: 10.42.0.0/16\n")
                                       << ""
                                       << ""
                                       << ""
                                       << "" << -1 << servicelb
                                       << QStringList{"4:3 error wrong-type"};
        QTest::newRow("list of mappings")
            << QByteArray("flannel-backend: none\ndisable:\n  - servicelb\n  - name: traefik\n")
            << ""
            << ""
            << ""
            << "" << -1 << none
            << QStringList{"4:5 error wrong-type", "2:1 warning k3s-servicelb-enabled"};
        QTest::newRow("not a mapping") << QByteArray("- flannel-backend: none\n") << ""
                                       << ""
                                       << ""
                                       << "" << -1 << none << QStringList{"1:1 error wrong-type"};
        QTest::newRow("a plain string") << QByteArray("k3s\n") << ""
                                        << ""
                                        << ""
                                        << "" << -1 << none << QStringList{"1:1 error wrong-type"};
        QTest::newRow("unclosed flow list") << QByteArray(
            "flannel-backend: none\ndisable: [servicelb, traefik\ncluster-cidr: 10.42.0.0/16\n")
                                            << ""
                                            << ""
                                            << ""
                                            << "" << -1 << none
                                            << QStringList{"3:13 error yaml-syntax"};
        QTest::newRow("tab indentation")
            << QByteArray("disable:\n\t- servicelb\n") << ""
            << ""
            << ""
            << "" << -1 << none << QStringList{"2:2 error yaml-syntax"};
        QTest::newRow("bad indentation")
            << QByteArray("flannel-backend: none\n  disable: servicelb\n") << ""
            << ""
            << ""
            << "" << -1 << none << QStringList{"2:10 error yaml-syntax"};

        // Keys that look like networking keys, and keys that are only unknown.
        QTest::newRow("typos") << QByteArray("cluster_cidr: 10.42.0.0/16\n"
                                             "clusterCIDR: 10.42.0.0/16\n"
                                             "flanel-backend: none\n"
                                             "node-ips: 10.0.0.11\n"
                                             "no-deploy: servicelb\n"
                                             "node-cidr-mask-size-ipv4: 25\n"
                                             "disable-servicelb: true\n"
                                             "etcd-snapshot-retention: 5\n"
                                             "kubelet-arg: [max-pods=50]\n"
                                             "my-own-thing: 1\n")
                               << ""
                               << ""
                               << ""
                               << "" << -1 << none
                               << QStringList{"1:1 info k3s-unknown-key",
                                      "2:1 info k3s-unknown-key", "3:1 info k3s-unknown-key",
                                      "4:1 info k3s-unknown-key", "5:1 info k3s-unknown-key",
                                      "6:1 info k3s-unknown-key", "7:1 info k3s-unknown-key"};
    }

    void import()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, clusterCIDR);
        QFETCH(QString, serviceCIDR);
        QFETCH(QString, clusterDNS);
        QFETCH(QString, nodeIP);
        QFETCH(int, mask);
        QFETCH(QStringList, disable);
        QFETCH(QStringList, diagnostics);

        const io::K3sConfigImport r
            = io::importK3sConfig(std::string_view(yaml.constData(), yaml.size()), "config.yaml");
        QCOMPARE(summaries(r.diagnostics), diagnostics);
        QCOMPARE(text(r.clusterCIDR), clusterCIDR);
        QCOMPARE(text(r.serviceCIDR), serviceCIDR);
        QCOMPARE(text(r.clusterDNS), clusterDNS);
        QCOMPARE(text(r.nodeIP), nodeIP);
        QCOMPARE(r.nodeCIDRMaskSize.value_or(-1), mask);
        QCOMPARE(qstrings(r.disable), disable);
        for (const rules::Diagnostic &d : r.diagnostics) {
            QCOMPARE(d.location.file, std::string("config.yaml"));
            QVERIFY(!d.message.empty());
        }
    }

    void importSettings_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("flannelBackend");
        QTest::addColumn<QString>("clusterDomain");
        QTest::addColumn<int>("disableNetworkPolicy"); // -1 unset, 0 false, 1 true

        QTest::newRow("docs example")
            << QByteArray("flannel-backend: none\ndisable-network-policy: true\n") << "none"
            << "" << 1;
        QTest::newRow("yaml 1.1 off") << QByteArray("disable-network-policy: off\n") << ""
                                      << "" << 0;
        QTest::newRow("go bool 1") << QByteArray("disable-network-policy: \"1\"\n") << ""
                                   << "" << 1;
        QTest::newRow("bare flag") << QByteArray("disable-network-policy:\n") << ""
                                   << "" << 1;
        QTest::newRow("domain, last wins")
            << QByteArray("cluster-domain: [a.local, pi.lan]\n") << ""
            << "pi.lan" << -1;
        QTest::newRow("vxlan") << QByteArray("flannel-backend: vxlan\n") << "vxlan"
                               << "" << -1;
    }

    void importSettings()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, flannelBackend);
        QFETCH(QString, clusterDomain);
        QFETCH(int, disableNetworkPolicy);
        const io::K3sConfigImport r = io::importK3sConfig(yaml.toStdString(), "config.yaml");
        QVERIFY2(!rules::hasErrors(r.diagnostics), qPrintable(messages(r.diagnostics)));
        QCOMPARE(text(r.flannelBackend), flannelBackend);
        QCOMPARE(text(r.clusterDomain), clusterDomain);
        QCOMPARE(r.disableNetworkPolicy ? int(*r.disableNetworkPolicy) : -1, disableNetworkPolicy);
    }

    void messagesExplain()
    {
        const auto r = io::importK3sConfig(
            "flannel-backend: vxlan\ncluster-cidr: 10.42.0.0/33\nclusterCIDR: x\n",
            "/etc/rancher/k3s/config.yaml");
        QCOMPARE(r.diagnostics.size(), std::size_t(4));
        const std::string all = messages(r.diagnostics).toStdString();
        QVERIFY2(
            all.find("/etc/rancher/k3s/config.yaml:1:18: warning: flannel-backend is \"vxlan\"")
                != std::string::npos,
            all.c_str());
        QVERIFY2(all.find("needs none") != std::string::npos, all.c_str());
        QVERIFY2(all.find("\"10.42.0.0/33\"") != std::string::npos, all.c_str());
        QVERIFY2(all.find("did you mean \"cluster-cidr\"?") != std::string::npos, all.c_str());
        QVERIFY2(all.find("klipper") != std::string::npos, all.c_str());
    }

    void apply_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("clusterCIDR");
        QTest::addColumn<QString>("serviceCIDR");
        QTest::addColumn<QString>("clusterDNS");
        QTest::addColumn<QString>("clusterDomain");
        QTest::addColumn<int>("mask");

        // Applied onto the seed's network (k3s defaults, mask 25 to see it change).
        QTest::newRow("nothing set") << QByteArray("node-ip: 10.0.0.12\n") << "10.42.0.0/16"
                                     << "10.43.0.0/16"
                                     << "10.43.0.10"
                                     << "cluster.local" << 25;
        QTest::newRow("cluster-cidr resets the mask")
            << QByteArray("cluster-cidr: 10.52.0.0/16\n") << "10.52.0.0/16"
            << "10.43.0.0/16"
            << "10.43.0.10"
            << "cluster.local" << 24;
        QTest::newRow("IPv6 cluster-cidr: /64")
            << QByteArray("cluster-cidr: fd00:42::/56\n") << "fd00:42::/56"
            << "10.43.0.0/16"
            << "10.43.0.10"
            << "cluster.local" << 64;
        QTest::newRow("service-cidr derives dns")
            << QByteArray("service-cidr: 10.96.0.0/12\n") << "10.42.0.0/16"
            << "10.96.0.0/12"
            << "10.96.0.10"
            << "cluster.local" << 25;
        QTest::newRow("explicit dns wins") << QByteArray(
            "service-cidr: 10.96.0.0/12\ncluster-dns: 10.96.0.53\ncluster-domain: pi.lan\n")
                                           << "10.42.0.0/16"
                                           << "10.96.0.0/12"
                                           << "10.96.0.53"
                                           << "pi.lan" << 25;
        QTest::newRow("mask only")
            << QByteArray("kube-controller-manager-arg: [node-cidr-mask-size-ipv4=26]\n")
            << "10.42.0.0/16"
            << "10.43.0.0/16"
            << "10.43.0.10"
            << "cluster.local" << 26;
        QTest::newRow("bad values change nothing")
            << QByteArray("cluster-cidr: 10.42.0.0/33\nservice-cidr: nope\n") << "10.42.0.0/16"
            << "10.43.0.0/16"
            << "10.43.0.10"
            << "cluster.local" << 25;
    }

    void apply()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, clusterCIDR);
        QFETCH(QString, serviceCIDR);
        QFETCH(QString, clusterDNS);
        QFETCH(QString, clusterDomain);
        QFETCH(int, mask);
        model::ClusterNetwork network = seedProject().network;
        network.nodeCIDRMaskSize = 25;
        const model::ClusterNetwork::Lan lan = network.lan;
        io::applyK3sConfig(io::importK3sConfig(yaml.toStdString(), "config.yaml"), network);
        QCOMPARE(QString::fromStdString(network.clusterCIDR.toString()), clusterCIDR);
        QCOMPARE(QString::fromStdString(network.serviceCIDR.toString()), serviceCIDR);
        QCOMPARE(QString::fromStdString(network.clusterDNS.toString()), clusterDNS);
        QCOMPARE(QString::fromStdString(network.clusterDomain), clusterDomain);
        QCOMPARE(network.nodeCIDRMaskSize, mask);
        QVERIFY(network.lan == lan); // the LAN is not k3s's business
    }

    // Nothing yaml-cpp throws gets out, whatever the input.
    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("lone brace") << QByteArray("{");
        QTest::newRow("lone bracket") << QByteArray("]");
        QTest::newRow("unknown alias") << QByteArray("cluster-cidr: *nowhere\n");
        QTest::newRow("complex key") << QByteArray("? [a, b]\n: c\n");
        QTest::newRow("binary tag") << QByteArray("cluster-cidr: !!binary AAAA\n");
        QTest::newRow("deep nesting") << QByteArray(5000, '[');
        QTest::newRow("invalid utf-8") << QByteArray("cluster-cidr: \xff\xfe\n");
        QTest::newRow("nul byte") << QByteArray("cluster-cidr: 10.42.0.0/16\0\n", 28);
        QTest::newRow("two documents") << QByteArray("node-ip: 10.0.0.11\n---\nnode-ip: x\n");
        QTest::newRow("anchors") << QByteArray(
            "a: &x [servicelb]\ndisable: *x\nflannel-backend: none\n");
        QTest::newRow("huge mask") << QByteArray(
            "kube-controller-manager-arg: [node-cidr-mask-size=99999999999999999999]\n");
    }

    void hostileInput()
    {
        QFETCH(QByteArray, yaml);
        io::K3sConfigImport r;
        try {
            r = io::importK3sConfig(std::string_view(yaml.constData(), yaml.size()), "x.yaml");
        } catch (...) {
            QFAIL("an exception escaped importK3sConfig");
        }
        const std::set<std::string> codes{"yaml-syntax", "wrong-type", "invalid-value",
            "k3s-unknown-key", "k3s-flannel-backend", "k3s-servicelb-enabled", "k3s-duplicate-key"};
        for (const rules::Diagnostic &d : r.diagnostics)
            QVERIFY2(codes.count(d.code), d.toString().c_str());
    }
};

QTEST_APPLESS_MAIN(TestK3sConfig)
#include "tst_k3sconfig.moc"
