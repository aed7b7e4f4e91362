// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/guiprompter.h"

#include "provision/hostkeydialog.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QThread>
#include <QWidget>

namespace k3snet {

using namespace provision;

GuiPrompter::GuiPrompter(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_parent(dialogParent)
{
}

template<typename Result, typename Show>
Result GuiPrompter::onGuiThread(Show show)
{
    if (QThread::currentThread() == thread())
        return show();
    Result result{};
    QMetaObject::invokeMethod(this, [&] { result = show(); }, Qt::BlockingQueuedConnection);
    return result;
}

HostKeyAnswer GuiPrompter::askHostKey(const HostKeyQuestion &question)
{
    return onGuiThread<HostKeyAnswer>([&] { return showHostKey(question); });
}

std::optional<QByteArray> GuiPrompter::askSecret(const SecretQuestion &question)
{
    return onGuiThread<std::optional<QByteArray>>([&] { return showSecret(question); });
}

HostKeyAnswer GuiPrompter::showHostKey(const HostKeyQuestion &question)
{
    HostKeyDialog dialog(question, m_parent);
    Q_EMIT questionShown(&dialog);
    dialog.exec();
    return dialog.answer();
}

std::optional<QByteArray> GuiPrompter::showSecret(const SecretQuestion &question)
{
    QString title;
    switch (question.kind) {
    case SecretQuestion::Kind::KeyPassphrase:
        title = tr("Key Passphrase");
        break;
    case SecretQuestion::Kind::LoginPassword:
        title = tr("SSH Password — %1").arg(question.node);
        break;
    case SecretQuestion::Kind::SudoPassword:
        title = tr("sudo Password — %1").arg(question.node);
        break;
    }
    QInputDialog dialog(m_parent);
    dialog.setObjectName(QStringLiteral("secretDialog"));
    dialog.setWindowTitle(title);
    QString text = question.text;
    if (question.retry)
        text = tr("That was not accepted. %1").arg(text);
    dialog.setLabelText(text);
    dialog.setTextEchoMode(QLineEdit::Password);
    dialog.setInputMode(QInputDialog::TextInput);
    Q_EMIT questionShown(&dialog);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    QString typed = dialog.textValue();
    QByteArray secret = typed.toUtf8();
    // Do not leave the secret in the dialog's QString longer than needed.
    typed.fill(QLatin1Char(' '));
    dialog.setTextValue(QString());
    return secret;
}

} // namespace k3snet
