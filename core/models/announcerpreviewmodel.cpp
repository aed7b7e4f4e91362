// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/announcerpreviewmodel.h"

#include "document/document.h"
#include "domain/election/announcer.h"
#include "models/objectkey.h"

namespace k3snet {

AnnouncerPreviewModel::AnnouncerPreviewModel(Document *document, QObject *parent)
    : AdvertisementScopedModel(document, ColumnCount, parent)
{
    refresh();
}

void AnnouncerPreviewModel::rebuild(const model::L2Advertisement *ad)
{
    const auto &project = document()->project();
    const auto &plan = document()->plan();

    std::vector<Row> rows;
    QStringList keys;
    if (ad) {
        for (std::size_t i = 0; i < plan.services.size(); ++i) {
            const auto &planned = plan.services[i];
            if (planned.ips.empty())
                continue;
            // The plan lists the services in the project's order.
            const model::Service *service = i < project.services.size()
                    && project.services[i].name == planned.name
                    && project.services[i].namespaceName == planned.namespaceName
                ? &project.services[i]
                : project.findService(planned.namespaceName, planned.name);
            if (!service || !service->isLoadBalancer())
                continue;
            if (!election::advertisementSelectsPool(
                    *ad, planned.pool, project.findPool(planned.pool))
                || !election::advertisementSelectsService(*ad, *service))
                continue;
            Row row;
            row.serviceKey = objectkey::service(planned.namespaceName, planned.name);
            row.service = QString::fromStdString(service->key());
            row.pool = QString::fromStdString(planned.pool);
            if (!planned.announcer.empty()) {
                row.ranked.reserve(planned.fallbacks.size() + 1);
                row.ranked.push_back(planned.announcer);
                row.ranked.insert(
                    row.ranked.end(), planned.fallbacks.begin(), planned.fallbacks.end());
            } else {
                // Nobody announces: ask the election why (rare, so its cost does not matter).
                const auto vote = election::electAnnouncer(
                    project, *service, planned.pool, planned.ips.front());
                row.reason = QString::fromStdString(vote.reason);
            }
            // Keyed by service and the address's place, not the address itself: a pool edit
            // that moves addresses keeps the rows (and what is selected in them).
            for (std::size_t n = 0; n < planned.ips.size(); ++n) {
                row.address = QString::fromStdString(planned.ips[n]);
                keys << row.serviceKey + QLatin1Char('#') + QString::number(n);
                rows.push_back(row);
            }
        }
    }
    update(keys, [&] { m_rows = std::move(rows); });
}

QStringList AnnouncerPreviewModel::rankedNames(const Row &row)
{
    QStringList names;
    names.reserve(qsizetype(row.ranked.size()));
    for (const auto &name : row.ranked)
        names << QString::fromStdString(name);
    return names;
}

QVariant AnnouncerPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ObjectKeyRole:
        return row.serviceKey;
    case AnnouncerKeyRole:
        return row.ranked.empty() ? QString() : objectkey::node(row.ranked.front());
    case RankedNodesRole:
        return rankedNames(row);
    case Qt::ToolTipRole:
        if (!row.reason.isEmpty())
            return tr("Nobody announces %1: %2").arg(row.address, row.reason);
        if (!row.ranked.empty())
            return tr("%1 answers ARP for %2; if it fails, %3 takes over.")
                .arg(QString::fromStdString(row.ranked.front()), row.address,
                    row.ranked.size() > 1 ? QString::fromStdString(row.ranked[1]) : tr("nobody"));
        break;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case AddressColumn:
            return row.address;
        case ServiceColumn:
            return row.service;
        case PoolColumn:
            return row.pool;
        case AnnouncerColumn:
            return row.ranked.empty() ? tr("nobody") : QString::fromStdString(row.ranked.front());
        case FallbacksColumn:
            return row.ranked.size() > 1 ? rankedNames(row).mid(1).join(QLatin1String(" → "))
                                         : (row.ranked.empty() ? row.reason : tr("none"));
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant AnnouncerPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case AddressColumn:
        return tr("Address");
    case ServiceColumn:
        return tr("Service");
    case PoolColumn:
        return tr("Pool");
    case AnnouncerColumn:
        return tr("Announcer");
    case FallbacksColumn:
        return tr("Fallbacks, in order");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace k3snet
