// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/provisiondialog.h"

#include "provision/guiprompter.h"
#include "provision/provisioner.h"
#include "provision/provisionprogresswidget.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace k3snet {

using namespace provision;

ProvisionDialog::ProvisionDialog(const model::Project &project, const QString &projectFile,
    Operation operation, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_projectFile(projectFile)
    , m_operation(operation)
    , m_provisioner(new Provisioner(this))
    , m_prompter(new GuiPrompter(this))
{
    setObjectName(QStringLiteral("provisionDialog"));
    setWindowTitle(operation == Operation::Uninstall ? tr("Uninstall k3snet-agent") : tr("Provision Nodes"));
    m_provisioner->setPrompter(m_prompter);
    buildUi();

    connect(m_provisioner, &Provisioner::nodeStepChanged, m_progress, &ProvisionProgressWidget::setStep);
    connect(m_provisioner, &Provisioner::nodeLog, m_progress, &ProvisionProgressWidget::appendLog);
    connect(m_provisioner, &Provisioner::nodeFinished, m_progress, &ProvisionProgressWidget::setResult);
    connect(m_provisioner, &Provisioner::finished, this, &ProvisionDialog::onFinished);
    resize(760, 620);
}

ProvisionDialog::~ProvisionDialog()
{
    // The provisioner's destructor cancels and waits; the prompter must not be asked then.
    m_provisioner->cancel();
}

void ProvisionDialog::buildUi()
{
    m_nodes = new QListWidget;
    m_nodes->setObjectName(QStringLiteral("nodeList"));
    m_nodes->setAccessibleName(tr("Nodes to provision"));
    for (const model::Node &node : m_project.nodes) {
        const QString name = QString::fromStdString(node.name);
        const QString host = node.ssh.host.empty() ? QString::fromStdString(node.lanIP.toString())
                                                   : QString::fromStdString(node.ssh.host);
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(name, host), m_nodes);
        item->setData(Qt::UserRole, name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    auto *nodesBox = new QGroupBox(tr("&Nodes"));
    auto *nodesLayout = new QVBoxLayout(nodesBox);
    nodesLayout->addWidget(m_nodes);
    m_nodes->setFocusProxy(nullptr);
    nodesBox->setFocusProxy(m_nodes);

    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_user->setPlaceholderText(tr("each node's ssh user, else %1").arg(localUserName()));
    m_identity = new QLineEdit;
    m_identity->setObjectName(QStringLiteral("identityEdit"));
    m_identity->setPlaceholderText(tr("ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa"));
    auto *browse = new QToolButton;
    browse->setText(tr("…"));
    browse->setAccessibleName(tr("Choose a private key file"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Private Key"), QDir::homePath() + QStringLiteral("/.ssh"));
        if (!file.isEmpty())
            m_identity->setText(file);
    });
    auto *identityRow = new QHBoxLayout;
    identityRow->addWidget(m_identity, 1);
    identityRow->addWidget(browse);
    m_acceptNew = new QCheckBox(tr("Accept &new host keys without asking"));
    m_acceptNew->setObjectName(QStringLiteral("acceptNewCheck"));
    m_acceptNew->setToolTip(tr("A host seen for the first time is trusted and recorded. A changed key is always refused."));
    m_jobs = new QSpinBox;
    m_jobs->setObjectName(QStringLiteral("jobsSpin"));
    m_jobs->setRange(1, 64);
    m_jobs->setValue(8);

    auto *connectionBox = new QGroupBox(tr("Connection"));
    auto *form = new QFormLayout(connectionBox);
    form->addRow(tr("SSH &user:"), m_user);
    // A row whose field is a layout gets no buddy by itself: the label's shortcut needs one.
    auto *identityLabel = new QLabel(tr("&Key file:"));
    identityLabel->setBuddy(m_identity);
    form->addRow(identityLabel, identityRow);
    form->addRow(tr("Nodes at &once:"), m_jobs);
    form->addRow(m_acceptNew);

    auto *top = new QHBoxLayout;
    top->addWidget(nodesBox, 1);
    top->addWidget(connectionBox, 1);

    m_progress = new ProvisionProgressWidget;
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox;
    m_startButton = m_buttons->addButton(m_operation == Operation::Uninstall ? tr("&Uninstall") : tr("&Provision"),
        QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_startButton->setDefault(true);
    m_cancelButton = m_buttons->addButton(tr("&Cancel Run"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setEnabled(false);
    QPushButton *close = m_buttons->addButton(QDialogButtonBox::Close);
    connect(m_startButton, &QPushButton::clicked, this, &ProvisionDialog::startRun);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_summary->setText(tr("Cancelling: nodes already switched over are rolled back first…"));
        m_provisioner->cancel();
    });
    connect(close, &QPushButton::clicked, this, &ProvisionDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
}

void ProvisionDialog::setOptions(const ProvisionOptions &options)
{
    for (int i = 0; i < m_nodes->count(); ++i) {
        QListWidgetItem *item = m_nodes->item(i);
        const bool on = options.nodes.isEmpty() || options.nodes.contains(item->data(Qt::UserRole).toString());
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_user->setText(options.user);
    m_identity->setText(options.identityFile);
    m_acceptNew->setChecked(options.acceptNewHostKeys);
    m_jobs->setValue(options.jobs);
}

ProvisionOptions ProvisionDialog::options() const
{
    ProvisionOptions o;
    for (int i = 0; i < m_nodes->count(); ++i) {
        const QListWidgetItem *item = m_nodes->item(i);
        if (item->checkState() == Qt::Checked)
            o.nodes.append(item->data(Qt::UserRole).toString());
    }
    o.user = m_user->text().trimmed();
    o.identityFile = m_identity->text().trimmed();
    o.acceptNewHostKeys = m_acceptNew->isChecked();
    o.jobs = m_jobs->value();
    return o;
}

bool ProvisionDialog::startRun()
{
    if (m_provisioner->isRunning())
        return false;
    const ProvisionOptions o = options();
    if (o.nodes.isEmpty()) {
        showProblems({tr("Choose at least one node.")}, {});
        return false;
    }
    if (m_projectFile.isEmpty() && m_operation == Operation::Provision) {
        showProblems({tr("Save the project first: the cluster key is kept next to the project file.")}, {});
        return false;
    }
    const RequestBuild build = makeProvisionRequest(m_operation, m_project, m_projectFile, o);
    if (!build.request) {
        showProblems(build.errors, build.warnings);
        return false;
    }
    QStringList names;
    for (const NodeTarget &t : build.request->nodes)
        names.append(t.name);
    m_progress->reset(names);
    showProblems({}, build.warnings);
    if (build.clusterKeyCreated)
        m_progress->appendLog(names.first(), tr("created the cluster key %1 (mode 0600)").arg(build.clusterKeyPath));
    if (!m_provisioner->start(*build.request))
        return false;
    setRunning(true);
    return true;
}

bool ProvisionDialog::isRunning() const
{
    return m_provisioner->isRunning();
}

void ProvisionDialog::setRunning(bool running)
{
    m_startButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_nodes->setEnabled(!running);
    m_user->setEnabled(!running);
    m_identity->setEnabled(!running);
    m_acceptNew->setEnabled(!running);
    m_jobs->setEnabled(!running);
    if (running)
        m_summary->setText(tr("Working on %n node(s)…", nullptr, options().nodes.size()));
}

void ProvisionDialog::onFinished(const ProvisionReport &report)
{
    m_report = report;
    setRunning(false);
    m_summary->setText(summaryText());
    Q_EMIT runFinished(report);
    if (m_closeAfterCancel)
        QDialog::reject();
}

QString ProvisionDialog::summaryText() const
{
    const int total = int(m_report.nodes.size());
    const int failed = m_report.failedCount();
    QString text = failed == 0 ? tr("All %n node(s) ok", nullptr, total)
                               : tr("%1 of %n node(s) failed", nullptr, total).arg(failed);
    QStringList parts;
    for (Outcome o : {Outcome::Installed, Outcome::Updated, Outcome::Reconfigured, Outcome::Started,
             Outcome::UpToDate, Outcome::RolledBack, Outcome::Failed, Outcome::Cancelled, Outcome::Removed,
             Outcome::NotInstalled}) {
        if (const int n = m_report.count(o))
            parts.append(tr("%1: %2").arg(outcomeName(o)).arg(n));
    }
    if (!parts.isEmpty())
        text += QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    text += tr(" in %1 s.").arg(m_report.elapsedMs / 1000.0, 0, 'f', 1);
    if (m_report.cancelled)
        text += QLatin1Char(' ') + tr("The run was cancelled.");
    return text;
}

void ProvisionDialog::showProblems(const QStringList &errors, const QStringList &warnings)
{
    QStringList lines;
    for (const QString &e : errors)
        lines.append(tr("Error: %1").arg(e));
    for (const QString &w : warnings)
        lines.append(tr("Warning: %1").arg(w));
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

void ProvisionDialog::reject()
{
    if (m_provisioner->isRunning()) {
        m_closeAfterCancel = true;
        m_summary->setText(tr("Cancelling before closing: nodes already switched over are rolled back first…"));
        m_provisioner->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace k3snet
