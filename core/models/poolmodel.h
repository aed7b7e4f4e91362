// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/documenttablemodel.h"

#include <optional>
#include <vector>

namespace k3snet {

// The MetalLB IPAddressPools with their size and use from the plan. Name, addresses
// ("10.0.0.100-10.0.0.200, 192.168.10.0/24"), priority and namespaces are editable as text,
// autoAssign and avoidBuggyIPs as check boxes; each edit pushes one command (a rename carries
// the references along, see EditPoolCommand). Invalid input is refused: setData returns false
// and editRejected says why.
class PoolModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        AddressesColumn,
        AutoAssignColumn, // Qt::CheckStateRole (EditRole: bool)
        AvoidBuggyIPsColumn, // Qt::CheckStateRole (EditRole: bool)
        PriorityColumn, // empty: none
        NamespacesColumn,
        SizeColumn,
        AssignedColumn,
        AvailableColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ObjectKeyRole = Qt::UserRole + 1, // "IPAddressPool/picluster-pool", any column
        AddressEntriesRole, // QStringList: the address entries as written, any column
        RangesRole, // QStringList: the pool's addresses as normalised ranges, any column
    };
    Q_ENUM(Role)

    explicit PoolModel(Document *document, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

protected:
    void refresh() override;

private:
    struct Row
    {
        QString name;
        QStringList addresses;
        QStringList ranges;
        bool autoAssign = true;
        bool avoidBuggyIPs = false;
        std::optional<int> priority;
        QStringList namespaces;
        QString size, assigned, available;

        friend bool operator==(const Row &, const Row &) = default;
    };
    bool setText(const QModelIndex &index, const QString &text);
    bool setFlag(const QModelIndex &index, bool on);
    std::vector<Row> m_rows;
};

} // namespace k3snet
