// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace k3snet::agent {

// One cluster member as this node's heartbeat membership sees it (a value; see membership.h).
struct MemberState
{
    std::string name; // node name from AgentConfig (self or a peer)
    bool alive = false; // self is always alive
    bool self = false;
    std::chrono::steady_clock::time_point lastHeard{}; // zero if never; self: last heartbeat sent
    // When it last became alive (zero if never; self: start()). A change means it was dead
    // in between, however briefly.
    std::chrono::steady_clock::time_point aliveSince{};
    std::uint64_t heartbeatsReceived = 0;
    std::uint64_t heartbeatsMissed = 0; // estimated from sequence gaps
    // Names that member considers alive (from its last heartbeat, sorted), so that a node coming
    // back can wait until the current announcer has seen it.
    std::vector<std::string> reportedAlive;
};

// What happened to received heartbeat datagrams, and how many this node sent.
struct MembershipCounters
{
    std::uint64_t sent = 0, accepted = 0;
    std::uint64_t droppedAuth = 0, droppedReplay = 0, droppedMalformed = 0,
                  droppedUnknownSender = 0, droppedOversized = 0;
    std::uint64_t sendErrors = 0; // datagrams the kernel refused (sendmmsg errors)
};

} // namespace k3snet::agent
