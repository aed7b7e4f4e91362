// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/labelselector.h"
#include "domain/net/address.h"
#include "domain/net/prefix.h"

#include <cstdint>
#include <optional>
#include <string>

namespace k3snet::model {

enum class NodeRole : std::uint8_t { Server, Agent };
const char *nodeRoleName(NodeRole r); // "server" / "agent"

// How k3snet reaches a node over SSH. An empty host means the node's LAN IP.
struct SshEndpoint
{
    std::string host;
    int port = 22;
    std::string user;
    friend bool operator==(const SshEndpoint &, const SshEndpoint &) = default;
};

// One machine of the cluster (a Pi, or any Linux box).
struct Node
{
    std::string name;
    NodeRole role = NodeRole::Agent;
    net::Address lanIP;
    std::string interface; // empty: the cluster's LAN interface
    Labels labels;
    SshEndpoint ssh;
    // The node's pod subnet when it is fixed: pinned by the user or recorded when the node was
    // added (as k3s records node.spec.podCIDR). Unset: allocated at plan time.
    std::optional<net::Prefix> podCIDR;
    // Node condition NetworkUnavailable=True (from a kubectl dump): MetalLB skips such nodes.
    bool networkUnavailable = false;

    friend bool operator==(const Node &, const Node &) = default;
};

} // namespace k3snet::model
