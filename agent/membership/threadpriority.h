// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace k3snet::agent {

// Gives the calling thread the scheduling that lets heartbeats keep time on a node whose every
// core is busy: SCHED_FIFO at a low real-time priority (above every ordinary task, below the
// kernel's threaded interrupts at 50), else nice -20, else nothing. Returns what it got, as a
// sentence for the log ("SCHED_FIFO priority 5", "nice -20 (SCHED_FIFO refused: ...)").
struct ThreadPriority
{
    enum class Kind
    {
        RealTime,
        Nice,
        Normal
    };
    Kind kind = Kind::Normal;
    std::string description;
};
ThreadPriority elevateCurrentThread();

} // namespace k3snet::agent
