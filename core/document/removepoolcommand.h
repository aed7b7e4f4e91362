// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Removes the IPAddressPool of that name (advertisements and services naming it keep the
// name, and the diagnostics say what no longer matches).
class RemovePoolCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemovePoolCommand)

public:
    RemovePoolCommand(Document *document, const QString &name, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    std::string m_name;
};

} // namespace k3snet
