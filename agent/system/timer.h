// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/system/uniquefd.h"

#include <chrono>
#include <optional>
#include <system_error>

namespace k3snet::agent {

// A timerfd on the monotonic clock: a periodic tick or a one-shot deadline for the event
// loop. A one-shot timer remembers its deadline so that requests can be coalesced: arming it
// again only ever brings the deadline closer.
class Timer
{
public:
    using Clock = std::chrono::steady_clock;

    std::error_code open();
    int fd() const { return m_fd.get(); }

    std::error_code startPeriodic(std::chrono::milliseconds interval);
    // Fires once after delay, unless it is already due sooner.
    std::error_code fireWithin(std::chrono::milliseconds delay);
    std::error_code stop();
    bool isArmed() const { return m_deadline.has_value(); }
    // Reads the expiry count; call from the loop handler. Clears the one-shot deadline.
    void acknowledge();

private:
    std::error_code arm(std::chrono::milliseconds first, std::chrono::milliseconds interval);
    UniqueFd m_fd;
    std::optional<Clock::time_point> m_deadline;
};

} // namespace k3snet::agent
