// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "provision/provisionreport.h"
#include "provision/provisionrequest.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace k3snet {

namespace provision {
class Provisioner;
}
class GuiPrompter;
class ProvisionProgressWidget;

// Provision (or uninstall) k3snet-agent on the project's nodes: pick the nodes and how to reach
// them, start, and watch each node's step, progress and log; host keys and passwords are asked
// in dialogs as the jobs need them. The run happens on the provisioner's worker threads; the
// window stays responsive and Cancel stops every node safely (rolled back or untouched).
// Closing during a run cancels it first.
class ProvisionDialog : public QDialog
{
    Q_OBJECT

public:
    ProvisionDialog(const model::Project &project, const QString &projectFile,
        provision::Operation operation, QWidget *parent = nullptr);
    ~ProvisionDialog() override;

    void setOptions(const provision::ProvisionOptions &options);
    provision::ProvisionOptions options() const;
    // Builds the request and starts; false (with the reasons shown) when the project cannot
    // be provisioned as it is (unsaved, a node without a pod subnet, ...).
    bool startRun();
    bool isRunning() const;
    const provision::ProvisionReport &report() const { return m_report; }
    QString summaryText() const;
    GuiPrompter *prompter() const { return m_prompter; }
    ProvisionProgressWidget *progress() const { return m_progress; }

Q_SIGNALS:
    void runFinished(const k3snet::provision::ProvisionReport &report);

protected:
    void reject() override;

private:
    void buildUi();
    void setRunning(bool running);
    void onFinished(const provision::ProvisionReport &report);
    void showProblems(const QStringList &errors, const QStringList &warnings);

    model::Project m_project;
    QString m_projectFile;
    provision::Operation m_operation;
    provision::Provisioner *m_provisioner;
    GuiPrompter *m_prompter;
    provision::ProvisionReport m_report;

    QListWidget *m_nodes = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_identity = nullptr;
    QCheckBox *m_acceptNew = nullptr;
    QSpinBox *m_jobs = nullptr;
    ProvisionProgressWidget *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_closeAfterCancel = false;
};

} // namespace k3snet
