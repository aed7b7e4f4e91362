// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/l2nodematchmodel.h"

#include "document/document.h"
#include "domain/election/announcer.h"
#include "models/objectkey.h"

#include <QFont>

namespace k3snet {

L2NodeMatchModel::L2NodeMatchModel(Document *document, QObject *parent)
    : AdvertisementScopedModel(document, ColumnCount, parent)
{
    refresh();
}

QStringList L2NodeMatchModel::matchedKeys() const
{
    QStringList keys;
    for (int row = 0; row < int(m_rows.size()); ++row)
        if (m_rows[std::size_t(row)].matched)
            keys << keyOfRow(row);
    return keys;
}

void L2NodeMatchModel::rebuild(const model::L2Advertisement *ad)
{
    const auto &project = document()->project();

    std::vector<Row> rows;
    QStringList keys;
    for (const auto &node : project.nodes) {
        Row row;
        row.name = QString::fromStdString(node.name);
        row.role = node.role == model::NodeRole::Server ? tr("server") : tr("agent");
        row.lanIP = QString::fromStdString(node.lanIP.toString());
        QStringList labels;
        for (const auto &[key, value] : node.labels)
            labels << QString::fromStdString(key + "=" + value);
        row.labels = labels.join(QLatin1String(", "));
        if (ad) {
            row.matched = election::advertisementSelectsNode(*ad, node);
            if (!row.matched)
                row.why = tr("No node selector of %1 matches the labels of %2.")
                              .arg(advertisement(), row.name);
            else if (ad->nodeSelectors.empty())
                row.why
                    = tr("%1 has no node selector: it selects every node.").arg(advertisement());
            else
                row.why = tr("A node selector of %1 matches the labels of %2.")
                              .arg(advertisement(), row.name);
            if (row.matched && node.labels.count(election::excludeFromLoadBalancersLabel))
                row.why += QLatin1Char(' ')
                    + tr("Yet it announces nothing: it is labelled %1.")
                          .arg(QLatin1String(election::excludeFromLoadBalancersLabel));
            else if (row.matched && node.networkUnavailable)
                row.why += QLatin1Char(' ')
                    + tr("Yet it announces nothing: its network is unavailable.");
        }
        rows.push_back(std::move(row));
        keys << objectkey::node(node.name);
    }
    updateRows(m_rows, std::move(rows), keys);
}

QVariant L2NodeMatchModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ObjectKeyRole:
        return keyOfRow(index.row());
    case MatchedRole:
        return row.matched;
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return row.matched ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::FontRole:
        if (row.matched) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ToolTipRole:
        return row.why.isEmpty() ? QVariant() : QVariant(row.why);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return row.name;
        case RoleColumn:
            return row.role;
        case LanIPColumn:
            return row.lanIP;
        case LabelsColumn:
            return row.labels;
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant L2NodeMatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Node");
    case RoleColumn:
        return tr("Role");
    case LanIPColumn:
        return tr("LAN IP");
    case LabelsColumn:
        return tr("Labels");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace k3snet
