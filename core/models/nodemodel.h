// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/node.h"
#include "models/documenttablemodel.h"

#include <vector>

namespace k3snet {

// The cluster's nodes with what the plan gives each: pod subnet, VTEP address and MAC, uplink.
// Name, role and LAN IP are editable; an edit pushes an EditNodeCommand.
class NodeModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        RoleColumn,
        LanIPColumn,
        PodSubnetColumn,
        VtepAddressColumn,
        VtepMACColumn,
        InterfaceColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ObjectKeyRole = Qt::UserRole + 1, // "Node/node1", any column
        NodeRoleRole, // the model::NodeRole as int, any column; settable on RoleColumn
    };
    Q_ENUM(Role)

    explicit NodeModel(Document *document, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // EditRole: the name, the role ("server"/"agent", or a model::NodeRole as int), the LAN IP.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

protected:
    void refresh() override;

private:
    struct Row
    {
        QString name;
        model::NodeRole role = model::NodeRole::Agent;
        QString lanIP;
        QString podSubnet;
        bool podSubnetPinned = false;
        QString vtepAddress;
        QString vtepMAC;
        QString interface;

        friend bool operator==(const Row &, const Row &) = default;
    };
    std::vector<Row> m_rows;
};

} // namespace k3snet
