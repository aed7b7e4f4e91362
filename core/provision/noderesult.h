// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/step.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace k3snet::provision {

// How one node's job ended.
enum class Outcome {
    Installed,    // first install; the agent converged
    Updated,      // new binary, key or service file; restarted; converged
    Reconfigured, // only the config changed; reloaded; converged
    Started,      // nothing changed, but the agent was not running: started; converged
    UpToDate,     // nothing changed: nothing uploaded, nothing restarted
    RolledBack,   // failed after the switch: the previous binary and config run again
    Failed,       // failed; before any switch the node is as it was (see NodeResult::message)
    Cancelled,    // stopped on request; the node is as it was (rolled back after a switch)
    Healthy,      // status: the agent runs and reports converged
    Unhealthy,    // status: installed, but not running or not converged
    NotInstalled, // status or uninstall: no agent on the node
    Removed,      // uninstall: agent, service, config and data plane removed
};

bool isSuccess(Outcome o);
QString outcomeName(Outcome o); // translated: "up to date"
QString outcomeId(Outcome o);   // stable: "up-to-date"

// Everything one node's job found and did: a value the provisioner hands out when the job
// ends, and the GUI's summary and `k3snetctl --json` show.
struct NodeResult
{
    QString node;
    QString address; // user@host:port
    Operation operation = Operation::Provision;
    Outcome outcome = Outcome::Failed;
    Step lastStep = Step::Connect; // the step the job ended in (the failing one, on failure)
    QString message;               // one line for people
    QString agentError;            // what the agent reported, when it is the reason
    QStringList warnings;          // findings that do not stop the job (K3s config, ...)
    QStringList log;               // every log line of the job, in order
    QString arch;                  // uname -m
    QString initSystem;            // "systemd" or "none" (fallback supervisor)
    QString release;               // the agent release running when the job ended
    qint64 uploadedBytes = 0;      // file payload written to the node
    quint64 bytesSent = 0;         // SSH bytes on the wire, both directions
    quint64 bytesReceived = 0;
    qint64 elapsedMs = 0;
    QJsonObject agentStatus;       // the agent's `status --json`, when it was read

    bool ok() const { return isSuccess(outcome); }
    QJsonObject toJson() const;
};

} // namespace k3snet::provision

Q_DECLARE_METATYPE(k3snet::provision::NodeResult)
