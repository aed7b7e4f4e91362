// SPDX-License-Identifier: GPL-3.0-or-later
// The project file: the demo loads cleanly and saves to the same bytes, every field survives a
// save and load, every kind of mistake is reported with its code and exact line:column, hostile
// input fails cleanly, and saving is atomic.
#include "domain/io/atomicfile.h"
#include "domain/io/demoproject.h"
#include "domain/io/projectfile.h"
#include "domain/io/yamldocument.h"
#include "domain/io/yamltext.h"
#include "projectfiletestdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

#include <sys/stat.h>
#include <unistd.h>

using namespace k3snet;
using namespace projectfiletestdata;

namespace {

const std::string header = "apiVersion: k3snet.io/v1alpha1\n"
                           "kind: Project\n"
                           "metadata:\n"
                           "  name: t\n";

io::LoadResult load(std::string_view text)
{
    return io::loadProjectText(text, "test.yaml");
}

QString dump(const rules::Diagnostics &ds)
{
    QStringList lines;
    for (const auto &d : ds)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Everything but the file itself in dir: temporary files that a save left behind.
QStringList leftovers(const QString &dir, const QString &except)
{
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    names.removeAll(except);
    return names;
}

// The fields an import of Kubernetes/MetalLB YAML fills in: kept objects (with strings that
// must stay strings), unknown fields, NetworkUnavailable, endpoint nodes known to be none.
model::Project importedFields()
{
    model::Project p = fullProject();
    p.name = "imported";
    p.nodes[1].networkUnavailable = true;
    p.services[0].endpointNodes = std::vector<std::string>{"pi1", "pi2"};
    p.services[1].endpointNodes = std::vector<std::string>{};
    p.pools[0].unknownFields = "spec:\n  futureField:\n    deep:\n    - 1\n    - \"1\"\n";
    p.l2Advertisements[0].unknownFields
        = "spec:\n  preferredNodeSelectors:\n  - weight: 50\n    preference: {}\n";
    p.services[0].unknownFields = "spec:\n  sessionAffinity: None\n";
    p.preserved.push_back({"metallb.io/v1beta2", "BGPPeer", "peer", "metallb-system",
        "apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: peer\n"
        "  namespace: metallb-system\nspec:\n  myASN: 64512\n  password: \"123\"\n"
        "  holdTime: 1m30s\n  nodeSelectors:\n  - matchLabels:\n      a: \"true\"\n"
        "  note: |\n    two\n    lines\n  empty: \"\"\n  none: null\n  list: []\n"});
    p.preserved.push_back({"v1", "ConfigMap", "excludel2", "metallb-system",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: excludel2\n"
        "  namespace: metallb-system\ndata:\n  excludel2.yaml: |\n"
        "    announcedInterfacesToExclude:\n    - ^docker.*\n"});
    return p;
}

} // namespace

Q_DECLARE_METATYPE(k3snet::model::Project)

class TestProjectFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoLoadsAndSavesIdentically();
    void demoFileOnDiskIsTheCompiledDemo();
    void sourceLocations();
    void roundTrip_data();
    void roundTrip();
    void handWrittenProject();
    void absentFieldsStayUnset();
    void errors_data();
    void errors();
    void errorsNameTheirObject();
    void hostBitsWarn();
    void importedFieldsInTheFile();
    void hostile_data();
    void hostile();
    void suggestKey_data();
    void suggestKey();
    void loadFileErrors();
    void loadUnreadableFile();
    void loadFileTooLarge();
    void saveAndLoadFile();
    void atomicSaveFailuresLeaveOriginal();
    void atomicSaveReadOnlyDirectory();
    void atomicSaveFollowsSymlink();
};

