// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rules/diagnostic.h"
#include "models/documenttablemodel.h"

#include <vector>

namespace k3snet {

// The plan's diagnostics (errors first), for the diagnostics dock. Each row names the objects it
// concerns, so a view can select them elsewhere (ObjectRefsRole gives their keys, as the other
// models' ObjectKeyRole does).
class DiagnosticModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn, // Qt::DecorationRole: a themed icon (dialog-error, ...)
        CodeColumn,
        MessageColumn,
        LocationColumn,
        ObjectsColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ObjectKeyRole = Qt::UserRole + 1, // the key of the first object concerned, or empty
        ObjectRefsRole, // QStringList: the keys of all the objects concerned ("Node/node1", ...)
        SeverityRole, // int: the rules::Severity
        CodeRole, // QString: the stable rule code ("pool-overlap")
    };
    Q_ENUM(Role)

    explicit DiagnosticModel(Document *document, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The theme icon name for a severity: dialog-error, dialog-warning, dialog-information.
    static QString iconName(rules::Severity severity);

protected:
    void refresh() override;

private:
    struct Row
    {
        rules::Severity severity = rules::Severity::Error;
        QString code;
        QString message;
        QString location;
        QStringList objects;

        friend bool operator==(const Row &, const Row &) = default;
    };
    std::vector<Row> m_rows;
};

} // namespace k3snet
