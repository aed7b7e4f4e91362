// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>

namespace k3snet::util {

// Runs work(begin, end) over [0, count) cut into contiguous ranges, on the calling thread and
// on workers kept for this, one per processor (at most maxThreads threads in all); returns
// when every range is done, and rethrows the first exception one threw. The ranges are a few
// per thread, taken by whichever thread is free, so that a thread the system runs late holds
// up the others by a small range at most. With fewer than minPerThread items per thread, fewer
// threads take part: a small count runs on the calling thread alone, in one range.
//
// For the per-service stages of an edit (the elections of a plan, the chips of the topology):
// they are independent per item, and on a 2-core Pi-admin laptop the second core otherwise
// idles while the window waits for them. work must only write what belongs to its own range.
void parallelFor(std::size_t count, std::size_t minPerThread,
    const std::function<void(std::size_t begin, std::size_t end)> &work, unsigned maxThreads = 4);

// How many threads parallelFor would share count items among, and into how many ranges it
// would cut them.
unsigned parallelThreads(std::size_t count, std::size_t minPerThread, unsigned maxThreads = 4);
unsigned parallelParts(std::size_t count, std::size_t minPerThread, unsigned maxThreads = 4);

} // namespace k3snet::util
