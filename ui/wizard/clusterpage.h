// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/clusternetwork.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace k3snet {

class LanPage;
class ValidatedLineEdit;

// The new-project wizard's Kubernetes page: k3s's cluster (pod) and service CIDRs, the cluster
// DNS address (which follows the service CIDR until typed), each node's pod-subnet size, and
// optionally a first address pool for LoadBalancer services with an L2 advertisement for it.
// The CIDRs may not overlap each other or the LAN.
class ClusterPage : public QWizardPage
{
    Q_OBJECT

public:
    ClusterPage(LanPage *lan, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    // The k3s settings (the LAN part is left for the wizard to fill in).
    model::ClusterNetwork network() const;
    bool createsPool() const;
    QString poolAddresses() const;

    ValidatedLineEdit *clusterCIDRField() const { return m_clusterCIDR; }
    ValidatedLineEdit *serviceCIDRField() const { return m_serviceCIDR; }
    ValidatedLineEdit *clusterDNSField() const { return m_clusterDNS; }
    QSpinBox *nodeMaskField() const { return m_nodeMask; }
    QCheckBox *poolCheck() const { return m_createPool; }
    ValidatedLineEdit *poolField() const { return m_pool; }
    QLabel *messageLabel() const { return m_message; }

private:
    QString checkClusterCIDR(const QString &text) const;
    QString checkServiceCIDR(const QString &text) const;
    QString checkClusterDNS(const QString &text) const;
    void serviceCIDREdited();
    void updateMessage();
    void updateCapacity();

    LanPage *m_lan;
    ValidatedLineEdit *m_clusterCIDR;
    ValidatedLineEdit *m_serviceCIDR;
    ValidatedLineEdit *m_clusterDNS;
    QSpinBox *m_nodeMask;
    QLabel *m_capacity;
    QCheckBox *m_createPool;
    ValidatedLineEdit *m_pool;
    QLabel *m_message;
    bool m_dnsTyped = false;
    bool m_poolTyped = false;
};

} // namespace k3snet
