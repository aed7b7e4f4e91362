// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

namespace k3snet::provision {

// The k3snet-agent binaries k3snet ships, one per node architecture ("aarch64", "armhf",
// "x86_64"; see agentArchFor). Looked up, in order:
//   $K3SNET_AGENT_DIR/<arch>/k3snet-agent
//   <prefix>/<libdir>/k3snet/agents/<arch>/k3snet-agent   (prefix = the directory above bin/;
//                                          libdir = lib, lib64 or lib/<multiarch>)
//   <dir of the running program>/k3snet-agent          (x86_64 on an x86_64 host: a build tree)
// Each binary is read once and checked to be an ELF executable for that architecture.
// Thread-safe: the node jobs of a run share one bundle.
class AgentBundle
{
public:
    struct Binary
    {
        QString path;
        QByteArray bytes;
        QByteArray sha256; // hex
        QString release;   // the id of its directory on the node: the first 16 hex of sha256
    };

    static QStringList candidates(const QString &arch);
    // The ELF e_machine of a binary for arch, to check a file against (0 when unknown).
    static int elfMachineFor(const QString &arch);
    // Checks bytes is an ELF executable for arch; empty, or the reason it is not.
    static QString checkElf(const QByteArray &bytes, const QString &arch);

    std::shared_ptr<const Binary> binaryFor(const QString &arch, QString *error);

private:
    QMutex m_mutex;
    QMap<QString, std::shared_ptr<const Binary>> m_binaries;
    QMap<QString, QString> m_errors;
};

} // namespace k3snet::provision
