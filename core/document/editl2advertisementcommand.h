// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Replaces the L2Advertisement named name (a rename when the new value's name differs;
// refused when the name is taken).
class EditL2AdvertisementCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditL2AdvertisementCommand)

public:
    EditL2AdvertisementCommand(Document *document, const QString &name,
        model::L2Advertisement advertisement, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    std::string m_name;
    model::L2Advertisement m_advertisement;
};

} // namespace k3snet
