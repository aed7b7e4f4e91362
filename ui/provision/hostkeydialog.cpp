// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/hostkeydialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace k3snet {

using provision::HostKeyAnswer;

HostKeyDialog::HostKeyDialog(const provision::HostKeyQuestion &q, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Unknown Host Key — %1").arg(q.node));
    setObjectName(QStringLiteral("hostKeyDialog"));

    auto *icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    auto *text = new QLabel(tr("<p><b>k3snet has never connected to node %1 (%2, port %3).</b></p>"
                               "<p>Before trusting it, compare this fingerprint with the one the node "
                               "shows for its own key, for example with <tt>ssh-keygen -lf "
                               "/etc/ssh/ssh_host_ed25519_key.pub</tt> on its console.</p>")
                                .arg(q.node.toHtmlEscaped(), q.host.toHtmlEscaped())
                                .arg(q.port));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);

    auto *fingerprint = new QLabel(q.keyType + QLatin1Char(' ') + q.fingerprint);
    fingerprint->setObjectName(QStringLiteral("fingerprint"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    fingerprint->setAccessibleName(tr("Host key fingerprint"));
    auto *where = new QLabel(tr("A remembered key is written to %1.").arg(q.knownHostsFile));
    where->setWordWrap(true);

    auto *buttons = new QDialogButtonBox;
    QPushButton *rejectButton = buttons->addButton(tr("&Reject"), QDialogButtonBox::RejectRole);
    QPushButton *once = buttons->addButton(tr("Accept &Once"), QDialogButtonBox::AcceptRole);
    QPushButton *remember = buttons->addButton(tr("&Accept and Remember"), QDialogButtonBox::AcceptRole);
    rejectButton->setObjectName(QStringLiteral("rejectButton"));
    once->setObjectName(QStringLiteral("acceptOnceButton"));
    remember->setObjectName(QStringLiteral("acceptRememberButton"));
    rejectButton->setDefault(true);
    rejectButton->setAutoDefault(true);
    once->setAutoDefault(false);
    remember->setAutoDefault(false);
    connect(rejectButton, &QPushButton::clicked, this, [this] {
        m_answer = HostKeyAnswer::Reject;
        reject();
    });
    connect(once, &QPushButton::clicked, this, [this] {
        m_answer = HostKeyAnswer::AcceptOnce;
        accept();
    });
    connect(remember, &QPushButton::clicked, this, [this] {
        m_answer = HostKeyAnswer::AcceptAndRecord;
        accept();
    });

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(fingerprint);
    layout->addWidget(where);
    layout->addWidget(buttons);
    rejectButton->setFocus();
}

} // namespace k3snet
