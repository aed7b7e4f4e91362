// SPDX-License-Identifier: GPL-3.0-or-later
// k3snet-agent run [--config PATH] [speaker timing options]: the daemon.

#include "agent/cli/commands.h"
#include "agent/daemon/agentdaemon.h"
#include "agent/system/log.h"
#include "domain/io/agentconfig.h"

#include <iostream>

namespace k3snet::agent {

int runCommand(const Options &options)
{
    if (!options.positional.empty()) {
        std::cerr << "k3snet-agent run: unexpected argument \"" << options.positional.front()
                  << "\" (use --config PATH)\n";
        return 2;
    }
    // The overrides are checked before anything else; the daemon lays them over the config's
    // `announce` section on start and on every reload.
    std::string invalid;
    if (!AnnounceSettings::from(options.announce, invalid)) {
        std::cerr << "k3snet-agent run: " << invalid << "\n";
        return 2;
    }
    const std::string path = options.configPath();
    const io::AgentConfigLoad load = io::loadAgentConfigFile(path);
    for (const rules::Diagnostic &d : load.diagnostics) {
        if (d.severity == rules::Severity::Error)
            log::error(d.toString());
        else
            log::warning(d.toString());
    }
    if (!load.config) {
        log::error("not starting: " + path + " does not pass validation (see `k3snet-agent check "
            + path + "`)");
        return 1;
    }
    std::string why;
    std::unique_ptr<Reconciler> reconciler = Reconciler::create(*load.config, why);
    if (!reconciler) {
        log::error("not starting: " + why);
        return 1;
    }
    AgentDaemon daemon(path, std::move(reconciler), options.announce);
    return daemon.run();
}

} // namespace k3snet::agent
