// SPDX-License-Identifier: GPL-3.0-or-later
// Import of MetalLB and kubectl YAML: every real MetalLB configuration file imports cleanly,
// the legacy inputs convert byte for byte to configmaptocrs's golden output, every kind and
// field lands in the model, import -> export -> import loses nothing, merging replaces by
// kind and name, projects keep the new fields, and hostile input fails cleanly.
#include "domain/io/legacyconfig.h"
#include "domain/io/metallbexport.h"
#include "domain/io/metallbimport.h"
#include "domain/io/projectfile.h"
#include "domain/io/yamldocument.h"
#include "domain/io/yamlwriter.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <random>

using namespace k3snet;

namespace {

const QString corpusDir = QStringLiteral(K3SNET_CORPUS_DIR "/metallb");

std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll().toStdString();
}

QString dump(const rules::Diagnostics &ds)
{
    QStringList lines;
    for (const auto &d : ds)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

QStringList codes(const rules::Diagnostics &ds, rules::Severity severity)
{
    QStringList out;
    for (const auto &d : ds) {
        if (d.severity == severity)
            out << QString::fromStdString(d.code);
    }
    return out;
}

const rules::Diagnostic *find(const rules::Diagnostics &ds, const std::string &code)
{
    for (const auto &d : ds) {
        if (d.code == code)
            return &d;
    }
    return nullptr;
}

io::ImportResult import(const std::string &text, const std::string &file = "in.yaml")
{
    return io::importKubernetesYaml(text, file);
}

io::ImportResult importCorpus(const QString &name)
{
    return io::importKubernetesYaml(readAll(corpusDir + "/" + name), name.toStdString());
}

// The objects k3snet manages or keeps, which an export must carry.
struct Managed
{
    std::vector<model::IPAddressPool> pools;
    std::vector<model::L2Advertisement> l2;
    std::vector<model::PreservedObject> preserved;
    bool operator==(const Managed &) const = default;
};

Managed managed(const model::Project &p)
{
    Managed m{p.pools, p.l2Advertisements, {}};
    for (const auto &o : p.preserved) {
        if (o.apiVersion.starts_with("metallb.io/") || o.namespaceName == "metallb-system")
            m.preserved.push_back(o);
    }
    return m;
}

} // namespace

class TestMetalLBImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusImports_data();
    void corpusImports();
    void legacyGolden_data();
    void legacyGolden();
    void legacyImport();
    void legacyLocations();
    void legacyErrors_data();
    void legacyErrors();
    void legacyNames();
    void configInline();
    void everyKindAndField();
    void unknownFields();
    void kubectlDump();
    void typedAndNestedLists();
    void otherObjects();
    void endpointSlices();
    void roundTrip_data();
    void roundTrip();
    void exportFormat();
    void exportQuotesWhatKubectlWouldMisread();
    void merge();
    void projectFileKeepsImportedFields();
    void projectFileNewFields();
    void writerFixedPoint_data();
    void writerFixedPoint();
    void resolvesAsNonString_data();
    void resolvesAsNonString();
    void goDurations();
    void isProjectText_data();
    void isProjectText();
    void documentErrors_data();
    void documentErrors();
    void hostile_data();
    void hostile();
};

void TestMetalLBImport::corpusImports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("pools");
    QTest::addColumn<int>("l2");
    QTest::addColumn<int>("services");
    QTest::addColumn<int>("preserved");
    // Every file of the corpus, so that a new one cannot be forgotten here.
    const QStringList files
        = QDir(corpusDir).entryList({"*.yaml", "*.tmpl"}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 12);
    const QMap<QString, QList<int>> expected = {
        {"config-data-address-pools.yaml", {2, 1, 0, 1}},
        {"config-yaml-address-pools.yaml", {2, 1, 0, 1}},
        {"config-yaml-full.yaml", {2, 0, 0, 4}},
        {"config.yaml.tmpl", {1, 1, 0, 0}},
        {"deployment_bgp.yaml", {1, 0, 1, 3}},
        {"deployment_l2.yaml", {1, 1, 1, 0}},
        {"ipaddresspool_simple.yaml", {1, 0, 0, 0}},
        {"ipaddresspool_with_selector.yaml", {1, 0, 0, 0}},
        {"l2adv_selects_pools_by_list.yaml", {0, 1, 0, 0}},
        {"l2adv_with_node_selector.yaml", {0, 1, 0, 0}},
        {"simple_pool_adv_bgp.yaml", {1, 0, 0, 1}},
        {"simple_pool_adv_l2.yaml", {1, 1, 0, 0}},
    };
    for (const QString &f : files) {
        QVERIFY2(expected.contains(f), qPrintable("no expectation for corpus file " + f));
        const auto &e = expected[f];
        QTest::newRow(qPrintable(f)) << f << e[0] << e[1] << e[2] << e[3];
    }
}

void TestMetalLBImport::corpusImports()
{
    QFETCH(QString, file);
    QFETCH(int, pools);
    QFETCH(int, l2);
    QFETCH(int, services);
    QFETCH(int, preserved);
    const auto r = importCorpus(file);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(int(r.project.pools.size()), pools);
    QCOMPARE(int(r.project.l2Advertisements.size()), l2);
    QCOMPARE(int(r.project.services.size()), services);
    QCOMPARE(int(r.project.preserved.size()), preserved);
    // Every diagnostic is located in the file.
    for (const auto &d : r.diagnostics) {
        QCOMPARE(QString::fromStdString(d.location.file), file);
        QVERIFY2(d.location.line > 0, qPrintable(QString::fromStdString(d.toString())));
    }
}

