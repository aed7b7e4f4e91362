// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

#include <string>
#include <vector>

namespace k3snet {

// Sets the address entries of one pool. Commands of the same pool and the same non-empty
// gesture key merge, so the updates of a drag on the address map are one undo step.
class SetPoolAddressesCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetPoolAddressesCommand)

public:
    SetPoolAddressesCommand(Document *document, const QString &pool,
        std::vector<std::string> addresses, const QString &gestureKey = QString(),
        QUndoCommand *parent = nullptr);

    // A key no other gesture of this process uses.
    static QString newGestureKey();

protected:
    bool edit(model::Project &project) override;

private:
    std::string m_pool;
    std::vector<std::string> m_addresses;
};

} // namespace k3snet
