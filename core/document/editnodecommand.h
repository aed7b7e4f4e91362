// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Replaces the node named name with node (a rename when node.name differs; refused when
// another node has that name). A renamed node keeps its pod subnet.
class EditNodeCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditNodeCommand)

public:
    EditNodeCommand(
        Document *document, const QString &name, model::Node node, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    std::string m_name;
    model::Node m_node;
};

} // namespace k3snet
