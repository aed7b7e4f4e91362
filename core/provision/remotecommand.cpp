// SPDX-License-Identifier: GPL-3.0-or-later
#include "provision/remotecommand.h"

#include <QRegularExpression>

namespace k3snet::provision {

QByteArray RemoteCommand::quote(const QByteArray &word)
{
    QByteArray out;
    out.reserve(word.size() + 2);
    out += '\'';
    for (char c : word) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

QByteArray RemoteCommand::asRoot(const QByteArray &command, Privilege privilege)
{
    switch (privilege) {
    case Privilege::Root:
        return "LC_ALL=C " + command;
    case Privilege::Sudo:
        return "LC_ALL=C sudo -n -- " + command;
    case Privilege::SudoWithPassword:
        return "LC_ALL=C sudo -k -S -p '' -- " + command;
    }
    return {};
}

QByteArray RemoteCommand::nodeScript(const QStringList &args, Privilege privilege)
{
    QByteArray command = "sh -s --";
    for (const QString &a : args)
        command += ' ' + quote(a);
    return asRoot(command, privilege);
}

bool RemoteCommand::isPlainFileName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"));
    return plain.match(name).hasMatch();
}

QByteArray RemoteCommand::receive(const QList<StagedFile> &files, Privilege privilege)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    QByteArray words;
    for (const StagedFile &f : files) {
        if (!isPlainFileName(f.name) || f.size < 0 || !hex.match(QString::fromLatin1(f.sha256)).hasMatch())
            return {};
        words += ' ' + quote(f.name) + ' ' + QByteArray::number(f.size) + ' ' + f.sha256;
    }
    // $1 the stage, then name size sha256 per file. Anything short or wrong drops the whole
    // stage before a word is said: when the connection is gone, the message is what fails
    // (SIGPIPE is ignored for that), not the cleanup. head -c reads no byte past its count, so
    // the next file starts where the last one ended.
    const QByteArray script = "set -u; umask 077; trap '' PIPE; d=$1; shift; "
                              "drop() { rm -rf \"$d\"; }; "
                              "rm -rf \"$d\"; mkdir -p \"$d\" || exit 1; "
                              "trap drop EXIT; "
                              "while [ $# -ge 3 ]; do "
                              "p=$d/$1.part; "
                              "head -c \"$2\" >\"$p\" || exit 1; "
                              "n=$(wc -c <\"$p\"); "
                              "if [ \"$n\" -ne \"$2\" ]; then drop; echo \"error: received $n of $2 bytes of $1\" >&2; exit 3; fi; "
                              "if ! echo \"$3  $p\" | sha256sum -c --status; then "
                              "drop; echo \"error: $1 arrived with another sha256\" >&2; exit 4; fi; "
                              "mv -f \"$p\" \"$d/$1\" || exit 1; "
                              "shift 3; done; trap - EXIT";
    const QByteArray command = "sh -c " + quote(script) + " k3snet-receive " + quote(QByteArray(stageDir)) + words;
    return asRoot(command, privilege);
}

QByteArray RemoteCommand::firstNodeScript(const QStringList &args)
{
    QByteArray words;
    for (const QString &a : args)
        words += ' ' + quote(a);
    // The login uid goes to standard error, which stays empty otherwise unless sudo speaks.
    return "LC_ALL=C; export LC_ALL; u=$(id -u); echo \"k3snet: login uid $u\" >&2; if [ \"$u\" = 0 ]; then exec sh -s --" + words
        + "; fi; if ! command -v sudo >/dev/null 2>&1; then echo 'sudo: command not found' >&2; exit 127; fi; "
          "exec sudo -n -- sh -s --"
        + words;
}

QByteArray RemoteCommand::sudoCheck()
{
    return asRoot("sh -c :", Privilege::SudoWithPassword);
}

} // namespace k3snet::provision
