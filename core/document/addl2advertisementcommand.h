// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Adds an L2Advertisement; one with the same name refuses the edit.
class AddL2AdvertisementCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddL2AdvertisementCommand)

public:
    AddL2AdvertisementCommand(
        Document *document, model::L2Advertisement advertisement, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    model::L2Advertisement m_advertisement;
};

} // namespace k3snet
