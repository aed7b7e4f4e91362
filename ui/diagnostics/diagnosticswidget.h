// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QTreeView;

namespace k3snet {

class DiagnosticModel;
class Document;

// The diagnostics dock: every problem the rules find in the project, errors first, kept up to
// date as the user edits. Choosing one asks for its objects to be shown (objectsActivated),
// which the main window turns into a selection in the topology and the tables.
class DiagnosticsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsWidget(Document *document, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    DiagnosticModel *model() const { return m_model; }
    // "2 errors, 1 warning" or "No problems found".
    QString summary() const;

Q_SIGNALS:
    void objectsActivated(const QStringList &keys);
    void summaryChanged(const QString &summary);

private:
    void activate(const QModelIndex &index);
    void updateSummary();

    DiagnosticModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLabel *m_summary;
};

} // namespace k3snet
