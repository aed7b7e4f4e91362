// SPDX-License-Identifier: GPL-3.0-or-later
// k3snet-agent: builds and keeps the flannel-compatible VXLAN data plane of one node and
// announces service IPs on the LAN. This entry point dispatches the subcommands.

#include "k3snet_version.h"

#include <cstring>
#include <iostream>
#include <string_view>

namespace {

void printUsage(std::ostream &out)
{
    out << "Usage: k3snet-agent <command> [options]\n"
           "\n"
           "Commands:\n"
           "  version        print the agent's version\n"
           "  help           show this help\n";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        printUsage(std::cerr);
        return 2;
    }
    std::string_view cmd = argv[1];
    if (cmd == "version" || cmd == "--version") {
        std::cout << "k3snet-agent " << K3SNET_VERSION_STRING << "\n";
        return 0;
    }
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
        printUsage(std::cout);
        return 0;
    }
    std::cerr << "k3snet-agent: unknown command \"" << cmd << "\"\n\n";
    printUsage(std::cerr);
    return 2;
}
