// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/system/timer.h"

#include "agent/system/errors.h"

#include <cerrno>
#include <cstdint>

#include <sys/timerfd.h>
#include <unistd.h>

namespace k3snet::agent {

namespace {

struct timespec toTimespec(std::chrono::milliseconds d)
{
    struct timespec ts
    {
    };
    ts.tv_sec = d.count() / 1000;
    ts.tv_nsec = long(d.count() % 1000) * 1000000L;
    return ts;
}

} // namespace

std::error_code Timer::open()
{
    m_fd.reset(::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK));
    return m_fd ? std::error_code() : errnoCode(errno);
}

std::error_code Timer::arm(std::chrono::milliseconds first, std::chrono::milliseconds interval)
{
    struct itimerspec spec
    {
    };
    // A zero it_value would disarm: "now" is 1 ms.
    spec.it_value = toTimespec(std::max(first, std::chrono::milliseconds(1)));
    spec.it_interval = toTimespec(interval);
    if (::timerfd_settime(m_fd.get(), 0, &spec, nullptr) != 0)
        return errnoCode(errno);
    return {};
}

std::error_code Timer::startPeriodic(std::chrono::milliseconds interval)
{
    m_deadline.reset();
    return arm(interval, interval);
}

std::error_code Timer::fireWithin(std::chrono::milliseconds delay)
{
    const Clock::time_point want = Clock::now() + delay;
    if (m_deadline && *m_deadline <= want)
        return {};
    m_deadline = want;
    return arm(delay, std::chrono::milliseconds(0));
}

std::error_code Timer::stop()
{
    m_deadline.reset();
    struct itimerspec spec
    {
    };
    if (::timerfd_settime(m_fd.get(), 0, &spec, nullptr) != 0)
        return errnoCode(errno);
    return {};
}

void Timer::acknowledge()
{
    std::uint64_t expirations = 0;
    while (::read(m_fd.get(), &expirations, sizeof expirations) < 0 && errno == EINTR) { }
    m_deadline.reset();
}

} // namespace k3snet::agent
