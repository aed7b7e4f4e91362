// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/poolmodel.h"

#include "document/document.h"
#include "document/editpoolcommand.h"
#include "document/setpooladdressescommand.h"
#include "domain/net/range.h"
#include "domain/rules/networkrules.h"
#include "models/objectkey.h"

#include <QRegularExpression>

namespace k3snet {

namespace {

QStringList toStringList(const std::vector<std::string> &list)
{
    QStringList out;
    for (const auto &s : list)
        out.append(QString::fromStdString(s));
    return out;
}

// "101", "2^64 IPv6", or both families when the pool has both.
QString countText(const std::string &v4, const std::string &v6)
{
    if (v6 == "0")
        return QString::fromStdString(v4);
    if (v4 == "0")
        return QString::fromStdString(v6);
    return PoolModel::tr("%1 IPv4 + %2 IPv6")
        .arg(QString::fromStdString(v4), QString::fromStdString(v6));
}

// Entries separated by commas or line breaks ("a - b" ranges keep their spaces).
QStringList splitEntries(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\n]"));
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString entry = part.trimmed();
        if (!entry.isEmpty())
            out.append(entry);
    }
    return out;
}

bool isNamespaceName(const std::string &name, std::string *why)
{
    if (name.find('.') != std::string::npos) {
        *why = "a namespace name has no dots";
        return false;
    }
    return rules::isDns1123Subdomain(name, why);
}

} // namespace

PoolModel::PoolModel(Document *document, QObject *parent)
    : DocumentTableModel(document, ColumnCount, parent)
{
    refresh();
}

void PoolModel::refresh()
{
    const auto &project = document()->project();
    const auto &plan = document()->plan();
    std::vector<Row> rows;
    QStringList keys;
    for (std::size_t i = 0; i < project.pools.size(); ++i) {
        const auto &pool = project.pools[i];
        Row row;
        row.name = QString::fromStdString(pool.name);
        row.addresses = toStringList(pool.addresses);
        row.autoAssign = pool.isAutoAssign();
        row.avoidBuggyIPs = pool.isAvoidBuggyIPs();
        if (pool.serviceAllocation) {
            row.priority = pool.serviceAllocation->priority;
            row.namespaces = toStringList(pool.serviceAllocation->namespaces);
        }
        // The plan lists the pools in the project's order.
        if (i < plan.pools.size() && plan.pools[i].name == pool.name) {
            const auto &planned = plan.pools[i];
            row.ranges = toStringList(planned.addresses);
            row.size = countText(planned.sizeV4, planned.sizeV6);
            row.assigned = countText(planned.assignedV4, planned.assignedV6);
            row.available = countText(planned.availableV4, planned.availableV6);
        }
        rows.push_back(std::move(row));
        keys.append(objectkey::pool(pool.name));
    }
    updateRows(m_rows, std::move(rows), keys);
}

QVariant PoolModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const auto column = Column(index.column());
    switch (role) {
    case ObjectKeyRole:
        return keyOfRow(index.row());
    case AddressEntriesRole:
        return row.addresses;
    case RangesRole:
        return row.ranges;
    case Qt::CheckStateRole:
        if (column == AutoAssignColumn)
            return row.autoAssign ? Qt::Checked : Qt::Unchecked;
        if (column == AvoidBuggyIPsColumn)
            return row.avoidBuggyIPs ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case NameColumn:
            return row.name;
        case AddressesColumn:
            return row.addresses.join(QLatin1String(", "));
        case AutoAssignColumn:
            return role == Qt::EditRole ? QVariant(row.autoAssign) : QVariant();
        case AvoidBuggyIPsColumn:
            return role == Qt::EditRole ? QVariant(row.avoidBuggyIPs) : QVariant();
        case PriorityColumn:
            return row.priority ? QString::number(*row.priority) : QString();
        case NamespacesColumn:
            return row.namespaces.join(QLatin1String(", "));
        case SizeColumn:
            return row.size;
        case AssignedColumn:
            return row.assigned;
        case AvailableColumn:
            return row.available;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (column == AddressesColumn && !row.ranges.isEmpty())
            return row.ranges.join(QLatin1Char('\n'));
        if (column == NamespacesColumn && row.namespaces.isEmpty())
            return tr("Services of every namespace may get an address from this pool");
        break;
    default:
        break;
    }
    return {};
}

