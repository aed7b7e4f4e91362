// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/hostkeypolicy.h"
#include "provision/sshconfig.h"
#include "provision/step.h"

#include "domain/model/project.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace k3snet::provision {

// One node of a run: where to reach it and, for provisioning, the AgentConfig to push.
struct NodeTarget
{
    QString name;
    QString host; // ssh.host (may be a Host alias of ~/.ssh/config), else the LAN IP
    int port = 0; // 0: not set by the project or the command line (SSH configuration, else 22)
    QString user; // empty: not set (SSH configuration, else the local user)
    QByteArray agentConfig; // YAML, as `k3snetctl export --agent-config` writes it
};

// What the user chose for a run, on the command line or in the provision dialog.
struct ProvisionOptions
{
    QStringList nodes;    // empty: every node of the project
    QString user;         // overrides the project's ssh.user (empty: project, then the local user)
    int port = 0;         // overrides the project's ssh.port (0: project)
    QString identityFile; // empty: ssh-agent, the SSH configuration's IdentityFile, ~/.ssh/id_*
    QString
        sshConfig; // as ssh -F: empty for ~/.ssh/config and /etc/ssh/ssh_config, "none", or a file
    bool acceptNewHostKeys = false;
    int jobs = 8;                 // nodes worked on at once
    int connectTimeoutSeconds = 10;
    int healthTimeoutSeconds = 60; // how long the agent may take to converge
};

// Everything a run needs; a value, copied into the run.
struct ProvisionRequest
{
    Operation operation = Operation::Provision;
    QList<NodeTarget> nodes;
    QByteArray clusterKey; // Provision: the cluster key file's content
    QString identityFile;
    bool acceptNewHostKeys = false;
    int jobs = 8;
    int connectTimeoutSeconds = 10;
    int healthTimeoutSeconds = 60;
    QString userKnownHostsFile = provision::userKnownHostsFile();
    QString ownKnownHostsFile = provision::ownKnownHostsFile();
    // OpenSSH client configuration read for every node (HostName, Port, User, IdentityFile...).
    QStringList sshConfigFiles = defaultSshConfigFiles();
};

struct RequestBuild
{
    std::optional<ProvisionRequest> request; // nullopt when errors is not empty
    QStringList errors;
    QStringList warnings;
    QString clusterKeyPath;
    bool clusterKeyCreated = false;
};

// The request for `operation` on the nodes of a project: each selected node with its SSH
// endpoint (ssh.host or the LAN IP; the command line's port and user, else the project's;
// what neither sets comes from the SSH configuration when the job connects; a port of 22 in
// the project counts as not set, since the project file cannot tell it from none) and, to
// provision, its AgentConfig checked exactly as the agent will check it, and the cluster key next
// to projectFile (created with mode 0600 when missing; see clusterkey.h). Unknown node names, a
// node without a pod subnet and a config the agent would refuse are errors naming the node.
RequestBuild makeProvisionRequest(Operation operation, const model::Project &project,
    const QString &projectFile, const ProvisionOptions &options);

// The local user name ($USER, else the passwd entry), the default SSH user.
QString localUserName();

} // namespace k3snet::provision
