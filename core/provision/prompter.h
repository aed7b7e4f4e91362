// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace k3snet::provision {

// An unknown host presented this key: may k3snet trust it?
struct HostKeyQuestion
{
    QString node;
    QString host;
    int port = 22;
    QString keyType;     // "ssh-ed25519"
    QString fingerprint; // "SHA256:..." as OpenSSH prints it
    QString knownHostsFile; // where an accepted key is recorded (k3snet's own file)
};

enum class HostKeyAnswer {
    Reject,
    AcceptOnce,      // for this run only
    AcceptAndRecord, // and record it in k3snet's known_hosts file
};

// A secret the job needs. The provisioner asks each at most once per run (per key file for
// passphrases) and keeps the answer in memory only until the run ends.
struct SecretQuestion
{
    enum class Kind { KeyPassphrase, LoginPassword, SudoPassword };
    Kind kind = Kind::SudoPassword;
    QString node;    // the node that needs it first
    QString user;    // SSH user (login, sudo)
    QString host;
    QString keyFile; // KeyPassphrase: the private key file
    bool retry = false; // the previous answer was refused
    QString text;    // the question, translated, ready to show
};

// How a run asks its user. Called from the node jobs' worker threads, one question at a time
// (the provisioner serialises them); each call blocks until the user has answered. The CLI
// answers on the terminal; a GUI answers with dialogs on its own thread, e.g. through
// QMetaObject::invokeMethod(dialogOwner, ..., Qt::BlockingQueuedConnection). Without a
// prompter, unknown hosts are refused (unless --accept-new) and no secret is available.
class Prompter
{
public:
    virtual ~Prompter() = default;
    // Whether a person answers (a terminal, a GUI). False: askHostKey is not called (unknown
    // hosts are refused unless --accept-new), and askSecret may only have answers given up front.
    virtual bool isInteractive() const { return true; }
    // Whether askSecret can get an answer from someone now (a person, or an askpass program
    // the user set up). False: a login password is not even tried, and a passphrase or
    // password that is needed fails the node with a message saying nobody can type it.
    virtual bool canAskSecrets() const { return isInteractive(); }
    virtual HostKeyAnswer askHostKey(const HostKeyQuestion &question) = 0;
    // nullopt: the user declined (the job fails with a clear message).
    virtual std::optional<QByteArray> askSecret(const SecretQuestion &question) = 0;
};

} // namespace k3snet::provision
