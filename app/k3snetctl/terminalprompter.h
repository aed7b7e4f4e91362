// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "askpassprogram.h"

#include "provision/prompter.h"

#include <atomic>

class ProgressView;

// Answers the provisioner's questions on the terminal (standard input and error), as ssh and
// sudo do: the host key fingerprint with yes/no/once, secrets with echo off. Not interactive
// when standard input is not a terminal or --batch is given: unknown hosts are then refused
// and only a sudo password read up front (--sudo-password-stdin) is available. An askpass
// program (K3SNET_ASKPASS) answers secrets instead of the terminal, with or without one.
class TerminalPrompter : public k3snet::provision::Prompter
{
public:
    TerminalPrompter(bool interactive, ProgressView *view);
    ~TerminalPrompter() override;

    // Reads one line from standard input as the sudo password of the run. Empty on EOF.
    bool readSudoPasswordFromStdin();
    // Ends a question being asked (Ctrl-C) and declines every later one. Thread-safe.
    void cancel();
    bool isInteractive() const override { return m_interactive; }
    bool canAskSecrets() const override { return m_interactive || m_askpass.isSet(); }
    // Secrets (not host keys) are asked through this program from now on.
    void setAskpass(const AskpassProgram &askpass) { m_askpass = askpass; }

    k3snet::provision::HostKeyAnswer askHostKey(const k3snet::provision::HostKeyQuestion &q) override;
    std::optional<QByteArray> askSecret(const k3snet::provision::SecretQuestion &q) override;

private:
    // One line from standard input; nullopt when cancel() came first.
    std::optional<QByteArray> readLine(bool echo);

    bool m_interactive;
    int m_wake[2] = {-1, -1}; // cancel() writes here to wake a read
    std::atomic<bool> m_cancelled{false};
    ProgressView *m_view;
    AskpassProgram m_askpass;
    QByteArray m_sudoPassword;
};
