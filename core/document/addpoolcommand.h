// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Adds an IPAddressPool; a pool with the same name refuses the edit.
class AddPoolCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddPoolCommand)

public:
    AddPoolCommand(Document *document, model::IPAddressPool pool, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    model::IPAddressPool m_pool;
};

} // namespace k3snet
