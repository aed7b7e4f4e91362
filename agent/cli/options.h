// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/announce/announcesettings.h"

#include <string>
#include <vector>

namespace k3snet::agent {

// The options every subcommand shares: --config PATH (or --config=PATH, -c PATH), --json,
// --force, and positional arguments; `run` also takes the L2 speaker's timing
// (--garp-interval-ms N, --garp-duration-ms N, --probe-count N, --probe-interval-ms N,
// --conflict-recheck-ms N). Unknown options are an error that names them.
struct Options
{
    std::string config;
    bool configGiven = false;
    bool json = false;
    bool force = false;
    std::vector<std::string> positional;
    AnnounceSettings::Given announce;
    std::string error;

    static Options parse(int argc, char **argv, int first);
    // The config path: --config, else the default /etc/k3snet/agent.yaml.
    std::string configPath() const;
};

} // namespace k3snet::agent
