// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace k3snet::agent {

// The L2 speaker's part of the status file ("announce"): per service IP who announces it and
// what this node does about it, per cluster member what the heartbeats say, the membership's
// counters and the interfaces answered on. Written by the running agent, read back by
// `status` (every field type-checked; a missing or mistyped one reads as its default).
struct AnnounceStatus
{
    struct Conflict
    {
        std::string mac; // the foreign station's
        std::string interface;
        std::string how; // what it sent ("ARP from the address", ...)
        std::string firstSeen;
        std::string lastSeen;
        bool active = true;
    };
    struct Address
    {
        std::string ip;
        std::vector<std::string> services; // "namespace/name", several when the IP is shared
        std::vector<std::string> eligibleNodes; // election order
        std::vector<std::string> interfaces;
        std::string announcer; // as this node sees it; "" when no eligible node is alive
        bool announcing = false; // this node answers for it now
        // standby, waiting, probing, announcing, conflict, unusable
        std::string state;
        std::string since; // when this node entered the state
        std::string lastGratuitous;
        std::uint64_t gratuitousSent = 0;
        std::vector<std::string> waitingFor;
        std::string problem; // why it cannot be announced here, or why it waits
        std::vector<Conflict> conflicts; // newest last
    };
    struct Member
    {
        std::string name;
        bool self = false;
        bool alive = false;
        std::string lastHeard; // ISO time; "" if never
        long long lastHeardAgoMs = -1; // at updatedAt; -1 if never
        std::uint64_t heartbeatsReceived = 0;
        std::uint64_t heartbeatsMissed = 0;
        double heartbeatLossPercent = 0;
        std::vector<std::string> reportedAlive;
    };
    struct Counters
    {
        std::uint64_t sent = 0, accepted = 0, droppedAuth = 0, droppedReplay = 0,
                      droppedMalformed = 0, droppedUnknownSender = 0, droppedOversized = 0,
                      sendErrors = 0;
    };
    struct Interface
    {
        std::string name;
        int ifindex = 0;
        std::string mac;
        std::string problem; // "" when it answers
        std::uint64_t arpRequests = 0, arpReplies = 0, solicitations = 0, advertisements = 0,
                      gratuitous = 0, probes = 0, malformed = 0, sendErrors = 0;
    };

    bool enabled = false; // membership runs and the speaker answers
    std::string error; // why L2 announcement is off or degraded
    std::string updatedAt;
    bool settled = false;
    long long garpIntervalMs = 0, garpDurationMs = 0, probeCount = 0, probeIntervalMs = 0,
              conflictRecheckMs = 0;
    std::vector<Address> addresses;
    std::vector<Member> members;
    Counters membership;
    std::vector<Interface> interfaces;

    // Problems worth a line in `status`: the error, conflicts, unusable addresses.
    std::vector<std::string> problems() const;

    nlohmann::ordered_json toJson() const;
    static AnnounceStatus fromJson(const nlohmann::json &j);
    void writeText(std::ostream &out) const;
};

} // namespace k3snet::agent
