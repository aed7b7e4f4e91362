// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/cli/options.h"

#include "domain/io/agentconfig.h"

#include <optional>
#include <string_view>
#include <utility>

namespace k3snet::agent {

Options Options::parse(int argc, char **argv, int first)
{
    Options o;
    const std::pair<std::string_view, std::optional<std::string> AnnounceSettings::Given::*>
        timing[] = {
            {"--garp-interval-ms", &AnnounceSettings::Given::garpIntervalMs},
            {"--garp-duration-ms", &AnnounceSettings::Given::garpDurationMs},
            {"--probe-count", &AnnounceSettings::Given::probeCount},
            {"--probe-interval-ms", &AnnounceSettings::Given::probeIntervalMs},
            {"--conflict-recheck-ms", &AnnounceSettings::Given::conflictRecheckMs},
        };
    for (int i = first; i < argc; ++i) {
        const std::string_view arg = argv[i];
        bool timingOption = false;
        for (const auto &[name, member] : timing) {
            if (arg == name) {
                if (i + 1 >= argc) {
                    o.error = std::string(arg) + " needs a value";
                    return o;
                }
                o.announce.*member = argv[++i];
                timingOption = true;
            } else if (arg.size() > name.size() && arg.substr(0, name.size()) == name
                && arg[name.size()] == '=') {
                o.announce.*member = std::string(arg.substr(name.size() + 1));
                timingOption = true;
            }
        }
        if (timingOption)
            continue;
        if (arg == "--config" || arg == "-c") {
            if (i + 1 >= argc) {
                o.error = std::string(arg) + " needs a file name";
                return o;
            }
            o.config = argv[++i];
            o.configGiven = true;
        } else if (arg.rfind("--config=", 0) == 0) {
            o.config = std::string(arg.substr(9));
            o.configGiven = true;
        } else if (arg == "--json") {
            o.json = true;
        } else if (arg == "--force") {
            o.force = true;
        } else if (arg.size() > 1 && arg[0] == '-') {
            o.error = "unknown option \"" + std::string(arg) + "\"";
            return o;
        } else {
            o.positional.emplace_back(arg);
        }
    }
    if (o.configGiven && o.config.empty())
        o.error = "--config needs a file name";
    return o;
}

std::string Options::configPath() const
{
    return configGiven ? config : std::string(io::agentConfigPath);
}

} // namespace k3snet::agent
