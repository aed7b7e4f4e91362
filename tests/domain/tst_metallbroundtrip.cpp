// SPDX-License-Identifier: GPL-3.0-or-later
// MetalLB YAML in and out again: every real MetalLB configuration file imports cleanly,
// import -> export -> import and import -> project file -> load lose nothing, the export
// is in kubectl's form and quotes what kubectl would misread, merging replaces by kind and
// name, projects keep the imported fields, and the YAML writer reaches a fixed point.
#include "metallbtestutil.h"

#include "domain/io/metallbexport.h"
#include "domain/io/metallbimport.h"
#include "domain/io/projectfile.h"
#include "domain/io/yamldocument.h"
#include "domain/io/yamlscalar.h"
#include "domain/io/yamlwriter.h"

#include <QDir>
#include <QtTest>

using namespace k3snet;
using metallbtest::codes;
using metallbtest::corpusDir;
using metallbtest::dump;
using metallbtest::import;
using metallbtest::importCorpus;
using metallbtest::readAll;

namespace {

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

class TestMetalLBRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusImports_data();
    void corpusImports();
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
};

void TestMetalLBRoundTrip::corpusImports_data()
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

void TestMetalLBRoundTrip::corpusImports()
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

void TestMetalLBRoundTrip::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f : {"config.yaml.tmpl", "deployment_bgp.yaml", "deployment_l2.yaml",
             "ipaddresspool_simple.yaml", "ipaddresspool_with_selector.yaml",
             "l2adv_selects_pools_by_list.yaml", "l2adv_with_node_selector.yaml",
             "simple_pool_adv_bgp.yaml", "simple_pool_adv_l2.yaml", "config-yaml-full.yaml",
             "config-data-address-pools.yaml"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestMetalLBRoundTrip::roundTrip()
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

void TestMetalLBRoundTrip::exportFormat()
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

void TestMetalLBRoundTrip::exportQuotesWhatKubectlWouldMisread()
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

void TestMetalLBRoundTrip::merge()
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

void TestMetalLBRoundTrip::projectFileKeepsImportedFields()
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

void TestMetalLBRoundTrip::projectFileNewFields()
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

void TestMetalLBRoundTrip::writerFixedPoint_data()
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

void TestMetalLBRoundTrip::writerFixedPoint()
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

void TestMetalLBRoundTrip::resolvesAsNonString_data()
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

void TestMetalLBRoundTrip::resolvesAsNonString()
{
    QFETCH(QString, text);
    QFETCH(bool, nonString);
    QCOMPARE(io::resolvesAsNonString(text.toStdString()), nonString);
}

QTEST_APPLESS_MAIN(TestMetalLBRoundTrip)
#include "tst_metallbroundtrip.moc"
