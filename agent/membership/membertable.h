// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/membership/heartbeatpacket.h"
#include "agent/membership/memberstate.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace k3snet::agent {

// The failure detector and replay guard of the heartbeat membership, as plain values with the
// time passed in (no sockets, no threads), so that every rule can be tested exactly.
//
// A peer is alive from its first authenticated heartbeat until it says goodbye or stays silent
// past its deadline: misses x its own advertised interval plus a jitter margin. The margin is
// learned per peer from how late its heartbeats arrive (a peak that decays over about a second), never less
// than a quarter of an interval (at least 1 ms) and never more than misses x interval. Time during which
// this node itself was not running (creditStall) does not count against anyone.
class MemberTable
{
public:
    using Clock = std::chrono::steady_clock;
    using Duration = Clock::duration;

    // A change worth a log line.
    struct Transition
    {
        enum class Kind
        {
            Alive,
            Dead,
            Left,
            Restarted
        };
        Kind kind = Kind::Alive;
        std::string name;
        std::uint64_t incarnation = 0;
        Duration silentFor{}; // Dead: since the last heartbeat
        Duration budget{}; // Dead: the deadline it missed
    };
    enum class Verdict
    {
        Accepted,
        Replay, // same incarnation, sequence not above the last accepted
        OldIncarnation // an incarnation below the last accepted one
    };
    struct Outcome
    {
        Verdict verdict = Verdict::Accepted;
        bool changed = false; // the alive set or this peer's reportedAlive changed
    };

    // Peers keep their state across a reconfiguration by name; a peer removed and added again
    // keeps its replay state. Returns whether the alive set changed.
    bool configure(std::string self, const std::vector<std::string> &peers, int misses);

    // The index of a peer; -1 for this node's own name and for names not configured.
    int indexOf(std::string_view name) const;
    std::size_t peerCount() const { return m_peers.size(); }

    // An authenticated message from peers[index]. measureJitter is false when the arrival time
    // says more about this node (it was stalled) than about the network.
    Outcome receive(int index, const heartbeat::Message &message, Clock::time_point now,
        bool measureJitter, std::vector<Transition> &log);
    // Marks every peer past its deadline dead. Returns whether the alive set changed.
    bool expire(Clock::time_point now, std::vector<Transition> &log);
    // This node did not run for d: push every deadline back by d.
    void creditStall(Duration d);

    // The earliest deadline of an alive peer; Clock::time_point::max() when none is alive.
    Clock::time_point nextDeadline() const;
    // This node and every alive peer, ascending: the alive list of our heartbeats.
    const std::vector<std::string> &aliveNames() const { return m_alive; }
    // Self first (lastSent as its lastHeard, started as its aliveSince), then the peers in
    // configuration order.
    std::vector<MemberState> snapshot(
        Clock::time_point lastSent, Clock::time_point started = {}) const;

    bool isAlive(int index) const { return m_peers[std::size_t(index)].alive; }
    Duration margin(int index) const;
    Duration budget(int index) const;

private:
    struct Peer
    {
        std::string name;
        bool alive = false;
        std::uint64_t incarnation = 0; // of the last accepted message; 0: never heard
        std::uint64_t sequence = 0;
        std::uint32_t intervalMs = 0;
        Clock::time_point lastHeard{};
        Clock::time_point aliveSince{};
        Clock::time_point deadline{};
        Duration peakLateness{};
        std::uint64_t received = 0;
        std::uint64_t missed = 0;
        std::vector<std::string> reportedAlive;
    };
    struct ReplayState
    {
        std::uint64_t incarnation = 0;
        std::uint64_t sequence = 0;
    };

    Duration interval(const Peer &p) const;
    Duration floorMargin(const Peer &p) const;
    Duration capMargin(const Peer &p) const;
    Duration marginOf(const Peer &p) const;
    void measure(Peer &p, std::uint64_t sequence, Clock::time_point now);
    void rebuildAlive();

    std::string m_self;
    int m_misses = 3;
    std::vector<Peer> m_peers;
    std::map<std::string, int, std::less<>> m_index;
    std::map<std::string, ReplayState, std::less<>> m_retired;
    std::vector<std::string> m_alive;
};

} // namespace k3snet::agent
