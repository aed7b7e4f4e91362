// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/editnodecommand.h"

#include "document/document.h"
#include "document/findbyname.h"

namespace k3snet {

namespace {
QString describe(const QString &name, const model::Node &node)
{
    const QString newName = QString::fromStdString(node.name);
    return newName == name ? EditNodeCommand::tr("Edit node %1").arg(name)
                           : EditNodeCommand::tr("Rename node %1 to %2").arg(name, newName);
}
} // namespace

EditNodeCommand::EditNodeCommand(
    Document *document, const QString &name, model::Node node, QUndoCommand *parent)
    : ProjectEditCommand(document, describe(name, node), parent)
    , m_name(name.toStdString())
    , m_node(std::move(node))
{
}

bool EditNodeCommand::edit(model::Project &project)
{
    auto it = commands::findByName(project.nodes, m_name);
    if (it == project.nodes.end() || m_node.name.empty())
        return false;
    if (m_node.name != m_name && commands::hasName(project.nodes, m_node.name))
        return false;
    model::Node node = m_node;
    // The plan keys subnets by node name: a renamed node would otherwise get a fresh one.
    if (node.name != m_name && !node.podCIDR && !it->podCIDR) {
        if (const auto *planned = document()->plan().findNode(m_name); planned && planned->podCIDR)
            node.podCIDR = planned->podCIDR;
    }
    *it = std::move(node);
    return true;
}

} // namespace k3snet
