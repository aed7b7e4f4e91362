// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/desiredstate.h"

namespace k3snet::agent {

std::optional<DesiredState> DesiredState::fromConfig(
    const model::AgentConfig &config, std::string &why)
{
    // The loader validates the config; these checks guard what the data plane depends on, so
    // that a config built in code cannot make the agent send nonsense to the kernel.
    if (!config.podCIDR.network().isV4() || !config.clusterCIDR.network().isV4()
        || !config.node.lanIP.isV4()) {
        why = "only IPv4 pod networks and LAN addresses are supported by this agent";
        return std::nullopt;
    }
    if (config.podCIDR.length() > 30) {
        why = "podCIDR " + config.podCIDR.toString() + " leaves no room for the cni0 gateway";
        return std::nullopt;
    }
    const auto vtepMac = MacAddress::parse(config.vxlan.vtepMAC);
    if (!vtepMac) {
        why = "vxlan.vtepMAC \"" + config.vxlan.vtepMAC + "\" is not an Ethernet address";
        return std::nullopt;
    }
    if (config.vxlan.device.empty() || config.bridge.empty() || config.node.interface.empty()) {
        why = "device, bridge and node interface names must not be empty";
        return std::nullopt;
    }

    DesiredState d;
    d.clusterCIDR = config.clusterCIDR;
    d.podCIDR = config.podCIDR;
    d.vxlan.name = config.vxlan.device;
    d.vxlan.vni = config.vxlan.vni;
    d.vxlan.port = config.vxlan.port;
    d.vxlan.mtu = config.vxlan.mtu;
    d.vxlan.mac = *vtepMac;
    d.vxlan.underlay = config.node.interface;
    d.vxlan.local = config.node.lanIP;
    d.vxlan.address = config.podCIDR.network();
    d.bridge.name = config.bridge;
    d.bridge.mtu = config.vxlan.mtu;
    d.bridge.gateway = *config.podCIDR.network().next();
    d.bridge.prefixLength = config.podCIDR.length();

    for (const model::AgentConfig::Peer &p : config.peers) {
        if (!p.podCIDR.network().isV4() || !p.lanIP.isV4()) {
            why = "peer " + p.name + ": only IPv4 is supported";
            return std::nullopt;
        }
        const auto mac = MacAddress::parse(p.vtepMAC);
        if (!mac) {
            why = "peer " + p.name + ": vtepMAC \"" + p.vtepMAC + "\" is not an Ethernet address";
            return std::nullopt;
        }
        // The node's own lease never becomes a peer (flannel compares by subnet too).
        if (p.podCIDR == config.podCIDR)
            continue;
        d.peers.push_back({p.name, p.podCIDR, p.podCIDR.network(), p.lanIP, *mac});
    }
    return d;
}

} // namespace k3snet::agent
