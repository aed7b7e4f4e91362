// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Replaces the service namespace/name with service (which may move or rename it; refused
// when its new namespace/name is taken).
class EditServiceCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditServiceCommand)

public:
    EditServiceCommand(Document *document, const QString &namespaceName, const QString &name,
        model::Service service, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    std::string m_namespace;
    std::string m_name;
    model::Service m_service;
};

} // namespace k3snet
