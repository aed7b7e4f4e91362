// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/prompter.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <optional>

// A program that answers secret questions for k3snetctl when no one types at a terminal
// (K3SNET_ASKPASS, as ssh's SSH_ASKPASS): run without a shell, with the question as its only
// argument, standard input from /dev/null and K3SNET_ASKPASS_KIND (key-passphrase,
// login-password, sudo-password), K3SNET_ASKPASS_NODE, K3SNET_ASKPASS_KEY (the key file, for a
// passphrase) and K3SNET_ASKPASS_RETRY (1 after a wrong answer) in its environment. The first
// line it prints is the answer; an exit status other than 0, or no line, declines. ssh-askpass
// and ksshaskpass work as they are.
class AskpassProgram
{
public:
    // The program K3SNET_ASKPASS names, looked up in PATH when it has no slash; empty when the
    // variable is not set. *error is set when it is set but names no executable program.
    static QString fromEnvironment(QString *error);

    explicit AskpassProgram(const QString &program = {});
    bool isSet() const { return !m_program.isEmpty(); }
    QString program() const { return m_program; }

    // Runs the program for question; nullopt when it declines, fails, or *cancelled turns true
    // while it runs (it is then killed). The answer is never written anywhere.
    std::optional<QByteArray> ask(const k3snet::provision::SecretQuestion &question,
        const std::atomic<bool> &cancelled) const;

private:
    QString m_program;
};
