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
constexpr int maxPasswordTries = 2;

// What libssh's passphrase callback needs to ask the broker.
struct PassphraseRequest
{
    PromptBroker *broker;
    SecretQuestion question;
    bool asked = false; // libssh wanted a passphrase: the key file is encrypted
    bool declined = false; // and none was given
};

int passphraseCallback(const char *, char *buf, size_t len, int, int, void *userdata)
{
    auto *request = static_cast<PassphraseRequest *>(userdata);
    request->asked = true;
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

// Why a secret cannot be asked for in this run: said wherever one would have been needed.
QString nobodyToAsk()
{
    return Provisioning::tr(
        "nobody can type it in this run (no terminal and no askpass program, or --batch)");
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

SshSession::KeyOutcome SshSession::tryKeyFile(const QString &file, const AuthOptions &options,
    PromptBroker &broker, QStringList *log, QString *why)
{
    const QByteArray path = QFile::encodeName(file);
    if (!QFileInfo::exists(file)) {
        *why = Provisioning::tr("the key %1 does not exist").arg(file);
        log->append(*why);
        return KeyOutcome::Unusable;
    }
    // The public half first, when there is one: a key the server would refuse is never
    // decrypted, so its passphrase is never asked for.
    const QString pubFile = file + QStringLiteral(".pub");
    if (QFileInfo::exists(pubFile)) {
        ssh_key pub = nullptr;
        if (ssh_pki_import_pubkey_file(QFile::encodeName(pubFile).constData(), &pub) == SSH_OK) {
            const int offered = ssh_userauth_try_publickey(m_session, nullptr, pub);
            ssh_key_free(pub);
            if (offered != SSH_AUTH_SUCCESS) {
                *why = Provisioning::tr("the key %1 is not accepted by the node").arg(file);
                log->append(*why);
                return KeyOutcome::NotAccepted;
            }
        }
    }
    PassphraseRequest request{&broker, {}};
    request.question.kind = SecretQuestion::Kind::KeyPassphrase;
    request.question.node = options.node;
    request.question.user = m_user;
    request.question.host = m_host;
    request.question.keyFile = file;
    for (int attempt = 0; attempt < maxPassphraseTries; ++attempt) {
        if (isCancelled())
            return KeyOutcome::Cancelled;
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
                return KeyOutcome::Accepted;
            }
            *why = Provisioning::tr("the key %1 is not accepted by the node").arg(file);
            log->append(*why);
            return KeyOutcome::NotAccepted;
        }
        if (isCancelled())
            return KeyOutcome::Cancelled;
        if (request.declined && attempt > 0) {
            *why = Provisioning::tr("wrong passphrase for the key %1").arg(file);
            log->append(*why);
            return KeyOutcome::WrongPassphrase;
        }
        if (request.declined) {
            *why = broker.canAskSecrets()
                ? Provisioning::tr("the key %1 is protected by a passphrase, and none was given")
                      .arg(file)
                : Provisioning::tr("the key %1 is protected by a passphrase, and %2")
                      .arg(file, nobodyToAsk());
            log->append(*why);
            return KeyOutcome::NoPassphrase;
        }
        // Without a passphrase question there was nothing to get wrong: the file is the problem.
        if (!request.asked) {
            *why = QFileInfo(file).isReadable()
                ? Provisioning::tr(
                    "the key %1 cannot be loaded (not a private key in a format libssh reads)")
                      .arg(file)
                : Provisioning::tr("the key %1 cannot be read").arg(file);
            log->append(*why);
            return KeyOutcome::Unusable;
        }
        broker.forget(request.question);
    }
    *why = Provisioning::tr("wrong passphrase for the key %1 (asked %2 times)")
               .arg(file)
               .arg(maxPassphraseTries);
    log->append(*why);
    return KeyOutcome::WrongPassphrase;
}

