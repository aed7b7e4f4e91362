// SPDX-License-Identifier: GPL-3.0-or-later
#include "askpassprogram.h"

#include "cli.h"

#include "provision/promptbroker.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

using namespace k3snet::provision;

namespace {

// More than any passphrase: an askpass that prints this much is broken.
constexpr qint64 maxAnswerBytes = 64 * 1024;
constexpr int pollMs = 200;

QString kindName(SecretQuestion::Kind kind)
{
    switch (kind) {
    case SecretQuestion::Kind::KeyPassphrase:
        return QStringLiteral("key-passphrase");
    case SecretQuestion::Kind::LoginPassword:
        return QStringLiteral("login-password");
    case SecretQuestion::Kind::SudoPassword:
        return QStringLiteral("sudo-password");
    }
    return {};
}

} // namespace

QString AskpassProgram::fromEnvironment(QString *error)
{
    const QString value = qEnvironmentVariable("K3SNET_ASKPASS");
    if (value.isEmpty())
        return {};
    const QString program
        = value.contains(QLatin1Char('/')) ? value : QStandardPaths::findExecutable(value);
    const QFileInfo info(program);
    if (program.isEmpty() || !info.isFile() || !info.isExecutable()) {
        *error = Cli::tr("K3SNET_ASKPASS: \"%1\" is not an executable program").arg(value);
        return {};
    }
    return info.absoluteFilePath();
}

AskpassProgram::AskpassProgram(const QString &program)
    : m_program(program)
{
}

std::optional<QByteArray> AskpassProgram::ask(
    const SecretQuestion &question, const std::atomic<bool> &cancelled) const
{
    if (m_program.isEmpty() || cancelled)
        return std::nullopt;
    QProcess process;
    process.setProgram(m_program);
    process.setArguments({question.text});
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("K3SNET_ASKPASS_KIND"), kindName(question.kind));
    env.insert(QStringLiteral("K3SNET_ASKPASS_NODE"), question.node);
    env.insert(QStringLiteral("K3SNET_ASKPASS_RETRY"),
        question.retry ? QStringLiteral("1") : QStringLiteral("0"));
    if (question.kind == SecretQuestion::Kind::KeyPassphrase)
        env.insert(QStringLiteral("K3SNET_ASKPASS_KEY"), question.keyFile);
    else
        env.remove(QStringLiteral("K3SNET_ASKPASS_KEY"));
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    // Its complaints (a missing display, say) are worth seeing; its answer is not.
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QIODevice::ReadOnly);
    if (!process.waitForStarted()) {
        Cli::err() << Cli::tr("k3snetctl: cannot run the askpass program %1: %2")
                          .arg(m_program, process.errorString())
                   << '\n';
        Cli::err().flush();
        return std::nullopt;
    }
    // Wait in small steps: a Ctrl-C (cancelled) must not wait for someone to close a dialog.
    while (process.state() != QProcess::NotRunning) {
        process.waitForFinished(pollMs);
        if (cancelled || process.bytesAvailable() > maxAnswerBytes) {
            process.kill();
            process.waitForFinished();
            QByteArray junk = process.readAllStandardOutput();
            PromptBroker::wipe(junk);
            return std::nullopt;
        }
    }
    QByteArray out = process.readAllStandardOutput();
    qsizetype length = out.indexOf('\n');
    if (length < 0)
        length = out.size();
    if (length > 0 && out.at(length - 1) == '\r')
        --length;
    std::optional<QByteArray> answer;
    // A copy of its own (not sharing out's buffer), so that out can be wiped.
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0 && length > 0)
        answer = QByteArray(out.constData(), length);
    PromptBroker::wipe(out);
    return answer;
}
