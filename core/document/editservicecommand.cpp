// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/editservicecommand.h"

#include "document/findbyname.h"

namespace k3snet {

namespace {
QString describe(const QString &key, const model::Service &service)
{
    const QString newKey = QString::fromStdString(service.key());
    return newKey == key ? EditServiceCommand::tr("Edit service %1").arg(key)
                         : EditServiceCommand::tr("Rename service %1 to %2").arg(key, newKey);
}
} // namespace

EditServiceCommand::EditServiceCommand(Document *document, const QString &namespaceName,
    const QString &name, model::Service service, QUndoCommand *parent)
    : ProjectEditCommand(
        document, describe(namespaceName + QLatin1Char('/') + name, service), parent)
    , m_namespace(namespaceName.toStdString())
    , m_name(name.toStdString())
    , m_service(std::move(service))
{
}

bool EditServiceCommand::edit(model::Project &project)
{
    auto it = commands::findService(project.services, m_namespace, m_name);
    if (it == project.services.end() || m_service.name.empty())
        return false;
    const bool moved = m_service.namespaceName != m_namespace || m_service.name != m_name;
    if (moved
        && commands::findService(project.services, m_service.namespaceName, m_service.name)
            != project.services.end())
        return false;
    *it = m_service;
    return true;
}

} // namespace k3snet
