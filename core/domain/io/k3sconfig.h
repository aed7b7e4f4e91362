// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The k3s side of a k3snet project: the /etc/rancher/k3s/config.yaml each node is started with
// (flannel-backend none and servicelb disabled, because k3snet-agent takes over flannel's VXLAN
// data plane and MetalLB's L2 speaker), and reading such a file back into a project.

#include "domain/model/clusternetwork.h"
#include "domain/model/node.h"
#include "domain/model/project.h"
#include "domain/net/address.h"
#include "domain/net/prefix.h"
#include "domain/rules/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace k3snet::io {

inline constexpr std::string_view k3sConfigPath = "/etc/rancher/k3s/config.yaml";

// The config.yaml for one node of the project. A server gets the cluster-wide network flags
// (flannel-backend none, disable-network-policy, disable servicelb, CIDRs, DNS, and the per-node
// mask through kube-controller-manager-arg when it is not the default); an agent only gets its
// node-ip, because k3s agents skip server flags. `server:` and `token:` are never written: they
// are added when a node joins, and k3snet does not keep the cluster token. Deterministic text.
std::string k3sConfigFor(const model::Project &project, const model::Node &node);

// What an existing config.yaml says about the network. Settings the file does not set, or sets
// to a value that is not valid, stay unset; every problem is in diagnostics.
struct K3sConfigImport
{
    // For dual-stack lists the IPv4 entry (k3snet models one family so far); an IPv6-only
    // setting is taken as it is.
    std::optional<net::Prefix> clusterCIDR, serviceCIDR;
    std::optional<net::Address> clusterDNS, nodeIP;
    std::optional<std::string> clusterDomain, flannelBackend;
    // The kube-controller-manager mask for clusterCIDR's family (node-cidr-mask-size-ipv4,
    // -ipv6 or the single-stack node-cidr-mask-size).
    std::optional<int> nodeCIDRMaskSize;
    std::optional<bool> disableNetworkPolicy;
    // The components named by disable (and disable+), comma lists split, in file order.
    std::vector<std::string> disable;
    rules::Diagnostics diagnostics;
};

// Reads a k3s config.yaml. Never throws: YAML syntax errors ("yaml-syntax"), values of the
// wrong shape ("wrong-type") and values k3s would reject ("invalid-value") are error
// diagnostics located at file:line:column (1-based). Warnings say what would fight k3snet
// ("k3s-flannel-backend", "k3s-servicelb-enabled") when the file holds server flags; a file
// with only agent flags (node-ip, ...) is taken as an agent's and gets no such warnings.
// Keys k3s knows but k3snet does not care about are ignored silently; unknown keys that look
// like a misspelt networking key get an info with a suggestion ("k3s-unknown-key").
K3sConfigImport importK3sConfig(std::string_view text, const std::string &fileName);

// Copies the settings the import found onto network; settings the file did not set keep their
// values (apply onto a default ClusterNetwork to get k3s's defaults for them). What k3s derives
// from a set value is derived too: cluster-dns from service-cidr (its network + 10) and the
// per-node mask from cluster-cidr's family (24 or 64) when the file does not set them.
// Returns the node-ip, which belongs to a Node, not to the cluster.
std::optional<net::Address> applyK3sConfig(
    const K3sConfigImport &import, model::ClusterNetwork &network);

} // namespace k3snet::io
