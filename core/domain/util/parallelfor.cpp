// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/util/parallelfor.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace k3snet::util {

unsigned parallelParts(std::size_t count, std::size_t minPerPart, unsigned maxParts)
{
    const unsigned processors = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t bySize = count / std::max<std::size_t>(1, minPerPart);
    return unsigned(std::max<std::size_t>(
        1, std::min<std::size_t>({bySize, std::size_t(processors), std::size_t(maxParts)})));
}

void parallelFor(std::size_t count, std::size_t minPerPart,
    const std::function<void(std::size_t begin, std::size_t end)> &work, unsigned maxParts)
{
    const unsigned parts = parallelParts(count, minPerPart, maxParts);
    if (parts <= 1) {
        if (count > 0)
            work(0, count);
        return;
    }
    const auto bound = [&](unsigned part) { return count * part / parts; };
    std::vector<std::exception_ptr> errors(parts);
    std::vector<std::thread> threads;
    threads.reserve(parts - 1);
    for (unsigned part = 1; part < parts; ++part)
        threads.emplace_back([&, part] {
            try {
                work(bound(part), bound(part + 1));
            } catch (...) {
                errors[part] = std::current_exception();
            }
        });
    try {
        work(0, bound(1));
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (auto &thread : threads)
        thread.join();
    for (const auto &error : errors)
        if (error)
            std::rethrow_exception(error);
}

} // namespace k3snet::util
