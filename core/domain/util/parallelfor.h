// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>

namespace k3snet::util {

// Runs work(begin, end) over [0, count) cut into contiguous parts, one per processor (at most
// maxParts), the calling thread taking the first part; returns when every part is done, and
// rethrows the first exception a part threw. Parts get at least minPerPart items: a small
// count runs on the calling thread alone, with no thread started.
//
// For the per-service stages of an edit (the elections of a plan, the chips of the topology):
// they are independent per item, and on a 2-core Pi-admin laptop the second core otherwise
// idles while the window waits for them. work must only write what belongs to its own range.
void parallelFor(std::size_t count, std::size_t minPerPart,
    const std::function<void(std::size_t begin, std::size_t end)> &work, unsigned maxParts = 4);

// How many parts parallelFor would cut count items into.
unsigned parallelParts(std::size_t count, std::size_t minPerPart, unsigned maxParts = 4);

} // namespace k3snet::util
