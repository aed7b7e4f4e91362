// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Removes the node of that name.
class RemoveNodeCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveNodeCommand)

public:
    RemoveNodeCommand(Document *document, const QString &name, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    std::string m_name;
};

} // namespace k3snet
