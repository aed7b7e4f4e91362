// SPDX-License-Identifier: GPL-3.0-or-later
// k3snet-agent: builds and keeps the flannel-compatible VXLAN data plane of one node and
// announces service IPs on the LAN. This entry point dispatches the subcommands.

#include "agent/cli/commands.h"
#include "k3snet_version.h"

#include <csignal>
#include <iostream>
#include <string_view>

namespace {

void printUsage(std::ostream &out)
{
    out << "Usage: k3snet-agent <command> [options]\n"
           "\n"
           "Commands:\n"
           "  run [--config PATH] [L2 timing options]\n"
           "                                 build the node's data plane and keep it converged;\n"
           "                                 answer ARP/NDP for the service IPs this node wins\n"
           "                                 (heartbeats with the other agents on membership.port)\n"
           "  check CONFIG                   validate an AgentConfig file; touches nothing\n"
           "  status [--json] [--config PATH]\n"
           "                                 compare the kernel with the config now, and show\n"
           "                                 the running agent's last reconcile (exit 0 when\n"
           "                                 converged and the agent runs, 1 otherwise)\n"
           "  uninstall [--config PATH] [--force]\n"
           "                                 remove the device, bridge, NAT rules, CNI conflist\n"
           "                                 and subnet.env the agent created\n"
           "  version                        print the agent's version\n"
           "  help                           show this help\n"
           "\n"
           "L2 timing options of run. The config's announce section sets them (key and\n"
           "default in parentheses); the environment variable in brackets overrides the\n"
           "config, and the option overrides both:\n"
           "  --garp-interval-ms N    gratuitous ARP/NA every N ms after taking over\n"
           "                          (garpIntervalMs, 1100) [K3SNET_GARP_INTERVAL_MS]\n"
           "  --garp-duration-ms N    ... for N ms (garpDurationMs, 5000)\n"
           "                          [K3SNET_GARP_DURATION_MS]\n"
           "  --probe-count N         RFC 5227 ARP probes before a first announcement\n"
           "                          (probeCount, 3) [K3SNET_PROBE_COUNT]\n"
           "  --probe-interval-ms N   between probes (probeIntervalMs, 100)\n"
           "                          [K3SNET_PROBE_INTERVAL_MS]\n"
           "  --conflict-recheck-ms N probe an address a foreign host claimed every N ms\n"
           "                          (conflictRecheckMs, 10000) [K3SNET_CONFLICT_RECHECK_MS]\n"
           "\n"
           "The default config is /etc/k3snet/agent.yaml.\n";
}

} // namespace

int main(int argc, char **argv)
{
    using namespace k3snet::agent;
    if (argc < 2) {
        printUsage(std::cerr);
        return 2;
    }
    // A helper (iptables-restore, nft) that exits before reading its input must not kill us.
    std::signal(SIGPIPE, SIG_IGN);

    const std::string_view cmd = argv[1];
    if (cmd == "version" || cmd == "--version") {
        std::cout << "k3snet-agent " << K3SNET_VERSION_STRING << "\n";
        return 0;
    }
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
        printUsage(std::cout);
        return 0;
    }
    using Command = int (*)(const Options &);
    Command command = nullptr;
    if (cmd == "run")
        command = runCommand;
    else if (cmd == "check")
        command = checkCommand;
    else if (cmd == "status")
        command = statusCommand;
    else if (cmd == "uninstall")
        command = uninstallCommand;
    if (!command) {
        std::cerr << "k3snet-agent: unknown command \"" << cmd << "\"\n\n";
        printUsage(std::cerr);
        return 2;
    }
    const Options options = Options::parse(argc, argv, 2);
    if (!options.error.empty()) {
        std::cerr << "k3snet-agent " << cmd << ": " << options.error << "\n";
        return 2;
    }
    try {
        return command(options);
    } catch (const std::exception &e) {
        // Nothing in the agent throws on purpose; this is the last line against a library
        // (std::bad_alloc, nlohmann) doing so.
        std::cerr << "k3snet-agent " << cmd << ": internal error: " << e.what() << "\n";
        return 1;
    }
}