void TestProjectFile::demoLoadsAndSavesIdentically()
{
    const std::string text(io::demoProjectText());
    const auto r = io::loadProjectText(text, std::string(io::demoProjectFileName));
    QVERIFY2(r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
    QVERIFY(r.project);
    QCOMPARE(r.project->name, "picluster");
    QCOMPARE(r.project->nodes.size(), std::size_t(4));
    QCOMPARE(r.project->nodes[0].role, model::NodeRole::Server);
    QCOMPARE(r.project->nodes[3].lanIP, ip("10.0.0.14"));
    QCOMPARE(r.project->network.lan.subnet, cidr("10.0.0.0/24"));
    QCOMPARE(r.project->pools.at(0).addresses, std::vector<std::string>{"10.0.0.100-10.0.0.200"});
    QCOMPARE(r.project->services.size(), std::size_t(4));
    QCOMPARE(r.project->services[3].ports[1].nodePort, 30123);
    // The demo is in canonical form: saving it rewrites the same bytes.
    QCOMPARE(io::saveProjectText(*r.project), text);
}

void TestProjectFile::demoFileOnDiskIsTheCompiledDemo()
{
    const QString path
        = QStringLiteral(K3SNET_TEST_DATA_DIR "/../../resources/demo/picluster.k3snet.yaml");
    const auto r = io::loadProjectFile(path.toStdString());
    QVERIFY2(r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
    QVERIFY(r.project);
    QCOMPARE(io::saveProjectText(*r.project), readAll(path));
}

void TestProjectFile::sourceLocations()
{
    const auto r = io::loadProjectText(io::demoProjectText(), "demo.yaml");
    QVERIFY(r.project);
    const model::SourceMap &s = r.project->sources;
    auto at = [&s](const char *path) {
        const auto loc = s.find(path);
        return std::pair(loc.line, loc.column);
    };
    QCOMPARE(s.find("network.clusterCIDR").file, "demo.yaml");
    QCOMPARE(at("metadata.name"), std::pair(4, 9));
    QCOMPARE(at("network.clusterCIDR"), std::pair(7, 16));
    QCOMPARE(at("network.vxlan.port"), std::pair(14, 11));
    QCOMPARE(at("nodes/node1"), std::pair(21, 5));
    QCOMPARE(at("nodes/node1.lanIP"), std::pair(23, 12));
    QCOMPARE(at("nodes/node2.labels[kubernetes.io/arch]"), std::pair(32, 27));
    QCOMPARE(at("nodes/node2.ssh.user"), std::pair(34, 13));
    QCOMPARE(at("namespaces/kube-system"), std::pair(51, 5));
    QCOMPARE(at("pools/picluster-pool.addresses[0]"), std::pair(56, 9));
    QCOMPARE(at("l2Advertisements/example.ipAddressPools[0]"), std::pair(60, 9));
    QCOMPARE(at("services/kube-system/traefik.ports[1].nodePort"), std::pair(108, 19));
    // Unrecorded paths fall back to their closest recorded parent.
    QCOMPARE(at("nodes/node1.lanIP.whatever"), std::pair(23, 12));
}

void TestProjectFile::roundTrip_data()
{
    QTest::addColumn<model::Project>("project");
    model::Project minimal;
    minimal.name = "minimal";
    QTest::newRow("minimal") << minimal;
    QTest::newRow("every field") << fullProject();
    QTest::newRow("awkward strings") << awkwardStrings();
    model::Project reset = fullProject();
    reset.pools[0].autoAssign = true; // set to the default is still set
    reset.pools[0].serviceAllocation->priority = 0;
    reset.network.vxlan.mtu = 0;
    reset.nodes[0].ssh.port = 22;
    QTest::newRow("explicit defaults") << reset;
    QTest::newRow("imported fields") << importedFields();
}

void TestProjectFile::roundTrip()
{
    QFETCH(model::Project, project);
    const std::string text = io::saveProjectText(project);
    const auto r = load(text);
    QVERIFY2(r.diagnostics.empty(),
        qPrintable(dump(r.diagnostics) + "\n" + QString::fromStdString(text)));
    QVERIFY(r.project);
    QVERIFY2(*r.project == project, text.c_str());
    QCOMPARE(io::saveProjectText(*r.project), text);
}

void TestProjectFile::handWrittenProject()
{
    // Every field, in an order and style of its own (flow collections, quoting, comments).
    const QString path = QStringLiteral(K3SNET_TEST_DATA_DIR "/every-field.k3snet.yaml");
    const std::string text = readAll(path);
    QVERIFY(!text.empty());
    const auto r = load(text);
    QVERIFY2(r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
    QVERIFY(r.project);
    const model::Project &p = *r.project;
    QCOMPARE(p.description, "It's mine");
    QCOMPARE(p.network.vxlan.port, 8472);
    QCOMPARE(p.network.vxlan.mtu, 1450);
    QCOMPARE(p.nodes.at(0).labels.at("empty"), "");
    QCOMPARE(p.nodes.at(0).podCIDR, cidr("10.42.7.0/24"));
    QCOMPARE(p.nodes.at(0).ssh.host, "a.lan");
    QCOMPARE(p.pools.at(0).addresses.at(2), "garbage stays text");
    QCOMPARE(p.pools.at(0).autoAssign, true);
    QCOMPARE(p.pools.at(0).avoidBuggyIPs, false);
    QCOMPARE(p.pools.at(0).serviceAllocation->serviceSelectors.at(0).matchExpressions.at(1).values,
        (std::vector<std::string>{"a", "b"}));
    QVERIFY(p.l2Advertisements.at(0).ipAddressPoolSelectors.at(0).isEmpty());
    QCOMPARE(p.services.at(0).key(), "shop/web");
    QCOMPARE(p.services.at(0).ports.at(0).nodePort, 31443);

    const std::string saved = io::saveProjectText(p);
    const auto again = load(saved);
    QVERIFY2(again.diagnostics.empty(), qPrintable(dump(again.diagnostics)));
    QVERIFY(again.project);
    QVERIFY(*again.project == p);
    QCOMPARE(io::saveProjectText(*again.project), saved);
}

void TestProjectFile::absentFieldsStayUnset()
{
    const auto r = load(header + "pools:\n  - name: p\nnodes:\n  - name: n\n    lanIP: 10.0.0.1\n");
    QVERIFY2(r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
    const model::Project &p = *r.project;
    QCOMPARE(p.network, model::ClusterNetwork());
    QVERIFY(!p.pools[0].autoAssign);
    QVERIFY(!p.pools[0].avoidBuggyIPs);
    QVERIFY(!p.pools[0].serviceAllocation);
    QCOMPARE(p.pools[0].namespaceName, "metallb-system");
    QVERIFY(!p.nodes[0].podCIDR);
    QCOMPARE(p.nodes[0].role, model::NodeRole::Agent);
    // Saved without the unset fields.
    const std::string saved = io::saveProjectText(p);
    QVERIFY(saved.find("autoAssign") == std::string::npos);
    QVERIFY(saved.find("serviceAllocation") == std::string::npos);
    QVERIFY(saved.find("podCIDR") == std::string::npos);
    QVERIFY(saved.find("ssh") == std::string::npos);
    QVERIFY(saved.find("subnet") == std::string::npos);
}

void TestProjectFile::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message"); // exact, or a part of it when it ends in "..."

    auto row = [](const char *name, const std::string &text, const char *code, int line, int column,
                   const char *message) {
        QTest::newRow(name) << QByteArray::fromStdString(text) << QString(code) << line << column
                            << QString::fromUtf8(message);
    };
    const std::string h = header; // lines 1-4
    const std::string node = "nodes:\n  - name: n1\n"; // lines 5-6

    // Found by fuzz_kubeimport: a Latin-1 byte was read as U+00E0 and written back as UTF-8.
    row("not UTF-8", h + "network:\n  clusterDomain: caf\xe9.local\n", "invalid-encoding", 6, 21,
        "the text is not UTF-8: byte 0xe9...");
    row("truncated UTF-8 sequence", h + "metadata:\n  name: \xc3", "invalid-encoding", 6, 9,
        "the text is not UTF-8...");
    row("UTF-16 surrogate in UTF-8", h + "# \xed\xa0\x80\n", "invalid-encoding", 5, 3,
        "the text is not UTF-8...");
    row("typo with suggestion", h + "network:\n  clusterCidr: 10.42.0.0/16\n", "unknown-key", 6, 3,
        R"(unknown key "clusterCidr" in network; did you mean "clusterCIDR"?)");
    row("typo in a node", h + node + "    lanIp: 10.0.0.1\n", "unknown-key", 7, 5,
        R"(unknown key "lanIp" in nodes/n1; did you mean "lanIP"?)");
    row("unknown key, no suggestion", h + "network:\n  foo: 1\n", "unknown-key", 6, 3,
        R"(unknown key "foo" in network)");
    row("unknown top-level key", h + "pool:\n  - name: x\n", "unknown-key", 5, 1,
        R"(unknown key "pool" in the document; did you mean "pools"?)");
    row("bad CIDR", h + "network:\n  clusterCIDR: 10.42.0.0/33\n", "invalid-value", 6, 16,
        R"(network.clusterCIDR: "10.42.0.0/33": prefix length 33...)");
    row("CIDR without length", h + node + "    lanIP: 10.0.0.1\n    podCIDR: 10.42.1.0\n",
        "invalid-value", 8, 14, R"(nodes/n1.podCIDR: "10.42.1.0"...)");
    row("bad lanIP", h + node + "    lanIP: 10.0.0.300\n", "invalid-value", 7, 12,
        R"(nodes/n1.lanIP: "10.0.0.300"...)");
    row("bad clusterDNS", h + "network:\n  clusterDNS: dns.local\n", "invalid-value", 6, 15,
        R"(network.clusterDNS: "dns.local"...)");
    row("quoted integer", h + "network:\n  vxlan:\n    port: \"8472\"\n", "wrong-type", 7, 11,
        R"(expected an integer for network.vxlan.port, got the string "8472")");
    row("mapping for an address", h + node + "    lanIP: {a: b}\n", "wrong-type", 7, 12,
        "expected a string for nodes/n1.lanIP, got a mapping");
    row("mapping for a list", h + "nodes:\n  name: n1\n", "wrong-type", 6, 3,
        "expected a list for nodes, got a mapping");
    row("list for labels", h + node + "    lanIP: 10.0.0.1\n    labels: [a]\n", "wrong-type", 8, 13,
        "expected a mapping for nodes/n1.labels, got a list");
    row("list for a section", h + "network: [a]\n", "wrong-type", 5, 10,
        "expected a mapping for network, got a list");
    row("scalar for a string list", h + "pools:\n  - name: p\n    addresses: 10.0.0.1-10.0.0.5\n",
        "wrong-type", 7, 16,
        R"(expected a list of strings for pools/p.addresses, got the value "10.0.0.1-10.0.0.5")");
    row("list in a string list", h + "pools:\n  - name: p\n    addresses: [[a]]\n", "wrong-type", 7,
        17, "expected a string for pools/p.addresses[0], got a list");
    row("string for a node", h + "nodes:\n  - n1\n", "wrong-type", 6, 5,
        R"(expected a mapping for nodes[0], got the value "n1")");
    row("non-string key", h + "network: {[a]: b}\n", "wrong-type", 5, 11,
        "keys in network must be strings, got a list");
    row("not an integer", h + "network:\n  nodeCIDRMaskSize: abc\n", "invalid-value", 6, 21,
        R"(network.nodeCIDRMaskSize: "abc" is not an integer)");
    row("float for an integer", h + "network:\n  nodeCIDRMaskSize: 24.0\n", "invalid-value", 6, 21,
        R"(network.nodeCIDRMaskSize: "24.0" is not an integer)");
    row("integer out of range", h + "network:\n  vxlan:\n    vni: 16777216\n", "invalid-value", 7,
        10, "network.vxlan.vni: 16777216 is out of range (0..16777215)");
    row("huge integer", h + "network:\n  lan:\n    mtu: 99999999999999999999999\n", "invalid-value",
        7, 10, "network.lan.mtu: 99999999999999999999999 is out of range...");
    row("YAML 1.1 boolean", h + "pools:\n  - name: p\n    autoAssign: yes\n", "invalid-value", 7,
        17, R"(pools/p.autoAssign: "yes" is not true or false)");
    row("unknown role", h + node + "    role: master\n    lanIP: 10.0.0.1\n", "invalid-value", 7,
        11, R"(nodes/n1.role: "master" is not a node role (server or agent))");
    row("missing node name", h + "nodes:\n  - lanIP: 10.0.0.1\n", "missing-field", 6, 5,
        R"(missing required field "name" in nodes[0])");
    row("empty node name", h + "nodes:\n  - name:\n    lanIP: 10.0.0.1\n", "missing-field", 6, 5,
        R"(missing required field "name" in nodes[0])");
    row("missing lanIP", h + node, "missing-field", 6, 5,
        R"(missing required field "lanIP" in nodes/n1)");
    row("missing project name",
        "apiVersion: k3snet.io/v1alpha1\nkind: Project\nmetadata:\n  description: x\n",
        "missing-field", 4, 3, R"(missing required field "name" in metadata)");
    row("missing metadata", "apiVersion: k3snet.io/v1alpha1\nkind: Project\n", "missing-field", 1,
        1, R"(missing required field "metadata" in the document)");
    row("missing port", h + "services:\n  - name: s\n    ports:\n      - name: http\n",
        "missing-field", 8, 9, R"(missing required field "port" in services/default/s.ports[0])");
    const std::string expression = "l2Advertisements:\n  - name: l2\n    nodeSelectors:\n"
                                   "      - matchExpressions:\n          - key: a\n";
    row("selector without operator", h + expression, "missing-field", 9, 13,
        "missing required field \"operator\" in "
        "l2Advertisements/l2.nodeSelectors[0].matchExpressions[0]");
    row("duplicate key", h + "network:\n  clusterCIDR: 10.42.0.0/16\n  clusterCIDR: 10.52.0.0/16\n",
        "duplicate-key", 7, 3, R"(duplicate key "clusterCIDR" in network (first at line 6))");
    row("duplicate section", h + "nodes: []\nnodes: []\n", "duplicate-key", 6, 1,
        R"(duplicate key "nodes" in the document (first at line 5))");
    row("duplicate label", h + node + "    lanIP: 10.0.0.1\n    labels: {a: x, a: y}\n",
        "duplicate-key", 8, 20, R"(duplicate key "a" in nodes/n1.labels (first at line 8))");
    row("wrong apiVersion", "apiVersion: k3snet.io/v2\nkind: Project\n", "unsupported-api-version",
        1, 13, R"(apiVersion "k3snet.io/v2" is not supported; expected "k3snet.io/v1alpha1")");
    row("MetalLB resource", "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n",
        "unsupported-api-version", 1, 13, R"(apiVersion "metallb.io/v1beta1" is not supported...)");
    row("missing apiVersion", "kind: Project\n", "missing-field", 1, 1,
        R"(missing required field "apiVersion" in the document)");
    row("wrong kind", "apiVersion: k3snet.io/v1alpha1\nkind: AgentConfig\n", "wrong-kind", 2, 7,
        R"(kind "AgentConfig" is not a k3snet project; expected "Project")");
    row("unterminated quote", h + "  description: \"abc\n", "yaml-syntax", 5, 16,
        "YAML syntax error: the quoted string has no closing quote");
    row("unterminated single quote", h + "  description: 'it''s\n", "yaml-syntax", 5, 16,
        "YAML syntax error: the quoted string has no closing quote");
    row("unclosed flow list", h + "nodes: [a, b\n", "yaml-syntax", 6, 1, "YAML syntax error: ...");
    row("bad indentation", h + "network:\n  lan:\n    mtu: 1\n   x: 2\n", "yaml-syntax", 8, 4,
        "YAML syntax error: ...");
    row("two documents", h + "---\napiVersion: k3snet.io/v1alpha1\n", "multiple-documents", 5, 1,
        "a second YAML document starts here; the file must hold exactly one");
    row("empty", "", "empty-document", 0, 0, "the file is empty; expected a k3snet project");
    row("comment only", "# nothing here\n\n", "empty-document", 0, 0, "the file is empty...");
    row("scalar document", "hello\n", "wrong-type", 1, 1,
        "the document is the value \"hello\", not a k3snet project "
        "(a mapping with apiVersion and kind)");
    row("list document", "- apiVersion: k3snet.io/v1alpha1\n", "wrong-type", 1, 1,
        "the document is a list, not a k3snet project...");
}

void TestProjectFile::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const auto r = load(text.toStdString());
    QVERIFY(!r.project);
    QVERIFY2(!r.diagnostics.empty(), "no diagnostics");
    // The first diagnostic with the code is the one the row is about; others may come with it.
    const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
        [&](const rules::Diagnostic &d) { return d.code == code.toStdString(); });
    QVERIFY2(it != r.diagnostics.end(), qPrintable(dump(r.diagnostics)));
    const rules::Diagnostic &d = *it;
    QCOMPARE(d.severity, rules::Severity::Error);
    QCOMPARE(d.location.file, "test.yaml");
    QCOMPARE(d.location.line, line);
    QCOMPARE(d.location.column, column);
    const QString actual = QString::fromStdString(d.message);
    if (message.endsWith("..."))
        QVERIFY2(actual.startsWith(message.chopped(3)), qPrintable(actual));
    else
        QCOMPARE(actual, message);
}

void TestProjectFile::errorsNameTheirObject()
{
    const auto r = load(header + "services:\n  - namespace: web\n    name: shop\n    port: 80\n");
    QVERIFY(!r.project);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    const std::vector<rules::ObjectRef> objects = {{"Service", "web/shop"}};
    QCOMPARE(r.diagnostics[0].objects, objects);
    QCOMPARE(r.diagnostics[0].message,
        R"(unknown key "port" in services/web/shop; did you mean "ports"?)");
}

void TestProjectFile::hostBitsWarn()
{
    // Host bits are tolerated (k3s tolerates them) but flagged; the project still loads.
    const auto r = load(header + "network:\n  clusterCIDR: 10.42.0.5/16\n");
    QVERIFY(r.project);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].severity, rules::Severity::Warning);
    QCOMPARE(r.diagnostics[0].code, "host-bits-set");
    QCOMPARE(r.diagnostics[0].location.line, 6);
    QCOMPARE(r.project->network.clusterCIDR, cidr("10.42.0.0/16"));
}

