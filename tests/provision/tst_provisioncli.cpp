// SPDX-License-Identifier: GPL-3.0-or-later
// k3snetctl provision / status / uninstall as a user runs them, up to the point where they
// would connect: options, exit codes, and errors that name what is wrong. Nothing here sends
// a packet (the runs against real SSH nodes are test_provision.sh's).
#include "../k3snetctlrun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using k3snetctlrun::Run;
using k3snetctlrun::k3snetctl;

} // namespace

class TestProvisionCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("demo.k3snet.yaml"));
        QVERIFY(QFile::copy(QStringLiteral(K3SNET_SOURCE_DIR "/resources/demo/picluster.k3snet.yaml"), m_project));
    }

    void listedInUsage()
    {
        const Run r = k3snetctl({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"provision", "status", "uninstall"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
    }

    void help_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("provision") << QStringLiteral("provision");
        QTest::newRow("status") << QStringLiteral("status");
        QTest::newRow("uninstall") << QStringLiteral("uninstall");
    }
    void help()
    {
        QFETCH(QString, command);
        const Run r = k3snetctl({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("k3snetctl ") + command));
        for (const char *option :
            {"--nodes", "--accept-new", "--jobs", "--user", "--identity", "--ssh-config", "--json"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
        QCOMPARE(r.out.contains(QLatin1String("--health-timeout")), command == QLatin1String("provision"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no project") << QStringList{QStringLiteral("provision")} << QStringLiteral("give one project file");
        QTest::newRow("jobs 0") << QStringList{QStringLiteral("provision"), QStringLiteral("--jobs"), QStringLiteral("0"), QStringLiteral("p")}
                                << QStringLiteral("--jobs");
        QTest::newRow("port") << QStringList{QStringLiteral("status"), QStringLiteral("--port"), QStringLiteral("70000"), QStringLiteral("p")}
                              << QStringLiteral("--port");
        QTest::newRow("format") << QStringList{QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("p")}
                                << QStringLiteral("xml");
        QTest::newRow("missing file") << QStringList{QStringLiteral("uninstall"), QStringLiteral("/nonexistent/x.k3snet.yaml")}
                                      << QStringLiteral("/nonexistent/x.k3snet.yaml");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("provision"), QStringLiteral("--frobnicate"), QStringLiteral("p")}
                                        << QStringLiteral("frobnicate");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = k3snetctl(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void askpassMustBeAProgram()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("K3SNET_ASKPASS"), QStringLiteral("/nonexistent/askpass"));
        Run r = k3snetctl({QStringLiteral("status"), m_project}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String(
                     "K3SNET_ASKPASS: \"/nonexistent/askpass\" is not an executable program")),
            qPrintable(r.err));
        // --batch asks nothing, so it does not look at K3SNET_ASKPASS either (and fails later, at
        // the unknown project file).
        r = k3snetctl({QStringLiteral("status"), QStringLiteral("--batch"),
                          QStringLiteral("/nonexistent/x.k3snet.yaml")},
            env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.contains(QLatin1String("K3SNET_ASKPASS")), qPrintable(r.err));
    }

    void unreadableSshConfigIsNamed()
    {
        const Run r = k3snetctl({QStringLiteral("status"), QStringLiteral("--ssh-config"),
            QStringLiteral("/nonexistent/ssh_config"), m_project});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--ssh-config: cannot read /nonexistent/ssh_config")),
            qPrintable(r.err));
    }

    void unknownNodeIsNamed()
    {
        const Run r = k3snetctl({QStringLiteral("provision"), QStringLiteral("--nodes"), QStringLiteral("node1,nope"), m_project});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("\"nope\"")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("node1, node2, node3, node4")));
        // Nothing was started: no cluster key either.
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("demo.key"))));
    }

    void kubernetesYamlIsNotAProject()
    {
        const Run r = k3snetctl({QStringLiteral("status"), QStringLiteral(K3SNET_TEST_DATA_DIR "/kubectl-dump.yaml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("not a k3snet project")), qPrintable(r.err));
    }

    void projectWithErrorsIsNotProvisioned()
    {
        const Run r = k3snetctl({QStringLiteral("provision"), QStringLiteral(K3SNET_TEST_DATA_DIR "/overlapping-cidrs.k3snet.yaml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("errors")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestProvisionCli)
#include "tst_provisioncli.moc"
