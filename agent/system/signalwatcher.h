// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/system/uniquefd.h"

#include <initializer_list>
#include <system_error>
#include <vector>

namespace k3snet::agent {

// Turns signals into readable events for the event loop (signalfd): the signals are blocked
// for the whole process, so they arrive only here, never as asynchronous handlers.
class SignalWatcher
{
public:
    std::error_code open(std::initializer_list<int> signals);
    int fd() const { return m_fd.get(); }
    // The signals that arrived since the last call, in order.
    std::vector<int> take();

private:
    UniqueFd m_fd;
};

} // namespace k3snet::agent
