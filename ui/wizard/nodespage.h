// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;
class QTableView;

namespace k3snet {

class LanPage;
class NodeDraftModel;

// The new-project wizard's nodes: a table of name, role, LAN address and interface, with
// buttons to add a node (the next free name and address) and remove the selected ones. The
// page is complete when there is a node and no cell has a problem.
class NodesPage : public QWizardPage
{
    Q_OBJECT

public:
    NodesPage(LanPage *lan, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    NodeDraftModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *messageLabel() const { return m_message; }

private:
    void updateMessage();

    LanPage *m_lan;
    NodeDraftModel *m_model;
    QTableView *m_view;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace k3snet
