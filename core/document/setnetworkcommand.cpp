// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/setnetworkcommand.h"

namespace k3snet {

SetNetworkCommand::SetNetworkCommand(
    Document *document, model::ClusterNetwork network, QUndoCommand *parent)
    : ProjectEditCommand(document, tr("Change network settings"), parent)
    , m_network(std::move(network))
{
}

bool SetNetworkCommand::edit(model::Project &project)
{
    project.network = m_network;
    return true;
}

} // namespace k3snet
