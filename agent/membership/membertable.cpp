// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/membership/membertable.h"

#include <algorithm>

namespace k3snet::agent {

namespace {

using namespace std::chrono_literals;

// A lateness peak decays with time, not with heartbeats: it loses the fraction dt/decayTime of
// itself for every heartbeat that is not later (dt since the previous one), but never more than
// 1/8 per heartbeat. At 10 ms that is 1/128 per beat, halving in about 0.9 s; at 1 s it halves
// in about 5 beats. A node that hiccups every second or so keeps the margin it needs, while a
// slow-interval peer does not carry a startup estimate for minutes.
constexpr auto decayTime = 1280ms;
constexpr int maxDecayDivisor = 8;

// What a fresh peer is assumed to be late by before anything is learned: half the floor, but
// not more than this. Lateness comes from scheduling and the LAN, not from the interval, so at
// long intervals a quarter of an interval would only delay the first failover.
constexpr auto freshLatenessCap = 2ms;

} // namespace

bool MemberTable::configure(std::string self, const std::vector<std::string> &peers, int misses)
{
    const std::vector<std::string> aliveBefore = m_alive;
    m_self = std::move(self);
    m_misses = std::max(1, misses);

    std::vector<Peer> old = std::move(m_peers);
    m_peers.clear();
    m_index.clear();
    for (const std::string &name : peers) {
        if (name == m_self || m_index.count(name))
            continue; // the config check refuses these; never track ourselves
        auto kept
            = std::find_if(old.begin(), old.end(), [&](const Peer &p) { return p.name == name; });
        Peer p;
        if (kept != old.end()) {
            p = std::move(*kept);
            kept->name.clear();
        } else {
            p.name = name;
            if (auto r = m_retired.find(name); r != m_retired.end()) {
                p.incarnation = r->second.incarnation;
                p.sequence = r->second.sequence;
                m_retired.erase(r);
            }
        }
        m_index.emplace(p.name, int(m_peers.size()));
        m_peers.push_back(std::move(p));
    }
    // Remember where removed peers were, so that their old packets stay replays if they return.
    for (const Peer &p : old) {
        if (!p.name.empty() && p.incarnation != 0)
            m_retired[p.name] = {p.incarnation, p.sequence};
    }
    rebuildAlive();
    return m_alive != aliveBefore;
}

int MemberTable::indexOf(std::string_view name) const
{
    auto it = m_index.find(name);
    return it == m_index.end() ? -1 : it->second;
}

MemberTable::Duration MemberTable::interval(const Peer &p) const
{
    return std::chrono::milliseconds(std::max<std::uint32_t>(1, p.intervalMs));
}

// A quarter of an interval: less than keepalived's skew time (0.61 x advert_int at priority
// 100), so that at the same heartbeat interval k3snet never fails over later than VRRP does.
// Real lateness (SCHED_FIFO sender, LAN) is far below it; learned lateness widens it.
MemberTable::Duration MemberTable::floorMargin(const Peer &p) const
{
    return std::max<Duration>(1ms, interval(p) / 4);
}

MemberTable::Duration MemberTable::capMargin(const Peer &p) const
{
    return std::max(floorMargin(p), interval(p) * m_misses);
}

MemberTable::Duration MemberTable::marginOf(const Peer &p) const
{
    return std::clamp(floorMargin(p) + 2 * p.peakLateness, floorMargin(p), capMargin(p));
}

MemberTable::Duration MemberTable::margin(int index) const
{
    return marginOf(m_peers[std::size_t(index)]);
}

MemberTable::Duration MemberTable::budget(int index) const
{
    const Peer &p = m_peers[std::size_t(index)];
    return interval(p) * m_misses + marginOf(p);
}

// How much later than the sender's schedule this heartbeat came, relative to the previous one.
// Lost heartbeats in between are allowed for (k intervals); a gap longer than the deadline
// itself says nothing about jitter.
void MemberTable::measure(Peer &p, std::uint64_t sequence, Clock::time_point now)
{
    const std::uint64_t k = sequence - p.sequence;
    if (k == 0 || k > std::uint64_t(m_misses))
        return;
    const Duration late = (now - p.lastHeard) - interval(p) * std::int64_t(k);
    if (late > p.peakLateness) {
        p.peakLateness = std::min(late, capMargin(p));
        return;
    }
    const Duration dt = now - p.lastHeard;
    const Duration lost = dt >= decayTime / maxDecayDivisor
        ? p.peakLateness / maxDecayDivisor
        : std::chrono::duration_cast<Duration>(
              p.peakLateness * (std::chrono::duration<double>(dt) / decayTime));
    p.peakLateness -= lost;
}

MemberTable::Outcome MemberTable::receive(int index, const heartbeat::Message &m,
    Clock::time_point now, bool measureJitter, std::vector<Transition> &log)
{
    Peer &p = m_peers[std::size_t(index)];
    if (m.incarnation < p.incarnation)
        return {Verdict::OldIncarnation, false};
    if (m.incarnation == p.incarnation && m.sequence <= p.sequence)
        return {Verdict::Replay, false};

    Outcome out;
    const bool sameIncarnation = m.incarnation == p.incarnation;
    const bool restarted = p.incarnation != 0 && !sameIncarnation;
    if (sameIncarnation) {
        p.missed += m.sequence - p.sequence - 1;
        if (p.alive && measureJitter)
            measure(p, m.sequence, now);
    }
    p.incarnation = m.incarnation;
    p.sequence = m.sequence;
    p.intervalMs = m.intervalMs;
    p.lastHeard = now;
    ++p.received;

    if (m.type == heartbeat::MessageType::Goodbye) {
        if (p.alive) {
            p.alive = false;
            out.changed = true;
            log.push_back({Transition::Kind::Left, p.name, m.incarnation, {}, {}});
            rebuildAlive();
        }
        return out;
    }

    if (!p.alive) {
        p.alive = true;
        p.aliveSince = now;
        // No history yet: twice the floor at short intervals, then learn from what arrives.
        p.peakLateness = std::min<Duration>(floorMargin(p) / 2, freshLatenessCap);
        out.changed = true;
        log.push_back({Transition::Kind::Alive, p.name, m.incarnation, {}, {}});
        rebuildAlive();
    } else if (restarted) {
        log.push_back({Transition::Kind::Restarted, p.name, m.incarnation, {}, {}});
    }
    p.deadline = now + interval(p) * m_misses + marginOf(p);
    if (!m.alive.equals(p.reportedAlive)) {
        p.reportedAlive = m.alive.toVector();
        out.changed = true;
    }
    return out;
}

bool MemberTable::expire(Clock::time_point now, std::vector<Transition> &log)
{
    bool changed = false;
    for (Peer &p : m_peers) {
        if (p.alive && now >= p.deadline) {
            p.alive = false;
            changed = true;
            log.push_back({Transition::Kind::Dead, p.name, p.incarnation, now - p.lastHeard,
                p.deadline - p.lastHeard});
        }
    }
    if (changed)
        rebuildAlive();
    return changed;
}

void MemberTable::creditStall(Duration d)
{
    if (d <= Duration::zero())
        return;
    for (Peer &p : m_peers) {
        if (p.alive)
            p.deadline += d;
    }
}

MemberTable::Clock::time_point MemberTable::nextDeadline() const
{
    Clock::time_point next = Clock::time_point::max();
    for (const Peer &p : m_peers) {
        if (p.alive)
            next = std::min(next, p.deadline);
    }
    return next;
}

void MemberTable::rebuildAlive()
{
    m_alive.clear();
    if (!m_self.empty())
        m_alive.push_back(m_self);
    for (const Peer &p : m_peers) {
        if (p.alive)
            m_alive.push_back(p.name);
    }
    std::sort(m_alive.begin(), m_alive.end());
}

std::vector<MemberState> MemberTable::snapshot(
    Clock::time_point lastSent, Clock::time_point started) const
{
    std::vector<MemberState> out;
    out.reserve(m_peers.size() + 1);
    MemberState self;
    self.name = m_self;
    self.alive = true;
    self.self = true;
    self.lastHeard = lastSent;
    self.aliveSince = started;
    self.reportedAlive = m_alive;
    out.push_back(std::move(self));
    for (const Peer &p : m_peers) {
        MemberState s;
        s.name = p.name;
        s.alive = p.alive;
        s.lastHeard = p.lastHeard;
        s.aliveSince = p.aliveSince;
        s.heartbeatsReceived = p.received;
        s.heartbeatsMissed = p.missed;
        s.reportedAlive = p.reportedAlive;
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace k3snet::agent