void TestMetalLBImport::legacyGolden_data()
{
    QTest::addColumn<QString>("input");
    for (const char *name :
        {"config-data-address-pools", "config-yaml-address-pools", "config-yaml-full"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestMetalLBImport::legacyGolden()
{
    QFETCH(QString, input);
    rules::Diagnostics diagnostics;
    const std::string converted = io::exportLegacyConversion(
        readAll(corpusDir + "/" + input + ".yaml"), input.toStdString(), &diagnostics);
    QVERIFY2(!rules::hasErrors(diagnostics), qPrintable(dump(diagnostics)));
    // Byte for byte what MetalLB's configmaptocrs writes.
    QCOMPARE(QString::fromStdString(converted),
        QString::fromStdString(readAll(corpusDir + "/" + input + ".golden")));
}

void TestMetalLBImport::legacyImport()
{
    const auto r = importCorpus("config-yaml-full.yaml");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    const auto &p = r.project;
    QCOMPARE(p.pools.size(), std::size_t(2));
    QCOMPARE(p.pools[0].name, "my-ip-space");
    QCOMPARE(p.pools[0].addresses,
        (std::vector<std::string>{"192.168.10.0/24", "192.168.0.150-192.168.0.200"}));
    QCOMPARE(p.pools[0].autoAssign, true);
    QCOMPARE(p.pools[0].avoidBuggyIPs, true);
    QCOMPARE(p.pools[0].namespaceName, "metallb-system");
    QCOMPARE(p.pools[1].name, "my-l2-space");
    QVERIFY(!p.pools[1].autoAssign);
    // "l2" is not a protocol configmaptocrs knows: no L2Advertisement.
    QVERIFY(p.l2Advertisements.empty());
    QStringList kinds;
    for (const auto &o : p.preserved)
        kinds << QString::fromStdString(o.kind + "/" + o.name);
    QCOMPARE(kinds,
        (QStringList{"BGPPeer/peer1", "BGPAdvertisement/bgpadvertisement1",
            "BFDProfile/bfdprofile1", "Community/communities"}));
    QCOMPARE(p.preserved[0].apiVersion, "metallb.io/v1beta2");
    QVERIFY(p.preserved[0].yaml.find("holdTime: 2m0s\n") != std::string::npos);

    QVERIFY(codes(r.diagnostics, rules::Severity::Warning).contains("legacy-bgp-not-managed"));
    QVERIFY(codes(r.diagnostics, rules::Severity::Warning).contains("legacy-unknown-protocol"));
    QVERIFY(codes(r.diagnostics, rules::Severity::Info).contains("legacy-configmap-deprecated"));
    QCOMPARE(codes(r.diagnostics, rules::Severity::Info).count("object-preserved"), 4);
    const auto *unknown = find(r.diagnostics, "legacy-unknown-protocol");
    QVERIFY(unknown->message.find("\"l2\"") != std::string::npos);
}

void TestMetalLBImport::legacyLocations()
{
    // Locations inside data.config (a literal block) point into the file: the pool item of
    // my-l2-space is line 42, column 7 of config-yaml-full.yaml.
    const auto r = importCorpus("config-yaml-full.yaml");
    const auto *unknown = find(r.diagnostics, "legacy-unknown-protocol");
    QVERIFY(unknown);
    QCOMPARE(unknown->location.line, 42);
    QCOMPARE(unknown->location.column, 7);
    const auto *bgp = find(r.diagnostics, "legacy-bgp-not-managed");
    QCOMPARE(bgp->location.line, 28);
    // The rules find the converted pool's addresses where they were written.
    const auto loc = r.project.sources.find("pools/my-l2-space.addresses[1]");
    QCOMPARE(std::pair(loc.line, loc.column), std::pair(46, 9));

    // A typo inside data.config is reported at its own line and column.
    const std::string text
        = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: metallb-system\n  name: "
          "config\n"
          "data:\n  config: |\n    address-pools:\n    - name: a\n      protocol: layer2\n"
          "      adresses: [10.0.0.1/32]\n";
    const auto typo = import(text);
    const auto *d = find(typo.diagnostics, "unknown-key");
    QVERIFY2(d, qPrintable(dump(typo.diagnostics)));
    QCOMPARE(std::pair(d->location.line, d->location.column), std::pair(11, 7));
    QVERIFY2(
        d->message.find("did you mean \"addresses\"") != std::string::npos, d->message.c_str());
    QCOMPARE(d->severity, rules::Severity::Error);
}

void TestMetalLBImport::legacyErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    const QByteArray peers
        = "peers:\n- peer-address: 10.0.0.1\n  peer-asn: 64512\n  my-asn: 64512\n";
    QTest::newRow("hold time too short")
        << QByteArray(peers + "  hold-time: 2s\n") << "invalid-value"
        << "peers[0].hold-time: invalid hold time \"2s\": must be 0 or >=3s";
    QTest::newRow("hold time without unit")
        << QByteArray(peers + "  hold-time: \"120\"\n") << "invalid-value"
        << "peers[0].hold-time: invalid hold time \"120\": time: missing unit in duration \"120\"";
    QTest::newRow("keepalive bad unit")
        << QByteArray(peers + "  keepalive-time: 3x\n") << "invalid-value"
        << "peers[0].keepalive-time: invalid keepalive time \"3x\": time: unknown unit \"x\" in "
           "duration \"3x\"";
    QTest::newRow("asn out of range")
        << QByteArray("peers:\n- my-asn: 4294967296\n") << "invalid-value"
        << "peers[0].my-asn: 4294967296 is out of range (0..4294967295)";
    QTest::newRow("addresses not a list")
        << QByteArray("address-pools:\n- name: a\n  protocol: layer2\n  addresses: 10.0.0.1/32\n")
        << "wrong-type"
        << "expected a list of strings for address-pools[0].addresses...";
    QTest::newRow("unknown top key")
        << QByteArray("address-pools: []\nbgp-communitys: {}\n") << "unknown-key"
        << "unknown key \"bgp-communitys\" in the document; did you mean \"bgp-communities\"?";
}

void TestMetalLBImport::legacyErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto r = import(text.toStdString());
    QVERIFY(r.hasErrors());
    const auto *d = find(r.diagnostics, code.toStdString());
    QVERIFY2(d, qPrintable(dump(r.diagnostics)));
    const QString actual = QString::fromStdString(d->message);
    if (message.endsWith("..."))
        QVERIFY2(actual.startsWith(message.chopped(3)), qPrintable(actual));
    else
        QCOMPARE(actual, message);
    QVERIFY(d->location.line > 0);
}

void TestMetalLBImport::legacyNames()
{
    // configmaptocrs's name rule, and pools referenced under their new names.
    QCOMPARE(io::legacyObjectName("01-numbered-addresspool"), "numbered-addresspool");
    QCOMPARE(io::legacyObjectName("Capitalized-AddressPool"), "capitalized-addresspool");
    QCOMPARE(io::legacyObjectName("underscored_bfd_profile"), "underscored-bfd-profile");
    QCOMPARE(io::legacyObjectName(
                 "tooLongBFDProfileName01-tooLongBFDProfileName02-tooLongBFDProfileName03-x"),
        "toolongbfdprofilename01-toolongbfdprofilename02-toolongbfdprofi");
    QCOMPARE(io::legacyObjectName("fine-name"), "fine-name");
    const auto r = import(
        "address-pools:\n- name: Pool_A\n  protocol: layer2\n  addresses: [10.0.0.0/28]\n");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.pools.at(0).name, "pool-a");
    QCOMPARE(r.project.l2Advertisements.at(0).ipAddressPools, std::vector<std::string>{"pool-a"});
}

void TestMetalLBImport::configInline()
{
    // The seed's values.yaml, with the indentation it should have had.
    const std::string values
        = "controller:\n  image: {tag: v0.12.1}\nconfigInline:\n  address-pools:\n"
          "    - name: default\n      protocol: layer2\n      addresses:\n"
          "        - 10.0.0.100-10.0.0.200\n";
    auto r = import(values, "values.yaml");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.pools.size(), std::size_t(1));
    QCOMPARE(r.project.pools[0].addresses, std::vector<std::string>{"10.0.0.100-10.0.0.200"});
    QCOMPARE(r.project.l2Advertisements.at(0).name, "l2advertisement1");
    QCOMPARE(r.project.l2Advertisements.at(0).ipAddressPools, std::vector<std::string>{"default"});
    const auto *d = find(r.diagnostics, "legacy-configinline-deprecated");
    QVERIFY(d);
    QCOMPARE(d->severity, rules::Severity::Info);
    QCOMPARE(d->location.line, 4);
    QCOMPARE(r.project.sources.find("pools/default.addresses[0]").line, 8);

    // configInline as a string, too.
    r = import("configInline: |\n  address-pools:\n  - name: s\n    protocol: layer2\n    "
               "addresses: [10.1.0.0/24]\n");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.pools.at(0).name, "s");
    QCOMPARE(r.project.sources.find("pools/s").line, 3);

    // The seed's snippet as printed (protocol indented under the name) is not YAML.
    r = import("configInline:\n  address-pools:\n    - name: default\n        protocol: layer2\n",
        "values.yaml");
    QVERIFY(r.hasErrors());
    QCOMPARE(r.diagnostics.at(0).code, "yaml-syntax");
    QCOMPARE(r.diagnostics.at(0).location.line, 4);

    // The same conversion reproduces configmaptocrs's text.
    const std::string golden = io::exportLegacyConversion(values, "values.yaml");
    QVERIFY(
        golden.starts_with("# This was autogenerated by MetalLB's custom resource generator.\n"));
    QVERIFY(golden.find("kind: L2Advertisement\nmetadata:\n  name: l2advertisement1\n")
        != std::string::npos);
}