void TestProjectFile::importedFieldsInTheFile()
{
    // Kept YAML is written as the tree it holds, strings that must stay strings quoted.
    const std::string text = io::saveProjectText(importedFields());
    for (const char *part : {"    networkUnavailable: true\n", "    endpointNodes:\n      - pi1\n",
             "    endpointNodes: []\n", "    unknownFields:\n      spec:\n        futureField:\n",
             "\npreserved:\n  - apiVersion: metallb.io/v1beta2\n    kind: BGPPeer\n",
             "      password: \"123\"\n", "            a: \"true\"\n"})
        QVERIFY2(text.find(part) != std::string::npos, (text + "\nmissing:\n" + part).c_str());
    // Projects without them are written as before (the demo test covers the bytes).
    QVERIFY(io::saveProjectText(fullProject()).find("preserved") == std::string::npos);

    // Kept objects must be mappings with apiVersion and kind.
    auto r = load(header + "preserved:\n  - just text\n");
    QVERIFY(!r.project);
    QCOMPARE(r.diagnostics.at(0).code, "wrong-type");
    QCOMPARE(r.diagnostics.at(0).location.line, 6);
    r = load(header + "preserved:\n  - {kind: X}\n");
    QCOMPARE(r.diagnostics.at(0).code, "missing-field");
    r = load(header + "pools:\n  - name: p\n    unknownFields: [a]\n");
    QCOMPARE(r.diagnostics.at(0).code, "wrong-type");
    QCOMPARE(r.diagnostics.at(0).location.line, 7);
    r = load(header + "services:\n  - name: s\n    endpointNodes: n1\n");
    QCOMPARE(r.diagnostics.at(0).code, "wrong-type");
    r = load(header + "nodes:\n  - {name: n, lanIP: 10.0.0.1, networkUnavailable: maybe}\n");
    QCOMPARE(r.diagnostics.at(0).code, "invalid-value");
}

