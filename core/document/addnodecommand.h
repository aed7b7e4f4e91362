// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Adds a node. Its planned pod subnet is recorded in the node (as k3s records
// node.spec.podCIDR), so later edits never move it; a node with the same name refuses the edit.
class AddNodeCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddNodeCommand)

public:
    AddNodeCommand(Document *document, model::Node node, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    model::Node m_node;
};

} // namespace k3snet
