// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/system/uniquefd.h"

#include <cstdint>
#include <functional>
#include <map>
#include <system_error>

namespace k3snet::agent {

// The agent's one event loop: an epoll set over the descriptors of its sources (netlink
// events, timers, signals, inotify), each with the handler that drains it. Single-threaded:
// handlers run one after the other and may add or remove sources.
class EventLoop
{
public:
    using Handler = std::function<void(std::uint32_t events)>;

    std::error_code open();
    std::error_code add(int fd, Handler handler);
    void remove(int fd);
    // Runs until stop() is called from a handler, or epoll itself fails.
    std::error_code run();
    void stop() { m_running = false; }

private:
    UniqueFd m_epoll;
    std::map<int, Handler> m_handlers;
    bool m_running = false;
};

} // namespace k3snet::agent
