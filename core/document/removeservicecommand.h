// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Removes the service namespace/name.
class RemoveServiceCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveServiceCommand)

public:
    RemoveServiceCommand(Document *document, const QString &namespaceName, const QString &name,
        QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    std::string m_namespace;
    std::string m_name;
};

} // namespace k3snet
