// SPDX-License-Identifier: GPL-3.0-or-later
// The AgentConfigs the app builds from a project (plan/agentconfigbuilder): every node's config
// loads back without a finding and unchanged (the demo's four nodes, byte for byte the sample
// the agent's tests use, and a generated 250-node cluster), L2 advertisement interfaces, and
// nodes without a pod subnet.
#include "diagnosticstext.h"
#include "domain/io/agentconfig.h"
#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"
#include "domain/plan/agentconfigbuilder.h"
#include "testprojects.h"

#include <QFile>
#include <QtTest>

using namespace k3snet;

namespace {

using diagnosticstext::dump;
using diagnosticstext::summaries;
using testprojects::cidr;
using testprojects::ip;

model::Project demo()
{
    auto loaded = io::loadProjectText(io::demoProjectText(), "demo");
    if (!loaded.project)
        qFatal("the demo project does not load");
    return *loaded.project;
}

// node1..nodeN on 10.0.1.0/16 with k3s defaults, a pool, an advertisement and three
// LoadBalancer services.
model::Project generatedProject(int nodes)
{
    model::Project p;
    p.name = "big";
    p.network.lan.subnet = cidr("10.0.0.0/16");
    p.network.lan.gateway = ip("10.0.0.1");
    for (int i = 1; i <= nodes; ++i) {
        model::Node n;
        n.name = "node" + std::to_string(i);
        n.lanIP = net::Address::v4(0x0a000100 + i);
        n.role = i == 1 ? model::NodeRole::Server : model::NodeRole::Agent;
        p.nodes.push_back(n);
    }
    p.pools.emplace_back().name = "lb";
    p.pools.back().addresses = {"10.0.2.0-10.0.2.50"};
    p.l2Advertisements.emplace_back().name = "l2";
    for (const char *name : {"web", "db", "mail"}) {
        model::Service s;
        s.name = name;
        s.type = "LoadBalancer";
        s.ports.push_back({"http", "TCP", 80, 0});
        p.services.push_back(s);
    }
    return p;
}

QString readData(const QString &name)
{
    QFile f(QStringLiteral(K3SNET_TEST_DATA_DIR "/agent/") + name);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Builds every node's config of project and checks it the way the agent will (every node's,
// or every checkEvery-th and the last: yaml-cpp is slow in debug builds). Empty (after a
// warning saying why) when a node gets no config, any finding, or one that reads back changed.
std::vector<model::AgentConfig> buildAll(const model::Project &project, std::size_t checkEvery = 1)
{
    const plan::Plan plan = plan::makePlan(project);
    std::vector<model::AgentConfig> configs;
    for (const plan::NodePlan &np : plan.nodes) {
        rules::Diagnostics why;
        auto config = plan::agentConfigFor(project, plan, np.name, why);
        if (!config || !why.empty()) {
            qWarning("%s: %s", np.name.c_str(), qPrintable(dump(why)));
            return {};
        }
        if (configs.size() % checkEvery != 0 && configs.size() + 1 != plan.nodes.size()) {
            configs.push_back(*config);
            continue;
        }
        const std::string text = io::saveAgentConfigText(*config);
        const auto back = io::loadAgentConfigText(text, np.name);
        if (!back.diagnostics.empty() || back.config != config) {
            qWarning("%s\n%s", qPrintable(dump(back.diagnostics)), text.c_str());
            return {};
        }
        configs.push_back(*config);
    }
    return configs;
}

} // namespace

class TestAgentConfigBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoConfigs()
    {
        const model::Project project = demo();
        const plan::Plan plan = plan::makePlan(project);
        const auto configs = buildAll(project);
        QCOMPARE(configs.size(), 4u);
        const plan::ServicePlan *traefik = nullptr;
        for (const auto &sp : plan.services)
            traefik = sp.name == "traefik" ? &sp : traefik;
        QVERIFY(traefik && traefik->ips.size() == 1);
        std::vector<std::string> ranked{traefik->announcer};
        ranked.insert(ranked.end(), traefik->fallbacks.begin(), traefik->fallbacks.end());
        for (const model::AgentConfig &c : configs) {
            const plan::NodePlan *np = plan.findNode(c.node.name);
            QCOMPARE(c.node.lanIP, np->lanIP);
            QCOMPARE(c.node.interface, "eth0");
            QCOMPARE(c.vxlan.device, "flannel.1");
            QCOMPARE(c.vxlan.mtu, 1450);
            QCOMPARE(c.vxlan.vtepMAC, np->vtepMAC);
            QCOMPARE(c.podCIDR, *np->podCIDR);
            QCOMPARE(c.clusterCIDR, cidr("10.42.0.0/16"));
            QCOMPARE(c.peers.size(), 3u);
            for (const auto &peer : c.peers) {
                QVERIFY(peer.name != c.node.name);
                QCOMPARE(peer.vtepMAC, plan.findNode(peer.name)->vtepMAC);
                QCOMPARE(peer.podCIDR, *plan.findNode(peer.name)->podCIDR);
            }
            QCOMPARE(c.serviceIPs.size(), 1u);
            QCOMPARE(c.serviceIPs[0].ip.toString(), traefik->ips[0]);
            QCOMPARE(c.serviceIPs[0].service, "kube-system/traefik");
            QCOMPARE(c.serviceIPs[0].eligibleNodes, ranked);
            QVERIFY(c.serviceIPs[0].interfaces.empty());
        }
        // The sample the agent's tests use is node1's config, byte for byte.
        QCOMPARE(readData("node1.agent.yaml"),
            QString::fromStdString(io::saveAgentConfigText(configs[0])));
    }

