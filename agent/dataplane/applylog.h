// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace k3snet::agent {

// What one reconcile did and what failed, one line each: logged as they happen and kept for
// the status file.
struct ApplyLog
{
    std::vector<std::string> changes;
    std::vector<std::string> errors;

    void changed(std::string line);
    void failed(std::string line);
    bool hasErrors() const { return !errors.empty(); }
};

} // namespace k3snet::agent
