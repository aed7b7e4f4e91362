// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Adds a service; one with the same namespace/name refuses the edit.
class AddServiceCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddServiceCommand)

public:
    AddServiceCommand(Document *document, model::Service service, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    model::Service m_service;
};

} // namespace k3snet
