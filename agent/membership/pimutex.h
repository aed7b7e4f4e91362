// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pthread.h>

namespace k3snet::agent {

// A mutex with priority inheritance. The heartbeat thread runs at real-time priority and shares
// its state with the daemon's ordinary thread: with a plain mutex, a daemon thread preempted by
// a CPU hog while it copies a snapshot would hold the heartbeat thread up for as long as the
// hog runs. With PTHREAD_PRIO_INHERIT the holder runs at the waiter's priority until it lets go.
// Meets BasicLockable, for std::lock_guard / std::unique_lock.
class PiMutex
{
public:
    PiMutex()
    {
        pthread_mutexattr_t attr;
        pthread_mutexattr_init(&attr);
        pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
        pthread_mutex_init(&m_mutex, &attr);
        pthread_mutexattr_destroy(&attr);
    }
    ~PiMutex() { pthread_mutex_destroy(&m_mutex); }
    PiMutex(const PiMutex &) = delete;
    PiMutex &operator=(const PiMutex &) = delete;

    void lock() { pthread_mutex_lock(&m_mutex); }
    void unlock() { pthread_mutex_unlock(&m_mutex); }

private:
    pthread_mutex_t m_mutex;
};

} // namespace k3snet::agent
