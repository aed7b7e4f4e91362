// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/prompter.h"

#include <QDialog>

namespace k3snet {

// "The host 192.0.2.11 is not known": the SHA-256 fingerprint, as OpenSSH prints it, for the
// user to compare with `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on the node. Reject
// is the default button and Escape rejects, so that a stray Enter never trusts a host.
class HostKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HostKeyDialog(const provision::HostKeyQuestion &question, QWidget *parent = nullptr);
    provision::HostKeyAnswer answer() const { return m_answer; }

private:
    provision::HostKeyAnswer m_answer = provision::HostKeyAnswer::Reject;
};

} // namespace k3snet
