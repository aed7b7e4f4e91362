// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/agentconfig.h"
#include "domain/rules/diagnostic.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// The AgentConfig file (/etc/k3snet/agent.yaml, apiVersion k3snet.io/v1alpha1, kind
// AgentConfig): loading with every check the agent relies on (what `k3snet-agent check` runs;
// the agent refuses a config that fails it), and saving in one canonical form.
namespace k3snet::io {

inline constexpr std::string_view agentConfigPath = "/etc/k3snet/agent.yaml";
// Larger files are refused before they are parsed.
inline constexpr std::size_t maxAgentConfigBytes = 4 * 1024 * 1024;
// One neighbour, FDB entry and route per peer; more than this is not a cluster of Pis.
inline constexpr std::size_t maxAgentPeers = 10'000;
inline constexpr std::size_t maxAgentServiceIPs = 10'000;

struct AgentConfigLoad
{
    // Set only when there are no errors; warnings (host-bits-set) may come with a config.
    std::optional<model::AgentConfig> config;
    // In file order, each with file:line:column. Codes of the file format: io-error, too-large,
    // too-deep, yaml-syntax, multiple-documents, empty-document, unsupported-api-version,
    // wrong-kind, unknown-key, duplicate-key, missing-field, wrong-type, invalid-value,
    // too-many-errors; warning host-bits-set. Codes of the content (all errors):
    // agent-name-invalid, agent-interface-invalid, agent-device-conflict, agent-lan-ip-invalid,
    // agent-vni-invalid, agent-port-invalid, agent-port-conflict, agent-mtu-invalid,
    // agent-mac-invalid, agent-family-mismatch, agent-pod-cidr-outside-cluster,
    // agent-pod-cidr-too-small, agent-too-many-peers, agent-peer-is-self, agent-peer-duplicate,
    // agent-peer-overlap, agent-too-many-service-ips, agent-service-ip-invalid,
    // agent-service-invalid, agent-service-ip-duplicate, agent-eligible-node-unknown,
    // agent-firewall-invalid, agent-path-invalid, agent-membership-interval-invalid,
    // agent-membership-misses-invalid, agent-announce-garp-interval-invalid,
    // agent-announce-garp-duration-invalid, agent-announce-probe-count-invalid,
    // agent-announce-probe-interval-invalid, agent-announce-conflict-recheck-invalid,
    // agent-reconcile-interval-invalid.
    rules::Diagnostics diagnostics;
};

// Never throws: whatever the text holds ends up as diagnostics. fileName is used in locations.
AgentConfigLoad loadAgentConfigText(std::string_view text, const std::string &fileName);
AgentConfigLoad loadAgentConfigFile(const std::string &path);

// The canonical text: a comment line, then every field in a fixed order, defaults included
// (the agent's whole desired state is visible in the file). save(load(save(c))) == save(c).
std::string saveAgentConfigText(const model::AgentConfig &config);

// An Ethernet address as the agent accepts it for a VTEP: six colon-separated pairs of hex
// digits (either case), unicast (low bit of the first byte clear), not all zero. Sets why.
bool isUnicastMac(std::string_view text, std::string *why = nullptr);

} // namespace k3snet::io
