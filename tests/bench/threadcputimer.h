// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID): unlike wall time, it does not grow
// while other processes have the CPU, so a benchmark on a busy 2-CPU machine still gives a
// figure worth comparing. (Instruction counters would be better still, but virtual machines
// often have no PMU.)

#include <ctime>

class ThreadCpuTimer
{
public:
    void start() { m_start = now(); }
    double ms() const { return (now() - m_start) * 1e3; }

private:
    static double now()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
    }
    double m_start = now();
};
