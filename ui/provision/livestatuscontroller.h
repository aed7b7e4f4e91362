// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status/clusterstatus.h"

#include <QObject>
#include <QTimer>

class QWidget;

namespace k3snet {

class Document;
class GuiPrompter;
namespace provision {
class Provisioner;
}

// Reads every node's agent status over SSH (the provisioner's Status run, off the GUI thread),
// on request and, when switched on, periodically. A refresh the user asked for may ask about
// unknown host keys and passwords; a periodic one never asks (unknown hosts count as
// unreachable) so that no dialog pops up unasked.
class LiveStatusController : public QObject
{
    Q_OBJECT

public:
    LiveStatusController(Document *document, QWidget *dialogParent);
    ~LiveStatusController() override;

    const status::ClusterStatus &status() const { return m_status; }
    bool isRefreshing() const;
    bool isPeriodic() const { return m_timer.isActive(); }
    int periodSeconds() const { return m_timer.interval() / 1000; }

public Q_SLOTS:
    // False when a refresh is running or the project cannot be asked (reason in failed()).
    bool refresh(bool interactive = true);
    void setPeriodic(bool on);
    void clear();

Q_SIGNALS:
    void refreshStarted();
    void statusChanged(const k3snet::status::ClusterStatus &status);
    void failed(const QString &why);

private:
    Document *m_document;
    provision::Provisioner *m_provisioner;
    GuiPrompter *m_prompter;
    QTimer m_timer;
    status::ClusterStatus m_status;
};

} // namespace k3snet