void TestProjectFile::hostile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code"); // empty: any error will do

    const int n = 100000;
    QTest::newRow("100000 [") << QByteArray(n, '[') << "too-deep";
    QTest::newRow("100000 {") << QByteArray(n, '{') << "too-deep";
    QTest::newRow("100000 {a:") << QByteArray("{a: ").repeated(n) << "too-deep";
    QTest::newRow("100000 block lists")
        << QByteArray(QByteArray("- ").repeated(n) + "x\n") << "too-deep";
    QByteArray indented;
    for (int i = 0; i < 2000; ++i)
        indented += QByteArray(QByteArray(i, ' ') + "k:\n");
    QTest::newRow("2000 block mappings") << indented << "too-deep";

    // Billion laughs: each level repeats the one before nine times. The tree in memory stays
    // small (aliases share nodes); only a walk that followed every alias would explode.
    QByteArray laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    const char *levels = "abcdefghi";
    for (int i = 1; i < 9; ++i) {
        const QByteArray prev = QByteArray("*") + levels[i - 1];
        laughs += QByteArray(1, levels[i]) + ": &" + levels[i] + " ["
            + QByteArray(prev + ", ").repeated(8) + prev + "]\n";
    }
    const QByteArray h = QByteArray::fromStdString(header);
    QTest::newRow("billion laughs") << laughs << "missing-field";
    QTest::newRow("billion laughs in a project") << QByteArray(
        QByteArray(laughs).replace("a: &a", "x: &a") + h + "  description: *i\n"
        + "nodes: [*i, *i]\nnamespaces: *i\n") << "unknown-key";
    // A wide bomb that the reader does walk: many aliases of a node with many labels.
    QByteArray labels;
    for (int i = 0; i < 1000; ++i)
        labels += "k" + QByteArray::number(i) + ": v, ";
    QTest::newRow("alias bomb") << QByteArray(h
        + "template: &node {name: x, lanIP: 10.0.0.1, labels: {" + labels + "}}\nnodes: ["
        + QByteArray("*node, ").repeated(20000) + "*node]\n")
                                << "too-large";

    // Kept YAML is written out in full when read, so its aliases are bounded there too.
    QTest::newRow("billion laughs kept")
        << QByteArray(QByteArray(laughs).replace("a: &a", "x: &a") + h
               + "preserved:\n  - {apiVersion: v1, kind: Bomb, spec: *i}\n")
        << "too-large";
    QTest::newRow("20 MiB") << QByteArray(h + "  description: " + QByteArray(20 * 1024 * 1024, 'x')
        + "\n") << "too-large";
    QTest::newRow("too many values")
        << QByteArray(h + "nodes:\n" + QByteArray("- a\n").repeated(600000)) << "too-large";
    QTest::newRow("too many errors")
        << QByteArray(h + "nodes:\n" + QByteArray("  - x\n").repeated(1000)) << "too-many-errors";
    QTest::newRow("empty") << QByteArray() << "empty-document";
    QTest::newRow("whitespace") << QByteArray("  \n\n\t\n") << "";
    QTest::newRow("scalar") << QByteArray("just text") << "wrong-type";
    QTest::newRow("list") << QByteArray("[1, 2, 3]") << "wrong-type";
    QTest::newRow("unterminated quote at end")
        << QByteArray(h + "  description: \"abc") << "yaml-syntax";
    QTest::newRow("unterminated quote, newline")
        << QByteArray(h + "  description: 'abc\nnodes: []\n") << "yaml-syntax";
    QTest::newRow("NUL bytes") << QByteArray(h + QByteArray(100, '\0')) << "";
    QTest::newRow("UTF-16 BOM") << QByteArray("\xff\xfe\x00\x00garbage", 12) << "";
    QTest::newRow("lone surrogates") << QByteArray(h + "  description: \"\\ud800\"\n") << "";
    std::mt19937 random(20240501); // fixed seed: the same garbage on every run
    for (int i = 0; i < 8; ++i) {
        QByteArray garbage(4096 << i, '\0');
        for (char &c : garbage)
            c = static_cast<char>(random());
        QTest::newRow(qPrintable(QStringLiteral("garbage %1").arg(i))) << garbage << "";
    }
}

