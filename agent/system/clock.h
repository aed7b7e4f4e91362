// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <string>

namespace k3snet::agent {

// "2025-01-31T12:34:56.789Z": times in the status file, comparable as text.
std::string isoTimeUtc(std::chrono::system_clock::time_point t);
inline std::string isoTimeNow()
{
    return isoTimeUtc(std::chrono::system_clock::now());
}

} // namespace k3snet::agent
