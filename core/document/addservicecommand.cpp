// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/addservicecommand.h"

#include "document/findbyname.h"

namespace k3snet {

AddServiceCommand::AddServiceCommand(
    Document *document, model::Service service, QUndoCommand *parent)
    : ProjectEditCommand(
        document, tr("Add service %1").arg(QString::fromStdString(service.key())), parent)
    , m_service(std::move(service))
{
}

bool AddServiceCommand::edit(model::Project &project)
{
    if (m_service.name.empty()
        || commands::findService(project.services, m_service.namespaceName, m_service.name)
            != project.services.end())
        return false;
    project.services.push_back(m_service);
    return true;
}

} // namespace k3snet