    void bigCluster()
    {
        const model::Project project = generatedProject(250);
        const plan::Plan plan = plan::makePlan(project);
        const auto configs = buildAll(project, 25);
        QCOMPARE(configs.size(), 250u);
        for (const model::AgentConfig &c : configs) {
            QCOMPARE(c.peers.size(), 249u);
            for (const auto &peer : c.peers) {
                QVERIFY(peer.name != c.node.name);
                QCOMPARE(peer.vtepMAC, plan.findNode(peer.name)->vtepMAC);
            }
            QCOMPARE(c.serviceIPs.size(), 3u);
            QCOMPARE(c.serviceIPs[0].eligibleNodes.size(), 250u);
        }
    }

    void interfacesAndMissingSubnets()
    {
        model::Project p = generatedProject(4);
        p.nodes[0].labels["edge"] = "yes";
        p.l2Advertisements.assign(2, {});
        p.l2Advertisements[0].name = "edge";
        p.l2Advertisements[0].nodeSelectors.emplace_back().matchLabels = {{"edge", "yes"}};
        p.l2Advertisements[0].interfaces = {"eth1"};
        p.l2Advertisements[1].name = "all";
        p.l2Advertisements[1].interfaces = {"wlan0", "eth1"};
        auto configs = buildAll(p);
        QCOMPARE(configs.size(), 4u);
        QCOMPARE(configs[0].serviceIPs[0].interfaces, (std::vector<std::string>{"eth1", "wlan0"}));
        QCOMPARE(configs[1].serviceIPs[0].interfaces, (std::vector<std::string>{"wlan0", "eth1"}));
        p.l2Advertisements.emplace_back().name = "uplink"; // no interfaces: every one
        configs = buildAll(p);
        QCOMPARE(configs.size(), 4u);
        QVERIFY(configs[0].serviceIPs[0].interfaces.empty());

        // Room for two pod subnets: node3 and node4 get none.
        p.network.clusterCIDR = cidr("10.42.0.0/23");
        const plan::Plan plan = plan::makePlan(p);
        rules::Diagnostics why;
        QVERIFY(!plan::agentConfigFor(p, plan, "node3", why));
        QCOMPARE(summaries(why), QStringList{"- error agent-node-without-pod-subnet"});
        why.clear();
        const auto node1 = plan::agentConfigFor(p, plan, "node1", why);
        QVERIFY(node1);
        QCOMPARE(summaries(why),
            (QStringList{"- warning agent-peer-without-pod-subnet",
                "- warning agent-peer-without-pod-subnet"}));
        QCOMPARE(node1->peers.size(), 1u);
        for (const auto &s : node1->serviceIPs)
            QCOMPARE(s.eligibleNodes.size(), 2u);
        QVERIFY(io::loadAgentConfigText(io::saveAgentConfigText(*node1), "n").diagnostics.empty());
        why.clear();
        QVERIFY(!plan::agentConfigFor(p, plan, "node9", why));
        QCOMPARE(summaries(why), QStringList{"- error agent-node-unknown"});
    }
};

QTEST_APPLESS_MAIN(TestAgentConfigBuilder)

#include "tst_agentconfigbuilder.moc"
