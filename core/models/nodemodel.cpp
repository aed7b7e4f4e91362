// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/nodemodel.h"

#include "document/document.h"
#include "document/editnodecommand.h"
#include "domain/rules/networkrules.h"
#include "models/objectkey.h"

namespace k3snet {

namespace {

QString roleText(model::NodeRole role)
{
    return role == model::NodeRole::Server ? NodeModel::tr("server") : NodeModel::tr("agent");
}

std::optional<model::NodeRole> roleFrom(const QVariant &value)
{
    if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::UInt) {
        const int v = value.toInt();
        if (v == int(model::NodeRole::Server) || v == int(model::NodeRole::Agent))
            return model::NodeRole(v);
        return std::nullopt;
    }
    const QString text = value.toString().trimmed();
    for (auto role : {model::NodeRole::Server, model::NodeRole::Agent}) {
        if (text.compare(QLatin1String(model::nodeRoleName(role)), Qt::CaseInsensitive) == 0
            || text.compare(roleText(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

} // namespace

NodeModel::NodeModel(Document *document, QObject *parent)
    : DocumentTableModel(document, ColumnCount, parent)
{
    refresh();
}

void NodeModel::refresh()
{
    const auto &project = document()->project();
    const auto &plan = document()->plan();
    std::vector<Row> rows;
    QStringList keys;
    for (std::size_t i = 0; i < project.nodes.size(); ++i) {
        const auto &node = project.nodes[i];
        Row row;
        row.name = QString::fromStdString(node.name);
        row.role = node.role;
        row.lanIP = QString::fromStdString(node.lanIP.toString());
        // The plan lists the nodes in the project's order.
        if (i < plan.nodes.size() && plan.nodes[i].name == node.name) {
            const auto &planned = plan.nodes[i];
            if (planned.podCIDR)
                row.podSubnet = QString::fromStdString(planned.podCIDR->toString());
            row.podSubnetPinned = planned.podCIDRPinned;
            if (planned.vtepAddress)
                row.vtepAddress = QString::fromStdString(planned.vtepAddress->toString());
            row.vtepMAC = QString::fromStdString(planned.vtepMAC);
            row.interface = QString::fromStdString(planned.interface);
        }
        rows.push_back(std::move(row));
        keys.append(objectkey::node(node.name));
    }
    updateRows(m_rows, std::move(rows), keys);
}

QVariant NodeModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ObjectKeyRole:
        return keyOfRow(index.row());
    case NodeRoleRole:
        return int(row.role);
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (Column(index.column())) {
        case NameColumn:
            return row.name;
        case RoleColumn:
            return role == Qt::EditRole ? QString::fromLatin1(model::nodeRoleName(row.role))
                                        : roleText(row.role);
        case LanIPColumn:
            return row.lanIP;
        case PodSubnetColumn:
            return row.podSubnet;
        case VtepAddressColumn:
            return row.vtepAddress;
        case VtepMACColumn:
            return row.vtepMAC;
        case InterfaceColumn:
            return row.interface;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == PodSubnetColumn && !row.podSubnet.isEmpty())
            return row.podSubnetPinned ? tr("Recorded in the project: this node keeps it")
                                       : tr("Allocated by the plan (lowest free subnet)");
        break;
    default:
        break;
    }
    return {};
}

QVariant NodeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case LanIPColumn:
        return tr("LAN IP");
    case PodSubnetColumn:
        return tr("Pod subnet");
    case VtepAddressColumn:
        return tr("VTEP address");
    case VtepMACColumn:
        return tr("VTEP MAC");
    case InterfaceColumn:
        return tr("Interface");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags NodeModel::flags(const QModelIndex &index) const
{
    if (!isRowIndex(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    switch (index.column()) {
    case NameColumn:
    case RoleColumn:
    case LanIPColumn:
        f |= Qt::ItemIsEditable;
        break;
    default:
        break;
    }
    return f;
}

bool NodeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isRowIndex(index))
        return false;
    if (role != Qt::EditRole && !(role == NodeRoleRole && index.column() == RoleColumn))
        return false;
    const std::string name = m_rows[std::size_t(index.row())].name.toStdString();
    const model::Node *current = document()->project().findNode(name);
    if (!current)
        return false;
    model::Node node = *current;
    switch (index.column()) {
    case NameColumn: {
        const QString text = value.toString().trimmed();
        std::string why;
        if (text.isEmpty())
            return reject(index, tr("A node needs a name."));
        if (!rules::isDns1123Subdomain(text.toStdString(), &why))
            return reject(index,
                tr("\"%1\" is not a valid node name: %2").arg(text, QString::fromStdString(why)));
        if (text.toStdString() != name && document()->project().findNode(text.toStdString()))
            return reject(index, tr("There is already a node named %1.").arg(text));
        node.name = text.toStdString();
        break;
    }
    case RoleColumn: {
        const auto parsed = roleFrom(value);
        if (!parsed)
            return reject(
                index, tr("\"%1\" is not a node role: use server or agent.").arg(value.toString()));
        node.role = *parsed;
        break;
    }
    case LanIPColumn: {
        const QString text = value.toString().trimmed();
        const auto address = net::Address::parse(text.toStdString());
        if (!address)
            return reject(index, QString::fromStdString(address.error()));
        node.lanIP = *address;
        break;
    }
    default:
        return false;
    }
    if (node == *current)
        return true;
    push(new EditNodeCommand(document(), QString::fromStdString(name), std::move(node)));
    return true;
}

} // namespace k3snet
