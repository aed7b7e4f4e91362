// SPDX-License-Identifier: GPL-3.0-or-later
// k3snetctl as a user runs it: the real binary, its exit codes, text and JSON output.
#include "../k3snetctlrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using k3snetctlrun::Run;

Run k3snetctl(const QStringList &args, const QByteArray &stdinData = {})
{
    return k3snetctlrun::k3snetctl(args, {}, stdinData);
}

QString data(const char *name)
{
    return QStringLiteral(K3SNET_TEST_DATA_DIR "/") + QLatin1String(name);
}

QString corpus(const char *name)
{
    return QStringLiteral(K3SNET_CORPUS_DIR "/metallb/") + QLatin1String(name);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestK3snetctl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void planDemo()
    {
        auto r = k3snetctl({"plan", "--demo"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        // The seed's node1: 10.0.0.11, first pod subnet, VTEP .0/32, cni0 .1/24, MTU 1450.
        QRegularExpression node1(QStringLiteral("node1\\s+server\\s+10\\.0\\.0\\.11\\s+10\\.42\\.0\\.0/24\\s+flannel\\.1@eth0\\s+"
                                                "10\\.42\\.0\\.0/32\\s+[0-9a-f:]{17}\\s+10\\.42\\.0\\.1/24\\s+1450"));
        QVERIFY2(node1.match(r.out).hasMatch(), qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("node4\\s+agent\\s+10\\.0\\.0\\.14\\s+10\\.42\\.3\\.0/24"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("picluster-pool\\s+10\\.0\\.0\\.100-10\\.0\\.0\\.200\\s+101"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("kube-system\\s+traefik\\s+LoadBalancer\\s+10\\.43\\.50\\.56"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("kube-system\\s+kube-dns\\s+ClusterIP\\s+10\\.43\\.0\\.10"))));
    }

    void planDemoJson()
    {
        auto r = k3snetctl({"plan", "--demo", "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const auto nodes = doc.object().value("nodes").toArray();
        QCOMPARE(nodes.size(), 4);
        const auto n2 = nodes.at(1).toObject();
        QCOMPARE(n2.value("name").toString(), QStringLiteral("node2"));
        QCOMPARE(n2.value("podCIDR").toString(), QStringLiteral("10.42.1.0/24"));
        QCOMPARE(n2.value("vtepAddress").toString(), QStringLiteral("10.42.1.0"));
        QCOMPARE(n2.value("bridgeAddress").toString(), QStringLiteral("10.42.1.1/24"));
        QCOMPARE(n2.value("vtepDevice").toString(), QStringLiteral("flannel.1"));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")).match(n2.value("vtepMAC").toString()).hasMatch());
        const auto pool = doc.object().value("pools").toArray().at(0).toObject();
        QCOMPARE(pool.value("ipv4").toObject().value("size").toString(), QStringLiteral("101"));
        QCOMPARE(doc.object().value("diagnostics").toArray().size(), 0);
    }

    void validateDemoIsClean()
    {
        auto r = k3snetctl({"validate", "--demo"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("no problems found")));
    }

    void typoInKey()
    {
        auto r = k3snetctl({"validate", data("typo-key.k3snet.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("typo-key.k3snet.yaml:6:3: error:")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("did you mean \"clusterCIDR\"")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("[unknown-key]")));
    }

    void overlappingCidrs()
    {
        auto r = k3snetctl({"validate", data("overlapping-cidrs.k3snet.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("[cluster-cidr-overlaps-service-cidr]")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("[node-ip-is-gateway]")));
        // The overlap is reported at the service CIDR's line, the gateway clash at pi2's lanIP.
        QVERIFY2(r.out.contains(QStringLiteral("overlapping-cidrs.k3snet.yaml:7:")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("overlapping-cidrs.k3snet.yaml:18:")), qPrintable(r.out));
    }

    void validateJson()
    {
        auto r = k3snetctl({"validate", "--format", "json", data("overlapping-cidrs.k3snet.yaml")});
        QCOMPARE(r.exitCode, 1);
        const auto files = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).toObject().value("valid").toBool(), false);
        bool found = false;
        for (const auto &d : files.at(0).toObject().value("diagnostics").toArray()) {
            const auto o = d.toObject();
            if (o.value("code").toString() == QLatin1String("node-ip-is-gateway")) {
                found = true;
                QCOMPARE(o.value("severity").toString(), QStringLiteral("error"));
                QCOMPARE(o.value("line").toInt(), 18);
                QCOMPARE(o.value("objects").toArray().at(0).toObject().value("name").toString(), QStringLiteral("pi2"));
            }
        }
        QVERIFY(found);
    }

    void stdinInput()
    {
        QFile f(data("typo-key.k3snet.yaml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto r = k3snetctl({"validate", "-"}, f.readAll());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QStringLiteral("<stdin>:6:3")));
    }

    void usageAndIoErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("inStderr");
        QTest::newRow("no command") << QStringList{} << 2 << "Usage: k3snetctl";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command \"frobnicate\"";
        QTest::newRow("missing file") << QStringList{"validate", "/nonexistent/x.k3snet.yaml"} << 2 << "/nonexistent/x.k3snet.yaml";
        QTest::newRow("no file") << QStringList{"validate"} << 2 << "no file given";
        QTest::newRow("bad format") << QStringList{"plan", "--demo", "--format", "xml"} << 2 << "unknown format \"xml\"";
        QTest::newRow("plan two inputs") << QStringList{"plan", "--demo", "x"} << 2 << "exactly one";
        QTest::newRow("unknown option") << QStringList{"plan", "--frob"} << 2 << "frob";
    }

    void usageAndIoErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, inStderr);
        auto r = k3snetctl(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(inStderr), qPrintable(r.err));
    }

    void helpEverywhere_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("top") << QStringList{"--help"};
        QTest::newRow("validate") << QStringList{"validate", "--help"};
        QTest::newRow("plan") << QStringList{"plan", "--help"};
    }

    void helpEverywhere()
    {
        QFETCH(QStringList, args);
        auto r = k3snetctl(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Usage:")) || r.out.contains(QStringLiteral("usage:")));
    }

    void importAndExportMetalLB()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(QStringLiteral("lab.k3snet.yaml"));
        auto r = k3snetctl({"import", corpus("deployment_l2.yaml"), corpus("config-yaml-full.yaml"), "-o", project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("imported IPAddressPool example (")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("left out Deployment nginx")));
        QVERIFY(r.out.contains(QStringLiteral("converted IPAddressPool my-l2-space")));
        QVERIFY(r.out.contains(QStringLiteral("config-yaml-full.yaml:42:7: warning:")));
        QVERIFY(r.out.contains(QStringLiteral("[legacy-unknown-protocol]")));
        QVERIFY2(r.out.contains(QStringLiteral("Wrote ") + project + QStringLiteral(": pools: 3, L2Advertisements: 1, services: 1")),
                 qPrintable(r.out));
        QVERIFY(readFile(project).startsWith("apiVersion: k3snet.io/v1alpha1\nkind: Project\nmetadata:\n  name: lab\n"));

        // The project validates (the two corpus files both use 192.168.10.0/24), and exports
        // CRDs that import again to the same.
        r = k3snetctl({"validate", project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("lab.k3snet.yaml:")) && r.out.contains(QStringLiteral("[pool-overlap]")),
                 qPrintable(r.out));
        r = k3snetctl({"export", "--metallb", project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.out.startsWith(QStringLiteral("# MetalLB resources of the k3snet project \"lab\"\napiVersion: metallb.io/v1beta1\n")));
        QCOMPARE(r.out.count(QStringLiteral("kind: IPAddressPool")), 3);
        QCOMPARE(r.out.count(QStringLiteral("kind: L2Advertisement")), 1);
        QVERIFY(r.out.contains(QStringLiteral("kind: BGPPeer")));
        QVERIFY(!r.out.contains(QStringLiteral("kind: Service")));
        const QString exported = r.out;
        const QString again = dir.filePath(QStringLiteral("again.k3snet.yaml"));
        r = k3snetctl({"import", "-", "-o", again}, exported.toUtf8());
        QCOMPARE(r.exitCode, 0);
        r = k3snetctl({"export", "--metallb", again});
        QCOMPARE(r.out.section('\n', 1), exported.section('\n', 1)); // all but the project's name

        // -o writes the same atomically.
        const QString file = dir.filePath(QStringLiteral("metallb.yaml"));
        r = k3snetctl({"export", "--metallb", project, "-o", file});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(readFile(file)), exported);
    }

    void importIntoBase()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString base = dir.filePath(QStringLiteral("base.k3snet.yaml"));
        const QString merged = dir.filePath(QStringLiteral("merged.k3snet.yaml"));
        auto r = k3snetctl({"import", data("kubectl-dump.yaml"), "-o", base});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("imported Service kube-system/traefik (")));
        r = k3snetctl({"import", data("kubectl-dump.yaml"), corpus("simple_pool_adv_l2.yaml"), "--base", base, "-o", merged});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("info: IPAddressPool \"picluster-pool\" replaces the one in the project [object-replaced]")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("pools: 2, L2Advertisements: 2, services: 6, nodes: 4, namespaces: 5")));
        // The base keeps its name; the file written is a project the tools read back.
        QVERIFY(readFile(merged).startsWith("apiVersion: k3snet.io/v1alpha1\nkind: Project\nmetadata:\n  name: base\n"));
        r = k3snetctl({"plan", merged, "--format", "json"});
        const auto plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(plan.value("nodes").toArray().size(), 4);
        QCOMPARE(plan.value("pools").toArray().size(), 2);
    }

    void importErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("stdinData");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("inOutput");
        QTest::newRow("no -o") << QStringList{"import", corpus("deployment_l2.yaml")} << QByteArray() << 2 << "-o PROJECT";
        QTest::newRow("no file") << QStringList{"import", "-o", "x.k3snet.yaml"} << QByteArray() << 2 << "-o PROJECT";
        QTest::newRow("missing file") << QStringList{"import", "/nonexistent/in.yaml", "-o", "OUT"} << QByteArray() << 2
                                      << "/nonexistent/in.yaml";
        QTest::newRow("project as input") << QStringList{"import", data("typo-key.k3snet.yaml"), "-o", "OUT"} << QByteArray() << 2
                                          << "give it as --base";
        QTest::newRow("YAML as base") << QStringList{"import", corpus("deployment_l2.yaml"), "--base", corpus("deployment_bgp.yaml"), "-o", "OUT"}
                                      << QByteArray() << 2 << "is not a k3snet project";
        QTest::newRow("syntax error") << QStringList{"import", "-", "-o", "OUT"}
                                      << QByteArray("apiVersion: v1\nkind: Service\nmetadata: {name: [\n") << 1 << "nothing written";
        QTest::newRow("bad legacy hold time")
            << QStringList{"import", "-", "-o", "OUT"}
            << QByteArray("peers:\n- {peer-address: 10.0.0.1, peer-asn: 1, my-asn: 1, hold-time: 1s}\n") << 1
            << "<stdin>:2:63: error: peers[0].hold-time: invalid hold time \"1s\": must be 0 or >=3s [invalid-value]";
    }

    void importErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, stdinData);
        QFETCH(int, exitCode);
        QFETCH(QString, inOutput);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(QStringLiteral("out.k3snet.yaml"));
        args.replaceInStrings(QStringLiteral("OUT"), out);
        auto r = k3snetctl(args, stdinData);
        QCOMPARE(r.exitCode, exitCode);
        const QString all = r.out + r.err;
        QVERIFY2(all.contains(inOutput), qPrintable(all));
        QVERIFY(!QFile::exists(out)); // nothing is written unless everything was read
    }

    void validateKubernetesYaml()
    {
        // A MetalLB manifest is checked directly, with locations in the manifest.
        QByteArray manifest = "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: lan\n"
                              "  namespace: metallb-system\nspec:\n  adresses:\n  - 10.0.0.100-10.0.0.200\n";
        auto r = k3snetctl({"validate", "-"}, manifest);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("<stdin>:7:3: warning: unknown field \"spec.adresses\" in pools/lan; did you mean \"addresses\"?")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("[pool-no-addresses]")));

        r = k3snetctl({"validate", corpus("ipaddresspool_with_selector.yaml"), corpus("config-yaml-full.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(corpus("config-yaml-full.yaml") + QStringLiteral(":28:7: warning:")));
        QVERIFY(r.out.contains(corpus("ipaddresspool_with_selector.yaml") + QStringLiteral(": ")));

        r = k3snetctl({"validate", "--format", "json", data("kubectl-dump.yaml")});
        QCOMPARE(r.exitCode, 0);
        const auto files = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(files.at(0).toObject().value("valid").toBool(), true);

        // YAML errors in a manifest are errors of the file.
        r = k3snetctl({"validate", "-"}, QByteArray("kind: Service\napiVersion: v1\nmetadata: {name: \"x}\n"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("[yaml-syntax]")), qPrintable(r.out));
    }

    void planMergesFiles()
    {
        auto r = k3snetctl({"plan", data("kubectl-dump.yaml"), corpus("simple_pool_adv_l2.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("node1\\s+server\\s+10\\.0\\.0\\.11\\s+10\\.42\\.0\\.0/24 \\(pinned\\)"))),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("picluster-pool\\s+10\\.0\\.0\\.100-10\\.0\\.0\\.200"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("default\\s+web\\s+LoadBalancer\\s+10\\.43\\.12\\.34\\s+10\\.0\\.0\\.100"))));

        r = k3snetctl({"plan", data("kubectl-dump.yaml"), "--format", "json"});
        QCOMPARE(r.exitCode, 0);
        const auto plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(plan.value("nodes").toArray().size(), 4);
        QCOMPARE(plan.value("services").toArray().size(), 6);

        r = k3snetctl({"plan", data("typo-key.k3snet.yaml"), data("overlapping-cidrs.k3snet.yaml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("are both project files")), qPrintable(r.err));

        // A file that cannot be read leaves nothing to plan.
        r = k3snetctl({"plan", "-", corpus("simple_pool_adv_l2.yaml")}, QByteArray("apiVersion: v1\nkind: [\n"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("<stdin>:3:1: error: YAML syntax error")), qPrintable(r.err));
    }

    void exportK3sConfig()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(QStringLiteral("cluster.k3snet.yaml"));
        QCOMPARE(k3snetctl({"import", data("kubectl-dump.yaml"), "-o", project}).exitCode, 0);
        auto r = k3snetctl({"export", "--k3s-config", "node1", project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("node-ip: 10.0.0.11\n")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("flannel-backend: none\n")));
        QVERIFY(r.out.contains(QStringLiteral("  - servicelb\n")));
        r = k3snetctl({"export", "--k3s-config", "node3", data("kubectl-dump.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("node-ip: 10.0.0.13\n")));
        QVERIFY(!r.out.contains(QStringLiteral("cluster-cidr")));

        r = k3snetctl({"export", "--k3s-config", "pi9", project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("has no node \"pi9\" (nodes: node1, node2, node3, node4)")), qPrintable(r.err));
        r = k3snetctl({"export", project});
        QCOMPARE(r.exitCode, 2);
        r = k3snetctl({"export", "--metallb", "--k3s-config", "node1", project});
        QCOMPARE(r.exitCode, 2);
    }

    void exportConvertsLegacyConfigMap()
    {
        auto r = k3snetctl({"export", "--metallb", corpus("config-yaml-address-pools.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("[legacy-configmap-deprecated]")), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("kind: L2Advertisement\nmetadata:\n  name: l2advertisement1\n")));
        QVERIFY(r.out.contains(QStringLiteral("kind: BGPAdvertisement\nmetadata:\n  name: bgpadvertisement1\n")));
    }

    void helpForImportAndExport()
    {
        for (const char *command : {"import", "export"}) {
            auto r = k3snetctl({command, "--help"});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.contains(QStringLiteral("Usage:")));
        }
        auto r = k3snetctl({"--help"});
        QVERIFY(r.out.contains(QStringLiteral("import")));
        QVERIFY(r.out.contains(QStringLiteral("export")));
    }

    void germanTranslation()
    {
        QProcess p;
        p.setProgram(QStringLiteral(K3SNET_BINARY_DIR "/bin/k3snetctl"));
        p.setArguments({"validate", "--demo"});
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        p.setProcessEnvironment(env);
        p.start();
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("keine Probleme gefunden")),
                 "the German catalogue is not loaded or not complete");
    }
};

QTEST_GUILESS_MAIN(TestK3snetctl)
#include "tst_k3snetctl.moc"
