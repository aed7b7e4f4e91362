// SPDX-License-Identifier: GPL-3.0-or-later
// What the speaker reports in the status file.
#include "agent/announce/speaker.h"

#include "agent/membership/membership.h"
#include "agent/system/clock.h"

namespace k3snet::agent {

namespace {

std::string isoOf(
    std::chrono::steady_clock::time_point t, std::chrono::steady_clock::time_point now)
{
    const auto ago = std::chrono::duration_cast<std::chrono::system_clock::duration>(now - t);
    return isoTimeUtc(std::chrono::system_clock::now() - ago);
}

} // namespace

AnnounceStatus Speaker::status() const
{
    AnnounceStatus s;
    s.enabled = m_membership != nullptr && !m_shutdown;
    s.error = m_shutdown ? std::string("stopped") : m_error;
    s.updatedAt = isoTimeNow();
    s.settled = m_settled;
    s.garpIntervalMs = m_settings.garpInterval.count();
    s.garpDurationMs = m_settings.garpDuration.count();
    s.probeCount = m_settings.probeCount;
    s.probeIntervalMs = m_settings.probeInterval.count();
    s.conflictRecheckMs = m_settings.conflictRecheck.count();

    for (const Target &t : m_targets) {
        AnnounceStatus::Address a;
        a.ip = t.ip.toString();
        a.services = t.services;
        a.eligibleNodes = t.eligible;
        a.interfaces = t.interfaces;
        a.announcer = t.choice.announcer;
        a.announcing = t.phase == Phase::Announcing;
        a.state = phaseName(t.phase);
        a.since = t.sinceText;
        a.lastGratuitous = t.lastGratuitous;
        a.gratuitousSent = t.gratuitousSent;
        std::string problem = t.problem;
        auto add = [&problem](const std::string &text) {
            if (!text.empty())
                problem += (problem.empty() ? "" : "; ") + text;
        };
        if (t.phase == Phase::Waiting) {
            a.waitingFor = t.choice.waitingFor;
            add(t.choice.why);
        } else if (t.choice.announcer.empty()) {
            add(t.choice.why);
        }
        if (t.selfEligible && (t.active() || t.phase == Phase::Unusable)) {
            std::string why;
            usableResponders(t, &why);
            add(why);
        }
        a.problem = problem;
        for (const ConflictRecord &c : t.conflicts)
            a.conflicts.push_back({macText(c.mac), c.interface, claimKindName(c.kind), c.firstSeen,
                c.lastSeen, c.active});
        s.addresses.push_back(std::move(a));
    }

    if (m_membership) {
        const auto now = std::chrono::steady_clock::now();
        for (const MemberState &m : m_membership->members()) {
            AnnounceStatus::Member out;
            out.name = m.name;
            out.self = m.self;
            out.alive = m.alive || m.self;
            if (m.lastHeard != std::chrono::steady_clock::time_point{}) {
                out.lastHeard = isoOf(m.lastHeard, now);
                out.lastHeardAgoMs
                    = std::chrono::duration_cast<std::chrono::milliseconds>(now - m.lastHeard)
                          .count();
            }
            out.heartbeatsReceived = m.heartbeatsReceived;
            out.heartbeatsMissed = m.heartbeatsMissed;
            const double total = double(m.heartbeatsReceived + m.heartbeatsMissed);
            out.heartbeatLossPercent = total > 0 ? 100.0 * double(m.heartbeatsMissed) / total : 0.0;
            out.reportedAlive = m.reportedAlive;
            s.members.push_back(std::move(out));
        }
        const MembershipCounters c = m_membership->counters();
        s.membership = {c.sent, c.accepted, c.droppedAuth, c.droppedReplay, c.droppedMalformed,
            c.droppedUnknownSender, c.droppedOversized, c.sendErrors};
    }

    for (const auto &[name, port] : m_ports) {
        AnnounceStatus::Interface i;
        i.name = name;
        i.problem = port.problem;
        if (port.link) {
            i.ifindex = port.link->ifindex;
            i.mac = macText(port.link->mac);
        }
        if (port.responder) {
            const Responder::Counters &c = port.responder->counters();
            i.arpRequests = c.arpRequests;
            i.arpReplies = c.arpReplies;
            i.solicitations = c.solicitations;
            i.advertisements = c.advertisements;
            i.gratuitous = c.gratuitous;
            i.probes = c.probes;
            i.malformed = c.malformed;
            i.sendErrors = c.sendErrors;
        }
        s.interfaces.push_back(std::move(i));
    }
    return s;
}

} // namespace k3snet::agent
