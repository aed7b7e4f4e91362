// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterStatus from a Status run's report: node states from outcomes, who really announces
// each service IP (and two claiming one: split brain), and foreign hosts the agents saw.
#include "status/clusterstatus.h"

#include <QJsonDocument>
#include <QTest>

using namespace k3snet;
using namespace k3snet::provision;
using namespace k3snet::status;

namespace {

NodeResult result(const QString &node, Outcome outcome, const char *statusJson = nullptr)
{
    NodeResult r;
    r.node = node;
    r.operation = Operation::Status;
    r.outcome = outcome;
    r.message = QStringLiteral("message of ") + node;
    if (statusJson)
        r.agentStatus = QJsonDocument::fromJson(statusJson).object();
    return r;
}

// Shaped like `k3snet-agent status --json` (agent/status/statusreport.cpp, announcestatus.cpp).
const char *pi1Status = R"({"converged": true, "problems": [], "agent": {"version": "0.1.0"},
  "announce": {"enabled": true, "problems": [], "addresses": [
    {"ip": "192.0.2.100", "announcer": "pi1", "announcing": true, "conflicts": []},
    {"ip": "192.0.2.101", "announcer": "pi2", "announcing": false, "conflicts": []},
    {"ip": "192.0.2.102", "announcer": "", "announcing": false, "state": "CONFLICT",
     "conflicts": [{"mac": "02:00:00:00:00:99", "interface": "eth0", "active": true}]}]}})";
const char *pi2Status = R"({"converged": true, "problems": [], "agent": {"version": "0.1.0"},
  "announce": {"enabled": true, "problems": [], "addresses": [
    {"ip": "192.0.2.100", "announcer": "pi2", "announcing": true, "conflicts": []},
    {"ip": "192.0.2.101", "announcer": "pi2", "announcing": true, "conflicts": []}]}})";
const char *pi3Status = R"({"converged": false, "problems": ["flannel.1 is missing"],
  "announce": null})";

} // namespace

class TestClusterStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statesAnnouncersAndConflicts()
    {
        ProvisionReport report;
        report.operation = Operation::Status;
        report.nodes = {result(QStringLiteral("pi1"), Outcome::Healthy, pi1Status),
            result(QStringLiteral("pi2"), Outcome::Healthy, pi2Status),
            result(QStringLiteral("pi3"), Outcome::Unhealthy, pi3Status),
            result(QStringLiteral("pi4"), Outcome::Unhealthy),
            result(QStringLiteral("pi5"), Outcome::Failed),
            result(QStringLiteral("pi6"), Outcome::NotInstalled)};
        const QDateTime when = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        const ClusterStatus s = ClusterStatus::fromReport(report, when);

        QCOMPARE(s.stateOf(QStringLiteral("pi1")), NodeState::Up);
        QCOMPARE(s.stateOf(QStringLiteral("pi2")), NodeState::Up);
        QCOMPARE(s.stateOf(QStringLiteral("pi3")), NodeState::Degraded);
        QCOMPARE(s.stateOf(QStringLiteral("pi4")), NodeState::Down);
        QCOMPARE(s.stateOf(QStringLiteral("pi5")), NodeState::Unreachable);
        QCOMPARE(s.stateOf(QStringLiteral("pi6")), NodeState::NotInstalled);
        QCOMPARE(s.stateOf(QStringLiteral("nope")), NodeState::Unknown);
        QCOMPARE(s.nodes.value(QStringLiteral("pi3")).problems, QStringList{QStringLiteral("flannel.1 is missing")});
        QCOMPARE(s.nodes.value(QStringLiteral("pi5")).message, QStringLiteral("message of pi5"));
        QCOMPARE(s.nodes.value(QStringLiteral("pi1")).agentVersion, QStringLiteral("0.1.0"));
        QCOMPARE(s.checkedAt, when);

        // .101: only pi2 answers. .100: both say they answer: split brain, no single announcer.
        QCOMPARE(s.announcerOf(QStringLiteral("192.0.2.101")), QStringLiteral("pi2"));
        QVERIFY(!s.isSplit(QStringLiteral("192.0.2.101")));
        QVERIFY(s.isSplit(QStringLiteral("192.0.2.100")));
        QCOMPARE(s.announcerOf(QStringLiteral("192.0.2.100")), QString());
        QCOMPARE(s.announcers.value(QStringLiteral("192.0.2.100")), (QStringList{QStringLiteral("pi1"), QStringLiteral("pi2")}));
        QCOMPARE(s.nodes.value(QStringLiteral("pi2")).announcing,
                 (QStringList{QStringLiteral("192.0.2.100"), QStringLiteral("192.0.2.101")}));
        QCOMPARE(s.announcerOf(QStringLiteral("192.0.2.102")), QString());

        QCOMPARE(s.conflicts.size(), 1);
        QCOMPARE(s.conflicts.first().ip, QStringLiteral("192.0.2.102"));
        QCOMPARE(s.conflicts.first().foreignMac, QStringLiteral("02:00:00:00:00:99"));
        QCOMPARE(s.conflicts.first().seenBy, QStringLiteral("pi1"));
    }

    void namesAreStableAndTranslated()
    {
        QCOMPARE(nodeStateId(NodeState::NotInstalled), QStringLiteral("not-installed"));
        QCOMPARE(nodeStateName(NodeState::Unreachable), QStringLiteral("unreachable"));
        QVERIFY(ClusterStatus().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClusterStatus)
#include "tst_clusterstatus.moc"
