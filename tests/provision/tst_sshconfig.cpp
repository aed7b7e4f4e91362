// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenSSH client configuration in provisioning, without a node: which files are read,
// IdentityFile expansion, what the project leaves to the configuration, and what an
// SshSession settles on (host, port, user, key) before it connects, with a HOME of the test's
// own. The "node" is a port of 127.0.0.1 that nothing listens on, so connecting fails at once.
#include "provision/promptbroker.h"
#include "provision/provisionrequest.h"
#include "provision/sshconfig.h"
#include "provision/sshsession.h"

#include "domain/io/projectfile.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace k3snet;
using namespace k3snet::provision;

class TestSshConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    quint16 m_closedPort = 0;

    void writeConfig(const QByteArray &text)
    {
        QFile f(m_home.filePath(QStringLiteral(".ssh/config")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

    // Connects (and fails: nothing listens) to endpoint; the session as connect() left it.
    std::unique_ptr<SshSession> attempt(SshSession::Endpoint endpoint, QString *error)
    {
        static const std::atomic<bool> notCancelled{false};
        auto session = std::make_unique<SshSession>(&notCancelled);
        endpoint.timeoutSeconds = 5;
        endpoint.userKnownHosts = m_home.filePath(QStringLiteral(".ssh/known_hosts"));
        endpoint.ownKnownHosts = m_home.filePath(QStringLiteral("k3snet_known_hosts"));
        if (session->connect(endpoint, error))
            qWarning("something listens on 127.0.0.1:%d", int(m_closedPort));
        return session;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Never the machine's own ~/.ssh.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QCOMPARE(QDir::homePath(), m_home.path());
        QVERIFY(QDir(m_home.path()).mkdir(QStringLiteral(".ssh")));
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        m_closedPort = server.serverPort();
        server.close();
    }

    void configFiles()
    {
        QCOMPARE(defaultSshConfigFiles(),
            QStringList({m_home.filePath(QStringLiteral(".ssh/config")),
                QStringLiteral("/etc/ssh/ssh_config")}));
        QCOMPARE(sshConfigFilesFor(QString()), defaultSshConfigFiles());
        QCOMPARE(sshConfigFilesFor(QStringLiteral("none")), QStringList());
        QCOMPARE(sshConfigFilesFor(QStringLiteral("/x/config")),
            QStringList{QStringLiteral("/x/config")});
    }

    void identityPaths_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expanded");
        const QString home = m_home.path();
        QTest::newRow("tilde") << QStringLiteral("~/.ssh/pi") << home + QStringLiteral("/.ssh/pi");
        QTest::newRow("home alone") << QStringLiteral("~") << home;
        QTest::newRow("absolute") << QStringLiteral("/keys/pi") << QStringLiteral("/keys/pi");
        QTest::newRow("%d") << QStringLiteral("%d/.ssh/id") << home + QStringLiteral("/.ssh/id");
        QTest::newRow("host, user, port") << QStringLiteral("~/.ssh/%r@%h:%p")
                                          << home + QStringLiteral("/.ssh/pi@192.0.2.11:2222");
        QTest::newRow("uid") << QStringLiteral("/k/%i") << QStringLiteral("/k/%1").arg(::getuid());
        QTest::newRow("percent") << QStringLiteral("/k/100%%") << QStringLiteral("/k/100%");
        QTest::newRow("unknown token kept") << QStringLiteral("/k/%C") << QStringLiteral("/k/%C");
        QTest::newRow("trailing percent") << QStringLiteral("/k/%") << QStringLiteral("/k/%");
    }
    void identityPaths()
    {
        QFETCH(QString, value);
        QFETCH(QString, expanded);
        QCOMPARE(
            expandIdentityPath(value, QStringLiteral("192.0.2.11"), QStringLiteral("pi"), 2222),
            expanded);
    }

    // What the project does not set is left for the SSH configuration: an empty user, port 0.
    void requestLeavesTheRestToTheConfig()
    {
        io::LoadResult loaded
            = io::loadProjectFile(K3SNET_SOURCE_DIR "/resources/demo/picluster.k3snet.yaml");
        QVERIFY(loaded.project);
        model::Project &p = *loaded.project;
        p.nodes[0].ssh = {"pi-alias", 22, ""};
        p.nodes[1].ssh = {"", 2200, "pi"};
        ProvisionOptions o;
        RequestBuild b = makeProvisionRequest(Operation::Status, p, QString(), o);
        QVERIFY2(b.request, qPrintable(b.errors.join(QLatin1Char('\n'))));
        QCOMPARE(b.request->sshConfigFiles, defaultSshConfigFiles());
        const NodeTarget &alias = b.request->nodes.at(0);
        QCOMPARE(alias.host, QStringLiteral("pi-alias"));
        QCOMPARE(alias.port, 0); // 22 in the project cannot be told from none
        QCOMPARE(alias.user, QString());
        const NodeTarget &explicitOne = b.request->nodes.at(1);
        QCOMPARE(explicitOne.host, QString::fromStdString(p.nodes[1].lanIP.toString()));
        QCOMPARE(explicitOne.port, 2200);
        QCOMPARE(explicitOne.user, QStringLiteral("pi"));
        // The command line wins over both.
        o.user = QStringLiteral("admin");
        o.port = 2022;
        o.sshConfig = QStringLiteral("none");
        b = makeProvisionRequest(Operation::Status, p, QString(), o);
        QVERIFY(b.request);
        QCOMPARE(b.request->sshConfigFiles, QStringList());
        for (const NodeTarget &t : std::as_const(b.request->nodes)) {
            QCOMPARE(t.user, QStringLiteral("admin"));
            QCOMPARE(t.port, 2022);
        }
    }

    void configFillsTheGaps()
    {
        writeConfig(QStringLiteral("Host pi-alias\n"
                                   "    HostName 127.0.0.1\n"
                                   "    Port %1\n"
                                   "    User cfguser\n"
                                   "    IdentityFile ~/.ssh/pi_key\n"
                                   "    StrictHostKeyChecking no\n"
                                   "    UserKnownHostsFile /dev/null\n")
                        .arg(m_closedPort)
                        .toUtf8());
        SshSession::Endpoint e;
        e.host = QStringLiteral("pi-alias");
        e.configFiles = {m_home.filePath(QStringLiteral(".ssh/config"))};
        QString error;
        auto s = attempt(e, &error);
        QVERIFY2(error.contains(QStringLiteral("cannot connect to 127.0.0.1:%1").arg(m_closedPort)),
            qPrintable(error));
        QCOMPARE(s->host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(s->port(), int(m_closedPort));
        QCOMPARE(s->user(), QStringLiteral("cfguser"));
        QVERIFY2(s->configNote().contains(
                     QStringLiteral("for pi-alias: HostName 127.0.0.1, Port %1, User cfguser, "
                                    "IdentityFile %2/.ssh/pi_key")
                         .arg(m_closedPort)
                         .arg(m_home.path())),
            qPrintable(s->configNote()));
    }

    void projectWinsOverConfig()
    {
        SshSession::Endpoint e;
        e.host = QStringLiteral("pi-alias");
        e.user = QStringLiteral("projuser");
        e.port = m_closedPort;
        writeConfig(QByteArrayLiteral(
            "Host pi-alias\n    HostName 127.0.0.1\n    Port 2999\n    User cfguser\n"));
        e.configFiles = {m_home.filePath(QStringLiteral(".ssh/config"))};
        QString error;
        auto s = attempt(e, &error);
        QCOMPARE(s->host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(s->port(), int(m_closedPort));
        QCOMPARE(s->user(), QStringLiteral("projuser"));
        QVERIFY2(s->configNote().contains(
                     QStringLiteral("its Port 2999 is overridden by %1").arg(m_closedPort)),
            qPrintable(s->configNote()));
        QVERIFY2(
            s->configNote().contains(QLatin1String("its User cfguser is overridden by projuser")),
            qPrintable(s->configNote()));
    }

    void withoutConfig()
    {
        SshSession::Endpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = m_closedPort;
        QString error;
        auto s = attempt(e, &error);
        QCOMPARE(s->user(), localUserName());
        QCOMPARE(s->configNote(), QString());
        // A file that is not there is skipped, as ssh does.
        e.configFiles = {m_home.filePath(QStringLiteral("no-such-config"))};
        s = attempt(e, &error);
        QVERIFY2(error.startsWith(QLatin1String("cannot connect")), qPrintable(error));
    }

    void unreadableConfigIsNamed()
    {
        SshSession::Endpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = m_closedPort;
        e.configFiles = {m_home.path()}; // a directory
        QString error;
        attempt(e, &error);
        QCOMPARE(error, QStringLiteral("cannot read the SSH configuration %1").arg(m_home.path()));
    }
};

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
