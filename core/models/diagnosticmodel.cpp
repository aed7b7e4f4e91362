// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/diagnosticmodel.h"

#include "document/document.h"
#include "models/objectkey.h"

#include <QGuiApplication>
#include <QIcon>

namespace k3snet {

namespace {
QString severityText(rules::Severity severity)
{
    switch (severity) {
    case rules::Severity::Error:
        return DiagnosticModel::tr("Error");
    case rules::Severity::Warning:
        return DiagnosticModel::tr("Warning");
    case rules::Severity::Info:
        return DiagnosticModel::tr("Info");
    }
    return QString();
}
} // namespace

DiagnosticModel::DiagnosticModel(Document *document, QObject *parent)
    : DocumentTableModel(document, ColumnCount, parent)
{
    refresh();
}

QString DiagnosticModel::iconName(rules::Severity severity)
{
    switch (severity) {
    case rules::Severity::Error:
        return QStringLiteral("dialog-error");
    case rules::Severity::Warning:
        return QStringLiteral("dialog-warning");
    case rules::Severity::Info:
        return QStringLiteral("dialog-information");
    }
    return QString();
}

void DiagnosticModel::refresh()
{
    std::vector<Row> rows;
    QStringList keys;
    for (const auto &d : document()->plan().diagnostics) {
        Row row;
        row.severity = d.severity;
        row.code = QString::fromStdString(d.code);
        row.message = QString::fromStdString(d.message);
        if (d.location.isValid() || !d.location.file.empty())
            row.location = QString::fromStdString(d.location.toString());
        for (const auto &ref : d.objects)
            row.objects.append(objectkey::of(ref));
        // Diagnostics have no name of their own: what they say is what identifies them (the
        // severity comes first, so that the first column follows the key).
        keys.append(QString::number(int(row.severity)) + QLatin1Char('|') + row.code
            + QLatin1Char('|') + row.message + QLatin1Char('|') + row.location);
        rows.push_back(std::move(row));
    }
    updateRows(m_rows, std::move(rows), keys);
}

QVariant DiagnosticModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ObjectKeyRole:
        return row.objects.isEmpty() ? QString() : row.objects.first();
    case ObjectRefsRole:
        return row.objects;
    case SeverityRole:
        return int(row.severity);
    case CodeRole:
        return row.code;
    case Qt::DecorationRole:
        // Icons need a GUI application (k3snetctl and the tests run without one).
        if (index.column() == SeverityColumn
            && qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            return QIcon::fromTheme(iconName(row.severity));
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return row.message;
        break;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SeverityColumn:
            return severityText(row.severity);
        case CodeColumn:
            return row.code;
        case MessageColumn:
            return row.message;
        case LocationColumn:
            return row.location;
        case ObjectsColumn:
            return row.objects.join(QLatin1String(", "));
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant DiagnosticModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case SeverityColumn:
        return tr("Severity");
    case CodeColumn:
        return tr("Code");
    case MessageColumn:
        return tr("Message");
    case LocationColumn:
        return tr("Location");
    case ObjectsColumn:
        return tr("Objects");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace k3snet
