// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/cli/options.h"

#include "domain/io/agentconfig.h"

#include <string_view>

namespace k3snet::agent {

Options Options::parse(int argc, char **argv, int first)
{
    Options o;
    for (int i = first; i < argc; ++i) {
        const std::string_view arg = argv[i];
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
