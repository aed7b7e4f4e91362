// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace k3snet {

class DocumentTableModel;

// A table of one kind of project object (nodes, pools, services, ...) over a core model, with
// a filter field and sorting. Edits go through the model, which pushes undo commands; an edit
// the model refuses is explained under the table for a while.
class ObjectTableWidget : public QWidget
{
    Q_OBJECT

public:
    // name: what the table lists, for accessibility ("Nodes").
    ObjectTableWidget(DocumentTableModel *model, const QString &name, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    DocumentTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    void showRejection(const QString &reason);

    DocumentTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_message;
    QTimer *m_messageTimer;
};

} // namespace k3snet
