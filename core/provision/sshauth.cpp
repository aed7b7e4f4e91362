// SPDX-License-Identifier: GPL-3.0-or-later
// SshSession::authenticate: ssh-agent, key files, then the login password, as OpenSSH tries
// them. Secrets come from the PromptBroker and are never logged.
#include "provision/sshsession.h"

#include "provision/promptbroker.h"
#include "provision/provisiontr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstring>

namespace k3snet::provision {

namespace {

constexpr int maxPassphraseTries = 3;

// What libssh's passphrase callback needs to ask the broker.
struct PassphraseRequest
{
    PromptBroker *broker;
    SecretQuestion question;
    bool declined = false;
};

int passphraseCallback(const char *, char *buf, size_t len, int, int, void *userdata)
{
    auto *request = static_cast<PassphraseRequest *>(userdata);
    const std::optional<QByteArray> secret = request->broker->secret(request->question);
    if (!secret || size_t(secret->size()) + 1 > len) {
        request->declined = true;
        return -1;
    }
    std::memcpy(buf, secret->constData(), size_t(secret->size()));
    buf[secret->size()] = '\0';
    return 0;
}

QStringList defaultIdentities()
{
    QStringList files;
    const QString dir = QDir::homePath() + QStringLiteral("/.ssh/");
    for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
        const QString file = dir + QLatin1String(name);
        if (QFileInfo::exists(file))
            files << file;
    }
    return files;
}

} // namespace

bool SshSession::tryAgent(QStringList *log)
{
    if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
        return false;
    const int rc = ssh_userauth_agent(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        log->append(Provisioning::tr("authenticated with a key from ssh-agent"));
        return true;
    }
    log->append(Provisioning::tr("ssh-agent: no key was accepted"));
    return false;
}

// 1: authenticated; 0: not with this key; -1: cancelled or declined (stop trying).
int SshSession::tryKeyFile(const QString &file, const AuthOptions &options, PromptBroker &broker, QStringList *log)
{
    const QByteArray path = QFile::encodeName(file);
    // The public half first, when there is one: a key the server would refuse is never
    // decrypted, so its passphrase is never asked for.
    const QString pubFile = file + QStringLiteral(".pub");
    if (QFileInfo::exists(pubFile)) {
        ssh_key pub = nullptr;
        if (ssh_pki_import_pubkey_file(QFile::encodeName(pubFile).constData(), &pub) == SSH_OK) {
            const int offered = ssh_userauth_try_publickey(m_session, nullptr, pub);
            ssh_key_free(pub);
            if (offered != SSH_AUTH_SUCCESS) {
                log->append(Provisioning::tr("key %1: not accepted by the server").arg(file));
                return 0;
            }
        }
    }
    PassphraseRequest request{&broker, {}, false};
    request.question.kind = SecretQuestion::Kind::KeyPassphrase;
    request.question.node = options.node;
    request.question.user = m_user;
    request.question.host = m_host;
    request.question.keyFile = file;
    for (int attempt = 0; attempt < maxPassphraseTries; ++attempt) {
        if (isCancelled())
            return -1;
        request.question.retry = attempt > 0;
        request.question.text = attempt == 0
            ? Provisioning::tr("Passphrase for the SSH key %1:").arg(file)
            : Provisioning::tr("Wrong passphrase. Passphrase for the SSH key %1:").arg(file);
        ssh_key key = nullptr;
        const int rc = ssh_pki_import_privkey_file(path.constData(), nullptr, passphraseCallback, &request, &key);
        if (rc == SSH_OK && key) {
            const int auth = ssh_userauth_publickey(m_session, nullptr, key);
            ssh_key_free(key);
            if (auth == SSH_AUTH_SUCCESS) {
                log->append(Provisioning::tr("authenticated with the key %1").arg(file));
                return 1;
            }
            log->append(Provisioning::tr("key %1: not accepted by the server").arg(file));
            return 0;
        }
        if (request.declined) {
            log->append(Provisioning::tr("key %1: no passphrase given").arg(file));
            return 0;
        }
        // Without a passphrase question there was nothing to get wrong: the file is the problem.
        if (attempt == 0 && !QFileInfo(file).isReadable()) {
            log->append(Provisioning::tr("key %1: cannot be read").arg(file));
            return 0;
        }
        broker.forget(request.question);
    }
    log->append(Provisioning::tr("key %1: cannot be loaded (wrong passphrase, or not a private key)").arg(file));
    return 0;
}

