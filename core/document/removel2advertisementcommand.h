// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Removes the L2Advertisement of that name.
class RemoveL2AdvertisementCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveL2AdvertisementCommand)

public:
    RemoveL2AdvertisementCommand(
        Document *document, const QString &name, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    std::string m_name;
};

} // namespace k3snet
