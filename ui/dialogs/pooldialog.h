// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs/objectdialog.h"
#include "domain/model/project.h"

class QCheckBox;

namespace k3snet {

class ValidatedLineEdit;

// Adds or edits a MetalLB IPAddressPool: name, addresses (ranges and prefixes, comma
// separated), autoAssign and avoidBuggyIPs. pool() returns the value; fields the dialog does
// not show (priority, namespaces, labels, unknown fields) are kept from the pool being edited.
class PoolDialog : public ObjectDialog
{
    Q_OBJECT

public:
    PoolDialog(const model::Project &project, const model::IPAddressPool *existing = nullptr,
        QWidget *parent = nullptr);

    model::IPAddressPool pool() const;

    ValidatedLineEdit *nameField() const { return m_name; }
    ValidatedLineEdit *addressesField() const { return m_addresses; }
    QCheckBox *autoAssignField() const { return m_autoAssign; }
    QCheckBox *avoidBuggyIPsField() const { return m_avoidBuggyIPs; }

private:
    model::IPAddressPool m_pool;
    ValidatedLineEdit *m_name;
    ValidatedLineEdit *m_addresses;
    QCheckBox *m_autoAssign;
    QCheckBox *m_avoidBuggyIPs;
};

} // namespace k3snet
