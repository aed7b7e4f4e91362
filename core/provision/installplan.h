// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/nodefacts.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace k3snet::provision {

// The sha256 (hex) of each file the provisioner would put on a node, and the release id of
// the agent binary (a prefix of its sha256).
struct Payload
{
    QString release;
    QByteArray agentSha;
    QByteArray configSha;
    QByteArray keySha;
    QByteArray serviceSha; // the systemd unit, or the fallback supervisor without systemd
};

// What a provision run has to do on one node, decided from what is there (NodeFacts) before
// anything is sent: a file whose sha256 matches is neither uploaded nor replaced.
struct InstallPlan
{
    enum class Action {
        None,    // leave the running agent alone
        Start,   // start it (it was not running)
        Reload,  // SIGHUP: only the config changed
        Restart, // new binary, key or service file
    };

    bool fresh = false;         // no agent installed yet
    bool uploadAgent = false;   // the release is not on the node (or not intact)
    bool switchRelease = false; // the current release is another one
    bool config = false;
    bool key = false;
    bool service = false;
    Action action = Action::None;

    bool changesFiles() const { return switchRelease || config || key || service; }
    bool upToDate() const { return !changesFiles() && action == Action::None; }
    // The node script's names of the files to upload: "agent", "config", "key", "unit" or
    // "supervise" (serviceName).
    QStringList uploads(const QString &serviceName) const;
    // The names `configure` puts in place (all but the agent, which `install` handles).
    QStringList configured(const QString &serviceName) const;
};

InstallPlan planInstall(const NodeFacts &facts, const Payload &payload);

} // namespace k3snet::provision
