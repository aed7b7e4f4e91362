// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/removepoolcommand.h"

#include "document/findbyname.h"

namespace k3snet {

RemovePoolCommand::RemovePoolCommand(Document *document, const QString &name, QUndoCommand *parent)
    : ProjectEditCommand(document, tr("Remove pool %1").arg(name), parent)
    , m_name(name.toStdString())
{
}

bool RemovePoolCommand::edit(model::Project &project)
{
    auto it = commands::findByName(project.pools, m_name);
    if (it == project.pools.end())
        return false;
    project.pools.erase(it);
    return true;
}

} // namespace k3snet
