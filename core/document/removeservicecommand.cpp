// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/removeservicecommand.h"

#include "document/findbyname.h"

namespace k3snet {

RemoveServiceCommand::RemoveServiceCommand(
    Document *document, const QString &namespaceName, const QString &name, QUndoCommand *parent)
    : ProjectEditCommand(document, tr("Remove service %1/%2").arg(namespaceName, name), parent)
    , m_namespace(namespaceName.toStdString())
    , m_name(name.toStdString())
{
}

bool RemoveServiceCommand::edit(model::Project &project)
{
    auto it = commands::findService(project.services, m_namespace, m_name);
    if (it == project.services.end())
        return false;
    project.services.erase(it);
    return true;
}

} // namespace k3snet
