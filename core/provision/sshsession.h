// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provision/hostkeypolicy.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <libssh/libssh.h>

#include <atomic>
#include <functional>

namespace k3snet::provision {

class PromptBroker;

// One SSH connection to one node, owned by one thread (libssh sessions are not shared).
// Blocking, with a timeout on every wait, and a cancel flag looked at between every step and
// every chunk of I/O: a cancelled call returns at once with `cancelled` set. Counts the bytes
// it sends and receives on the wire.
class SshSession
{
public:
    explicit SshSession(const std::atomic<bool> *cancelled);
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    // Where to connect, and what may say more about it.
    struct Endpoint
    {
        QString host; // a host name, an address, or a Host alias of the SSH configuration
        int port = 0; // 0: the configuration's Port, else 22
        QString user; // empty: the configuration's User, else the local user
        int timeoutSeconds = 10;
        QStringList configFiles; // OpenSSH client configuration files, read in this order
        // The files the host key is checked against (inspectHostKey). The configuration's
        // UserKnownHostsFile, GlobalKnownHostsFile and StrictHostKeyChecking never replace them.
        QString userKnownHosts;
        QString ownKnownHosts;
    };
    // Reads the SSH configuration for endpoint.host (HostName, Port, User, IdentityFile,
    // ProxyCommand/ProxyJump, algorithms, ...), opens the TCP connection and runs the key
    // exchange (no authentication yet). A port or user given in endpoint wins over the
    // configuration's (see docs/provisioning.md); the host-key checking stays k3snet's.
    bool connect(const Endpoint &endpoint, QString *error);
    // What the configuration changed, for the node's log ("SSH configuration (~/.ssh/config)
    // for pi-alias: HostName 192.0.2.13, Port 2222, ..."); empty when it changed nothing.
    QString configNote() const { return m_configNote; }
    int port() const { return m_port; }

    struct HostKey
    {
        QString keyType;     // "ssh-ed25519"
        QString fingerprint; // "SHA256:..."
        KnownHostState userFile = KnownHostState::NoFile;
        KnownHostState ownFile = KnownHostState::NoFile;
        QString error; // set when the server's key could not be read
    };
    // The server's key and what each known_hosts file says about it.
    HostKey inspectHostKey(const QString &userKnownHosts, const QString &ownKnownHosts);
    // Appends the server's key to k3snet's own known_hosts file (creating it, mode 0600 in a
    // 0700 directory). Only call after the user or --accept-new accepted it.
    bool recordHostKey(const QString &ownKnownHosts, QString *error);

    struct AuthOptions
    {
        QString node;         // for questions
        // Empty: ssh-agent, then the configuration's IdentityFile, else ~/.ssh/id_ed25519,
        // id_ecdsa, id_rsa. Set: this key only.
        QString identityFile;
        bool allowPassword = true; // ask for the login password when keys fail (needs a prompter)
    };
    // Authenticates as the user connect() settled on: ssh-agent, key files (passphrase asked
    // through broker, once per key file per run), then the login password if the server
    // offers it and a prompter can ask. On failure, error says what was tried and why each
    // way failed (a wrong passphrase names its key file).
    bool authenticate(const AuthOptions &options, PromptBroker &broker, QStringList *log, QString *error);

    struct ExecResult
    {
        int exitStatus = -1; // -1: the command did not report one (killed, connection lost)
        QByteArray out;
        QByteArray err;
        QString error; // transport failure; empty when the command ran to its end
        bool cancelled = false;
        bool timedOut = false;
        bool ok() const { return error.isEmpty() && !cancelled && !timedOut && exitStatus == 0; }
        // error, or the command's last error line, or "exit status N": for messages.
        QString failure() const;
    };
    struct ExecOptions
    {
        QByteArray input; // sent on standard input, then end of file
        int timeoutMs = 60000;
        // Called after each chunk of input: bytes of input written so far.
        std::function<void(qint64 written)> progress;
        // Run even when the job is cancelled: the cleanup after a cancel (rollback, discard),
        // and a change on the node that must not be cut off half-way.
        bool ignoreCancel = false;
        // Called with each line of standard output as it arrives (without the newline).
        std::function<void(const QByteArray &line)> onLine;
    };
    ExecResult exec(const QByteArray &command, const ExecOptions &options);

    bool isCancelled() const { return m_cancelled && m_cancelled->load(); }
    quint64 bytesSent() const { return m_socketCounter.out_bytes; }
    quint64 bytesReceived() const { return m_socketCounter.in_bytes; }
    QString user() const { return m_user; }
    QString host() const { return m_host; }

private:
    enum class KeyOutcome
    {
        Accepted,
        NotAccepted,
        Unusable,
        NoPassphrase,
        WrongPassphrase,
        Cancelled
    };
    enum class PasswordOutcome
    {
        Accepted,
        Refused,
        NotGiven
    };
    bool tryAgent(QStringList *log);
    KeyOutcome tryKeyFile(const QString &file, const AuthOptions &options, PromptBroker &broker,
        QStringList *log, QString *why);
    PasswordOutcome tryPassword(const AuthOptions &options, PromptBroker &broker, QStringList *log,
        bool keyboardInteractive);
    QStringList identityFiles(const AuthOptions &options) const;
    bool readConfig(const Endpoint &endpoint, QString *error);
    QString sshError() const;

    ssh_session m_session = nullptr;
    const std::atomic<bool> *m_cancelled;
    ssh_counter_struct m_socketCounter{};
    ssh_counter_struct m_rawCounter{};
    QString m_host;
    QString m_user;
    int m_port = 22;
    QString m_configIdentity; // the configuration's IdentityFile for the host, expanded
    QString m_configNote;
    bool m_connected = false;
};

} // namespace k3snet::provision
