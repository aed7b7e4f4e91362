// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/removenodecommand.h"

#include "document/findbyname.h"

namespace k3snet {

RemoveNodeCommand::RemoveNodeCommand(Document *document, const QString &name, QUndoCommand *parent)
    : ProjectEditCommand(document, tr("Remove node %1").arg(name), parent)
    , m_name(name.toStdString())
{
}

bool RemoveNodeCommand::edit(model::Project &project)
{
    auto it = commands::findByName(project.nodes, m_name);
    if (it == project.nodes.end())
        return false;
    project.nodes.erase(it);
    return true;
}

} // namespace k3snet
