// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/addpoolcommand.h"

#include "document/findbyname.h"

namespace k3snet {

AddPoolCommand::AddPoolCommand(Document *document, model::IPAddressPool pool, QUndoCommand *parent)
    : ProjectEditCommand(document, tr("Add pool %1").arg(QString::fromStdString(pool.name)), parent)
    , m_pool(std::move(pool))
{
}

bool AddPoolCommand::edit(model::Project &project)
{
    if (m_pool.name.empty() || commands::hasName(project.pools, m_pool.name))
        return false;
    project.pools.push_back(m_pool);
    return true;
}

} // namespace k3snet
