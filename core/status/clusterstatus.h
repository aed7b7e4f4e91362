// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/provisionreport.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace k3snet::status {

// What the agents said when last asked (k3snetctl status, the app's Refresh Status): a value
// the topology and the status table show. Built from a Status run's report; knows nothing of
// SSH or widgets.
enum class NodeState {
    Unknown,      // not asked yet
    Up,           // the agent runs and reports converged
    Degraded,     // the agent runs but is not converged, or reports problems
    Down,         // installed, but the agent does not run
    NotInstalled, // reachable, no agent
    Unreachable,  // SSH failed (host down, refused, host key, ...)
};
QString nodeStateName(NodeState s); // translated: "up", "unreachable"
QString nodeStateId(NodeState s);   // stable: "up", "unreachable"

// A host outside the cluster answering for a service IP (the agent's duplicate address
// detection), as one agent saw it.
struct Conflict
{
    QString ip;
    QString foreignMac;
    QString seenBy;    // node
    QString interface; // where it was seen
    bool active = true;
};

struct NodeLiveStatus
{
    QString node;
    NodeState state = NodeState::Unknown;
    QString message;         // one line, for a tooltip
    QString release;         // agent release running
    QString agentVersion;
    QStringList announcing;  // service IPs this agent answers ARP/NDP for
    QStringList problems;    // the agent's own list
    QDateTime checkedAt;
};

struct ClusterStatus
{
    QHash<QString, NodeLiveStatus> nodes;
    // Service IP → the nodes that say they announce it; more than one is a split brain.
    QHash<QString, QStringList> announcers;
    QList<Conflict> conflicts;
    QDateTime checkedAt;

    bool isEmpty() const { return nodes.isEmpty(); }
    NodeState stateOf(const QString &node) const;
    // The node that really answers for ip, empty when none (or several) do.
    QString announcerOf(const QString &ip) const;
    bool isSplit(const QString &ip) const { return announcers.value(ip).size() > 1; }

    // From a Status run: each node's outcome and its `k3snet-agent status --json`.
    static ClusterStatus fromReport(const provision::ProvisionReport &report,
        const QDateTime &when = QDateTime::currentDateTimeUtc());
};

} // namespace k3snet::status
