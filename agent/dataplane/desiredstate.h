// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/macaddress.h"
#include "domain/model/agentconfig.h"
#include "domain/net/address.h"
#include "domain/net/prefix.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace k3snet::agent {

// The kernel objects one node's data plane consists of (flannel-k3s.md §1), derived from an
// AgentConfig once: what the diff compares the kernel against and what the applier creates.
struct DesiredState
{
    struct Vxlan
    {
        std::string name;
        std::uint32_t vni = 1;
        std::uint16_t port = 8472;
        int mtu = 1450;
        MacAddress mac;
        std::string underlay; // node.interface
        net::Address local; // node.lanIP
        net::Address address; // podCIDR network address, as /32
    } vxlan;

    struct Bridge
    {
        std::string name;
        int mtu = 1450;
        net::Address gateway; // podCIDR .1
        int prefixLength = 24;
    } bridge;

    // One neighbour, one FDB entry and one onlink route on the VXLAN device each.
    struct Peer
    {
        std::string name;
        net::Prefix podCIDR;
        net::Address gateway; // podCIDR network address: the neighbour and the route's via
        net::Address lanIP; // the FDB entry's dst
        MacAddress mac;
    };
    std::vector<Peer> peers; // in config order

    net::Prefix clusterCIDR;
    net::Prefix podCIDR;

    // Everything an AgentConfig that passed validation can still hold that the data plane
    // cannot build (IPv6, a MAC that does not parse); nullopt and why when so.
    static std::optional<DesiredState> fromConfig(
        const model::AgentConfig &config, std::string &why);
};

} // namespace k3snet::agent
