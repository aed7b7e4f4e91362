// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/servicemodel.h"

#include "document/document.h"
#include "domain/ipam/servicerequest.h"
#include "domain/util/parallelfor.h"
#include "models/objectkey.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <utility>

namespace k3snet {

namespace {

// Up to 99 names per service: the cell lists the first few (joining them all was a sixth of a
// pool edit at 2,000 services), the tooltip all of them.
constexpr std::size_t shownFallbacks = 3;

std::string joined(const std::vector<std::string> &list, std::size_t count = std::size_t(-1))
{
    std::string out;
    for (std::size_t i = 0; i < std::min(count, list.size()); ++i) {
        if (i > 0)
            out += ", ";
        out += list[i];
    }
    return out;
}

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

// The addresses a service asks for, as written: the metallb.io annotation, its deprecated
// twin, or spec.loadBalancerIP (the allocator's diagnostics judge them).
const std::string &requestedIP(const model::Service &service)
{
    static const std::string current = ipam::annotationLoadBalancerIPs;
    static const std::string deprecated
        = std::string(ipam::deprecatedAnnotationPrefix) + current.substr(current.find('/') + 1);
    if (service.annotations.empty())
        return service.loadBalancerIP;
    for (const std::string &key : {std::cref(current), std::cref(deprecated)})
        if (auto it = service.annotations.find(key); it != service.annotations.end())
            return it->second;
    return service.loadBalancerIP;
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
    row.namespaceName = service.namespaceName;
    row.name = service.name;
    row.type = service.type;
    row.requestedIP = requestedIP(service);
    // The plan lists the services in the project's order.
    if (i < plan.services.size() && plan.services[i].name == service.name
        && plan.services[i].namespaceName == service.namespaceName) {
        const auto &planned = plan.services[i];
        row.ports = joined(planned.ports);
        row.assignedIPs = joined(planned.ips);
        row.pool = planned.pool;
        row.announcer = planned.announcer;
        for (std::size_t f = 0; f < std::min(shownFallbacks, planned.fallbacks.size()); ++f)
            row.firstFallbacks[f] = planned.fallbacks[f];
        row.fallbackCount = int(planned.fallbacks.size());
        row.pendingReason = planned.pendingReason;
    }
    return row;
}

QString ServiceModel::Row::fallbacksText() const
{
    QString text;
    for (int f = 0; f < std::min(fallbackCount, int(shownFallbacks)); ++f)
        text += (f > 0 ? QLatin1String(", ") : QLatin1String()) + fromStd(firstFallbacks[f]);
    if (fallbackCount > int(shownFallbacks))
        text += QLatin1String(", ")
            + tr("and %n more", nullptr, fallbackCount - int(shownFallbacks));
    return text;
}

std::vector<ServiceModel::Row> ServiceModel::makeRows(const std::vector<std::size_t> &indices) const
{
    std::vector<Row> rows(indices.size());
    util::parallelFor(indices.size(), 256, [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k)
            rows[k] = makeRow(indices[k]);
    });
    return rows;
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
    std::vector<Row> made = makeRows(*changed);
    for (std::size_t k = 0; k < changed->size(); ++k) {
        const std::size_t i = (*changed)[k];
        m_rows[i] = std::move(made[k]);
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
    std::vector<std::size_t> all(project.services.size());
    std::iota(all.begin(), all.end(), std::size_t(0));
    std::vector<Row> rows = makeRows(all);
    QStringList keys;
    keys.reserve(qsizetype(project.services.size()));
    for (const auto &service : project.services)
        keys.append(objectkey::service(service.namespaceName, service.name));
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
        return !row.pendingReason.empty();
    case Qt::ToolTipRole:
        if (index.column() == PendingReasonColumn || index.column() == AssignedIPsColumn)
            if (!row.pendingReason.empty())
                return fromStd(row.pendingReason);
        if (index.column() == FallbacksColumn)
            return allFallbacks(index.row());
        break;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NamespaceColumn:
            return fromStd(row.namespaceName);
        case NameColumn:
            return fromStd(row.name);
        case TypeColumn:
            return fromStd(row.type);
        case PortsColumn:
            return fromStd(row.ports);
        case RequestedIPColumn:
            return fromStd(row.requestedIP);
        case AssignedIPsColumn:
            return row.pendingReason.empty() ? fromStd(row.assignedIPs) : tr("<pending>");
        case PoolColumn:
            return fromStd(row.pool);
        case AnnouncerColumn:
            return fromStd(row.announcer);
        case FallbacksColumn:
            return row.fallbacksText();
        case PendingReasonColumn:
            return fromStd(row.pendingReason);
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
        return m_rows[std::size_t(row)].fallbacksText();
    const auto &services = document()->plan().services;
    if (row < 0 || std::size_t(row) >= services.size()
        || services[std::size_t(row)].name != m_rows[std::size_t(row)].name)
        return {};
    return fromStd(joined(services[std::size_t(row)].fallbacks));
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
