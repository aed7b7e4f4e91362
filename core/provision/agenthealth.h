// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace k3snet::provision {

// What `k3snet-node.sh health` (or `status`) printed: whether the service runs the agent,
// under which pid, and the agent's own `status --json`.
struct AgentHealth
{
    bool installed = true;   // false when the node has no agent ("installed=no")
    bool supervised = false; // systemd or the fallback supervisor runs an agent
    QString pid;             // that agent's pid
    QString release;
    QJsonObject status;      // `k3snet-agent status --json`; empty when there was none
    QString parseError;      // set when the status part is not a JSON object

    // The agent the service runs is the one that wrote the status, it is running, and the
    // kernel matches the config on disk.
    bool converged() const;
    // Why not, in a few words: the agent's problems and its last errors (at most `max`).
    QStringList problems(int max = 5) const;
};

AgentHealth parseAgentHealth(const QByteArray &output);

} // namespace k3snet::provision