QVariant PoolModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case AddressesColumn:
        return tr("Addresses");
    case AutoAssignColumn:
        return tr("Auto-assign");
    case AvoidBuggyIPsColumn:
        return tr("Avoid buggy IPs");
    case PriorityColumn:
        return tr("Priority");
    case NamespacesColumn:
        return tr("Namespaces");
    case SizeColumn:
        return tr("Size");
    case AssignedColumn:
        return tr("Assigned");
    case AvailableColumn:
        return tr("Available");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags PoolModel::flags(const QModelIndex &index) const
{
    if (!isRowIndex(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    switch (index.column()) {
    case NameColumn:
    case AddressesColumn:
    case PriorityColumn:
    case NamespacesColumn:
        f |= Qt::ItemIsEditable;
        break;
    case AutoAssignColumn:
    case AvoidBuggyIPsColumn:
        f |= Qt::ItemIsUserCheckable;
        break;
    default:
        break;
    }
    return f;
}

bool PoolModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isRowIndex(index))
        return false;
    const auto column = index.column();
    if (column == AutoAssignColumn || column == AvoidBuggyIPsColumn) {
        if (role == Qt::CheckStateRole)
            return setFlag(index, Qt::CheckState(value.toInt()) == Qt::Checked);
        if (role == Qt::EditRole)
            return setFlag(index, value.toBool());
        return false;
    }
    if (role != Qt::EditRole)
        return false;
    return setText(index, value.toString());
}

bool PoolModel::setFlag(const QModelIndex &index, bool on)
{
    const QString name = m_rows[std::size_t(index.row())].name;
    const auto *current = document()->project().findPool(name.toStdString());
    if (!current)
        return false;
    model::IPAddressPool pool = *current;
    // Unset stands for the default; keep it so when the default is chosen again.
    if (index.column() == AutoAssignColumn)
        pool.autoAssign
            = on == true && !current->autoAssign ? std::nullopt : std::optional<bool>(on);
    else
        pool.avoidBuggyIPs
            = on == false && !current->avoidBuggyIPs ? std::nullopt : std::optional<bool>(on);
    if (pool != *current)
        push(new EditPoolCommand(document(), name, std::move(pool)));
    return true;
}

bool PoolModel::setText(const QModelIndex &index, const QString &input)
{
    const QString name = m_rows[std::size_t(index.row())].name;
    const auto *current = document()->project().findPool(name.toStdString());
    if (!current)
        return false;
    model::IPAddressPool pool = *current;
    const QString text = input.trimmed();
    switch (index.column()) {
    case NameColumn: {
        std::string why;
        if (text.isEmpty())
            return reject(index, tr("A pool needs a name."));
        if (!rules::isDns1123Subdomain(text.toStdString(), &why))
            return reject(index,
                tr("\"%1\" is not a valid pool name: %2").arg(text, QString::fromStdString(why)));
        if (text != name && document()->project().findPool(text.toStdString()))
            return reject(index, tr("There is already a pool named %1.").arg(text));
        pool.name = text.toStdString();
        break;
    }
    case AddressesColumn: {
        const QStringList entries = splitEntries(text);
        if (entries.isEmpty())
            return reject(index, tr("A pool needs at least one address range or CIDR."));
        std::vector<std::string> addresses;
        for (const QString &entry : entries) {
            const auto range = net::Range::parsePoolEntry(entry.toStdString());
            if (!range)
                return reject(index, QString::fromStdString(range.error()));
            addresses.push_back(entry.toStdString());
        }
        if (addresses == current->addresses)
            return true;
        push(new SetPoolAddressesCommand(document(), name, std::move(addresses)));
        return true;
    }
    case PriorityColumn: {
        auto allocation
            = pool.serviceAllocation.value_or(model::IPAddressPool::ServiceAllocation());
        if (text.isEmpty()) {
            allocation.priority.reset();
        } else {
            bool ok = false;
            const int priority = text.toInt(&ok);
            if (!ok)
                return reject(index,
                    tr("\"%1\" is not a priority: give a whole number (lower comes first).")
                        .arg(text));
            allocation.priority = priority;
        }
        pool.serviceAllocation = allocation == model::IPAddressPool::ServiceAllocation()
            ? std::nullopt
            : std::optional(allocation);
        break;
    }
    case NamespacesColumn: {
        auto allocation
            = pool.serviceAllocation.value_or(model::IPAddressPool::ServiceAllocation());
        allocation.namespaces.clear();
        static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
        for (const QString &ns : text.split(separators, Qt::SkipEmptyParts)) {
            std::string why;
            if (!isNamespaceName(ns.toStdString(), &why))
                return reject(index,
                    tr("\"%1\" is not a namespace name: %2").arg(ns, QString::fromStdString(why)));
            allocation.namespaces.push_back(ns.toStdString());
        }
        pool.serviceAllocation = allocation == model::IPAddressPool::ServiceAllocation()
            ? std::nullopt
            : std::optional(allocation);
        break;
    }
    default:
        return false;
    }
    if (pool != *current)
        push(new EditPoolCommand(document(), name, std::move(pool)));
    return true;
}

} // namespace k3snet