bool SshSession::tryPassword(const AuthOptions &options, PromptBroker &broker, QStringList *log, bool keyboardInteractive)
{
    SecretQuestion q;
    q.kind = SecretQuestion::Kind::LoginPassword;
    q.node = options.node;
    q.user = m_user;
    q.host = m_host;
    for (int attempt = 0; attempt < 2; ++attempt) {
        q.retry = attempt > 0;
        q.text = attempt == 0 ? Provisioning::tr("SSH password for %1@%2:").arg(m_user, m_host)
                              : Provisioning::tr("Wrong password. SSH password for %1@%2:").arg(m_user, m_host);
        const std::optional<QByteArray> password = broker.secret(q);
        if (!password)
            return false;
        int rc = SSH_AUTH_DENIED;
        if (!keyboardInteractive) {
            rc = ssh_userauth_password(m_session, nullptr, password->constData());
        } else {
            // One round with one hidden prompt is a password prompt; anything else is not ours.
            rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
            while (rc == SSH_AUTH_INFO) {
                const int prompts = ssh_userauth_kbdint_getnprompts(m_session);
                for (int i = 0; i < prompts; ++i)
                    ssh_userauth_kbdint_setanswer(m_session, unsigned(i), password->constData());
                rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
            }
        }
        if (rc == SSH_AUTH_SUCCESS) {
            log->append(Provisioning::tr("authenticated with the login password"));
            return true;
        }
        broker.forget(q);
    }
    log->append(Provisioning::tr("the login password was refused"));
    return false;
}

bool SshSession::authenticate(const AuthOptions &options, PromptBroker &broker, QStringList *log, QString *error)
{
    const int none = ssh_userauth_none(m_session, nullptr);
    if (none == SSH_AUTH_SUCCESS)
        return true;
    if (none == SSH_AUTH_ERROR) {
        *error = Provisioning::tr("authentication failed: %1").arg(sshError());
        return false;
    }
    const int methods = ssh_userauth_list(m_session, nullptr);
    QStringList tried;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (options.identityFile.isEmpty()) {
            tried << Provisioning::tr("ssh-agent");
            if (tryAgent(log))
                return true;
        }
        const QStringList files = options.identityFile.isEmpty() ? defaultIdentities() : QStringList{options.identityFile};
        if (!options.identityFile.isEmpty() && !QFileInfo::exists(options.identityFile)) {
            *error = Provisioning::tr("the identity file %1 does not exist").arg(options.identityFile);
            return false;
        }
        for (const QString &file : files) {
            tried << file;
            const int rc = tryKeyFile(file, options, broker, log);
            if (rc > 0)
                return true;
            if (rc < 0 || isCancelled()) {
                *error = Provisioning::tr("cancelled");
                return false;
            }
        }
    }
    if (options.allowPassword && broker.canAsk()
        && (methods & (SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE))) {
        tried << Provisioning::tr("password");
        if (tryPassword(options, broker, log, !(methods & SSH_AUTH_METHOD_PASSWORD)))
            return true;
    }
    if (tried.isEmpty())
        tried << Provisioning::tr("nothing (the server offers no method k3snet can use)");
    *error = Provisioning::tr("%1@%2 refused every way to log in (tried: %3)")
                 .arg(m_user, m_host, tried.join(QStringLiteral(", ")));
    return false;
}

} // namespace k3snet::provision
