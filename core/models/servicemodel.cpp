// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/servicemodel.h"

#include "document/document.h"
#include "domain/ipam/servicerequest.h"
#include "models/objectkey.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace k3snet {

namespace {

QString joined(const std::vector<std::string> &list, std::size_t count = std::size_t(-1))
{
    QString out;
    for (std::size_t i = 0; i < std::min(count, list.size()); ++i) {
        if (i > 0)
            out += QLatin1String(", ");
        out += QString::fromStdString(list[i]);
    }
    return out;
}

// The addresses a service asks for, as written: the metallb.io annotation, its deprecated
// twin, or spec.loadBalancerIP (the allocator's diagnostics judge them).
QString requestedIP(const model::Service &service)
{
    static const std::string current = ipam::annotationLoadBalancerIPs;
    static const std::string deprecated
        = std::string(ipam::deprecatedAnnotationPrefix) + current.substr(current.find('/') + 1);
    if (service.annotations.empty())
        return QString::fromStdString(service.loadBalancerIP);
    for (const std::string &key : {std::cref(current), std::cref(deprecated)})
        if (auto it = service.annotations.find(key); it != service.annotations.end())
            return QString::fromStdString(it->second);
    return QString::fromStdString(service.loadBalancerIP);
}

} // namespace

ServiceModel::ServiceModel(Document *document, QObject *parent)
    : DocumentTableModel(document, ColumnCount, parent)
{
    refresh();
}

ServiceModel::Row ServiceModel::makeRow(std::size_t i) const
{
    const auto &service = document()->project().services[i];
    const auto &plan = document()->plan();
    Row row;
    row.namespaceName = QString::fromStdString(service.namespaceName);
    row.name = QString::fromStdString(service.name);
    row.type = QString::fromStdString(service.type);
    row.requestedIP = requestedIP(service);
    // The plan lists the services in the project's order.
    if (i < plan.services.size() && plan.services[i].name == service.name
        && plan.services[i].namespaceName == service.namespaceName) {
        const auto &planned = plan.services[i];
        row.ports = joined(planned.ports);
        row.assignedIPs = joined(planned.ips);
        row.pool = QString::fromStdString(planned.pool);
        row.announcer = QString::fromStdString(planned.announcer);
        // Up to 99 names per service: the cell lists the first few (joining them all was a
        // sixth of a pool edit at 2,000 services), the tooltip all of them.
        constexpr std::size_t shown = 3;
        row.fallbacks = joined(planned.fallbacks, shown);
        if (planned.fallbacks.size() > shown)
            row.fallbacks += QLatin1String(", ") + moreText(int(planned.fallbacks.size() - shown));
        row.pendingReason = QString::fromStdString(planned.pendingReason);
    }
    return row;
}

// Translated once per count and refresh, not for each of 2,000 rows.
QString ServiceModel::moreText(int count) const
{
    if (count != m_moreCount) {
        m_moreCount = count;
        m_moreText = tr("and %n more", nullptr, count);
    }
    return m_moreText;
}

bool ServiceModel::refreshChanged()
{
    const auto &services = document()->project().services;
    const auto *changed
        = document()->changedServicesSince(std::exchange(m_generation, document()->generation()));
    if (!changed || services.size() != m_rows.size())
        return false;
    for (std::size_t i : *changed)
        if (i >= services.size()
            || keyOfRow(int(i)) != objectkey::service(services[i].namespaceName, services[i].name))
            return false;
    // The list is in ascending order: neighbouring rows make one dataChanged.
    int first = -1, last = -1;
    const auto flush = [&] {
        if (first >= 0)
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    };
    for (std::size_t i : *changed) {
        m_rows[i] = makeRow(i);
        if (int(i) != last + 1) {
            flush();
            first = int(i);
        }
        last = int(i);
    }
    flush();
    return true;
}

void ServiceModel::refresh()
{
    m_moreCount = -1;
    if (refreshChanged())
        return;
    const auto &project = document()->project();
    std::vector<Row> rows;
    rows.reserve(project.services.size());
    QStringList keys;
    for (std::size_t i = 0; i < project.services.size(); ++i) {
        rows.push_back(makeRow(i));
        keys.append(
            objectkey::service(project.services[i].namespaceName, project.services[i].name));
    }
    updateRows(m_rows, std::move(rows), keys);
}

QVariant ServiceModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ObjectKeyRole:
        return keyOfRow(index.row());
    case PendingRole:
        return !row.pendingReason.isEmpty();
    case Qt::ToolTipRole:
        if (index.column() == PendingReasonColumn || index.column() == AssignedIPsColumn)
            if (!row.pendingReason.isEmpty())
                return row.pendingReason;
        if (index.column() == FallbacksColumn)
            return allFallbacks(index.row());
        break;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NamespaceColumn:
            return row.namespaceName;
        case NameColumn:
            return row.name;
        case TypeColumn:
            return row.type;
        case PortsColumn:
            return row.ports;
        case RequestedIPColumn:
            return row.requestedIP;
        case AssignedIPsColumn:
            return row.pendingReason.isEmpty() ? row.assignedIPs : tr("<pending>");
        case PoolColumn:
            return row.pool;
        case AnnouncerColumn:
            return row.announcer;
        case FallbacksColumn:
            return row.fallbacks;
        case PendingReasonColumn:
            return row.pendingReason;
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

// The fallbacks' tooltip lists all of them from the plan, which no longer matches the rows.
void ServiceModel::becameStale()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, FallbacksColumn),
            index(int(m_rows.size()) - 1, FallbacksColumn), {Qt::ToolTipRole});
}

// Rows follow the project's services, as the plan does (see refresh).
QString ServiceModel::allFallbacks(int row) const
{
    if (isStale()) // the plan has moved on; the row shows the first few of its fallbacks
        return m_rows[std::size_t(row)].fallbacks;
    const auto &services = document()->plan().services;
    if (row < 0 || std::size_t(row) >= services.size()
        || services[std::size_t(row)].name != m_rows[std::size_t(row)].name.toStdString())
        return {};
    return joined(services[std::size_t(row)].fallbacks);
}

QVariant ServiceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NamespaceColumn:
        return tr("Namespace");
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case PortsColumn:
        return tr("Ports");
    case RequestedIPColumn:
        return tr("Requested IP");
    case AssignedIPsColumn:
        return tr("External IPs");
    case PoolColumn:
        return tr("Pool");
    case AnnouncerColumn:
        return tr("Announced by");
    case FallbacksColumn:
        return tr("Fallbacks");
    case PendingReasonColumn:
        return tr("Pending because");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace k3snet
