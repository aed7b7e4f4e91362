// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/documenttablemodel.h"

#include <array>
#include <string>
#include <vector>

namespace k3snet {

// The services with what the plan gives them: the LoadBalancer IPs, the pool they come from,
// the node announcing them and the ones that take over, or why a service is pending.
// Read-only: the service editor builds the commands.
class ServiceModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NamespaceColumn,
        NameColumn,
        TypeColumn,
        PortsColumn,
        RequestedIPColumn,
        AssignedIPsColumn,
        PoolColumn,
        AnnouncerColumn,
        FallbacksColumn,
        PendingReasonColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ObjectKeyRole = Qt::UserRole + 1, // "Service/kube-system/traefik", any column
        PendingRole, // bool: a LoadBalancer without an address, any column
    };
    Q_ENUM(Role)

    explicit ServiceModel(Document *document, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    void refresh() override;
    void becameStale() override;

private:
    QString allFallbacks(int row) const;

    // What a row shows, as the plan writes it: converted for the cells painted, not for each
    // of 2,000 rows an edit changes (short strings are not even allocated).
    struct Row
    {
        std::string namespaceName, name, type, ports, requestedIP, assignedIPs, pool, announcer,
            pendingReason;
        std::array<std::string, 3> firstFallbacks;
        int fallbackCount = 0;

        QString fallbacksText() const;
        friend bool operator==(const Row &, const Row &) = default;
    };
    Row makeRow(std::size_t index) const;
    // The rows of these services (indices), made on every core: the strings of 1,870 rows
    // were most of the table's share of an edit that moves every service.
    std::vector<Row> makeRows(const std::vector<std::size_t> &indices) const;
    // Redoes only the rows of the services the last edit changed (Document::lastChange());
    // false when that cannot be done (services added, removed or renamed, or no such list).
    bool refreshChanged();
    std::vector<Row> m_rows;
    quint64 m_generation = 0; // the document's, when the rows were last made
};

} // namespace k3snet
