// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The check harness of the agent's plain C++ tests (no Qt in the agent, so no Qt Test):
// CHECK(cond) records a failure with its line and goes on; checksSummary() prints the count and
// gives main()'s exit status.

#include <iostream>
#include <string>

namespace k3snet::tests {

inline int g_failures = 0;
inline int g_checks = 0;

inline void check(bool ok, const std::string &what, int line)
{
    ++g_checks;
    if (!ok) {
        ++g_failures;
        std::cerr << "FAIL (line " << line << "): " << what << "\n";
    }
}

// "N/M checks passed"; 0 when every check passed, else 1.
inline int checksSummary()
{
    std::cout << (g_checks - g_failures) << "/" << g_checks << " checks passed\n";
    return g_failures == 0 ? 0 : 1;
}

} // namespace k3snet::tests

#define CHECK(cond) ::k3snet::tests::check((cond), #cond, __LINE__)
