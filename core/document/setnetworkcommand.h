// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/projecteditcommand.h"

#include <QCoreApplication>

namespace k3snet {

// Replaces the cluster-wide network settings (CIDRs, DNS, VXLAN, LAN).
class SetNetworkCommand : public ProjectEditCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetNetworkCommand)

public:
    SetNetworkCommand(
        Document *document, model::ClusterNetwork network, QUndoCommand *parent = nullptr);

protected:
    bool edit(model::Project &project) override;

private:
    model::ClusterNetwork m_network;
};

} // namespace k3snet
