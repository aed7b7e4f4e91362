// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/setpooladdressescommand.h"

#include "document/findbyname.h"

#include <atomic>

namespace k3snet {

SetPoolAddressesCommand::SetPoolAddressesCommand(Document *document, const QString &pool,
    std::vector<std::string> addresses, const QString &gestureKey, QUndoCommand *parent)
    : ProjectEditCommand(document, tr("Change addresses of pool %1").arg(pool), parent)
    , m_pool(pool.toStdString())
    , m_addresses(std::move(addresses))
{
    if (!gestureKey.isEmpty())
        setMerge(CommandId::SetPoolAddresses, pool + QLatin1Char('\n') + gestureKey);
}

QString SetPoolAddressesCommand::newGestureKey()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("gesture-%1").arg(++counter);
}

bool SetPoolAddressesCommand::edit(model::Project &project)
{
    auto it = commands::findByName(project.pools, m_pool);
    if (it == project.pools.end())
        return false;
    it->addresses = m_addresses;
    return true;
}

} // namespace k3snet
