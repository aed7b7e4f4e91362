// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/membership/threadpriority.h"

#include "agent/system/errors.h"

#include <cerrno>

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

namespace k3snet::agent {

namespace {

// Low on the real-time scale: enough to preempt any SCHED_OTHER hog, and it leaves room for
// anything that must run before us (threaded IRQs, watchdogs).
constexpr int realTimePriority = 5;
constexpr int bestNice = -20;

} // namespace

ThreadPriority elevateCurrentThread()
{
    struct sched_param param
    {
    };
    param.sched_priority = realTimePriority;
    const int rtError = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
    if (rtError == 0)
        return {ThreadPriority::Kind::RealTime,
            "SCHED_FIFO priority " + std::to_string(realTimePriority)};

    const std::string why = "SCHED_FIFO refused: " + errnoText(rtError);
    // With PRIO_PROCESS and a thread id, Linux changes only this thread's nice value.
    if (::setpriority(PRIO_PROCESS, id_t(::gettid()), bestNice) == 0)
        return {ThreadPriority::Kind::Nice, "nice " + std::to_string(bestNice) + " (" + why + ")"};
    const int niceError = errno;
    return {ThreadPriority::Kind::Normal,
        "normal priority (" + why + "; nice " + std::to_string(bestNice)
            + " refused: " + errnoText(niceError)
            + "); a busy node may miss heartbeats: allow real-time priority 5 (systemd: "
              "LimitRTPRIO=5 and no RestrictRealtime=yes; or CAP_SYS_NICE)"};
}

} // namespace k3snet::agent
