// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs/objectdialog.h"
#include "domain/model/project.h"

class QComboBox;

namespace k3snet {

class ValidatedLineEdit;

// Adds or edits a node: name, role, LAN address, uplink interface, SSH user and labels. The
// project is read for the names and addresses already taken and for the LAN; node() returns
// the value (what the dialog does not show is kept from the node being edited).
class NodeDialog : public ObjectDialog
{
    Q_OBJECT

public:
    // existing: the node being edited (its own name and address do not count as taken).
    NodeDialog(const model::Project &project, const model::Node *existing = nullptr,
        QWidget *parent = nullptr);

    model::Node node() const;

    ValidatedLineEdit *nameField() const { return m_name; }
    QComboBox *roleField() const { return m_role; }
    ValidatedLineEdit *lanIPField() const { return m_lanIP; }
    ValidatedLineEdit *interfaceField() const { return m_interface; }
    ValidatedLineEdit *labelsField() const { return m_labels; }

private:
    QString checkAddress(const QString &text) const;

    model::Node m_node;
    model::ClusterNetwork m_network;
    std::map<std::string, std::string> m_addressOwners; // LAN IP -> node, the others'
    ValidatedLineEdit *m_name;
    QComboBox *m_role;
    ValidatedLineEdit *m_lanIP;
    ValidatedLineEdit *m_interface;
    ValidatedLineEdit *m_sshUser;
    ValidatedLineEdit *m_labels;
};

} // namespace k3snet
