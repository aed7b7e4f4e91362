// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalprompter.h"

#include "cli.h"
#include "progressview.h"

#include "provision/promptbroker.h"

#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

using namespace k3snet::provision;

TerminalPrompter::TerminalPrompter(bool interactive, ProgressView *view)
    : m_interactive(interactive)
    , m_view(view)
{
    if (::pipe2(m_wake, O_CLOEXEC | O_NONBLOCK) != 0)
        m_wake[0] = m_wake[1] = -1;
}

TerminalPrompter::~TerminalPrompter()
{
    PromptBroker::wipe(m_sudoPassword);
    for (int fd : m_wake) {
        if (fd >= 0)
            ::close(fd);
    }
}

void TerminalPrompter::cancel()
{
    m_cancelled = true;
    const char c = 'x';
    if (m_wake[1] >= 0)
        [[maybe_unused]] const ssize_t n = ::write(m_wake[1], &c, 1);
}

std::optional<QByteArray> TerminalPrompter::readLine(bool echo)
{
    if (m_cancelled)
        return std::nullopt;
    termios saved{};
    const bool tty = isatty(STDIN_FILENO);
    if (!echo && tty && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    bool cancelled = false;
    char c = 0;
    for (;;) {
        // Wait for the next byte or for cancel(): a read alone would outlast a Ctrl-C.
        pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
        if (::poll(fds, m_wake[0] >= 0 ? 2 : 1, -1) < 0 && errno != EINTR)
            break;
        if (m_cancelled) {
            cancelled = true;
            break;
        }
        if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n')
            break;
        line.append(c);
    }
    if (!echo && tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (cancelled) {
        Cli::err() << '\n'; // the user's line was cut short
        Cli::err().flush();
    }
    if (cancelled) {
        PromptBroker::wipe(line);
        return std::nullopt;
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool TerminalPrompter::readSudoPasswordFromStdin()
{
    m_sudoPassword = readLine(true).value_or(QByteArray());
    return !m_sudoPassword.isEmpty();
}

HostKeyAnswer TerminalPrompter::askHostKey(const HostKeyQuestion &q)
{
    if (!m_interactive)
        return HostKeyAnswer::Reject;
    if (m_view)
        m_view->suspend();
    QTextStream &err = Cli::err();
    err << Cli::tr("The authenticity of %1 (%2 port %3) cannot be established.").arg(q.node, q.host).arg(q.port) << '\n'
        << Cli::tr("Its %1 key fingerprint is %2.").arg(q.keyType, q.fingerprint) << '\n';
    HostKeyAnswer answer = HostKeyAnswer::Reject;
    for (int attempt = 0; attempt < 3; ++attempt) {
        err << Cli::tr("Trust it and record it in %1? (yes/no/once) ").arg(q.knownHostsFile);
        err.flush();
        const std::optional<QByteArray> line = readLine(true);
        if (!line)
            break;
        const QString reply = QString::fromLocal8Bit(*line).trimmed().toLower();
        if (reply == QLatin1String("yes") || reply == Cli::tr("yes")) {
            answer = HostKeyAnswer::AcceptAndRecord;
            break;
        }
        if (reply == QLatin1String("once") || reply == Cli::tr("once")) {
            answer = HostKeyAnswer::AcceptOnce;
            break;
        }
        if (reply.isEmpty() || reply == QLatin1String("no") || reply == Cli::tr("no"))
            break;
        err << Cli::tr("Please type \"yes\", \"no\" or \"once\".") << '\n';
    }
    err.flush();
    if (m_view)
        m_view->resume();
    return answer;
}

std::optional<QByteArray> TerminalPrompter::askSecret(const SecretQuestion &q)
{
    if (q.kind == SecretQuestion::Kind::SudoPassword && !m_sudoPassword.isEmpty()) {
        // Read up front: there is nobody to ask again when sudo refuses it.
        if (q.retry)
            return std::nullopt;
        return m_sudoPassword;
    }
    if (m_askpass.isSet()) {
        if (m_view)
            m_view->suspend();
        std::optional<QByteArray> answer = m_askpass.ask(q, m_cancelled);
        if (m_view)
            m_view->resume();
        return answer;
    }
    if (!m_interactive)
        return std::nullopt;
    if (m_view)
        m_view->suspend();
    QTextStream &err = Cli::err();
    err << q.text << ' ';
    err.flush();
    std::optional<QByteArray> answer = readLine(false);
    if (m_view)
        m_view->resume();
    if (!answer || answer->isEmpty())
        return std::nullopt;
    return answer;
}
