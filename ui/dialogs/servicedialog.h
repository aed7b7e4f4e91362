// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs/objectdialog.h"
#include "domain/model/project.h"

#include <set>

class QComboBox;

namespace k3snet {

class ValidatedLineEdit;

// Adds or edits a service: namespace and name, type, ports ("80/TCP, 443"), the addresses it
// asks for (MetalLB's metallb.io/loadBalancerIPs), the pool it asks for
// (metallb.io/address-pool) and its externalTrafficPolicy. service() returns the value; what
// the dialog does not show is kept, and a request left as it was is written back as it was
// read (spec.loadBalancerIP or a deprecated annotation stay where they are).
class ServiceDialog : public ObjectDialog
{
    Q_OBJECT

public:
    ServiceDialog(const model::Project &project, const model::Service *existing = nullptr,
        QWidget *parent = nullptr);

    model::Service service() const;

    ValidatedLineEdit *namespaceField() const { return m_namespace; }
    ValidatedLineEdit *nameField() const { return m_name; }
    QComboBox *typeField() const { return m_type; }
    ValidatedLineEdit *portsField() const { return m_ports; }
    ValidatedLineEdit *requestedIPsField() const { return m_requestedIPs; }
    QComboBox *poolField() const { return m_pool; }
    QComboBox *trafficPolicyField() const { return m_trafficPolicy; }

private:
    void updateLoadBalancerFields();

    model::Service m_service;
    std::set<std::pair<std::string, std::string>> m_taken; // namespace, name
    QString m_initialIPs;
    QString m_initialPool;
    ValidatedLineEdit *m_namespace;
    ValidatedLineEdit *m_name;
    QComboBox *m_type;
    ValidatedLineEdit *m_ports;
    ValidatedLineEdit *m_requestedIPs;
    QComboBox *m_pool;
    QComboBox *m_trafficPolicy;
};

} // namespace k3snet
