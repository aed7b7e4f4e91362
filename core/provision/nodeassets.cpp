// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/nodeassets.h"

#include <QFile>

// k3snet_core is a static library: the linker keeps its resources only when referenced.
static void initProvisionResources()
{
    Q_INIT_RESOURCE(provision);
}

namespace k3snet::provision {

namespace {

QByteArray asset(const char *name)
{
    static const bool initialised = (initProvisionResources(), true);
    Q_UNUSED(initialised)
    QFile file(QStringLiteral(":/k3snet/provision/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("k3snet: the built-in provisioning resource %s is missing", name);
    return file.readAll();
}

} // namespace

QByteArray NodeAssets::nodeScript()
{
    static const QByteArray bytes = asset("k3snet-node.sh");
    return bytes;
}

QByteArray NodeAssets::supervisor()
{
    static const QByteArray bytes = asset("k3snet-supervise");
    return bytes;
}

QByteArray NodeAssets::systemdUnit()
{
    static const QByteArray bytes = asset("k3snet-agent.service");
    return bytes;
}

} // namespace k3snet::provision
