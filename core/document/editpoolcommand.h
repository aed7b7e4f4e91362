// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Replaces the IPAddressPool named name with pool. A rename (refused when the name is
// taken) carries the references along: L2Advertisements' ipAddressPools and services'
// address-pool annotations that named the old pool name the new one.
class EditPoolCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditPoolCommand)

public:
    EditPoolCommand(Document *document, const QString &name, model::IPAddressPool pool,
        QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    std::string m_name;
    model::IPAddressPool m_pool;
};

} // namespace k3snet
