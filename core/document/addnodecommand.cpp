// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/addnodecommand.h"

#include "document/document.h"
#include "document/findbyname.h"
#include "domain/ipam/podsubnetallocator.h"

namespace k3snet {

AddNodeCommand::AddNodeCommand(Document *document, model::Node node, QUndoCommand *parent)
    : ProjectEditCommand(document, tr("Add node %1").arg(QString::fromStdString(node.name)), parent)
    , m_node(std::move(node))
{
}

bool AddNodeCommand::edit(model::Project &project)
{
    if (m_node.name.empty() || commands::hasName(project.nodes, m_node.name))
        return false;
    model::Node node = m_node;
    if (!node.podCIDR) {
        // The subnet the plan gives the new node, next to the others' current ones.
        std::map<std::string, net::Prefix> current;
        for (const auto &planned : document()->plan().nodes)
            if (planned.podCIDR)
                current.emplace(planned.name, *planned.podCIDR);
        auto nodes = project.nodes;
        nodes.push_back(node);
        const auto subnets = ipam::allocatePodSubnets(project.network, nodes, current);
        if (auto it = subnets.byNode.find(node.name); it != subnets.byNode.end())
            node.podCIDR = it->second;
    }
    project.nodes.push_back(std::move(node));
    return true;
}

} // namespace k3snet
