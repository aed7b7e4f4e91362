// SPDX-License-Identifier: GPL-3.0-or-later
// The heartbeat thread: one loop that sleeps on a timerfd armed with absolute CLOCK_MONOTONIC
// deadlines (the next send, the earliest peer deadline, the end of settling) and wakes early for
// datagrams. It notices when it ran late itself and does not count that time against peers.
#include "agent/membership/heartbeatsocket.h"
#include "agent/membership/hmackey.h"
#include "agent/membership/membership.h"
#include "agent/membership/threadpriority.h"
#include "agent/system/errors.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <mutex>

#include <poll.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace k3snet::agent {

namespace {

using namespace std::chrono_literals;
using Clock = MemberTable::Clock;

// Waking this much after the armed deadline means this node was not running (preempted, a VM
// paused, the CPU throttled); below it is ordinary timer latency.
constexpr Clock::duration stallThreshold = 1ms;
// Datagrams handled per wake-up before deadlines are checked again, so that a flood can delay
// but never starve the sending of heartbeats. A wake that reaches the limit (50 peers at 10 ms
// send 49 datagrams per interval) stops reading for floodPause: a flood then costs this
// real-time thread at most about half a core, and what it cannot read the kernel drops.
constexpr int maxBatchesPerWake = 16;
constexpr Clock::duration floodPause = 1ms;
// A kind of dropped datagram is logged at most this often (with the count since).
constexpr Clock::duration dropLogInterval = 10s;

enum DropKind
{
    Oversized,
    Malformed,
    UnknownSender,
    Auth,
    Replay,
    OldIncarnation,
    SendFailed,
    ReceiveFailed
};
constexpr const char *dropText[] = {
    "oversized datagrams",
    "malformed datagrams",
    "datagrams from unknown senders (name not in the config, or not from that peer's lanIP)",
    "heartbeats failing authentication (wrong cluster key, or forged)",
    "replayed heartbeats",
    "heartbeats of an older incarnation than one already seen (replays, or the sender's clock "
    "went back: then restart this agent)",
};

void armAt(int timerFd, Clock::time_point due)
{
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(due.time_since_epoch());
    struct itimerspec spec
    {
    };
    spec.it_value.tv_sec = time_t(ns.count() / 1000000000);
    spec.it_value.tv_nsec = long(ns.count() % 1000000000);
    if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
        spec.it_value.tv_nsec = 1; // zero would disarm
    ::timerfd_settime(timerFd, TFD_TIMER_ABSTIME, &spec, nullptr);
}

void drainCounter(int fd)
{
    std::uint64_t value = 0;
    [[maybe_unused]] ssize_t n = ::read(fd, &value, sizeof value);
}

std::string millis(Clock::duration d)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms",
        double(std::chrono::duration_cast<std::chrono::microseconds>(d).count()) / 1000.0);
    return text;
}

} // namespace

void Membership::run()
{
    announcePriority();
    Clock::time_point nextSend = Clock::now();
    Clock::time_point socketPausedUntil{};
    while (!m_stop.load()) {
        const Clock::time_point sleptAt = Clock::now();
        const bool paused = sleptAt < socketPausedUntil;
        Clock::time_point due = nextWake(nextSend);
        if (paused)
            due = std::min(due, socketPausedUntil);
        if (!sleepUntil(due, paused))
            break;

        const Clock::time_point woke = Clock::now();
        // Late for a deadline that was still ahead when we went to sleep: we were not running.
        // Nobody is declared dead for that time, and arrival times of this wake say nothing
        // about the network.
        const bool stalled = due > sleptAt && woke - due > stallThreshold;
        if (stalled) {
            std::lock_guard lock(m_mutex);
            m_table.creditStall(woke - due);
        }
        if (woke >= socketPausedUntil && receiveAll(woke, !stalled))
            socketPausedUntil = Clock::now() + floodPause;
        sendIfDue(nextSend);
        judge();
    }
}

void Membership::announcePriority()
{
    const ThreadPriority priority = m_options.elevatePriority
        ? elevateCurrentThread()
        : ThreadPriority{ThreadPriority::Kind::Normal, "normal priority (as asked)"};
    std::lock_guard lock(m_mutex);
    const bool asExpected
        = priority.kind == ThreadPriority::Kind::RealTime || !m_options.elevatePriority;
    queueLog(asExpected ? LogLevel::Info : LogLevel::Warning,
        "membership: the heartbeat thread runs at " + priority.description);
    signal();
    m_resetSchedule = true;
}

