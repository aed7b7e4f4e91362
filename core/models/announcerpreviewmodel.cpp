// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/announcerpreviewmodel.h"

#include "document/document.h"
#include "domain/election/announcer.h"
#include "domain/util/parallelfor.h"
#include "models/objectkey.h"

#include <QHash>

#include <algorithm>
#include <numeric>
#include <utility>

namespace k3snet {

AnnouncerPreviewModel::AnnouncerPreviewModel(Document *document, QObject *parent)
    : AdvertisementScopedModel(document, ColumnCount, parent)
{
    refresh();
}

AnnouncerPreviewModel::ServiceRows AnnouncerPreviewModel::rowsOf(
    std::size_t i, const model::L2Advertisement &ad) const
{
    const auto &project = document()->project();
    const auto &planned = document()->plan().services[i];
    ServiceRows rows;
    if (planned.ips.empty())
        return rows;
    // The plan lists the services in the project's order.
    const model::Service *service = i < project.services.size()
            && project.services[i].name == planned.name
            && project.services[i].namespaceName == planned.namespaceName
        ? &project.services[i]
        : project.findService(planned.namespaceName, planned.name);
    if (!service || !service->isLoadBalancer())
        return rows;
    if (!election::advertisementSelectsPool(ad, planned.pool, project.findPool(planned.pool))
        || !election::advertisementSelectsService(ad, *service))
        return rows;
    rows.serviceKey = objectkey::service(planned.namespaceName, planned.name);
    rows.service = QString::fromStdString(service->key());
    rows.pool = QString::fromStdString(planned.pool);
    if (!planned.announcer.empty()) {
        rows.ranked.reserve(planned.fallbacks.size() + 1);
        rows.ranked.push_back(planned.announcer);
        rows.ranked.insert(rows.ranked.end(), planned.fallbacks.begin(), planned.fallbacks.end());
    } else {
        // Nobody announces: ask the election why (rare, so its cost does not matter).
        const auto vote
            = election::electAnnouncer(project, *service, planned.pool, planned.ips.front());
        rows.reason = QString::fromStdString(vote.reason);
    }
    // Keyed by service and the address's place, not the address itself: a pool edit that
    // moves addresses keeps the rows (and what is selected in them).
    for (std::size_t n = 0; n < planned.ips.size(); ++n) {
        rows.addresses << QString::fromStdString(planned.ips[n]);
        rows.keys << rows.serviceKey + QLatin1Char('#') + QString::number(n);
    }
    return rows;
}

std::vector<std::pair<std::size_t, AnnouncerPreviewModel::ServiceRows>>
AnnouncerPreviewModel::rowsOf(
    const std::vector<std::size_t> &indices, const model::L2Advertisement &ad) const
{
    // Independent per service, and an edit that moves every service makes 1,870: on every core.
    std::vector<std::pair<std::size_t, ServiceRows>> made(indices.size());
    util::parallelFor(indices.size(), 256, [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k)
            made[k] = {indices[k], rowsOf(indices[k], ad)};
    });
    return made;
}

bool AnnouncerPreviewModel::rebuildChanged(
    const model::L2Advertisement &ad, quint64 generationBefore)
{
    // A partial change keeps the nodes, the advertisements and the pools' names and labels
    // (plan::PlanOptions): the services it does not list show what they showed.
    const auto *changed = document()->changedServicesSince(generationBefore);
    if (!changed || !m_shown || !(*m_shown == ad)
        || m_services.size() != document()->plan().services.size())
        return false;
    // Only the same rows in the same places are patched; anything else goes through update().
    std::vector<std::pair<std::size_t, ServiceRows>> fresh = rowsOf(*changed, ad);
    for (const auto &[i, rows] : fresh)
        if (rows.keys != m_services[i].keys)
            return false;
    for (auto &[i, rows] : fresh) {
        m_services[i] = std::move(rows);
        const auto first = std::lower_bound(m_rows.begin(), m_rows.end(),
            std::pair<std::uint32_t, std::uint32_t>(std::uint32_t(i), 0));
        const qsizetype count = m_services[i].addresses.size();
        if (count > 0) {
            const int row = int(first - m_rows.begin());
            Q_EMIT dataChanged(index(row, 0), index(row + int(count) - 1, ColumnCount - 1));
        }
    }
    return true;
}

void AnnouncerPreviewModel::rebuild(const model::L2Advertisement *ad)
{
    const quint64 generationBefore = std::exchange(m_generation, document()->generation());
    if (ad && rebuildChanged(*ad, generationBefore))
        return;
    std::vector<ServiceRows> services;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> rows;
    QStringList keys;
    if (ad) {
        std::vector<std::size_t> all(document()->plan().services.size());
        std::iota(all.begin(), all.end(), std::size_t(0));
        for (auto &[i, made] : rowsOf(all, *ad)) {
            services.push_back(std::move(made));
            for (qsizetype n = 0; n < services.back().keys.size(); ++n) {
                rows.emplace_back(std::uint32_t(i), std::uint32_t(n));
                keys << services.back().keys[n];
            }
        }
    }
    m_shown = ad ? std::optional(*ad) : std::nullopt;
    update(
        keys,
        [&](const Span &span) {
            m_previous = std::exchange(m_services, std::move(services));
            if (span.movesRows()) {
                pointAtPrevious(rows, keys); // until the rows that come or go have
            } else {
                m_rows = std::move(rows);
                m_previous.clear();
            }
        },
        [&] {
            if (m_fromPrevious.empty())
                return;
            m_rows = std::move(rows);
            m_fromPrevious.clear();
            m_previous.clear();
        });
}

void AnnouncerPreviewModel::pointAtPrevious(
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> &rows, const QStringList &keys)
{
    QHash<QString, std::pair<std::uint32_t, std::uint32_t>> before;
    before.reserve(qsizetype(m_rows.size()));
    for (const auto &row : m_rows)
        before.insert(m_previous[row.first].keys[row.second], row);
    m_rows = rows;
    m_fromPrevious.assign(rows.size(), false);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (auto it = before.constFind(keys[qsizetype(r)]); it != before.constEnd()) {
            m_rows[r] = *it;
            m_fromPrevious[r] = true;
        }
    }
}

QStringList AnnouncerPreviewModel::rankedNames(const ServiceRows &row)
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
    const auto [service, address] = m_rows[std::size_t(index.row())];
    const bool previous = !m_fromPrevious.empty() && m_fromPrevious[std::size_t(index.row())];
    const ServiceRows &row = previous ? m_previous[service] : m_services[service];
    switch (role) {
    case ObjectKeyRole:
        return row.serviceKey;
    case AnnouncerKeyRole:
        return row.ranked.empty() ? QString() : objectkey::node(row.ranked.front());
    case RankedNodesRole:
        return rankedNames(row);
    case AnnouncerRole:
        return row.ranked.empty() ? QString() : QString::fromStdString(row.ranked.front());
    case Qt::ToolTipRole:
        if (!row.reason.isEmpty())
            return tr("Nobody announces %1: %2").arg(row.addresses[address], row.reason);
        if (!row.ranked.empty())
            return tr("%1 answers ARP for %2; if it fails, %3 takes over.")
                .arg(QString::fromStdString(row.ranked.front()), row.addresses[address],
                    row.ranked.size() > 1 ? QString::fromStdString(row.ranked[1]) : tr("nobody"));
        break;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case AddressColumn:
            return row.addresses[address];
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
