// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/newprojectwizard.h"

#include "validators/listvalidator.h"
#include "wizard/clusterpage.h"
#include "wizard/lanpage.h"
#include "wizard/nodedraftmodel.h"
#include "wizard/nodespage.h"

namespace k3snet {

NewProjectWizard::NewProjectWizard(QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("newProjectWizard"));
    setWindowTitle(tr("New Project"));
    // The classic style reads the same on every platform and theme, and in screenshots.
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    m_lan = new LanPage(this);
    m_nodes = new NodesPage(m_lan, this);
    m_cluster = new ClusterPage(m_lan, this);
    addPage(m_lan);
    addPage(m_nodes);
    addPage(m_cluster);
    setMinimumSize(620, 460);
}

model::Project NewProjectWizard::project() const
{
    model::Project project;
    project.name = m_lan->projectName().toStdString();
    project.network = m_cluster->network();
    project.network.lan.subnet = m_lan->subnet();
    project.network.lan.gateway = m_lan->gateway();
    project.network.lan.interface = m_lan->interfaceName().toStdString();
    project.network.lan.mtu = m_lan->mtu();
    project.nodes = m_nodes->model()->nodes();
    if (m_cluster->createsPool()) {
        model::IPAddressPool pool;
        pool.name = "default-pool";
        for (const QString &entry : ListValidator::entries(m_cluster->poolAddresses()))
            pool.addresses.push_back(entry.toStdString());
        if (!pool.addresses.empty()) {
            model::L2Advertisement ad;
            ad.name = "default";
            ad.ipAddressPools.push_back(pool.name);
            project.pools.push_back(std::move(pool));
            project.l2Advertisements.push_back(std::move(ad));
        }
    }
    return project;
}

} // namespace k3snet