void TestProjectFile::hostile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);

    const auto r = load(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    QVERIFY(!r.project);
    QVERIFY(rules::hasErrors(r.diagnostics));
    if (!code.isEmpty()) {
        const bool found = std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
            [&](const rules::Diagnostic &d) { return d.code == code.toStdString(); });
        QVERIFY2(found, qPrintable(dump(r.diagnostics).left(2000)));
    }
    // Hostile input must not turn into a flood of diagnostics either.
    QVERIFY(r.diagnostics.size() <= 2 * io::YamlLimits().maxErrors + 1);
}

void TestProjectFile::suggestKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("suggestion");
    QTest::newRow("case") << "clusterCidr"
                          << "clusterCIDR";
    QTest::newRow("transposition") << "nmae"
                                   << "name";
    QTest::newRow("one letter missing") << "nodeCIDRMaskSiz"
                                        << "nodeCIDRMaskSize";
    QTest::newRow("unrelated") << "foo"
                               << "";
    QTest::newRow("too different") << "clusterNet"
                                   << "";
    QTest::newRow("short") << "mt"
                           << "";
    QTest::newRow("very long") << QString(1000, 'a') << "";
}

void TestProjectFile::suggestKey()
{
    QFETCH(QString, key);
    QFETCH(QString, suggestion);
    const auto known = {std::string_view("name"), std::string_view("clusterCIDR"),
        std::string_view("nodeCIDRMaskSize"), std::string_view("vxlan")};
    QCOMPARE(QString::fromStdString(io::suggestKnownKey(key.toStdString(), known)), suggestion);
}

