// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/documenttablemodel.h"

#include <vector>

namespace k3snet {

// The MetalLB L2Advertisements: which pools they advertise, on which nodes (node selectors, and
// the nodes they match now) and interfaces. Read-only: the L2 editor builds the commands.
class L2AdvertisementModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        PoolsColumn,
        NodeSelectorsColumn,
        InterfacesColumn,
        MatchingNodesColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ObjectKeyRole = Qt::UserRole + 1, // "L2Advertisement/example", any column
        MatchingNodeKeysRole, // QStringList: "Node/node1", ... of the nodes selected, any column
    };
    Q_ENUM(Role)

    explicit L2AdvertisementModel(Document *document, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    void refresh() override;

private:
    struct Row
    {
        QString name;
        QString pools;
        QString nodeSelectors;
        QString interfaces;
        QStringList matchingNodes;
        QStringList matchingNodeKeys;

        friend bool operator==(const Row &, const Row &) = default;
    };
    std::vector<Row> m_rows;
};

} // namespace k3snet
