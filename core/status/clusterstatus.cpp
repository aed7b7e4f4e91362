// SPDX-License-Identifier: GPL-3.0-or-later
#include "status/clusterstatus.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace k3snet::status {

using provision::Outcome;

namespace {

class LiveStatus
{
    Q_DECLARE_TR_FUNCTIONS(LiveStatus)
};

QStringList stringsOf(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        if (v.isString())
            out.append(v.toString());
    return out;
}

NodeState stateFor(const provision::NodeResult &r, bool hasProblems)
{
    switch (r.outcome) {
    case Outcome::Healthy:
        return hasProblems ? NodeState::Degraded : NodeState::Up;
    case Outcome::Unhealthy:
        // The agent answered but is not converged; without an answer it does not run.
        return r.agentStatus.isEmpty() ? NodeState::Down : NodeState::Degraded;
    case Outcome::NotInstalled:
        return NodeState::NotInstalled;
    default:
        return NodeState::Unreachable;
    }
}

// One agent's announce section: what it announces, and the foreign hosts it saw.
void readAnnounce(const QJsonObject &announce, const QString &node, NodeLiveStatus &live, ClusterStatus &cluster)
{
    const QJsonArray addresses = announce.value(QStringLiteral("addresses")).toArray();
    for (const QJsonValue &v : addresses) {
        const QJsonObject a = v.toObject();
        const QString ip = a.value(QStringLiteral("ip")).toString();
        if (ip.isEmpty())
            continue;
        if (a.value(QStringLiteral("announcing")).toBool()) {
            live.announcing.append(ip);
            cluster.announcers[ip].append(node);
        }
        const QJsonArray conflicts = a.value(QStringLiteral("conflicts")).toArray();
        for (const QJsonValue &c : conflicts) {
            const QJsonObject o = c.toObject();
            cluster.conflicts.append({ip, o.value(QStringLiteral("mac")).toString(), node,
                o.value(QStringLiteral("interface")).toString(), o.value(QStringLiteral("active")).toBool(true)});
        }
    }
    live.problems += stringsOf(announce.value(QStringLiteral("problems")));
}

} // namespace

QString nodeStateName(NodeState s)
{
    switch (s) {
    case NodeState::Unknown:
        return LiveStatus::tr("not checked");
    case NodeState::Up:
        return LiveStatus::tr("up");
    case NodeState::Degraded:
        return LiveStatus::tr("degraded");
    case NodeState::Down:
        return LiveStatus::tr("agent down");
    case NodeState::NotInstalled:
        return LiveStatus::tr("no agent");
    case NodeState::Unreachable:
        return LiveStatus::tr("unreachable");
    }
    return {};
}

QString nodeStateId(NodeState s)
{
    switch (s) {
    case NodeState::Unknown:
        return QStringLiteral("unknown");
    case NodeState::Up:
        return QStringLiteral("up");
    case NodeState::Degraded:
        return QStringLiteral("degraded");
    case NodeState::Down:
        return QStringLiteral("down");
    case NodeState::NotInstalled:
        return QStringLiteral("not-installed");
    case NodeState::Unreachable:
        return QStringLiteral("unreachable");
    }
    return {};
}

NodeState ClusterStatus::stateOf(const QString &node) const
{
    const auto it = nodes.constFind(node);
    return it == nodes.cend() ? NodeState::Unknown : it->state;
}

QString ClusterStatus::announcerOf(const QString &ip) const
{
    const QStringList who = announcers.value(ip);
    return who.size() == 1 ? who.first() : QString();
}

ClusterStatus ClusterStatus::fromReport(const provision::ProvisionReport &report, const QDateTime &when)
{
    ClusterStatus cluster;
    cluster.checkedAt = when;
    for (const provision::NodeResult &r : report.nodes) {
        NodeLiveStatus live;
        live.node = r.node;
        live.message = r.agentError.isEmpty() ? r.message : r.agentError;
        live.release = r.release;
        live.checkedAt = when;
        const QJsonObject &s = r.agentStatus;
        live.agentVersion = s.value(QStringLiteral("agent")).toObject().value(QStringLiteral("version")).toString();
        live.problems = stringsOf(s.value(QStringLiteral("problems")));
        const QJsonValue announce = s.value(QStringLiteral("announce"));
        if (announce.isObject())
            readAnnounce(announce.toObject(), r.node, live, cluster);
        live.state = stateFor(r, !live.problems.isEmpty());
        cluster.nodes.insert(r.node, live);
    }
    for (auto it = cluster.announcers.begin(); it != cluster.announcers.end(); ++it)
        it->sort();
    return cluster;
}

} // namespace k3snet::status
