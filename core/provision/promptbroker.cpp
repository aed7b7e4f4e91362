// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/promptbroker.h"

#include <cstring>

namespace k3snet::provision {

PromptBroker::PromptBroker(Prompter *prompter, const std::atomic<bool> *cancelled)
    : m_prompter(prompter)
    , m_cancelled(cancelled)
{
}

PromptBroker::~PromptBroker()
{
    wipe();
}

void PromptBroker::wipe(QByteArray &secret)
{
    // In place, not on a detached copy: the jobs' copies share this buffer, and once the run is
    // over none of them may keep the secret either.
    if (!secret.isEmpty())
        ::explicit_bzero(const_cast<char *>(secret.constData()), size_t(secret.size()));
    secret.clear();
}

void PromptBroker::wipe()
{
    QMutexLocker lock(&m_cacheMutex);
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        wipe(it.value());
    m_secrets.clear();
}

HostKeyAnswer PromptBroker::askHostKey(const HostKeyQuestion &question)
{
    if (!canAsk())
        return HostKeyAnswer::Reject;
    QMutexLocker lock(&m_askMutex);
    if (m_cancelled && m_cancelled->load())
        return HostKeyAnswer::Reject;
    return m_prompter->askHostKey(question);
}

QString PromptBroker::cacheKey(const SecretQuestion &q)
{
    switch (q.kind) {
    case SecretQuestion::Kind::KeyPassphrase: return QStringLiteral("key:") + q.keyFile;
    case SecretQuestion::Kind::LoginPassword: return QStringLiteral("login:") + q.user;
    case SecretQuestion::Kind::SudoPassword: return QStringLiteral("sudo");
    }
    return {};
}

std::optional<QByteArray> PromptBroker::secret(const SecretQuestion &question)
{
    if (!m_prompter)
        return std::nullopt;
    const QString key = cacheKey(question);
    // Holding the question lock while looking at the cache: a job that waited for another
    // job's question finds its answer here instead of asking again.
    QMutexLocker ask(&m_askMutex);
    {
        QMutexLocker lock(&m_cacheMutex);
        if (!question.retry && m_secrets.contains(key))
            return m_secrets.value(key);
    }
    if (m_cancelled && m_cancelled->load())
        return std::nullopt;
    std::optional<QByteArray> answer = m_prompter->askSecret(question);
    if (!answer)
        return std::nullopt;
    QMutexLocker lock(&m_cacheMutex);
    m_secrets.insert(key, *answer);
    return answer;
}

void PromptBroker::forget(const SecretQuestion &question)
{
    QMutexLocker lock(&m_cacheMutex);
    // Dropped, not wiped: another job may still be using the same buffer right now.
    m_secrets.remove(cacheKey(question));
}

} // namespace k3snet::provision