void TestMetalLBImport::everyKindAndField()
{
    const std::string text = R"(# every field of every kind k3snet models
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: lan
  namespace: lb
  labels: {env: prod}
  annotations: {note: "true"}
spec:
  addresses: [192.0.2.100-192.0.2.150, 192.0.2.160/28]
  autoAssign: false
  avoidBuggyIPs: true
  serviceAllocation:
    priority: 5
    namespaces: [web]
    namespaceSelectors: [{matchLabels: {team: a}}]
    serviceSelectors:
    - matchExpressions: [{key: app, operator: In, values: [web, api]}]
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l2, labels: {a: "1"}}
spec:
  ipAddressPools: [lan]
  ipAddressPoolSelectors: [{}]
  nodeSelectors: [{matchLabels: {kubernetes.io/hostname: pi1}}]
  interfaces: [eth0]
  serviceSelectors: [{matchLabels: {expose: l2}}]
---
apiVersion: v1
kind: Service
metadata:
  name: shop
  namespace: web
  labels: {app: shop}
  annotations: {metallb.io/loadBalancerIPs: 192.0.2.101}
  creationTimestamp: "2024-05-01T12:00:00Z"
spec:
  type: LoadBalancer
  selector: {app: shop}
  ports:
  - {name: http, port: 80, nodePort: 30080, targetPort: 8080}
  - {port: 5353, protocol: UDP}
  clusterIP: 10.43.0.20
  clusterIPs: [10.43.0.20, fd00:43::20]
  loadBalancerIP: 192.0.2.101
  externalTrafficPolicy: Local
  ipFamilyPolicy: PreferDualStack
  ipFamilies: [IPv4, IPv6]
status:
  loadBalancer:
    ingress: [{ip: 192.0.2.101}, {hostname: lb.example}]
---
apiVersion: v1
kind: Service
metadata: {name: bare}
---
apiVersion: v1
kind: Node
metadata:
  name: pi1
  labels: {node-role.kubernetes.io/control-plane: "true", kubernetes.io/arch: arm64}
spec: {podCIDR: 10.42.7.0/24}
status:
  addresses:
  - {type: Hostname, address: pi1}
  - {type: InternalIP, address: "fd00::11"}
  - {type: InternalIP, address: 192.0.2.11}
  - {type: InternalIP, address: 192.0.2.99}
  conditions:
  - {type: NetworkUnavailable, status: "True"}
---
apiVersion: v1
kind: Node
metadata: {name: pi2, labels: {node-role.kubernetes.io/master: "true"}}
status:
  addresses: [{type: InternalIP, address: "fd00::12"}]
  conditions: [{type: NetworkUnavailable, status: "False"}]
---
apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {team: a}}
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    const auto &p = r.project;
    QCOMPARE(p.pools.size(), std::size_t(1));
    const auto &pool = p.pools[0];
    QCOMPARE(pool.name, "lan");
    QCOMPARE(pool.namespaceName, "lb");
    QCOMPARE(pool.labels.at("env"), "prod");
    QCOMPARE(pool.annotations.at("note"), "true");
    QCOMPARE(pool.addresses.size(), std::size_t(2));
    QCOMPARE(pool.autoAssign, false);
    QCOMPARE(pool.avoidBuggyIPs, true);
    QCOMPARE(pool.serviceAllocation->priority, 5);
    QCOMPARE(pool.serviceAllocation->namespaces, std::vector<std::string>{"web"});
    QCOMPARE(pool.serviceAllocation->namespaceSelectors.at(0).matchLabels.at("team"), "a");
    QCOMPARE(pool.serviceAllocation->serviceSelectors.at(0).matchExpressions.at(0).values,
        (std::vector<std::string>{"web", "api"}));
    QVERIFY(pool.unknownFields.empty());

    const auto &l2 = p.l2Advertisements.at(0);
    QCOMPARE(l2.namespaceName, "metallb-system");
    QCOMPARE(l2.labels.at("a"), "1");
    QCOMPARE(l2.ipAddressPools, std::vector<std::string>{"lan"});
    QVERIFY(l2.ipAddressPoolSelectors.at(0).isEmpty());
    QCOMPARE(l2.nodeSelectors.at(0).matchLabels.at("kubernetes.io/hostname"), "pi1");
    QCOMPARE(l2.interfaces, std::vector<std::string>{"eth0"});
    QCOMPARE(l2.serviceSelectors.at(0).matchLabels.at("expose"), "l2");

    QCOMPARE(p.services.size(), std::size_t(2));
    const auto &s = p.services[0];
    QCOMPARE(s.key(), "web/shop");
    QCOMPARE(s.type, "LoadBalancer");
    QCOMPARE(s.labels.at("app"), "shop");
    QCOMPARE(s.annotations.at("metallb.io/loadBalancerIPs"), "192.0.2.101");
    QCOMPARE(s.selector.at("app"), "shop");
    QCOMPARE(s.ports.size(), std::size_t(2));
    QCOMPARE(s.ports[0].name, "http");
    QCOMPARE(s.ports[0].protocol, "TCP");
    QCOMPARE(s.ports[0].port, 80);
    QCOMPARE(s.ports[0].nodePort, 30080);
    QCOMPARE(s.ports[1].protocol, "UDP");
    QCOMPARE(s.ports[1].nodePort, 0);
    QCOMPARE(s.clusterIP, "10.43.0.20");
    QCOMPARE(s.clusterIPs, (std::vector<std::string>{"10.43.0.20", "fd00:43::20"}));
    QCOMPARE(s.loadBalancerIP, "192.0.2.101");
    QCOMPARE(s.externalTrafficPolicy, "Local");
    QCOMPARE(s.ipFamilyPolicy, "PreferDualStack");
    QCOMPARE(s.ipFamilies, (std::vector<std::string>{"IPv4", "IPv6"}));
    QCOMPARE(s.ingressIPs, std::vector<std::string>{"192.0.2.101"});
    QCOMPARE(s.creationTimestamp, "2024-05-01T12:00:00Z");
    QVERIFY(!s.endpointNodes);
    QCOMPARE(p.services[1].key(), "default/bare");
    QCOMPARE(p.services[1].type, "ClusterIP");

    QCOMPARE(p.nodes.size(), std::size_t(2));
    QCOMPARE(p.nodes[0].name, "pi1");
    QCOMPARE(p.nodes[0].role, model::NodeRole::Server);
    QCOMPARE(p.nodes[0].lanIP.toString(), "192.0.2.11"); // the first IPv4 InternalIP
    QCOMPARE(p.nodes[0].podCIDR->toString(), "10.42.7.0/24");
    QVERIFY(p.nodes[0].networkUnavailable);
    QCOMPARE(p.nodes[0].labels.at("kubernetes.io/arch"), "arm64");
    QCOMPARE(p.nodes[1].role, model::NodeRole::Server);
    QCOMPARE(p.nodes[1].lanIP.toString(), "fd00::12"); // no IPv4: the first InternalIP
    QVERIFY(!p.nodes[1].networkUnavailable);
    QCOMPARE(p.namespaces.at(0).name, "web");
    QCOMPARE(p.namespaces.at(0).labels.at("team"), "a");

    // Sources where the rules look for them.
    QCOMPARE(p.sources.find("pools/lan.addresses[1]").line, 10);
    QCOMPARE(p.sources.find("services/web/shop.ports[0].nodePort").line, 42);
    QCOMPARE(p.sources.find("nodes/pi1.lanIP").line, 68);
    QCOMPARE(r.objects.size(), std::size_t(7));
    QCOMPARE(r.objects[2].name, "web/shop");
    QCOMPARE(r.objects[2].location.line, 30);
}

