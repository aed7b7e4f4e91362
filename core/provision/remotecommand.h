// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace k3snet::provision {

// How commands get root rights on a node, as found out by the sudo probe.
enum class Privilege {
    Root,             // the SSH user is root: no sudo
    Sudo,             // sudo without a password (NOPASSWD)
    SudoWithPassword, // sudo -S: the password goes first on standard input
};

// Where the node script expects uploads; must match STAGE in packaging/node/k3snet-node.sh.
inline constexpr char stageDir[] = "/var/lib/k3snet/stage";

// Builds the command lines the provisioner sends over SSH. The remote login shell reads each
// one, so every argument is quoted for a POSIX shell; LC_ALL=C keeps the messages of sudo and
// the tools parseable. No secret is ever part of a command line (sudo -S reads it from stdin).
class RemoteCommand
{
public:
    // 'word' for a POSIX shell, with every ' written as '\''. The empty word is ''.
    static QByteArray quote(const QByteArray &word);
    static QByteArray quote(const QString &word) { return quote(word.toUtf8()); }

    // "LC_ALL=C <sudo...> command": the command run as root. With SudoWithPassword the caller
    // must send the password and a newline before anything else on standard input, and only
    // then; -k makes sudo read it even when it holds cached credentials, so it never leaks into
    // the command's input.
    static QByteArray asRoot(const QByteArray &command, Privilege privilege);

    // Runs the node script (sent on standard input after any password) with these arguments.
    static QByteArray nodeScript(const QStringList &args, Privilege privilege);

    // A file for receive(): its name in the stage, size and sha256 (hex).
    struct StagedFile
    {
        QString name;
        qint64 size = 0;
        QByteArray sha256;
    };
    // Receives the files, one after the other, from standard input into a fresh <stageDir>:
    // each is written under umask 077 to <name>.part, checked for length and sha256 on the
    // node, then renamed. Anything short or wrong removes the whole stage, done by the node
    // itself (also when the connection drops). Empty when a name is not a plain file name, a
    // size is negative or a sha256 is not 64 hex digits.
    static QByteArray receive(const QList<StagedFile> &files, Privilege privilege);

    // The first command of a job, before it knows how to become root: runs the node script
    // as root directly when the SSH user is root, else through `sudo -n`; "k3snet: login uid N"
    // on standard error says which. When sudo wants a password it fails at once without
    // reading its input ("sudo: a password is required" on standard error, nothing on
    // standard output).
    static QByteArray firstNodeScript(const QStringList &args);
    // Runs a no-op through sudo -S to check the password (standard input: password line only).
    static QByteArray sudoCheck();

    // A plain file name: 1 to 64 of [A-Za-z0-9._-], not starting with a dot.
    static bool isPlainFileName(const QString &name);
};

} // namespace k3snet::provision
