// SPDX-License-Identifier: GPL-3.0-or-later
// k3snet-agent status [--json] [--config PATH]: the kernel now against the config, and the
// running agent's last report. Exit 0 when converged (the kernel matches and the agent that
// wrote the status runs), 1 otherwise.

#include "agent/cli/commands.h"
#include "agent/status/statusreport.h"
#include "domain/io/agentconfig.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace k3snet::agent {

int statusCommand(const Options &options)
{
    if (!options.positional.empty()) {
        std::cerr << "k3snet-agent status: unexpected argument \"" << options.positional.front()
                  << "\"\n";
        return 2;
    }
    const std::string path = options.configPath();
    const io::AgentConfigLoad load = io::loadAgentConfigFile(path);
    std::string why;
    std::unique_ptr<Reconciler> reconciler
        = load.config ? Reconciler::create(*load.config, why) : nullptr;
    if (!reconciler) {
        std::vector<std::string> problems;
        for (const rules::Diagnostic &d : load.diagnostics) {
            if (d.severity == rules::Severity::Error)
                problems.push_back(d.toString());
        }
        if (!why.empty())
            problems.push_back(why);
        if (options.json) {
            nlohmann::ordered_json j;
            j["converged"] = false;
            j["problems"] = problems;
            j["config"] = path;
            std::cout << j.dump(2) << "\n";
        } else {
            for (const std::string &p : problems)
                std::cerr << p << "\n";
            std::cerr << "k3snet-agent status: cannot judge the node without a valid config ("
                      << path << ")\n";
        }
        return 1;
    }
    const StatusReport report(*reconciler, path);
    if (options.json)
        std::cout << report.toJson().dump(2) << "\n";
    else
        std::cout << report.toText();
    return report.converged() ? 0 : 1;
}

} // namespace k3snet::agent