void TestProjectFile::loadFileErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string missing = dir.filePath("missing.k3snet.yaml").toStdString();
    auto r = io::loadProjectFile(missing);
    QVERIFY(!r.project);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].code, "io-error");
    QCOMPARE(
        r.diagnostics[0].message, "cannot open \"" + missing + "\": No such file or directory");
    QCOMPARE(r.diagnostics[0].location.file, missing);

    r = io::loadProjectFile(dir.path().toStdString());
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].code, "io-error");
    QCOMPARE(r.diagnostics[0].message,
        "cannot read \"" + dir.path().toStdString() + "\": Is a directory");
}

void TestProjectFile::loadUnreadableFile()
{
    if (::geteuid() == 0)
        QSKIP("root reads files whatever their permissions");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString locked = dir.filePath("locked.k3snet.yaml");
    QVERIFY(writeAll(locked, "x"));
    QVERIFY(QFile::setPermissions(locked, QFileDevice::WriteOwner));
    const auto r = io::loadProjectFile(locked.toStdString());
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].code, "io-error");
    QCOMPARE(r.diagnostics[0].message,
        "cannot open \"" + locked.toStdString() + "\": Permission denied");
}

void TestProjectFile::loadFileTooLarge()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("huge.k3snet.yaml");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(QByteArray::fromStdString(header)) > 0);
        QVERIFY(f.resize(20 * 1024 * 1024));
    }
    const auto r = io::loadProjectFile(path.toStdString());
    QVERIFY(!r.project);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].code, "too-large");
    QCOMPARE(r.diagnostics[0].message,
        "\"" + path.toStdString()
            + "\" is 20971520 bytes, more than the limit of 16 MiB for a project file");
}