// The earliest of: the next send, the earliest peer deadline, the end of settling.
Clock::time_point Membership::nextWake(Clock::time_point &nextSend)
{
    std::lock_guard lock(m_mutex);
    if (m_resetSchedule) {
        m_resetSchedule = false;
        nextSend = Clock::now();
    }
    Clock::time_point due = std::min(nextSend, m_table.nextDeadline());
    if (!m_settledSignalled)
        due = std::min(due, m_startedAt + settleTime());
    return due;
}

// Sleeps until due, a datagram (unless the socket is paused) or a wake-up. False: stop.
bool Membership::sleepUntil(Clock::time_point due, bool socketPaused)
{
    armAt(m_timer.get(), due);
    struct pollfd fds[3] = {
        {socketPaused ? -1 : m_socket->fd(), POLLIN, 0}, // poll skips a negative descriptor
        {m_timer.get(), POLLIN, 0},
        {m_wake.get(), POLLIN, 0},
    };
    if (::poll(fds, 3, -1) < 0 && errno != EINTR)
        std::this_thread::sleep_for(1ms); // cannot happen with valid descriptors; never spin
    if (fds[2].revents & POLLIN)
        drainCounter(m_wake.get());
    if (fds[1].revents & POLLIN)
        drainCounter(m_timer.get());
    return !m_stop.load();
}

void Membership::sendIfDue(Clock::time_point &nextSend)
{
    const Clock::time_point now = Clock::now();
    if (now < nextSend)
        return;
    const Clock::duration interval = [&] {
        std::lock_guard lock(m_mutex);
        return Clock::duration(std::chrono::milliseconds(m_settings.intervalMs));
    }();
    // Ticks missed while we could not run are skipped, not sent in a burst; the sequence
    // still counts them, so peers see them as missed.
    const std::uint64_t ticks = std::uint64_t((now - nextSend) / interval) + 1;
    nextSend += interval * std::int64_t(ticks);
    sendHeartbeat(now, ticks);
}

// Deadlines, settling, log lines, and the eventfd if anything changed.
void Membership::judge()
{
    std::lock_guard lock(m_mutex);
    const Clock::time_point now = Clock::now();
    if (m_table.expire(now, m_transitions))
        m_changed = true;
    if (!m_settledSignalled && m_started && now - m_startedAt >= settleTime()) {
        m_settledSignalled = true;
        m_changed = true;
    }
    logTransitions();
    if (m_changed) {
        m_changed = false;
        signal();
    }
}

bool Membership::receiveAll(Clock::time_point now, bool measureJitter)
{
    for (int batch = 0; batch < maxBatchesPerWake; ++batch) {
        std::span<const HeartbeatSocket::Datagram> datagrams;
        int error = 0;
        if (!m_socket->receive(datagrams, error)) {
            // The error is consumed by the read that reported it, so this cannot spin.
            std::lock_guard lock(m_mutex);
            DropLog &d = m_dropLog[ReceiveFailed];
            ++d.since;
            if (d.lastLogged == Clock::time_point() || now - d.lastLogged >= dropLogInterval) {
                queueLog(LogLevel::Warning,
                    "membership: receiving heartbeats failed " + std::to_string(d.since)
                        + " times: " + errnoText(error));
                d.lastLogged = now;
                d.since = 0;
            }
            return false;
        }
        if (datagrams.empty())
            return false;
        std::lock_guard lock(m_mutex);
        for (const HeartbeatSocket::Datagram &d : datagrams)
            handle(d.bytes, d.oversized, d.sourceKnown ? &d.source : nullptr, now, measureJitter);
        if (datagrams.size() < HeartbeatSocket::batchSize)
            return false;
    }
    return true;
}

