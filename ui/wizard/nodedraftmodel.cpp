// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/nodedraftmodel.h"

#include "validators/addressvalidator.h"
#include "validators/namevalidator.h"

#include <QApplication>
#include <QIcon>
#include <QPalette>
#include <QStyle>

#include <set>

namespace k3snet {

namespace {

QString roleText(model::NodeRole role)
{
    return role == model::NodeRole::Server ? NodeDraftModel::tr("server")
                                           : NodeDraftModel::tr("agent");
}

} // namespace

NodeDraftModel::NodeDraftModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void NodeDraftModel::setLan(
    const net::Prefix &subnet, const net::Address &gateway, const QString &interface)
{
    m_subnet = subnet;
    m_gateway = gateway;
    m_lanInterface = interface;
    m_hasLan = true;
    revalidate();
}

void NodeDraftModel::revalidate()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int NodeDraftModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodeDraftModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NodeDraftModel::cellProblem(int row, int column) const
{
    const Row &r = m_rows[std::size_t(row)];
    switch (Column(column)) {
    case NameColumn: {
        NameValidator names(NameValidator::Kind::Subdomain);
        if (names.check(r.name) != QValidator::Acceptable)
            return names.problem(r.name);
        for (int other = 0; other < row; ++other)
            if (m_rows[std::size_t(other)].name == r.name)
                return tr("Node %1 is listed twice.").arg(r.name);
        return {};
    }
    case LanIPColumn: {
        AddressValidator addresses(AddressValidator::Kind::Address);
        if (addresses.check(r.lanIP) != QValidator::Acceptable)
            return addresses.problem(r.lanIP);
        const auto address = *net::Address::parse(r.lanIP.trimmed().toStdString());
        if (m_hasLan && !m_subnet.contains(address))
            return tr("%1 is outside the LAN %2.")
                .arg(r.lanIP, QString::fromStdString(m_subnet.toString()));
        if (m_hasLan && address == m_gateway)
            return tr("%1 is the gateway's address.").arg(r.lanIP);
        if (m_hasLan && (address == m_subnet.network() || address == m_subnet.last()))
            return tr("%1 is the LAN's network or broadcast address.").arg(r.lanIP);
        for (int other = 0; other < row; ++other)
            if (m_rows[std::size_t(other)].lanIP.trimmed() == r.lanIP.trimmed())
                return tr("%1 is also the address of %2.")
                    .arg(r.lanIP, m_rows[std::size_t(other)].name);
        return {};
    }
    case InterfaceColumn: {
        NameValidator interfaces(NameValidator::Kind::InterfaceName);
        interfaces.setOptional(true);
        if (interfaces.check(r.interface) != QValidator::Acceptable)
            return interfaces.problem(r.interface);
        return {};
    }
    case RoleColumn:
    case ColumnCount:
        break;
    }
    return {};
}

QVariant NodeDraftModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (Column(index.column())) {
        case NameColumn:
            return r.name;
        case RoleColumn:
            return role == Qt::EditRole ? QVariant(QLatin1String(model::nodeRoleName(r.role)))
                                        : QVariant(roleText(r.role));
        case LanIPColumn:
            return r.lanIP;
        case InterfaceColumn:
            if (role == Qt::DisplayRole && r.interface.isEmpty())
                return m_lanInterface;
            return r.interface;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == InterfaceColumn && r.interface.isEmpty())
            return QApplication::palette().brush(QPalette::PlaceholderText);
        break;
    case Qt::DecorationRole:
        if (!cellProblem(index.row(), index.column()).isEmpty())
            return QIcon::fromTheme(QStringLiteral("dialog-warning"),
                QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
        break;
    case ProblemRole:
        return cellProblem(index.row(), index.column());
    case Qt::ToolTipRole: {
        const QString why = cellProblem(index.row(), index.column());
        return why.isEmpty() ? QVariant() : QVariant(why);
    }
    default:
        break;
    }
    return {};
}

QVariant NodeDraftModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case LanIPColumn:
        return tr("LAN address");
    case InterfaceColumn:
        return tr("Interface");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags NodeDraftModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool NodeDraftModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)
        || role != Qt::EditRole)
        return false;
    Row &r = m_rows[std::size_t(index.row())];
    const QString text = value.toString().trimmed();
    switch (Column(index.column())) {
    case NameColumn:
        r.name = text.toLower();
        break;
    case RoleColumn:
        if (value.typeId() == QMetaType::Int)
            r.role = value.toInt() == int(model::NodeRole::Server) ? model::NodeRole::Server
                                                                   : model::NodeRole::Agent;
        else if (text == QLatin1String("server") || text == roleText(model::NodeRole::Server))
            r.role = model::NodeRole::Server;
        else if (text == QLatin1String("agent") || text == roleText(model::NodeRole::Agent))
            r.role = model::NodeRole::Agent;
        else
            return false;
        break;
    case LanIPColumn:
        r.lanIP = text;
        break;
    case InterfaceColumn:
        r.interface = text;
        break;
    case ColumnCount:
        return false;
    }
    // A name or address can make another row's duplicate problem appear or go.
    revalidate();
    return true;
}

bool NodeDraftModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.erase(m_rows.begin() + row, m_rows.begin() + row + count);
    endRemoveRows();
    revalidate();
    return true;
}

int NodeDraftModel::addNode()
{
    Row r;
    std::set<QString> names;
    std::set<net::Address> used{m_gateway};
    net::Address highest = m_gateway;
    for (const Row &existing : m_rows) {
        names.insert(existing.name);
        if (auto a = net::Address::parse(existing.lanIP.toStdString())) {
            used.insert(*a);
            if (*a > highest && a->family() == highest.family())
                highest = *a;
        }
    }
    for (int i = int(m_rows.size()) + 1; r.name.isEmpty(); ++i)
        if (!names.count(QStringLiteral("node%1").arg(i)))
            r.name = QStringLiteral("node%1").arg(i);
    r.role = m_rows.empty() ? model::NodeRole::Server : model::NodeRole::Agent;
    if (m_hasLan) {
        // Past the gateway and the nodes so far, leaving room after a gateway at .1 (.11 next).
        std::optional<net::Address> next
            = highest == m_gateway ? m_gateway.offset(10) : highest.next();
        if (!next || !m_subnet.contains(*next))
            next = m_subnet.network().next(); // a gateway at the top: from the bottom up
        while (next && m_subnet.contains(*next) && used.count(*next))
            next = next->next();
        if (next && m_subnet.contains(*next) && *next != m_subnet.last())
            r.lanIP = QString::fromStdString(next->toString());
    }
    const int row = rowCount();
    beginInsertRows(QModelIndex(), row, row);
    m_rows.push_back(r);
    endInsertRows();
    return row;
}

QString NodeDraftModel::problem() const
{
    if (m_rows.empty())
        return tr("A cluster needs at least one node.");
    for (int row = 0; row < rowCount(); ++row)
        for (int column : {NameColumn, LanIPColumn, InterfaceColumn})
            if (const QString why = cellProblem(row, column); !why.isEmpty())
                return tr("Row %1: %2").arg(row + 1).arg(why);
    return {};
}

std::vector<model::Node> NodeDraftModel::nodes() const
{
    std::vector<model::Node> nodes;
    for (const Row &r : m_rows) {
        model::Node node;
        node.name = r.name.toStdString();
        node.role = r.role;
        if (auto a = net::Address::parse(r.lanIP.trimmed().toStdString()))
            node.lanIP = *a;
        node.interface = r.interface.toStdString();
        nodes.push_back(std::move(node));
    }
    return nodes;
}

} // namespace k3snet
