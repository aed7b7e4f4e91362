// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/prompter.h"

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>

#include <atomic>
#include <optional>

namespace k3snet::provision {

// The one door from the node jobs to the Prompter of a run: questions go through it one at a
// time (jobs wait their turn), and answers to secrets are kept for the rest of the run — the
// sudo password once per run, a login password per user, a passphrase per key file — so eight
// nodes ask once. wipe() overwrites every secret it holds; the destructor calls it.
class PromptBroker
{
public:
    PromptBroker(Prompter *prompter, const std::atomic<bool> *cancelled);
    ~PromptBroker();
    PromptBroker(const PromptBroker &) = delete;
    PromptBroker &operator=(const PromptBroker &) = delete;

    // Whether someone answers host-key questions (and secrets).
    bool canAsk() const { return m_prompter && m_prompter->isInteractive(); }
    // Whether someone answers secret questions: a person, or an askpass program.
    bool canAskSecrets() const { return m_prompter && m_prompter->canAskSecrets(); }
    HostKeyAnswer askHostKey(const HostKeyQuestion &question);
    // The secret for question (kind, and user or key file): the one given earlier in the run
    // unless `retry` asks again because it was refused. nullopt when declined or no prompter.
    std::optional<QByteArray> secret(const SecretQuestion &question);
    // A secret that turned out wrong: the next question asks the user again.
    void forget(const SecretQuestion &question);
    void wipe();

    static void wipe(QByteArray &secret);

private:
    static QString cacheKey(const SecretQuestion &question);

    Prompter *m_prompter;
    const std::atomic<bool> *m_cancelled;
    QMutex m_askMutex; // one question at a time
    QMutex m_cacheMutex;
    QMap<QString, QByteArray> m_secrets;
};

} // namespace k3snet::provision
