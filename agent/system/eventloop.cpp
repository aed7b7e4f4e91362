// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/system/eventloop.h"

#include "agent/system/errors.h"

#include <cerrno>

#include <sys/epoll.h>

namespace k3snet::agent {

std::error_code EventLoop::open()
{
    m_epoll.reset(::epoll_create1(EPOLL_CLOEXEC));
    return m_epoll ? std::error_code() : errnoCode(errno);
}

std::error_code EventLoop::add(int fd, Handler handler)
{
    struct epoll_event ev
    {
    };
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    if (::epoll_ctl(m_epoll.get(), EPOLL_CTL_ADD, fd, &ev) != 0)
        return errnoCode(errno);
    m_handlers[fd] = std::move(handler);
    return {};
}

void EventLoop::remove(int fd)
{
    ::epoll_ctl(m_epoll.get(), EPOLL_CTL_DEL, fd, nullptr);
    m_handlers.erase(fd);
}

std::error_code EventLoop::run()
{
    m_running = true;
    struct epoll_event events[8];
    while (m_running) {
        const int n = ::epoll_wait(m_epoll.get(), events, 8, -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errnoCode(errno);
        }
        for (int i = 0; i < n && m_running; ++i) {
            // Looked up each time: an earlier handler of this batch may have removed it.
            const auto it = m_handlers.find(events[i].data.fd);
            if (it != m_handlers.end()) {
                Handler handler = it->second;
                handler(events[i].events);
            }
        }
    }
    return {};
}

} // namespace k3snet::agent