void TestMetalLBImport::unknownFields()
{
    const std::string text = R"(apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: p
  ownerReferences: [{kind: X, name: y}]
  resourceVersion: "12"
spec:
  addresses: [10.0.0.0/28]
  adresses: [10.0.1.0/28]
  futureField: {deep: [1, 2]}
  serviceAllocation:
    priority: 1
    weight: 3
extra: top
status: {assignedIPv4: 3}
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l}
spec:
  preferredNodeSelectors:
  - weight: 50
    preference: {matchLabels: {zone: a}}
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    const auto &pool = r.project.pools.at(0);
    QCOMPARE(pool.unknownFields,
        "metadata:\n  ownerReferences:\n  - kind: X\n    name: y\n"
        "spec:\n  adresses:\n  - 10.0.1.0/28\n  futureField:\n    deep:\n    - 1\n    - 2\n"
        "  serviceAllocation:\n    weight: 3\nextra: top\n");
    QCOMPARE(codes(r.diagnostics, rules::Severity::Warning),
        (QStringList{"unknown-field", "unknown-field", "unknown-field", "unknown-field"}));
    const auto *typo = find(r.diagnostics, "unknown-field");
    QCOMPARE(typo->location.line, 9);
    QVERIFY2(typo->message.find("did you mean \"addresses\"") != std::string::npos,
        typo->message.c_str());
    QCOMPARE(r.project.l2Advertisements.at(0).unknownFields,
        "spec:\n  preferredNodeSelectors:\n  - weight: 50\n    preference:\n      matchLabels:\n   "
        "     zone: a\n");
    QVERIFY(codes(r.diagnostics, rules::Severity::Info).contains("field-preserved"));

    // Export merges them back; a second import reads the same.
    const std::string exported = io::exportMetalLB(r.project);
    QVERIFY2(exported.find("  futureField:\n    deep:\n    - 1\n") != std::string::npos,
        exported.c_str());
    QVERIFY(exported.find("resourceVersion") == std::string::npos);
    QVERIFY(exported.find("status") == std::string::npos);
    const auto again = import(exported);
    QVERIFY(!again.hasErrors());
    QCOMPARE(again.project.pools, r.project.pools);
    QCOMPARE(again.project.l2Advertisements, r.project.l2Advertisements);
}

void TestMetalLBImport::kubectlDump()
{
    const auto r = io::importKubernetesYaml(
        readAll(QStringLiteral(K3SNET_TEST_DATA_DIR "/kubectl-dump.yaml")), "kubectl-dump.yaml");
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QVERIFY2(
        codes(r.diagnostics, rules::Severity::Warning).isEmpty(), qPrintable(dump(r.diagnostics)));
    const auto &p = r.project;
    QCOMPARE(p.services.size(), std::size_t(6));
    QCOMPARE(p.nodes.size(), std::size_t(4));
    QCOMPARE(p.namespaces.size(), std::size_t(5));
    QCOMPARE(p.pools.size(), std::size_t(1));
    QCOMPARE(p.l2Advertisements.size(), std::size_t(1));
    QVERIFY(p.preserved.empty());

    const model::Service *traefik = p.findService("kube-system", "traefik");
    QVERIFY(traefik);
    QVERIFY(traefik->isLoadBalancer());
    QVERIFY(traefik->ingressIPs.empty()); // pending: the pool only serves "default"
    QCOMPARE(traefik->clusterIP, "10.43.50.56");
    QCOMPARE(traefik->ports.at(1).nodePort, 30123);
    QCOMPARE(traefik->annotations.at("meta.helm.sh/release-name"), "traefik");
    const model::Service *web = p.findService("default", "web");
    QCOMPARE(web->ingressIPs, std::vector<std::string>{"10.0.0.100"});
    QCOMPARE(web->externalTrafficPolicy, "Local");
    QVERIFY(web->unknownFields.find("healthCheckNodePort: 31234") != std::string::npos);

    QCOMPARE(p.nodes[0].role, model::NodeRole::Server);
    QCOMPARE(p.nodes[0].lanIP.toString(), "10.0.0.11");
    QCOMPARE(p.nodes[3].role, model::NodeRole::Agent);
    QCOMPARE(p.nodes[3].podCIDR->toString(), "10.42.3.0/24");
    QVERIFY(p.nodes[3].networkUnavailable);
    QVERIFY(!p.nodes[0].networkUnavailable);

    // What the API server wrote stays behind.
    const auto &pool = p.pools[0];
    QVERIFY(pool.annotations.empty());
    QVERIFY(pool.unknownFields.empty());
    QCOMPARE(pool.serviceAllocation->namespaces, std::vector<std::string>{"default"});
    QCOMPARE(pool.avoidBuggyIPs, false);
    QVERIFY(p.l2Advertisements[0].annotations.empty());
    QCOMPARE(p.sources.find("pools/picluster-pool.addresses[0]").line, 488);
}

void TestMetalLBImport::typedAndNestedLists()
{
    const std::string text = R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ServiceList
  items:
  - metadata: {name: a, namespace: x}
    spec: {type: LoadBalancer, ports: [{port: 80}]}
  - metadata: {name: b}
- apiVersion: metallb.io/v1beta1
  kind: BGPPeerList
  items:
  - metadata: {name: peer, namespace: metallb-system, uid: abc}
    spec: {myASN: 64512, peerASN: 64512, peerAddress: 10.0.0.1}
    status: {}
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.services.size(), std::size_t(2));
    QCOMPARE(r.project.services[0].key(), "x/a");
    QCOMPARE(r.project.services[1].key(), "default/b");
    QCOMPARE(r.project.preserved.size(), std::size_t(1));
    const auto &peer = r.project.preserved[0];
    QCOMPARE(peer.kind, "BGPPeer");
    QCOMPARE(peer.apiVersion, "metallb.io/v1beta1");
    QCOMPARE(peer.yaml,
        "apiVersion: metallb.io/v1beta1\nkind: BGPPeer\nmetadata:\n  name: peer\n  namespace: "
        "metallb-system\n"
        "spec:\n  myASN: 64512\n  peerASN: 64512\n  peerAddress: 10.0.0.1\n");
}