SshSession::PasswordOutcome SshSession::tryPassword(
    const AuthOptions &options, PromptBroker &broker, QStringList *log, bool keyboardInteractive)
{
    SecretQuestion q;
    q.kind = SecretQuestion::Kind::LoginPassword;
    q.node = options.node;
    q.user = m_user;
    q.host = m_host;
    for (int attempt = 0; attempt < maxPasswordTries; ++attempt) {
        q.retry = attempt > 0;
        q.text = attempt == 0 ? Provisioning::tr("SSH password for %1@%2:").arg(m_user, m_host)
                              : Provisioning::tr("Wrong password. SSH password for %1@%2:").arg(m_user, m_host);
        const std::optional<QByteArray> password = broker.secret(q);
        if (!password)
            return attempt == 0 ? PasswordOutcome::NotGiven : PasswordOutcome::Refused;
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
            return PasswordOutcome::Accepted;
        }
        broker.forget(q);
        if (isCancelled())
            return PasswordOutcome::NotGiven;
    }
    log->append(Provisioning::tr("the login password was refused"));
    return PasswordOutcome::Refused;
}

QStringList SshSession::identityFiles(const AuthOptions &options) const
{
    if (!options.identityFile.isEmpty())
        return {options.identityFile};
    // As ssh: an IdentityFile of the configuration replaces the default keys.
    if (!m_configIdentity.isEmpty())
        return {m_configIdentity};
    return defaultIdentities();
}

bool SshSession::authenticate(const AuthOptions &options, PromptBroker &broker, QStringList *log, QString *error)
{
    const QString where = m_port == 22 ? m_host : QStringLiteral("%1:%2").arg(m_host).arg(m_port);
    const int none = ssh_userauth_none(m_session, nullptr);
    if (none == SSH_AUTH_SUCCESS)
        return true;
    if (none == SSH_AUTH_ERROR) {
        *error = Provisioning::tr("authentication failed: %1").arg(sshError());
        return false;
    }
    const int methods = ssh_userauth_list(m_session, nullptr);
    const bool passwordOffered = methods & (SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE);
    QStringList reasons;
    const auto cancelled = [&] {
        *error = Provisioning::tr("cancelled before logging in; nothing was done");
        return false;
    };
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (options.identityFile.isEmpty() && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            if (tryAgent(log))
                return true;
            reasons << Provisioning::tr("ssh-agent had no key the node accepts");
        }
        const QStringList files = identityFiles(options);
        if (files.isEmpty())
            reasons << Provisioning::tr(
                "no key file (none given with --identity or IdentityFile, no ~/.ssh/id_ed25519, "
                "id_ecdsa or id_rsa)");
        for (const QString &file : files) {
            QString why;
            const KeyOutcome outcome = tryKeyFile(file, options, broker, log, &why);
            if (outcome == KeyOutcome::Accepted)
                return true;
            if (outcome == KeyOutcome::Cancelled || isCancelled())
                return cancelled();
            reasons << why;
        }
    }
    if (passwordOffered && options.allowPassword) {
        if (!broker.canAskSecrets()) {
            reasons << (methods & SSH_AUTH_METHOD_PUBLICKEY
                    ? Provisioning::tr("the node also takes the login password, but %1")
                          .arg(nobodyToAsk())
                    : Provisioning::tr("the node takes only the login password for %1, and %2")
                          .arg(m_user, nobodyToAsk()));
        } else {
            switch (tryPassword(options, broker, log, !(methods & SSH_AUTH_METHOD_PASSWORD))) {
            case PasswordOutcome::Accepted:
                return true;
            case PasswordOutcome::Refused:
                reasons
                    << Provisioning::tr("the node refused the login password of %1").arg(m_user);
                break;
            case PasswordOutcome::NotGiven:
                if (isCancelled())
                    return cancelled();
                reasons << Provisioning::tr("no login password was given");
                break;
            }
        }
    }
    if (reasons.isEmpty())
        reasons << Provisioning::tr(
            "the node offers no way to log in that k3snet can use (only public keys and "
            "passwords are)");
    *error = Provisioning::tr("cannot log in to %1 as %2: %3; nothing was done on the node")
                 .arg(where, m_user, reasons.join(QStringLiteral("; ")));
    return false;
}

} // namespace k3snet::provision
