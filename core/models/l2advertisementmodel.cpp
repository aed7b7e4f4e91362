// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/l2advertisementmodel.h"

#include "document/document.h"
#include "models/objectkey.h"

#include <algorithm>

namespace k3snet {

namespace {

QStringList selectorTexts(const std::vector<model::LabelSelector> &selectors)
{
    QStringList out;
    for (const auto &s : selectors)
        out.append(s.isEmpty() ? L2AdvertisementModel::tr("(everything)")
                               : QString::fromStdString(s.toString()));
    return out;
}

} // namespace

L2AdvertisementModel::L2AdvertisementModel(Document *document, QObject *parent)
    : DocumentTableModel(document, ColumnCount, parent)
{
    refresh();
}

void L2AdvertisementModel::refresh()
{
    const auto &project = document()->project();
    std::vector<Row> rows;
    QStringList keys;
    for (const auto &ad : project.l2Advertisements) {
        Row row;
        row.name = QString::fromStdString(ad.name);
        QStringList pools;
        for (const auto &pool : ad.ipAddressPools)
            pools.append(QString::fromStdString(pool));
        for (const QString &selector : selectorTexts(ad.ipAddressPoolSelectors))
            pools.append(tr("pools with %1").arg(selector));
        row.pools = pools.isEmpty() ? tr("all pools") : pools.join(QLatin1String(", "));
        row.nodeSelectors = ad.nodeSelectors.empty()
            ? tr("all nodes")
            : selectorTexts(ad.nodeSelectors).join(QLatin1String("; "));
        QStringList interfaces;
        for (const auto &interface : ad.interfaces)
            interfaces.append(QString::fromStdString(interface));
        row.interfaces
            = interfaces.isEmpty() ? tr("all interfaces") : interfaces.join(QLatin1String(", "));
        // As MetalLB selects: no node selector means every node, else any selector matching.
        for (const auto &node : project.nodes) {
            const bool selected = ad.nodeSelectors.empty()
                || std::any_of(ad.nodeSelectors.begin(), ad.nodeSelectors.end(),
                    [&](const model::LabelSelector &s) { return s.matches(node.labels); });
            if (selected) {
                row.matchingNodes.append(QString::fromStdString(node.name));
                row.matchingNodeKeys.append(objectkey::node(node.name));
            }
        }
        rows.push_back(std::move(row));
        keys.append(objectkey::l2Advertisement(ad.name));
    }
    updateRows(m_rows, std::move(rows), keys);
}

QVariant L2AdvertisementModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ObjectKeyRole:
        return keyOfRow(index.row());
    case MatchingNodeKeysRole:
        return row.matchingNodeKeys;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return row.name;
        case PoolsColumn:
            return row.pools;
        case NodeSelectorsColumn:
            return row.nodeSelectors;
        case InterfacesColumn:
            return row.interfaces;
        case MatchingNodesColumn:
            return row.matchingNodes.isEmpty() ? tr("none")
                                               : row.matchingNodes.join(QLatin1String(", "));
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant L2AdvertisementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case PoolsColumn:
        return tr("Pools");
    case NodeSelectorsColumn:
        return tr("Node selectors");
    case InterfacesColumn:
        return tr("Interfaces");
    case MatchingNodesColumn:
        return tr("Matching nodes");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace k3snet
