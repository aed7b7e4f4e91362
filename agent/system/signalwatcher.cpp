// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/system/signalwatcher.h"

#include "agent/system/errors.h"

#include <cerrno>
#include <csignal>

#include <sys/signalfd.h>
#include <unistd.h>

namespace k3snet::agent {

std::error_code SignalWatcher::open(std::initializer_list<int> signals)
{
    sigset_t set;
    sigemptyset(&set);
    for (int s : signals)
        sigaddset(&set, s);
    if (::sigprocmask(SIG_BLOCK, &set, nullptr) != 0)
        return errnoCode(errno);
    m_fd.reset(::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK));
    return m_fd ? std::error_code() : errnoCode(errno);
}

std::vector<int> SignalWatcher::take()
{
    std::vector<int> out;
    struct signalfd_siginfo info
    {
    };
    for (;;) {
        const ssize_t n = ::read(m_fd.get(), &info, sizeof info);
        if (n < 0 && errno == EINTR)
            continue;
        if (n != ssize_t(sizeof info))
            break;
        out.push_back(int(info.ssi_signo));
    }
    return out;
}

} // namespace k3snet::agent
