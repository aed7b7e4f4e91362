// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace k3snet::provision {

// The cluster key: 32 random bytes, base64, one line. The agents authenticate their heartbeats
// with it (HMAC-SHA256), so it lives next to the project with mode 0600 and goes to each node
// as /etc/k3snet/cluster.key (0600), never into the project file or a log.
struct ClusterKey
{
    QString path;
    QByteArray text; // the file's content, pushed to the nodes as is
    bool created = false;
};

// picluster.k3snet.yaml -> picluster.key, in the same directory.
QString clusterKeyPathFor(const QString &projectFile);

// Reads the key at path, or creates it (O_EXCL, mode 0600) when there is none. Refuses a file
// that others can read (as OpenSSH refuses such private keys) or that is not a base64 key of at
// least 32 bytes, naming the file and the reason.
std::optional<ClusterKey> loadOrCreateClusterKey(const QString &path, QString *error);

} // namespace k3snet::provision
