// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/status/announcestatus.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace k3snet::agent {

// What the running agent reports about itself in its status file (config.statusFile, JSON,
// replaced atomically after every reconcile and when an announcement changes): who it is,
// which config it runs, the last reconcile and its result, the last errors, and the L2
// announcement of service IPs. `status` reads it next to the kernel.
struct AgentStatus
{
    struct Reconcile
    {
        std::string time; // ISO 8601 UTC
        std::string trigger; // "startup", "timer", "netlink: route deleted on flannel.1", ...
        bool ok = false;
        long durationMs = 0;
        std::vector<std::string> changes;
        std::vector<std::string> errors;
        std::vector<std::string> problems; // differences still left after it
    };
    struct TimedError
    {
        std::string time;
        std::string message;
    };
    struct Peer
    {
        std::string name;
        std::string lanIP;
        std::string podCIDR;
        std::string vtepMAC;
    };

    static constexpr std::size_t maxRecentErrors = 20;

    std::string version;
    long pid = 0;
    // With pid, what tells this process apart from a later one with the same pid, and in which
    // PID namespace the pid means something (AgentLiveness).
    std::string pidNamespace; // "pid:[4026531836]"
    std::uint64_t processStart = 0; // clock ticks after boot (field 22 of /proc/PID/stat)
    std::string startedAt;
    std::string configFile;
    std::string configLoadedAt;
    std::string node;
    std::string device;
    std::string bridge;
    std::uint64_t reconciles = 0;
    std::string lastConvergedAt;
    std::optional<Reconcile> lastReconcile;
    std::vector<TimedError> recentErrors; // newest last
    std::string firewallBackend;
    std::string firewallListing; // normalized, for `status` to compare the kernel against
    std::vector<Peer> peers;
    AnnounceStatus announce; // the L2 speaker and the heartbeat membership

    void addError(std::string time, std::string message);

    nlohmann::ordered_json toJson() const;
    std::string toJsonText() const;
    // Every field is type-checked; a file that is not an agent status gives nullopt and why.
    static std::optional<AgentStatus> parse(std::string_view text, std::string &why);
};

} // namespace k3snet::agent
