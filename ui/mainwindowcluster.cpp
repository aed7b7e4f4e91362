// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's Cluster menu: provisioning and uninstalling k3snet-agent over SSH (the
// provision dialog) and the agents' live status (the Live Status panel and the topology's marks).
#include "mainwindow.h"

#include "document/document.h"
#include "provision/livestatuscontroller.h"
#include "provision/livestatuswidget.h"
#include "provision/provisiondialog.h"
#include "topology/topologyscene.h"

#include <QAction>
#include <QDockWidget>
#include <QIcon>
#include <QMessageBox>
#include <QStatusBar>

namespace k3snet {

using provision::Operation;

void MainWindow::createStatusDock()
{
    m_liveStatus = new LiveStatusController(m_document, this);
    m_liveStatusWidget = new LiveStatusWidget(this);
    m_liveStatusDock = addDock(m_liveStatusWidget, tr("Live Status"), QStringLiteral("liveStatusDock"),
        Qt::RightDockWidgetArea);
    if (auto *diagnostics = findChild<QDockWidget *>(QStringLiteral("diagnosticsDock"))) {
        tabifyDockWidget(diagnostics, m_liveStatusDock);
        diagnostics->raise();
    }
    connect(m_liveStatus, &LiveStatusController::refreshStarted, this, [this] {
        m_liveStatusWidget->setBusy(tr("Asking every node's agent over SSH…"));
        statusBar()->showMessage(tr("Refreshing the agents' status…"));
    });
    connect(m_liveStatus, &LiveStatusController::statusChanged, this, [this](const status::ClusterStatus &s) {
        m_liveStatusWidget->setStatus(s);
        m_scene->setLiveStatus(s);
        if (!s.isEmpty())
            statusBar()->showMessage(tr("Agent status refreshed"), 5000);
    });
    connect(m_liveStatus, &LiveStatusController::failed, this, [this](const QString &why) {
        m_liveStatusWidget->setMessage(why);
        statusBar()->showMessage(why, 8000);
    });
}

void MainWindow::createClusterActions()
{
    m_provisionAction = new QAction(QIcon::fromTheme(QStringLiteral("run-build-install")), tr("&Provision Nodes…"), this);
    m_provisionAction->setObjectName(QStringLiteral("cluster_provision"));
    m_provisionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_provisionAction->setStatusTip(tr("Install or update k3snet-agent on the nodes over SSH"));
    connect(m_provisionAction, &QAction::triggered, this, [this] { runProvisioning(int(Operation::Provision)); });

    m_uninstallAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Uninstall k3snet-agent…"), this);
    m_uninstallAction->setObjectName(QStringLiteral("cluster_uninstall"));
    m_uninstallAction->setStatusTip(tr("Remove k3snet-agent, its data plane and its files from the nodes; K3s stays"));
    connect(m_uninstallAction, &QAction::triggered, this, [this] { runProvisioning(int(Operation::Uninstall)); });

    m_refreshStatusAction = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh Status"), this);
    m_refreshStatusAction->setObjectName(QStringLiteral("cluster_refresh_status"));
    m_refreshStatusAction->setShortcut(QKeySequence::Refresh);
    m_refreshStatusAction->setStatusTip(tr("Ask every node's agent what it does, over SSH"));
    connect(m_refreshStatusAction, &QAction::triggered, this, [this] {
        m_liveStatusDock->show();
        m_liveStatusDock->raise();
        m_liveStatus->refresh(true);
    });

    m_periodicStatusAction = new QAction(tr("Refresh Status &Every 30 Seconds"), this);
    m_periodicStatusAction->setObjectName(QStringLiteral("cluster_periodic_status"));
    m_periodicStatusAction->setCheckable(true);
    m_periodicStatusAction->setStatusTip(tr("Keep the live status current; never asks questions (unknown hosts stay unreachable)"));
    connect(m_periodicStatusAction, &QAction::toggled, m_liveStatus, &LiveStatusController::setPeriodic);
}

void MainWindow::runProvisioning(int operation)
{
    const auto op = Operation(operation);
    if (m_document->filePath().isEmpty() || m_document->isModified()) {
        const auto answer = QMessageBox::question(this, tr("Save the Project First"),
            tr("Provisioning uses the saved project file, and keeps the cluster key next to it. Save now?"),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
        if (answer != QMessageBox::Save)
            return;
        m_saveAction->trigger();
        if (m_document->filePath().isEmpty() || m_document->isModified())
            return;
    }
    auto *dialog = new ProvisionDialog(m_document->project(), m_document->filePath(), op, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // When the run ends, show what the agents now do.
    connect(dialog, &ProvisionDialog::runFinished, m_liveStatus, [this] { m_liveStatus->refresh(false); });
    dialog->open();
}

} // namespace k3snet
