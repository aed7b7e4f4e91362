// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/membership/memberstate.h"
#include "agent/membership/membertable.h"
#include "agent/membership/pimutex.h"
#include "agent/system/uniquefd.h"
#include "domain/model/agentconfig.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace k3snet::agent {

class HeartbeatSocket;
class HmacKey;

// Which agents are alive: authenticated UDP heartbeats between this node and every peer of the
// AgentConfig, sent and received by a thread of its own at real-time priority, so that a node
// under full CPU load still heartbeats on time. The daemon polls eventFd() in its epoll loop and
// reads members() when it fires. Wire format and timing rules: README.md in this directory.
class Membership
{
public:
    struct Options
    {
        // Off for benchmarks that run dozens of members in one process: they would starve the
        // machine at real-time priority.
        bool elevatePriority = true;
    };

    // Reads and checks the key file (mode 0600, >= 32 bytes after stripping trailing
    // whitespace; used verbatim as the HMAC-SHA256 key), binds UDP config.membership.port on
    // config.node.lanIP. Throws std::runtime_error naming the file/port and the reason.
    explicit Membership(const model::AgentConfig &config);
    Membership(const model::AgentConfig &config, Options options);
    ~Membership(); // stops the thread; no goodbye
    Membership(const Membership &) = delete;
    Membership &operator=(const Membership &) = delete;

    void start(); // starts the high-priority heartbeat thread
    // Peers, interval, misses, key file (re-read: a rotated key takes effect), node name, LAN
    // address or port (the socket is re-bound). Throws std::runtime_error like the constructor
    // and then leaves everything as it was.
    void reconfigure(const model::AgentConfig &config);
    // Readable when the alive set or any member's reportedAlive changed, when settled() became
    // true, or when the heartbeat thread has log lines to hand over. Poll it from the daemon's
    // epoll loop; call drainEvents() and then read members().
    int eventFd() const { return m_events.get(); }
    // Reads the eventfd and writes the heartbeat thread's queued log lines (that thread never
    // writes to stderr itself: a slow journald must not delay a heartbeat).
    void drainEvents();
    std::vector<MemberState> members() const; // thread-safe snapshot, self first
    MembershipCounters counters() const;
    // True once this node has been running >= misses*interval plus one margin: it has had the
    // chance to hear every live peer.
    bool settled() const;
    // Sends a signed goodbye to every peer now (SIGTERM path) and stops sending heartbeats;
    // peers mark this node dead at once on receiving it.
    void goodbye();

private:
    struct Settings
    {
        std::string self;
        net::Address lanIP;
        std::uint16_t port = 0;
        int intervalMs = 10;
        int misses = 3;
        std::string keyFile;
        std::vector<std::string> peerNames;
        std::vector<net::Address> peerAddresses; // same order as peerNames
    };
    enum class LogLevel
    {
        Info,
        Warning
    };

    static Settings settingsOf(const model::AgentConfig &config);
    void run();
    void announcePriority();
    MemberTable::Clock::time_point nextWake(MemberTable::Clock::time_point &nextSend);
    bool sleepUntil(MemberTable::Clock::time_point due, bool socketPaused);
    void sendIfDue(MemberTable::Clock::time_point &nextSend);
    void judge();
    // True when it stopped at its per-wake limit with more datagrams likely waiting (a flood).
    bool receiveAll(MemberTable::Clock::time_point now, bool measureJitter);
    void handle(std::span<const std::uint8_t> bytes, bool oversized, const net::Address *source,
        MemberTable::Clock::time_point now, bool measureJitter);
    void noteDrop(int kind, const net::Address *source, MemberTable::Clock::time_point now);
    void sendHeartbeat(MemberTable::Clock::time_point now, std::uint64_t ticks);
    void applySettings(Settings settings); // with both mutexes held
    void logTransitions(); // with m_mutex held
    void queueLog(LogLevel level, std::string line); // with m_mutex held
    void signal();
    void wakeThread();
    void stopThread();
    void startThread();
    MemberTable::Clock::duration settleTime() const; // with m_mutex held

    const Options m_options;
    const std::uint64_t m_incarnation;

    // m_sendMutex orders whole sends (encode, sign, sendmmsg), so that no heartbeat can leave
    // after the goodbye. m_mutex guards everything else below. Order: m_sendMutex, m_mutex.
    PiMutex m_sendMutex;
    mutable PiMutex m_mutex;
    Settings m_settings;
    std::unique_ptr<HmacKey> m_key;
    std::unique_ptr<HeartbeatSocket> m_socket;
    MemberTable m_table;
    MembershipCounters m_counters;
    std::uint64_t m_sequence = 0; // of the last message sent
    bool m_leaving = false;
    bool m_settledSignalled = false;
    MemberTable::Clock::time_point m_startedAt{};
    MemberTable::Clock::time_point m_lastSent{};
    std::vector<MemberTable::Transition> m_transitions;
    std::vector<std::pair<LogLevel, std::string>> m_logQueue;
    std::size_t m_logsDropped = 0;
    std::vector<std::uint8_t> m_txBuffer;
    std::vector<net::Address> m_peerAddress; // by MemberTable index
    bool m_resetSchedule = false; // the interval changed: send now and start a new schedule
    bool m_changed = false; // something the daemon wants to know about since the last signal
    struct DropLog
    {
        MemberTable::Clock::time_point lastLogged{};
        std::uint64_t since = 0;
    };
    DropLog m_dropLog[8]; // by kind of drop, failed send or receive (membershipthread.cpp)

    UniqueFd m_events; // eventfd to the daemon
    UniqueFd m_wake; // eventfd to the thread: stop, or settings changed
    UniqueFd m_timer; // timerfd, absolute CLOCK_MONOTONIC deadlines
    std::atomic<bool> m_stop{false};
    bool m_started = false;
    std::thread m_thread;
};

} // namespace k3snet::agent