void TestMetalLBImport::otherObjects()
{
    const std::string text = R"(apiVersion: v1
kind: List
items:
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: web, namespace: shop, uid: x1, resourceVersion: "5"}
  spec: {rules: [{host: "true"}]}
  status: {loadBalancer: {}}
- apiVersion: v1
  kind: Secret
  metadata: {name: memberlist, namespace: metallb-system}
  data: {secretkey: c2VjcmV0}
- apiVersion: metallb.io/v1beta1
  kind: ServiceL2Status
  metadata: {name: l2-abcde, namespace: metallb-system}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: grafana, namespace: monitoring}
  data: {config: "[server]\nhttp_port = 3000\n"}
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: metallb-excludel2
    namespace: metallb-system
    annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}", keep: "yes"}
  data:
    excludel2.yaml: |
      announcedInterfacesToExclude: ["^docker.*"]
- apiVersion: metallb.io/v1alpha1
  kind: IPAddressPool
  metadata: {name: old, namespace: metallb-system}
  spec: {addresses: [10.0.0.0/28]}
- apiVersion: v1
  kind: List
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QVERIFY(r.project.pools.empty());
    QStringList kept;
    for (const auto &o : r.project.preserved)
        kept << QString::fromStdString(o.kind + "/" + o.namespaceName + "/" + o.name);
    QCOMPARE(kept, (QStringList{"Ingress/shop/web", "ConfigMap/metallb-system/metallb-excludel2",
                       "IPAddressPool/metallb-system/old"}));
    // Server-written fields and status stay behind; strings stay strings.
    QCOMPARE(r.project.preserved[0].yaml,
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\n"
        "spec:\n  rules:\n  - host: \"true\"\n");
    QCOMPARE(r.project.preserved[1].yaml,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: metallb-excludel2\n"
        "  namespace: metallb-system\n  annotations:\n    keep: \"yes\"\ndata:\n"
        "  excludel2.yaml: |\n    announcedInterfacesToExclude: [\"^docker.*\"]\n");
    QCOMPARE(codes(r.diagnostics, rules::Severity::Info).count("object-dropped"), 3);
    QCOMPARE(codes(r.diagnostics, rules::Severity::Warning), QStringList{"unsupported-api-version"});
    using Fate = io::ImportedObject::Fate;
    QCOMPARE(r.objects.size(), std::size_t(6));
    QCOMPARE(r.objects[1].fate, Fate::Dropped);
    QCOMPARE(r.objects[1].kind, "Secret");

    // Only what belongs to MetalLB is exported.
    const std::string exported = io::exportMetalLB(r.project);
    QVERIFY(exported.find("kind: Ingress") == std::string::npos);
    QVERIFY(exported.find("name: metallb-excludel2") != std::string::npos);
    QVERIFY(exported.find("apiVersion: metallb.io/v1alpha1") != std::string::npos);
}

void TestMetalLBImport::endpointSlices()
{
    const std::string text = R"(apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {type: LoadBalancer, externalTrafficPolicy: Local}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-abc
  namespace: shop
  labels: {kubernetes.io/service-name: web}
endpoints:
- {addresses: [10.42.1.5], nodeName: node2, conditions: {ready: true}}
- {addresses: [10.42.2.5], nodeName: node3, conditions: {ready: false}}
- {addresses: [10.42.3.5], nodeName: node4, conditions: {ready: false, serving: true}}
- {addresses: [10.42.1.6], nodeName: node2}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-def
  namespace: shop
  labels: {kubernetes.io/service-name: web}
endpoints:
- {addresses: [10.42.0.5], nodeName: node1, conditions: {ready: true, serving: true}}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: api-1
  namespace: shop
  labels: {kubernetes.io/service-name: api}
endpoints: []
)";
    const auto r = import(text);
    QVERIFY2(!r.hasErrors(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.project.services.at(0).endpointNodes,
        (std::vector<std::string>{"node2", "node4", "node1"}));
    QCOMPARE(r.endpointNodes.at("shop/api"), std::vector<std::string>{});

    // Merged into a project that has the api service, the empty list means "nobody serves".
    model::Project project;
    model::Service api;
    api.namespaceName = "shop";
    api.name = "api";
    project.services.push_back(api);
    rules::Diagnostics diagnostics;
    io::mergeImport(project, r, diagnostics);
    QCOMPARE(project.services.at(0).endpointNodes, std::vector<std::string>{});
    QCOMPARE(project.services.at(1).endpointNodes->size(), std::size_t(3));
    QVERIFY(diagnostics.empty());
}

