// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/cli/options.h"

namespace k3snet::agent {

// The subcommands of k3snet-agent; each returns the process exit code (0 success, 1 failure
// or "not converged", 2 wrong usage).
int runCommand(const Options &options);
int checkCommand(const Options &options);
int statusCommand(const Options &options);
int uninstallCommand(const Options &options);

} // namespace k3snet::agent