// The checks run cheapest first: size, structure, sender, then the HMAC, then replay.
void Membership::handle(std::span<const std::uint8_t> bytes, bool oversized,
    const net::Address *source, Clock::time_point now, bool measureJitter)
{
    if (oversized) {
        ++m_counters.droppedOversized;
        noteDrop(Oversized, source, now);
        return;
    }
    heartbeat::Parsed parsed;
    const heartbeat::ParseError error = heartbeat::parse(bytes, parsed);
    if (error == heartbeat::ParseError::Oversized) {
        ++m_counters.droppedOversized;
        noteDrop(Oversized, source, now);
        return;
    }
    if (error != heartbeat::ParseError::None) {
        ++m_counters.droppedMalformed;
        noteDrop(Malformed, source, now);
        return;
    }
    const int index = m_table.indexOf(parsed.message.sender);
    if (index < 0 || !source || *source != m_peerAddress[std::size_t(index)]) {
        ++m_counters.droppedUnknownSender;
        noteDrop(UnknownSender, source, now);
        return;
    }
    if (!m_key->verify(parsed.signedBytes, parsed.tag)) {
        ++m_counters.droppedAuth;
        noteDrop(Auth, source, now);
        return;
    }
    const MemberTable::Outcome outcome
        = m_table.receive(index, parsed.message, now, measureJitter, m_transitions);
    if (outcome.verdict != MemberTable::Verdict::Accepted) {
        ++m_counters.droppedReplay;
        noteDrop(
            outcome.verdict == MemberTable::Verdict::Replay ? Replay : OldIncarnation, source, now);
        return;
    }
    ++m_counters.accepted;
    if (outcome.changed)
        m_changed = true;
}

void Membership::noteDrop(int kind, const net::Address *source, Clock::time_point now)
{
    DropLog &d = m_dropLog[kind];
    ++d.since;
    if (d.lastLogged != Clock::time_point() && now - d.lastLogged < dropLogInterval)
        return;
    queueLog(LogLevel::Warning,
        "membership: dropped " + std::to_string(d.since) + " " + dropText[kind]
            + (d.lastLogged == Clock::time_point() ? std::string()
                                                   : " in the last "
                        + std::to_string(
                            std::chrono::duration_cast<std::chrono::seconds>(now - d.lastLogged)
                                .count())
                        + " s")
            + ", the last from "
            + (source ? source->toString() : std::string("another address family")));
    d.lastLogged = now;
    d.since = 0;
}

void Membership::sendHeartbeat(Clock::time_point now, std::uint64_t ticks)
{
    std::lock_guard sendLock(m_sendMutex);
    std::size_t length = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_leaving)
            return;
        heartbeat::Message m;
        m.type = heartbeat::MessageType::Heartbeat;
        m.incarnation = m_incarnation;
        m.sequence = m_sequence + ticks;
        m.intervalMs = std::uint32_t(m_settings.intervalMs);
        m.sender = m_settings.self;
        length = heartbeat::encode(m, m_table.aliveNames(), *m_key, m_txBuffer);
        if (length == 0) {
            queueLog(LogLevel::Warning, "membership: cannot sign a heartbeat (libcrypto failed)");
            m_changed = true;
            return;
        }
        m_sequence = m.sequence;
    }
    const HeartbeatSocket::SendResult r = m_socket->sendToAll({m_txBuffer.data(), length});
    std::lock_guard lock(m_mutex);
    m_counters.sent += r.sent;
    m_counters.sendErrors += r.failed;
    m_lastSent = now;
    if (r.failed > 0) {
        DropLog &d = m_dropLog[SendFailed];
        d.since += r.failed;
        if (d.lastLogged == Clock::time_point() || now - d.lastLogged >= dropLogInterval) {
            queueLog(LogLevel::Warning,
                "membership: " + std::to_string(d.since)
                    + " heartbeats could not be sent: " + errnoText(r.firstError));
            d.lastLogged = now;
            d.since = 0;
        }
    }
}

void Membership::logTransitions()
{
    for (const MemberTable::Transition &t : m_transitions) {
        switch (t.kind) {
        case MemberTable::Transition::Kind::Alive:
            queueLog(LogLevel::Info,
                "membership: " + t.name + " is alive (incarnation " + std::to_string(t.incarnation)
                    + ")");
            break;
        case MemberTable::Transition::Kind::Dead:
            queueLog(LogLevel::Warning,
                "membership: " + t.name + " is dead: no heartbeat for " + millis(t.silentFor)
                    + " (its deadline was " + millis(t.budget)
                    + ", time this node itself was not running added)");
            break;
        case MemberTable::Transition::Kind::Left:
            queueLog(LogLevel::Info, "membership: " + t.name + " said goodbye");
            break;
        case MemberTable::Transition::Kind::Restarted:
            queueLog(LogLevel::Info,
                "membership: " + t.name + " restarted (incarnation " + std::to_string(t.incarnation)
                    + ")");
            break;
        }
    }
    m_transitions.clear();
}

} // namespace k3snet::agent
