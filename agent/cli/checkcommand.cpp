// SPDX-License-Identifier: GPL-3.0-or-later
// k3snet-agent check CONFIG: loads and validates an AgentConfig exactly as `run` would, and
// touches nothing.

#include "agent/cli/commands.h"
#include "agent/dataplane/desiredstate.h"
#include "domain/io/agentconfig.h"

#include <iostream>
#include <string>

namespace k3snet::agent {

namespace {

// "1 error", "2 errors", "0 peers".
std::string counted(std::size_t n, const std::string &noun)
{
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// "2 errors", "1 warning", "2 errors, 1 warning": zero parts are left out; "" when both are 0.
std::string findingsSummary(int errors, int warnings)
{
    std::string out;
    if (errors > 0)
        out = counted(std::size_t(errors), "error");
    if (warnings > 0)
        out += (out.empty() ? "" : ", ") + counted(std::size_t(warnings), "warning");
    return out;
}

} // namespace

int checkCommand(const Options &options)
{
    std::string path;
    if (options.positional.size() == 1 && !options.configGiven)
        path = options.positional.front();
    else if (options.positional.empty() && options.configGiven)
        path = options.config;
    if (path.empty()) {
        std::cerr
            << "k3snet-agent check: give exactly one config file (k3snet-agent check CONFIG)\n";
        return 2;
    }
    const io::AgentConfigLoad load = io::loadAgentConfigFile(path);
    for (const rules::Diagnostic &d : load.diagnostics)
        std::cout << d.toString() << "\n";
    const int errors = rules::countOf(load.diagnostics, rules::Severity::Error);
    const int warnings = rules::countOf(load.diagnostics, rules::Severity::Warning);
    if (!load.config || errors > 0) {
        const std::string summary = findingsSummary(errors, warnings);
        std::cout << path << ": " << (summary.empty() ? "not loaded" : summary) << "\n";
        return 1;
    }
    // What the loader accepts but this agent's data plane cannot build (IPv6 for now).
    std::string why;
    if (!DesiredState::fromConfig(*load.config, why)) {
        std::cout << path << ": error: " << why << " [agent-unsupported]\n";
        return 1;
    }
    std::cout << path << ": ok (node " << load.config->node.name << ", "
              << counted(load.config->peers.size(), "peer");
    if (warnings > 0)
        std::cout << ", " << findingsSummary(0, warnings);
    std::cout << ")\n";
    return 0;
}

} // namespace k3snet::agent
