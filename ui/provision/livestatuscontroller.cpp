// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/livestatuscontroller.h"

#include "document/document.h"
#include "provision/guiprompter.h"
#include "provision/provisioner.h"
#include "provision/provisionrequest.h"

#include <QWidget>

namespace k3snet {

using namespace provision;

LiveStatusController::LiveStatusController(Document *document, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_document(document)
    , m_provisioner(new Provisioner(this))
    , m_prompter(new GuiPrompter(dialogParent))
{
    m_timer.setInterval(30 * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { refresh(false); });
    connect(m_provisioner, &Provisioner::finished, this, [this](const ProvisionReport &report) {
        m_status = status::ClusterStatus::fromReport(report);
        Q_EMIT statusChanged(m_status);
    });
    // A new project's nodes are other machines: what was read belongs to the old one.
    connect(m_document, &Document::filePathChanged, this, &LiveStatusController::clear);
}

LiveStatusController::~LiveStatusController()
{
    m_provisioner->cancel();
}

bool LiveStatusController::isRefreshing() const
{
    return m_provisioner->isRunning();
}

bool LiveStatusController::refresh(bool interactive)
{
    if (m_provisioner->isRunning())
        return false;
    if (m_document->project().nodes.empty()) {
        Q_EMIT failed(tr("The project has no nodes to ask."));
        return false;
    }
    ProvisionOptions options;
    options.jobs = 8;
    const RequestBuild build
        = makeProvisionRequest(Operation::Status, m_document->project(), m_document->filePath(), options);
    if (!build.request) {
        Q_EMIT failed(build.errors.join(QLatin1Char('\n')));
        return false;
    }
    m_provisioner->setPrompter(interactive ? static_cast<Prompter *>(m_prompter) : nullptr);
    if (!m_provisioner->start(*build.request))
        return false;
    Q_EMIT refreshStarted();
    return true;
}

void LiveStatusController::setPeriodic(bool on)
{
    if (on)
        m_timer.start();
    else
        m_timer.stop();
}

void LiveStatusController::clear()
{
    m_status = {};
    Q_EMIT statusChanged(m_status);
}

} // namespace k3snet
