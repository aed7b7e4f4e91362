// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/node.h"
#include "domain/net/prefix.h"

#include <QAbstractTableModel>

#include <vector>

namespace k3snet {

// The nodes a new project starts with, while the wizard collects them: name, role, LAN address
// and interface per row, edited as text. Any text is taken, so that a half-typed value can
// stand; each cell that is not (yet) right says why (ProblemRole, tooltip) and the table's
// first problem is problem(). nodes() returns the rows as model::Node values.
class NodeDraftModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        RoleColumn, // EditRole: "server" / "agent" (or a model::NodeRole as int)
        LanIPColumn,
        InterfaceColumn, // empty: the cluster's LAN interface
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ProblemRole = Qt::UserRole + 1, // QString: what is wrong with the cell, or empty
        // (the cell then shows a warning icon and the problem as its tooltip)
    };
    Q_ENUM(Role)

    explicit NodeDraftModel(QObject *parent = nullptr);

    // The LAN the addresses must be in, its gateway (no node may have it) and the interface a
    // node without one of its own uses (shown greyed in its place).
    void setLan(const net::Prefix &subnet, const net::Address &gateway, const QString &interface);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

    // Appends a node with the next free name and address (the first is a server); returns its row.
    int addNode();
    // The first problem of any cell ("Row 2: ..."), or empty when every row is right.
    QString problem() const;
    std::vector<model::Node> nodes() const;

private:
    struct Row
    {
        QString name;
        model::NodeRole role = model::NodeRole::Agent;
        QString lanIP;
        QString interface;
    };
    QString cellProblem(int row, int column) const;
    void revalidate();

    std::vector<Row> m_rows;
    net::Prefix m_subnet;
    net::Address m_gateway;
    QString m_lanInterface;
    bool m_hasLan = false;
};

} // namespace k3snet