void TestMetalLBImport::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f : {"config.yaml.tmpl", "deployment_bgp.yaml", "deployment_l2.yaml",
             "ipaddresspool_simple.yaml", "ipaddresspool_with_selector.yaml",
             "l2adv_selects_pools_by_list.yaml", "l2adv_with_node_selector.yaml",
             "simple_pool_adv_bgp.yaml", "simple_pool_adv_l2.yaml", "config-yaml-full.yaml",
             "config-data-address-pools.yaml"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestMetalLBImport::roundTrip()
{
    QFETCH(QString, file);
    const auto first = importCorpus(file);
    QVERIFY2(!first.hasErrors(), qPrintable(dump(first.diagnostics)));
    const std::string exported = io::exportMetalLB(first.project);
    const auto second = import(exported, "exported.yaml");
    QVERIFY2(!second.hasErrors(),
        qPrintable(dump(second.diagnostics) + "\n" + QString::fromStdString(exported)));
    QVERIFY2(managed(second.project) == managed(first.project), exported.c_str());
    QCOMPARE(io::exportMetalLB(second.project), exported);

    // Through a project file as well.
    model::Project project;
    project.name = "rt";
    rules::Diagnostics diagnostics;
    io::mergeImport(project, first, diagnostics);
    const std::string saved = io::saveProjectText(project);
    const auto loaded = io::loadProjectText(saved, "rt.k3snet.yaml");
    QVERIFY2(loaded.project,
        qPrintable(dump(loaded.diagnostics) + "\n" + QString::fromStdString(saved)));
    QVERIFY2(*loaded.project == project, saved.c_str());
    QCOMPARE(io::saveProjectText(*loaded.project), saved);
    model::Project named = first.project;
    named.name = "rt";
    QCOMPARE(QString::fromStdString(io::exportMetalLB(*loaded.project)),
        QString::fromStdString(io::exportMetalLB(named)));
}

void TestMetalLBImport::exportFormat()
{
    model::Project p;
    p.name = "demo";
    model::IPAddressPool pool;
    pool.name = "picluster-pool";
    pool.addresses = {"10.0.0.100-10.0.0.200"};
    model::IPAddressPool other;
    other.name = "reserved";
    other.namespaceName = "lb";
    other.labels = {{"tier", "1"}};
    other.addresses = {"10.0.1.0/28"};
    other.autoAssign = false;
    other.serviceAllocation
        = model::IPAddressPool::ServiceAllocation{3, {"web"}, {}, {{{{"app", "x"}}, {}}}};
    p.pools = {pool, other};
    model::L2Advertisement l2;
    l2.name = "example";
    l2.ipAddressPools = {"picluster-pool"};
    model::L2Advertisement all;
    all.name = "all";
    p.l2Advertisements = {l2, all};
    p.preserved.push_back({"metallb.io/v1beta2", "BGPPeer", "peer", "metallb-system",
        "apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: peer\n"});
    p.preserved.push_back({"networking.k8s.io/v1", "Ingress", "web", "default", "kind: Ingress\n"});
    const std::string expected
        = "# MetalLB resources of the k3snet project \"demo\"\n"
          "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n"
          "  name: picluster-pool\n  namespace: metallb-system\n"
          "spec:\n  addresses:\n  - 10.0.0.100-10.0.0.200\n"
          "---\n"
          "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n"
          "  name: reserved\n  namespace: lb\n  labels:\n    tier: \"1\"\n"
          "spec:\n  addresses:\n  - 10.0.1.0/28\n  autoAssign: false\n  serviceAllocation:\n"
          "    priority: 3\n    namespaces:\n    - web\n    serviceSelectors:\n"
          "    - matchLabels:\n        app: x\n"
          "---\n"
          "apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata:\n"
          "  name: example\n  namespace: metallb-system\nspec:\n  ipAddressPools:\n  - "
          "picluster-pool\n"
          "---\n"
          "apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata:\n"
          "  name: all\n  namespace: metallb-system\n"
          "---\n"
          "apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: peer\n";
    QCOMPARE(QString::fromStdString(io::exportMetalLB(p)), QString::fromStdString(expected));
}

void TestMetalLBImport::exportQuotesWhatKubectlWouldMisread()
{
    model::Project p;
    model::IPAddressPool pool;
    pool.name = "q";
    pool.labels = {{"a", "true"}, {"b", "yes"}, {"c", "0755"}, {"d", "1:20"}, {"e", "2024-05-01"},
        {"f", "~"}, {"g", ""}, {"h", "- x"}, {"i", "it's: here"}, {"j", "multi\nline\n"},
        {"k", "12e3"}, {"l", "plain text"}};
    pool.addresses = {"10.0.0.1/32"};
    p.pools = {pool};
    const std::string text = io::exportMetalLB(p);
    for (const char *line : {"    a: \"true\"\n", "    b: \"yes\"\n", "    c: \"0755\"\n",
             "    d: \"1:20\"\n", "    e: \"2024-05-01\"\n", "    f: \"~\"\n", "    g: \"\"\n",
             "    h: '- x'\n", "    i: 'it''s: here'\n", "    j: |\n      multi\n      line\n",
             "    k: \"12e3\"\n", "    l: plain text\n"})
        QVERIFY2(text.find(line) != std::string::npos,
            qPrintable(QString::fromStdString(text) + "\nmissing: " + line));
    const auto again = import(text);
    QVERIFY2(!again.hasErrors(), qPrintable(dump(again.diagnostics)));
    QCOMPARE(again.project.pools.at(0).labels, pool.labels);
}

void TestMetalLBImport::merge()
{
    model::Project project;
    project.name = "base";
    model::Node node1;
    node1.name = "node1";
    node1.lanIP = *net::Address::parse("10.0.0.11");
    node1.ssh = {"", 22, "oss"};
    node1.interface = "eth1";
    project.nodes = {node1};
    model::IPAddressPool old;
    old.name = "picluster-pool";
    old.addresses = {"10.0.0.50-10.0.0.60"};
    model::IPAddressPool keep;
    keep.name = "keep";
    project.pools = {old, keep};
    project.preserved.push_back(
        {"metallb.io/v1beta2", "BGPPeer", "peer", "metallb-system", "x: 1\n"});

    const auto r = io::importKubernetesYaml(
        readAll(QStringLiteral(K3SNET_TEST_DATA_DIR "/kubectl-dump.yaml")), "kubectl-dump.yaml");
    rules::Diagnostics diagnostics;
    io::mergeImport(project, r, diagnostics);
    QCOMPARE(project.pools.size(), std::size_t(2));
    QCOMPARE(project.pools[0].addresses,
        std::vector<std::string>{"10.0.0.100-10.0.0.200"}); // replaced in place
    QCOMPARE(project.pools[1].name, "keep");
    QCOMPARE(project.nodes.size(), std::size_t(4));
    QCOMPARE(project.nodes[0].ssh.user, "oss"); // kept from the project
    QCOMPARE(project.nodes[0].interface, "eth1");
    QCOMPARE(project.nodes[0].podCIDR->toString(), "10.42.0.0/24");
    QCOMPARE(project.preserved.size(), std::size_t(1));
    QCOMPARE(codes(diagnostics, rules::Severity::Info),
        (QStringList{"object-replaced", "object-replaced"}));
    QVERIFY2(diagnostics[0].message
            == "IPAddressPool \"picluster-pool\" replaces the one in the project",
        diagnostics[0].message.c_str());
    QCOMPARE(diagnostics[0].location.file, "kubectl-dump.yaml");
    QVERIFY2(
        diagnostics[1].message.find("keeping its SSH settings and interface") != std::string::npos,
        diagnostics[1].message.c_str());
    // Merging the same import again replaces everything and adds nothing.
    const model::Project once = project;
    diagnostics.clear();
    io::mergeImport(project, r, diagnostics);
    QVERIFY(project == once);
    QCOMPARE(int(diagnostics.size()), 1 + 6 + 4 + 5 + 1);
    // The locations of the import are the project's now.
    QCOMPARE(project.sources.find("services/kube-system/traefik").file, "kubectl-dump.yaml");
}

void TestMetalLBImport::projectFileKeepsImportedFields()
{
    model::Project project;
    project.name = "imported";
    for (const char *file : {"deployment_bgp.yaml", "config-yaml-full.yaml"}) {
        rules::Diagnostics diagnostics;
        io::mergeImport(project, importCorpus(file), diagnostics);
    }
    rules::Diagnostics diagnostics;
    io::mergeImport(project,
        io::importKubernetesYaml(
            readAll(QStringLiteral(K3SNET_TEST_DATA_DIR "/kubectl-dump.yaml")), "d.yaml"),
        diagnostics);
    const std::string saved = io::saveProjectText(project);
    QVERIFY(
        saved.find("\npreserved:\n  - apiVersion: metallb.io/v1beta1\n    kind: BGPAdvertisement\n")
        != std::string::npos);
    QVERIFY(saved.find("    networkUnavailable: true\n") != std::string::npos);
    const auto loaded = io::loadProjectText(saved, "p.k3snet.yaml");
    QVERIFY2(loaded.diagnostics.empty(), qPrintable(dump(loaded.diagnostics)));
    QVERIFY(*loaded.project == project);
    QCOMPARE(io::saveProjectText(*loaded.project), saved);
}

void TestMetalLBImport::projectFileNewFields()
{
    // The fields an import adds, each on its own, in the project file.
    const std::string header
        = "apiVersion: k3snet.io/v1alpha1\nkind: Project\nmetadata:\n  name: t\n";
    const auto r = io::loadProjectText(header + R"(nodes:
  - {name: n, lanIP: 10.0.0.1, networkUnavailable: true}
pools:
  - name: p
    unknownFields: {spec: {newField: "true"}}
services:
  - {name: a, endpointNodes: []}
  - {name: b, endpointNodes: [n]}
  - {name: c}
preserved:
  - apiVersion: metallb.io/v1beta2
    kind: BGPPeer
    metadata: {name: peer, namespace: metallb-system}
    spec: {myASN: 64512, password: "123"}
)",
        "t.yaml");
    QVERIFY2(r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
    const auto &p = *r.project;
    QVERIFY(p.nodes[0].networkUnavailable);
    QCOMPARE(p.pools[0].unknownFields, "spec:\n  newField: \"true\"\n");
    QCOMPARE(p.services[0].endpointNodes, std::vector<std::string>{});
    QCOMPARE(p.services[1].endpointNodes, std::vector<std::string>{"n"});
    QVERIFY(!p.services[2].endpointNodes);
    QCOMPARE(p.preserved.at(0).name, "peer");
    QCOMPARE(p.preserved.at(0).namespaceName, "metallb-system");
    QCOMPARE(p.preserved.at(0).yaml,
        "apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: peer\n"
        "  namespace: metallb-system\nspec:\n  myASN: 64512\n  password: \"123\"\n");
    const std::string saved = io::saveProjectText(p);
    const auto again = io::loadProjectText(saved, "t.yaml");
    QVERIFY(again.project && *again.project == p);

    const auto bad
        = io::loadProjectText(header + "preserved:\n  - just text\n  - {kind: X}\n", "t.yaml");
    QVERIFY(!bad.project);
    QCOMPARE(bad.diagnostics.at(0).code, "wrong-type");
    QCOMPARE(bad.diagnostics.at(1).code, "missing-field");
}

void TestMetalLBImport::writerFixedPoint_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("scalars") << QByteArray(
        "a: 1\nb: \"1\"\nc: true\nd: 'true'\ne: ~\nf:\ng: \"\"\nh: -x\ni: \"- x\"\n");
    QTest::newRow("flow") << QByteArray("a: {b: [1, {c: d}], e: []}\nf: {}\n");
    QTest::newRow("nested lists") << QByteArray(
        "a:\n- - 1\n  - 2\n- []\n- {}\n- - k: v\n    l: w\n");
    QTest::newRow("strings") << QByteArray(
        "a: \"tab\\there\"\nb: \"multi\\nline\"\nc: \"trailing \"\nd: \"x\\n\\n\"\n"
        "e: \" lead\\nx\"\nf: \"a\\u0001b\"\ng: \"Grüße ☃\"\nh: \"#x\"\ni: \"x #y\"\n");
    QTest::newRow("keys") << QByteArray("\"true\": 1\n\"a: b\": 2\n\"\": 3\n'1': 4\n");
    QTest::newRow("tags") << QByteArray("a: !!str 5\nb: !custom x\nc: !!binary aGk=\n");
    QTest::newRow("anchors") << QByteArray("a: &x {b: 1}\nc: *x\n");
    QTest::newRow("top list") << QByteArray("- a\n- b: c\n");
}

