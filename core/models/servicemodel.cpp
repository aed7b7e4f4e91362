// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/servicemodel.h"

#include "document/document.h"
#include "domain/ipam/servicerequest.h"
#include "models/objectkey.h"

#include <utility>

namespace k3snet {

namespace {

QString joined(const std::vector<std::string> &list)
{
    QStringList out;
    for (const auto &s : list)
        out.append(QString::fromStdString(s));
    return out.join(QLatin1String(", "));
}

// The addresses a service asks for, as written: the metallb.io annotation, its deprecated
// twin, or spec.loadBalancerIP (the allocator's diagnostics judge them).
QString requestedIP(const model::Service &service)
{
    const std::string current = ipam::annotationLoadBalancerIPs;
    const std::string deprecated
        = std::string(ipam::deprecatedAnnotationPrefix) + current.substr(current.find('/') + 1);
    for (const auto &key : {current, deprecated})
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
        QStringList first;
        for (std::size_t f = 0; f < std::min(shown, planned.fallbacks.size()); ++f)
            first.append(QString::fromStdString(planned.fallbacks[f]));
        if (planned.fallbacks.size() > shown)
            first.append(tr("and %n more", nullptr, int(planned.fallbacks.size() - shown)));
        row.fallbacks = first.join(QLatin1String(", "));
        row.pendingReason = QString::fromStdString(planned.pendingReason);
    }
    return row;
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
