// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace k3snet::agent {

// The options every subcommand shares: --config PATH (or --config=PATH, -c PATH), --json,
// --force, and positional arguments. Unknown options are an error that names them.
struct Options
{
    std::string config;
    bool configGiven = false;
    bool json = false;
    bool force = false;
    std::vector<std::string> positional;
    std::string error;

    static Options parse(int argc, char **argv, int first);
    // The config path: --config, else the default /etc/k3snet/agent.yaml.
    std::string configPath() const;
};

} // namespace k3snet::agent