void TestMetalLBImport::writerFixedPoint()
{
    // writeKubeYaml's text reads back to the same text, directly and through yaml-cpp's
    // emitter (how projects store kept YAML).
    QFETCH(QByteArray, yaml);
    auto parsed = io::parseYamlDocument(yaml.toStdString(), {});
    QVERIFY(std::holds_alternative<YAML::Node>(parsed));
    const auto first = io::writeKubeYaml(std::get<YAML::Node>(parsed));
    QVERIFY(first);
    auto reparsed = io::parseYamlDocument(*first, {});
    QVERIFY2(std::holds_alternative<YAML::Node>(reparsed), first->c_str());
    const auto second = io::writeKubeYaml(std::get<YAML::Node>(reparsed));
    QCOMPARE(QString::fromStdString(*second), QString::fromStdString(*first));

    YAML::Emitter out;
    QVERIFY(io::emitYamlNode(out, std::get<YAML::Node>(reparsed)));
    auto viaEmitter = io::parseYamlDocument(out.c_str(), {});
    QVERIFY2(std::holds_alternative<YAML::Node>(viaEmitter), out.c_str());
    QCOMPARE(QString::fromStdString(*io::writeKubeYaml(std::get<YAML::Node>(viaEmitter))),
        QString::fromStdString(*first));
}

void TestMetalLBImport::resolvesAsNonString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("nonString");
    for (const char *s : {"", "~", "null", "Null", "true", "False", "yes", "No", "on", "OFF", "y",
             "n", "<<", "0", "12", "-3", "+4", "0x1F", "0o17", "0b101", "0755", "08", "1_000",
             "1.5", ".5", "1.", "1e3", "-1.5E-3", ".inf", "-.Inf", ".nan", "1:20", "64512:1",
             "2024-05-01", "2024-5-1T10:00:00Z"})
        QTest::newRow(s[0] ? s : "(empty)") << QString::fromUtf8(s) << true;
    for (const char *s :
        {"a", "yes!", "1.2.3.4", "10.0.0.0/24", "65535:65281", "fc00:f853:0ccd:e799::/124", "-",
            ".", "0x", "1e", "1:2:3x", "2024-05", "v1", "2m0s", "+", "Yes please"})
        QTest::newRow(s) << QString::fromUtf8(s) << false;
}

void TestMetalLBImport::resolvesAsNonString()
{
    QFETCH(QString, text);
    QFETCH(bool, nonString);
    QCOMPARE(io::resolvesAsNonString(text.toStdString()), nonString);
}

void TestMetalLBImport::goDurations()
{
    QCOMPARE(io::goDurationText(120), "2m0s");
    QCOMPARE(io::goDurationText(90), "1m30s");
    QCOMPARE(io::goDurationText(30), "30s");
    QCOMPARE(io::goDurationText(3600), "1h0m0s");
    QCOMPARE(io::goDurationText(0), "0s");
    QCOMPARE(io::parseGoDurationSeconds("120s", nullptr), 120);
    QCOMPARE(io::parseGoDurationSeconds("1h30m", nullptr), 5400);
    QCOMPARE(io::parseGoDurationSeconds("2.9s", nullptr), 2);
    QCOMPARE(io::parseGoDurationSeconds("1500ms", nullptr), 1);
    QCOMPARE(io::parseGoDurationSeconds("0", nullptr), 0);
    QCOMPARE(io::parseGoDurationSeconds("-5s", nullptr), -5);
    std::string why;
    QVERIFY(!io::parseGoDurationSeconds("", &why));
    QCOMPARE(why, "time: invalid duration \"\"");
    QVERIFY(!io::parseGoDurationSeconds("5", &why));
    QVERIFY(!io::parseGoDurationSeconds("s", &why));
    QVERIFY(!io::parseGoDurationSeconds("99999999999h", &why));
}

