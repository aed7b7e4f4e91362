// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace k3snet::agent {

// What running a helper program (iptables, nft) gave.
struct ProcessResult
{
    std::error_code error; // it could not be run, or timed out (ETIMEDOUT); exitStatus then -1
    int exitStatus = -1; // its exit code, or 128 + signal number
    std::string output; // stdout and stderr together, capped at maxProcessOutput bytes

    bool ok() const { return !error && exitStatus == 0; }
    // "iptables-restore exited with status 2: <first line of output>" / "... could not run: ..."
    std::string describe(const std::string &program) const;
};

inline constexpr std::size_t maxProcessOutput = 1 << 20;

// The absolute path of an executable, looked up on PATH and then in the sbin/bin directories
// (root's tools live in /usr/sbin even when the agent's PATH lacks it); empty when absent.
std::string findExecutable(std::string_view name);

// Runs argv[0] (an absolute path) with argv, without a shell, feeding input on stdin. The
// child gets an empty signal mask, default SIGPIPE, LC_ALL=C (stable output to compare) and
// no descriptors of ours. Blocks until it exits or the timeout kills it.
ProcessResult runProcess(const std::vector<std::string> &argv, std::string_view input = {},
    std::chrono::milliseconds timeout = std::chrono::seconds(10));

} // namespace k3snet::agent
