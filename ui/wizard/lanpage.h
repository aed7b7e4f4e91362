// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/prefix.h"

#include <QWizardPage>

class QLabel;
class QSpinBox;

namespace k3snet {

class ValidatedLineEdit;

// The new-project wizard's first page: the project's name and the LAN the nodes sit on (its
// subnet, gateway, interface and MTU). The gateway follows the subnet (its first address)
// until the user types one.
class LanPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit LanPage(QWidget *parent = nullptr);

    bool isComplete() const override;

    QString projectName() const;
    net::Prefix subnet() const;
    net::Address gateway() const;
    QString interfaceName() const;
    int mtu() const;

    ValidatedLineEdit *nameField() const { return m_name; }
    ValidatedLineEdit *subnetField() const { return m_subnet; }
    ValidatedLineEdit *gatewayField() const { return m_gateway; }
    ValidatedLineEdit *interfaceField() const { return m_interface; }
    QLabel *messageLabel() const { return m_message; }

private:
    QString checkGateway(const QString &text) const;
    void subnetEdited();
    void updateMessage();

    ValidatedLineEdit *m_name;
    ValidatedLineEdit *m_subnet;
    ValidatedLineEdit *m_gateway;
    ValidatedLineEdit *m_interface;
    QSpinBox *m_mtu;
    QLabel *m_message;
    bool m_gatewayTyped = false;
};

} // namespace k3snet
