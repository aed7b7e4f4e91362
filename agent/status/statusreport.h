// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/daemon/reconciler.h"
#include "agent/status/agentstatus.h"
#include "domain/model/agentconfig.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace k3snet::agent {

// What `k3snet-agent status` reports: the kernel read now and judged against the config
// (the same diff a reconcile computes), the NAT rules and CNI files, and what the running
// agent last wrote to its status file. Converged means nothing differs now.
class StatusReport
{
public:
    // Reads everything; never changes anything.
    StatusReport(Reconciler &reconciler, const std::string &configPath);

    bool converged() const { return m_problems.empty(); }
    const std::vector<std::string> &problems() const { return m_problems; }

    nlohmann::ordered_json toJson() const;
    std::string toText() const;

private:
    struct PeerRow
    {
        const DesiredState::Peer *peer;
        bool neighbour;
        bool fdb;
        bool route;
    };

    const model::AgentConfig &m_config;
    const DesiredState &m_desired;
    std::string m_configPath;
    Reconciler::Inspection m_inspection;
    std::optional<AgentStatus> m_agent;
    std::string m_agentProblem; // why there is no usable status file
    bool m_agentRunning = false;
    bool m_firewallChecked = false;
    std::string m_firewallBackend;
    std::vector<PeerRow> m_peers;
    std::vector<std::string> m_problems;
};

} // namespace k3snet::agent
