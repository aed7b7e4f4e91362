// SPDX-License-Identifier: GPL-3.0-or-later
// k3snet-agent uninstall [--config PATH] [--force]: removes what the agent created — the
// VXLAN device (and with it every route, neighbour and FDB entry on it), the bridge, the NAT
// rules, the CNI conflist, subnet.env and the status file.

#include "agent/cli/commands.h"
#include "agent/cni/cnifiles.h"
#include "agent/dataplane/kernelreader.h"
#include "agent/dataplane/linkoperations.h"
#include "agent/dataplane/netlinksocket.h"
#include "agent/firewall/natmanager.h"
#include "agent/status/agentliveness.h"
#include "agent/status/agentstatus.h"
#include "agent/system/errors.h"
#include "agent/system/files.h"
#include "domain/io/agentconfig.h"

#include <cerrno>
#include <iostream>

#include <unistd.h>

namespace k3snet::agent {

namespace {

// The agent would rebuild everything within a second: a reason to refuse while the agent that
// wrote the status file runs, or while that cannot be told from here (its process is not
// visible); "" when it is gone or there is no status file.
std::string agentStillThere(const std::string &statusFile)
{
    const auto text = readSmallFile(statusFile);
    if (!text)
        return {};
    std::string why;
    const auto status = AgentStatus::parse(*text, why);
    if (!status)
        return {};
    const AgentLiveness l
        = AgentLiveness::of({status->pid, status->pidNamespace, status->processStart});
    if (l.state == AgentLiveness::State::Running)
        return "the agent is running (pid " + std::to_string(status->pid) + ")";
    if (l.state == AgentLiveness::State::Unknown)
        return "the agent may be running (" + l.why + ")";
    return {};
}

} // namespace

int uninstallCommand(const Options &options)
{
    if (!options.positional.empty()) {
        std::cerr << "k3snet-agent uninstall: unexpected argument \"" << options.positional.front()
                  << "\"\n";
        return 2;
    }
    const std::string path = options.configPath();
    const io::AgentConfigLoad load = io::loadAgentConfigFile(path);
    if (!load.config) {
        for (const rules::Diagnostic &d : load.diagnostics)
            std::cerr << d.toString() << "\n";
        std::cerr << "k3snet-agent uninstall: " << path
                  << " does not load; it names what to remove, so nothing was removed\n";
        return 1;
    }
    const model::AgentConfig &config = *load.config;
    if (const std::string running = agentStillThere(config.statusFile);
        !running.empty() && !options.force) {
        std::cerr << "k3snet-agent uninstall: " << running
                  << " and would recreate everything; stop it first (or use --force)\n";
        return 1;
    }
    ApplyLog log;
    NetlinkSocket socket;
    if (std::error_code ec = socket.open()) {
        std::cerr << "k3snet-agent uninstall: cannot open an rtnetlink socket: " << errorText(ec)
                  << "\n";
        return 1;
    }
    KernelReader reader(socket);
    LinkOperations links(socket);
    // Deleting the device takes its routes, neighbours and FDB entries with it.
    for (const auto &[name, kind] :
        {std::pair{config.vxlan.device, "vxlan"}, std::pair{config.bridge, "bridge"}}) {
        std::optional<LinkState> link;
        std::string error;
        if (reader.readLink(name, link, error)) {
            log.failed(error);
            continue;
        }
        if (!link)
            continue;
        if (link->kind != kind) {
            log.failed(name + " is not a " + kind + " device ("
                + (link->kind.empty() ? std::string("it has no kind") : "it is " + link->kind)
                + "); left alone");
            continue;
        }
        if (links.remove(link->ifindex))
            log.failed("deleting " + name + " failed: " + socket.lastError());
        else
            log.changed("deleted " + std::string(kind) + " device " + name);
    }
    // Both firewall backends: the config may have switched since the rules were installed.
    NatManager(config.cni.firewall).removeAll(log);
    CniFiles(config).remove(log);
    if (::unlink(config.statusFile.c_str()) == 0)
        log.changed("removed " + config.statusFile);
    else if (errno != ENOENT)
        log.failed("removing " + config.statusFile + " failed: " + errnoText(errno));

    if (log.changes.empty() && log.errors.empty())
        std::cerr << "k3snet-agent uninstall: nothing to remove\n";
    return log.errors.empty() ? 0 : 1;
}

} // namespace k3snet::agent
