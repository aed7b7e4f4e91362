// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"

#include <QWizard>

namespace k3snet {

class ClusterPage;
class LanPage;
class NodesPage;

// The new-project wizard (File > New, the start page): the LAN and its gateway, the nodes,
// and k3s's address ranges with an optional first pool. It returns a value: project(), which
// the caller opens as a new, unsaved document.
class NewProjectWizard : public QWizard
{
    Q_OBJECT

public:
    explicit NewProjectWizard(QWidget *parent = nullptr);

    model::Project project() const;

    LanPage *lanPage() const { return m_lan; }
    NodesPage *nodesPage() const { return m_nodes; }
    ClusterPage *clusterPage() const { return m_cluster; }

private:
    LanPage *m_lan;
    NodesPage *m_nodes;
    ClusterPage *m_cluster;
};

} // namespace k3snet
