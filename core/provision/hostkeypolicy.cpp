// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/hostkeypolicy.h"

#include <QDir>
#include <QStandardPaths>

namespace k3snet::provision {

HostKeyVerdict decideHostKey(KnownHostState userFile, KnownHostState ownFile, bool acceptNew,
    bool canAsk)
{
    if (userFile == KnownHostState::Match || ownFile == KnownHostState::Match)
        return HostKeyVerdict::Trusted;
    if (userFile == KnownHostState::Changed || ownFile == KnownHostState::Changed)
        return HostKeyVerdict::RefuseChanged;
    if (userFile == KnownHostState::OtherType || ownFile == KnownHostState::OtherType)
        return HostKeyVerdict::RefuseOtherType;
    if (userFile == KnownHostState::Error || ownFile == KnownHostState::Error)
        return HostKeyVerdict::Error;
    if (acceptNew)
        return HostKeyVerdict::AcceptNew;
    return canAsk ? HostKeyVerdict::Ask : HostKeyVerdict::RefuseUnknown;
}

QString ownKnownHostsFile()
{
    const QString fromEnv = qEnvironmentVariable("K3SNET_KNOWN_HOSTS");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/k3snet/known_hosts");
}

QString userKnownHostsFile()
{
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

} // namespace k3snet::provision
