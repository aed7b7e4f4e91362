// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/daemon/reconciler.h"
#include "agent/status/agentliveness.h"
#include "agent/status/agentstatus.h"
#include "domain/model/agentconfig.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace k3snet::agent {

// What `k3snet-agent status` reports: the kernel read now and judged against the config
// (the same diff a reconcile computes), the NAT rules and CNI files, and what the running
// agent last wrote to its status file. Converged means nothing differs now AND the agent that
// wrote the status file is seen running, so that it keeps the node so: a killed agent leaves
// a matching kernel and a status file that says all is well. When this process cannot see the
// agent's process (another PID namespace, /proc hiding it) or there is no status file, the
// report says "unknown", not "dead", but does not call the node converged either: nothing
// shows that an agent keeps it converged (AgentLiveness).
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
    bool agentRunning() const { return m_liveness.state == AgentLiveness::State::Running; }
    // "last pid N, status written at T" (the parenthesis of the agent's problem line).
    std::string lastAgentText() const;

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
    std::string m_statusWrittenAt; // the status file's modification time; "" if unknown
    AgentLiveness m_liveness;
    bool m_firewallChecked = false;
    std::string m_firewallBackend;
    std::vector<PeerRow> m_peers;
    std::vector<std::string> m_problems;
};

} // namespace k3snet::agent
