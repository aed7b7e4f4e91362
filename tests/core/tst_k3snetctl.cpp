// SPDX-License-Identifier: GPL-3.0-or-later
// k3snetctl as a user runs it: the real binary, its exit codes, text and JSON output.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run k3snetctl(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    p.setProgram(QStringLiteral(K3SNET_BINARY_DIR "/bin/k3snetctl"));
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start();
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        qFatal("k3snetctl hung");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString data(const char *name)
{
    return QStringLiteral(K3SNET_TEST_DATA_DIR "/") + QLatin1String(name);
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
