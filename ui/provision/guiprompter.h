// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/prompter.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace k3snet {

// The provisioner's questions as dialogs. The node jobs ask from worker threads; each question
// is shown on the GUI thread (a blocking queued call) while the asking job waits, so the window
// stays responsive and other nodes go on. Secrets live only in the returned QByteArray.
class GuiPrompter : public QObject, public provision::Prompter
{
    Q_OBJECT

public:
    explicit GuiPrompter(QWidget *dialogParent);

    provision::HostKeyAnswer askHostKey(const provision::HostKeyQuestion &question) override;
    std::optional<QByteArray> askSecret(const provision::SecretQuestion &question) override;

Q_SIGNALS:
    // Emitted on the GUI thread just before a question's dialog opens (tests answer it).
    void questionShown(QWidget *dialog);

private:
    provision::HostKeyAnswer showHostKey(const provision::HostKeyQuestion &question);
    std::optional<QByteArray> showSecret(const provision::SecretQuestion &question);
    template<typename Result, typename Show>
    Result onGuiThread(Show show);

    QPointer<QWidget> m_parent;
};

} // namespace k3snet