void TestProjectFile::saveAndLoadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("full.k3snet.yaml");
    const model::Project p = fullProject();

    // A new file.
    QCOMPARE(io::saveProjectFile(p, path.toStdString()), std::nullopt);
    QCOMPARE(readAll(path), io::saveProjectText(p));
    QCOMPARE(leftovers(dir.path(), "full.k3snet.yaml"), QStringList());
    const auto r = io::loadProjectFile(path.toStdString());
    QVERIFY2(r.diagnostics.empty(), qPrintable(dump(r.diagnostics)));
    QVERIFY(*r.project == p);
    QCOMPARE(r.project->sources.find("nodes/pi1").file, path.toStdString());

    // Copies (undo snapshots) share the locations until one of them is changed.
    model::Project copy = *r.project;
    QVERIFY(copy.sources.sharesWith(r.project->sources));
    copy.sources.set("nodes/pi1", {"elsewhere.yaml", 3, 4});
    QVERIFY(!copy.sources.sharesWith(r.project->sources));
    QCOMPARE(copy.sources.find("nodes/pi1").file, std::string("elsewhere.yaml"));
    QCOMPARE(r.project->sources.find("nodes/pi1").file, path.toStdString());
    QCOMPARE(copy.sources.find("nodes/pi1.noSuchField").line, 3); // falls back to the changed parent
    QVERIFY(model::SourceMap().find("nodes/pi1").file.empty());

    // Overwriting keeps the file's permissions.
    QVERIFY(::chmod(path.toLocal8Bit().constData(), 0640) == 0);
    model::Project changed = p;
    changed.description = "changed";
    QCOMPARE(io::saveProjectFile(changed, path.toStdString()), std::nullopt);
    QCOMPARE(readAll(path), io::saveProjectText(changed));
    struct stat st = {};
    QVERIFY(::stat(path.toLocal8Bit().constData(), &st) == 0);
    QCOMPARE(st.st_mode & 07777, 0640u);
    QCOMPARE(leftovers(dir.path(), "full.k3snet.yaml"), QStringList());
}

