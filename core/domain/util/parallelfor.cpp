// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/util/parallelfor.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace k3snet::util {

namespace {

// Ranges per thread taking part: a worker the system runs late holds up the call by at most
// one of them, while the others are taken by whoever is free.
constexpr unsigned rangesPerThread = 4;

// Threads kept for the parts after the first, started on first use. A thread made for each
// part started cold: its allocations went to a fresh malloc arena and its part often ended a
// millisecond after the caller's. One job at a time: a parallelFor that finds the pool busy
// (another thread's, or one nested in a part) runs its parts on the calling thread.
class WorkerPool
{
public:
    // Made on the first call that has work for more than one thread, and never destroyed:
    // its threads wait for work until the process ends, so nothing at exit (a static
    // destructor, a thread still finishing) can meet a pool already gone.
    static WorkerPool &instance()
    {
        static WorkerPool *pool = new WorkerPool;
        return *pool;
    }

    unsigned workers() const { return m_workers; }

    // Runs part(0) on the caller and the others on whichever of the workers and the caller is
    // free first; false (nothing run) when busy.
    bool run(unsigned parts, const std::function<void(unsigned)> &part)
    {
        std::unique_lock lock(m_mutex, std::try_to_lock);
        if (!lock.owns_lock() || m_job)
            return false;
        m_job = &part;
        m_parts = parts;
        m_next = 1;
        m_running = parts - 1;
        ++m_generation;
        lock.unlock();
        m_wake.notify_all();
        part(0);
        lock.lock();
        // Parts no worker has taken yet (one not woken in time, on a busy machine) are the
        // caller's rather than waited for.
        takeParts(lock);
        m_done.wait(lock, [this] { return m_running == 0; });
        m_job = nullptr;
        return true;
    }

private:
    WorkerPool()
    {
        const unsigned processors = std::max(1u, std::thread::hardware_concurrency());
        for (unsigned i = 1; i < std::min(processors, 4u); ++i) {
            try {
                std::thread(&WorkerPool::work, this).detach();
                ++m_workers;
            } catch (const std::system_error &) {
                break; // no more threads to be had: the callers share what there is
            }
        }
    }

    void work()
    {
        std::unique_lock lock(m_mutex);
        unsigned seen = 0; // not m_generation: a job may have come before this thread ran
        for (;;) {
            m_wake.wait(lock, [&] { return m_generation != seen && m_job; });
            seen = m_generation;
            takeParts(lock);
        }
    }

    // Runs the job's parts not yet taken, one at a time, with the lock released meanwhile.
    void takeParts(std::unique_lock<std::mutex> &lock)
    {
        while (m_job && m_next < m_parts) {
            const unsigned part = m_next++;
            const std::function<void(unsigned)> &job = *m_job;
            lock.unlock();
            job(part);
            lock.lock();
            if (--m_running == 0)
                m_done.notify_one();
        }
    }

    unsigned m_workers = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    const std::function<void(unsigned)> *m_job = nullptr;
    unsigned m_parts = 0, m_next = 0, m_running = 0, m_generation = 0;
};

} // namespace

unsigned parallelThreads(std::size_t count, std::size_t minPerThread, unsigned maxThreads)
{
    const std::size_t bySize = count / std::max<std::size_t>(1, minPerThread);
    if (bySize < 2 || maxThreads < 2)
        return 1; // the caller alone: no worker is started for it
    const std::size_t threads = WorkerPool::instance().workers() + 1;
    return unsigned(std::max<std::size_t>(
        1, std::min<std::size_t>({bySize, threads, std::size_t(std::max(1u, maxThreads))})));
}

unsigned parallelParts(std::size_t count, std::size_t minPerThread, unsigned maxThreads)
{
    const unsigned threads = parallelThreads(count, minPerThread, maxThreads);
    return threads <= 1 ? 1 : unsigned(std::min<std::size_t>(count, threads * rangesPerThread));
}

void parallelFor(std::size_t count, std::size_t minPerThread,
    const std::function<void(std::size_t begin, std::size_t end)> &work, unsigned maxThreads)
{
    if (count == 0)
        return;
    const unsigned parts = parallelParts(count, minPerThread, maxThreads);
    if (parts <= 1) {
        work(0, count);
        return;
    }
    const auto bound = [&](unsigned part) { return count * part / parts; };
    std::vector<std::exception_ptr> errors(parts);
    const std::function<void(unsigned)> part = [&](unsigned p) {
        try {
            work(bound(p), bound(p + 1));
        } catch (...) {
            errors[p] = std::current_exception();
        }
    };
    if (!WorkerPool::instance().run(parts, part)) {
        for (unsigned p = 0; p < parts; ++p) // busy: the parts one after another, here
            part(p);
    }
    for (const auto &error : errors)
        if (error)
            std::rethrow_exception(error);
}

} // namespace k3snet::util
