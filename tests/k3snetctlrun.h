// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the real k3snetctl of this build as a user would, in English, and returns what it said.
// Shared by the CLI tests of core (tests/core) and of provisioning (tests/provision); the test
// target defines K3SNET_BINARY_DIR.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace k3snetctlrun {

struct Run
{
    int exitCode = -1; // -1 when it crashed
    QString out;
    QString err;
};

// extra: variables set on top of this process's environment; stdinData: its standard input.
inline Run k3snetctl(const QStringList &args, const QProcessEnvironment &extra = {},
    const QByteArray &stdinData = {})
{
    QProcess p;
    p.setProgram(QStringLiteral(K3SNET_BINARY_DIR "/bin/k3snetctl"));
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(extra);
    p.setProcessEnvironment(env);
    p.start();
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        qFatal("k3snetctl hung");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace k3snetctlrun
