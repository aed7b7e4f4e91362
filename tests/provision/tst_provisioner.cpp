// SPDX-License-Identifier: GPL-3.0-or-later
// The Provisioner's life cycle without a node: signals in order, one failure per node with a
// message that names the reason, a bounded pool, and cancel during a connect that hangs. The
// "nodes" are TCP servers of this process on 127.0.0.1 that never speak SSH.
#include "provision/provisioner.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace k3snet::provision;

namespace {

ProvisionRequest requestFor(const QList<quint16> &ports)
{
    ProvisionRequest r;
    r.operation = Operation::Status;
    r.connectTimeoutSeconds = 3;
    r.ownKnownHostsFile = QStringLiteral("/nonexistent/k3snet/known_hosts");
    r.userKnownHostsFile = QStringLiteral("/nonexistent/.ssh/known_hosts");
    r.sshConfigFiles = {}; // never the machine's own ~/.ssh/config
    int i = 0;
    for (quint16 port : ports) {
        NodeTarget t;
        t.name = QStringLiteral("n%1").arg(++i);
        t.host = QStringLiteral("127.0.0.1");
        t.port = port;
        t.user = QStringLiteral("nobody");
        r.nodes << t;
    }
    return r;
}

} // namespace

class TestProvisioner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyNodeFailsAtConnect()
    {
        // A server that hangs up on every connection: no SSH banner, ever.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, &server, [&server] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                s->abort();
                s->deleteLater();
            }
        });
        Provisioner p;
        QSignalSpy started(&p, &Provisioner::started);
        QSignalSpy steps(&p, &Provisioner::nodeStepChanged);
        QSignalSpy nodes(&p, &Provisioner::nodeFinished);
        QSignalSpy finished(&p, &Provisioner::finished);
        ProvisionRequest r = requestFor({server.serverPort(), server.serverPort(), server.serverPort()});
        r.jobs = 2;
        QVERIFY(p.start(r));
        QVERIFY(p.isRunning());
        QVERIFY(!p.start(r)); // one run at a time
        QVERIFY(finished.wait(30000));
        QVERIFY(!p.isRunning());
        QCOMPARE(started.count(), 1);
        QCOMPARE(nodes.count(), 3);
        QVERIFY(steps.count() >= 3);
        QCOMPARE(steps.first().at(1).value<Step>(), Step::Connect);
        const ProvisionReport report = finished.first().first().value<ProvisionReport>();
        QCOMPARE(report.nodes.size(), 3);
        QCOMPARE(report.nodes.at(0).node, QStringLiteral("n1")); // request order, whatever finished first
        QCOMPARE(report.nodes.at(2).node, QStringLiteral("n3"));
        QCOMPARE(report.failedCount(), 3);
        for (const NodeResult &n : report.nodes) {
            QCOMPARE(n.outcome, Outcome::Failed);
            QCOMPARE(n.lastStep, Step::Connect);
            QVERIFY2(n.message.contains(QLatin1String("cannot connect")), qPrintable(n.message));
            QVERIFY(!n.log.isEmpty());
        }
        QCOMPARE(p.lastReport().nodes.size(), 3);
    }

    void cancelDuringAHangingConnect()
    {
        // Accepts and says nothing: ssh_connect waits for the banner until its timeout.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&server, &QTcpServer::newConnection, &server, [&] {
            while (QTcpSocket *s = server.nextPendingConnection())
                held << s;
        });
        Provisioner p;
        QSignalSpy finished(&p, &Provisioner::finished);
        QVERIFY(p.start(requestFor({server.serverPort()})));
        QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 10000);
        p.cancel();
        QVERIFY(finished.wait(30000));
        const ProvisionReport report = finished.first().first().value<ProvisionReport>();
        QVERIFY(report.cancelled);
        QCOMPARE(report.nodes.first().outcome, Outcome::Cancelled);
        QVERIFY(!report.allOk());
    }

    void emptyRequestDoesNotStart()
    {
        Provisioner p;
        QVERIFY(!p.start(ProvisionRequest()));
        QVERIFY(!p.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestProvisioner)
#include "tst_provisioner.moc"