void TestProjectFile::atomicSaveFailuresLeaveOriginal()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // The directory does not exist.
    const std::string nowhere = dir.filePath("no/such/dir/p.k3snet.yaml").toStdString();
    auto error = io::writeFileAtomically(nowhere, "x");
    QVERIFY(error);
    QVERIFY2(error->find(nowhere) != std::string::npos, error->c_str());
    QVERIFY2(error->ends_with(": No such file or directory"), error->c_str());
    QCOMPARE(leftovers(dir.path(), QString()), QStringList());

    // The path is a directory: refused, and the directory is untouched.
    QVERIFY(QDir(dir.path()).mkdir("taken"));
    QVERIFY(writeAll(dir.filePath("taken/inside"), "keep"));
    error = io::writeFileAtomically(dir.filePath("taken").toStdString(), "x");
    QVERIFY(error);
    QCOMPARE(readAll(dir.filePath("taken/inside")), "keep");
    QCOMPARE(leftovers(dir.path(), "taken"), QStringList());
}

void TestProjectFile::atomicSaveReadOnlyDirectory()
{
    if (::geteuid() == 0)
        QSKIP("root writes into any directory");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString original = dir.filePath("p.k3snet.yaml");
    QVERIFY(writeAll(original, "original"));
    const QByteArray dirPath = dir.path().toLocal8Bit();
    QVERIFY(::chmod(dirPath.constData(), 0555) == 0);
    const auto error = io::writeFileAtomically(original.toStdString(), "new");
    QVERIFY(::chmod(dirPath.constData(), 0755) == 0);
    QVERIFY(error);
    QVERIFY2(error->ends_with(": Permission denied"), error->c_str());
    QVERIFY2(error->find(original.toStdString()) != std::string::npos, error->c_str());
    QCOMPARE(readAll(original), "original");
    QCOMPARE(leftovers(dir.path(), "p.k3snet.yaml"), QStringList());
}

void TestProjectFile::atomicSaveFollowsSymlink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath("real.k3snet.yaml");
    const QString link = dir.filePath("link.k3snet.yaml");
    QVERIFY(writeAll(target, "old"));
    QVERIFY(QFile::link(target, link));
    QCOMPARE(io::writeFileAtomically(link.toStdString(), "new"), std::nullopt);
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readAll(target), "new");
}

QTEST_APPLESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