void TestMetalLBImport::isProjectText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("project");
    QTest::newRow("project") << QByteArray("apiVersion: k3snet.io/v1alpha1\nkind: Project\n")
                             << true;
    QTest::newRow("quoted, commented")
        << QByteArray("# a project\napiVersion: \"k3snet.io/v2\" # newer\n") << true;
    QTest::newRow("kind only") << QByteArray("kind: Project\nmetadata: {name: x}\n") << true;
    QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf"
                                       "apiVersion: k3snet.io/v1alpha1\n")
                         << true;
    QTest::newRow("MetalLB") << QByteArray("apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n")
                             << false;
    QTest::newRow("OpenShift project")
        << QByteArray("apiVersion: project.openshift.io/v1\nkind: Project\n") << false;
    QTest::newRow("second document")
        << QByteArray("kind: List\n---\napiVersion: k3snet.io/v1alpha1\n") << false;
    QTest::newRow("nested") << QByteArray("items:\n  apiVersion: k3snet.io/v1alpha1\n") << false;
    QTest::newRow("legacy") << QByteArray("address-pools: []\n") << false;
}

void TestMetalLBImport::isProjectText()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, project);
    QCOMPARE(io::isProjectText(text.toStdString()), project);
}

void TestMetalLBImport::documentErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QByteArray pool = "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n";
    QTest::newRow("scalar document") << QByteArray("hello\n") << "wrong-type" << 1 << 1;
    QTest::newRow("no kind") << QByteArray("apiVersion: v1\nmetadata: {}\n") << "missing-field" << 1
                             << 1;
    QTest::newRow("neither object nor config")
        << QByteArray("---\nfoo: bar\n") << "not-a-kubernetes-object" << 2 << 1;
    QTest::newRow("project") << QByteArray("apiVersion: k3snet.io/v1alpha1\nkind: Project\n")
                             << "k3snet-project" << 1 << 1;
    QTest::newRow("pool without name")
        << QByteArray(pool + "metadata: {namespace: x}\nspec: {addresses: []}\n") << "missing-field"
        << 3 << 11;
    QTest::newRow("pool without spec")
        << QByteArray(pool + "metadata: {name: x}\n") << "missing-field" << 1 << 1;
    QTest::newRow("bad autoAssign")
        << QByteArray(pool + "metadata: {name: x}\nspec: {addresses: [], autoAssign: yes}\n")
        << "invalid-value" << 4 << 35;
    QTest::newRow("duplicate key")
        << QByteArray(pool + "metadata: {name: x}\nspec: {addresses: [], addresses: []}\n")
        << "duplicate-key" << 4 << 23;
    QTest::newRow("syntax in third document")
        << QByteArray("kind: Namespace\napiVersion: v1\nmetadata: {name: a}\n---\n---\nkind: [\n")
        << "yaml-syntax" << 7 << 1;
    QTest::newRow("bad port") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 0}]\n")
                              << "invalid-value" << 5 << 18;
    QTest::newRow("bad node address")
        << QByteArray("apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  addresses: "
                      "[{type: InternalIP, address: 10.0.0.300}]\n")
        << "invalid-value" << 5 << 43;
    QTest::newRow("items not a list")
        << QByteArray("apiVersion: v1\nkind: List\nitems: {a: b}\n") << "wrong-type" << 3 << 8;
    QTest::newRow("bad legacy config in ConfigMap") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config, namespace: metallb-system}\n"
        "data:\n  config: \"address-pools: [\"\n") << "yaml-syntax"
                                                    << 5 << 11;
}

void TestMetalLBImport::documentErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto r = import(text.toStdString());
    QVERIFY(r.hasErrors());
    const auto *d = find(r.diagnostics, code.toStdString());
    QVERIFY2(d, qPrintable(dump(r.diagnostics)));
    QCOMPARE(d->severity, rules::Severity::Error);
    QCOMPARE(d->location.file, "in.yaml");
    QCOMPARE(std::pair(d->location.line, d->location.column), std::pair(line, column));
}

void TestMetalLBImport::hostile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code"); // empty: any error will do
    const int n = 100000;
    QTest::newRow("100000 [") << QByteArray(n, '[') << "too-deep";
    QTest::newRow("many documents") << QByteArray("---\na: 1\n").repeated(300000) << "too-large";
    QTest::newRow("many empty documents") << QByteArray("---\n").repeated(600000) << "too-large";
    QTest::newRow("20 MiB") << QByteArray(20 * 1024 * 1024, 'x') << "too-large";
    // Nested Lists, deeper than any dump.
    QByteArray nested = "x: 1\n";
    for (int i = 0; i < 12; ++i)
        nested = "apiVersion: v1\nkind: List\nitems:\n- " + nested.replace("\n", "\n  ").trimmed()
            + "\n";
    QTest::newRow("nested Lists") << nested << "too-deep";
    // A kept object whose aliases expand beyond what the writer writes out.
    QByteArray laughs = "apiVersion: example.com/v1\nkind: Bomb\nmetadata: {name: b}\nspec:\n  a: "
                        "&a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    const char *levels = "abcdefgh";
    for (int i = 1; i < 8; ++i) {
        const QByteArray prev = QByteArray("*") + levels[i - 1];
        laughs += "  " + QByteArray(1, levels[i]) + ": &" + levels[i] + " ["
            + QByteArray(prev + ", ").repeated(8) + prev + "]\n";
    }
    QTest::newRow("billion laughs kept") << laughs << "too-large";
    QByteArray legacyLaughs = QByteArray(laughs).replace(
        "apiVersion: example.com/v1\nkind: Bomb\nmetadata: {name: b}\nspec:\n", "x:\n");
    legacyLaughs += "address-pools:\n- {name: p, protocol: layer2, addresses: *h}\n";
    QTest::newRow("billion laughs legacy") << legacyLaughs << "";
    QTest::newRow("legacy config in a ConfigMap, hostile") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: metallb-system, name: "
        "config}\ndata:\n  config: |\n    "
        + QByteArray(5000, '[')) << "too-deep";
    QTest::newRow("unterminated quote")
        << QByteArray("apiVersion: v1\nkind: Namespace\nmetadata: {name: \"a}\n") << "yaml-syntax";
    QTest::newRow("NUL bytes") << QByteArray("apiVersion: v1\n" + QByteArray(100, '\0')) << "";
    std::mt19937 random(20240502); // fixed seed: the same garbage on every run
    for (int i = 0; i < 6; ++i) {
        QByteArray garbage(4096 << i, '\0');
        for (char &c : garbage)
            c = static_cast<char>(random());
        QTest::newRow(qPrintable(QStringLiteral("garbage %1").arg(i))) << garbage << "";
    }
}

void TestMetalLBImport::hostile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    const auto r = io::importKubernetesYaml(
        std::string_view(text.constData(), std::size_t(text.size())), "h.yaml");
    QVERIFY(r.hasErrors());
    if (!code.isEmpty())
        QVERIFY2(
            find(r.diagnostics, code.toStdString()), qPrintable(dump(r.diagnostics).left(2000)));
    QVERIFY(r.diagnostics.size() <= 4 * io::YamlLimits().maxErrors + 2);
    // The conversion refuses as cleanly.
    rules::Diagnostics diagnostics;
    QVERIFY(io::exportLegacyConversion(
        std::string_view(text.constData(), std::size_t(text.size())), "h.yaml", &diagnostics)
                .empty());
}

QTEST_APPLESS_MAIN(TestMetalLBImport)
#include "tst_metallbimport.moc"
