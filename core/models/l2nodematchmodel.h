// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/advertisementscopedmodel.h"

#include <vector>

namespace k3snet {

// Every node with its labels and whether one L2Advertisement's node selectors select it (no
// selector selects every node), for the editor's node list: the rows it selects show checked
// and bold, and the tooltip says which selector matched or why the node is left out anyway
// (excluded from load balancers, NetworkUnavailable). Read-only.
class L2NodeMatchModel : public AdvertisementScopedModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn, // Qt::CheckStateRole: selected (read-only)
        RoleColumn,
        LanIPColumn,
        LabelsColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ObjectKeyRole = Qt::UserRole + 1, // "Node/node1", any column
        MatchedRole, // bool: the advertisement's node selectors select the node, any column
    };
    Q_ENUM(Role)

    explicit L2NodeMatchModel(Document *document, QObject *parent = nullptr);

    // The keys of the matched nodes, in project order.
    QStringList matchedKeys() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    void rebuild(const model::L2Advertisement *advertisement) override;

private:
    struct Row
    {
        QString name;
        QString role;
        QString lanIP;
        QString labels;
        bool matched = false;
        QString why;

        friend bool operator==(const Row &, const Row &) = default;
    };
    std::vector<Row> m_rows;
};

} // namespace k3snet
