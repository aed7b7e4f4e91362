// SPDX-License-Identifier: GPL-3.0-or-later
// The speaker's election and per-address state machine (interfaces and sockets are in
// speakerports.cpp, the status in speakerstatus.cpp).
#include "agent/announce/speaker.h"

#include "agent/dataplane/macaddress.h"
#include "agent/membership/membership.h"
#include "agent/system/clock.h"
#include "agent/system/errors.h"
#include "agent/system/log.h"

#include <algorithm>

namespace k3snet::agent {

namespace {

using namespace std::chrono_literals;

// How often the interfaces are read again without a netlink hint (MetalLB: 10 s).
constexpr auto rescanInterval = 5s;
// While membership has not settled, the election runs again this often (membership also
// signals the moment it settles; this is the fallback).
constexpr auto settlePoll = 100ms;
// Conflicts remembered per address (the oldest is forgotten first).
constexpr std::size_t maxConflictRecords = 8;

std::string servicesText(const std::vector<std::string> &services)
{
    std::string out;
    for (const std::string &s : services)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

} // namespace

const char *Speaker::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Standby:
        return "standby";
    case Phase::Waiting:
        return "waiting";
    case Phase::Probing:
        return "probing";
    case Phase::Announcing:
        return "announcing";
    case Phase::Conflict:
        return "conflict";
    case Phase::Unusable:
        return "unusable";
    }
    return "unknown";
}

Speaker::Speaker(EventLoop &loop, AnnounceSettings settings)
    : m_loop(loop)
    , m_settings(settings)
{
}

Speaker::~Speaker()
{
    for (auto &entry : m_ports)
        closePort(entry.second);
    if (m_timer.fd() >= 0)
        m_loop.remove(m_timer.fd());
}

std::error_code Speaker::open()
{
    if (const auto ec = m_timer.open())
        return ec;
    return m_loop.add(m_timer.fd(), [this](std::uint32_t) { tick(); });
}

void Speaker::configure(const model::AgentConfig &config)
{
    m_self = config.node.name;
    m_uplink = config.node.interface;
    m_peerByAddress.clear();
    m_peerMacs.clear();
    for (const model::AgentConfig::Peer &p : config.peers) {
        m_peerByAddress[p.lanIP] = p.name;
        if (const auto mac = MacAddress::parse(p.vtepMAC))
            m_peerMacs.insert(mac->bytes());
    }
    m_ownMacs.clear();
    for (const l2::Mac &mac : localMacs())
        m_ownMacs.insert(mac);
    if (const auto mac = MacAddress::parse(config.vxlan.vtepMAC))
        m_ownMacs.insert(mac->bytes());

    // One target per address: services sharing an IP (allow-shared-ip) are announced together.
    std::map<net::Address, Target> next;
    for (const model::AgentConfig::ServiceIP &s : config.serviceIPs) {
        auto [it, inserted] = next.try_emplace(s.ip);
        Target &t = it->second;
        if (inserted) {
            t.ip = s.ip;
            t.eligible = s.eligibleNodes;
            if (s.ip.isV4()) {
                t.v4 = std::uint32_t(s.ip.value());
            } else {
                s.ip.toBytes(t.v6.data());
            }
        } else if (t.eligible != s.eligibleNodes && t.problem.empty()) {
            t.problem = "the services sharing this address list different eligible nodes (MetalLB "
                        "needs identical node selection); the first one's order is used";
        }
        if (std::find(t.services.begin(), t.services.end(), s.service) == t.services.end())
            t.services.push_back(s.service);
        const std::vector<std::string> names
            = s.interfaces.empty() ? std::vector<std::string>{m_uplink} : s.interfaces;
        for (const std::string &name : names) {
            if (std::find(t.interfaces.begin(), t.interfaces.end(), name) == t.interfaces.end())
                t.interfaces.push_back(name);
        }
    }

    const Clock::time_point now = Clock::now();
    std::vector<Target> targets;
    for (auto &[ip, t] : next) {
        t.selfEligible
            = std::find(t.eligible.begin(), t.eligible.end(), m_self) != t.eligible.end();
        const auto old = std::find_if(
            m_targets.begin(), m_targets.end(), [&ip](const Target &o) { return o.ip == ip; });
        if (old != m_targets.end()) {
            // Keep what this node was doing; the election below decides again.
            Target kept = std::move(*old);
            const bool moved = kept.interfaces != t.interfaces;
            kept.services = std::move(t.services);
            kept.eligible = std::move(t.eligible);
            kept.interfaces = std::move(t.interfaces);
            kept.selfEligible = t.selfEligible;
            kept.problem = std::move(t.problem);
            if (moved && kept.phase == Phase::Announcing) {
                kept.nextGarp = now;
                kept.garpUntil = now + m_settings.garpDuration;
            }
            targets.push_back(std::move(kept));
        } else {
            targets.push_back(std::move(t));
        }
    }
    for (const Target &old : m_targets) {
        const bool stays = std::any_of(
            targets.begin(), targets.end(), [&old](const Target &t) { return t.ip == old.ip; });
        if (!stays && old.active())
            log::info("stopped announcing " + old.ip.toString() + ": no longer in the config");
    }
    m_targets = std::move(targets);
    syncPorts();
    rebuildWatched();
    elect();
}

void Speaker::setMembership(const Membership *membership, std::string error)
{
    m_membership = membership;
    m_error = std::move(error);
    elect();
}

void Speaker::onMembershipEvent()
{
    elect();
}

void Speaker::rescanInterfaces()
{
    if (m_shutdown)
        return;
    m_nextRescan = Clock::now() + rescanInterval;
    syncPorts();
    rebuildWatched();
    elect();
}

void Speaker::shutdown()
{
    if (m_shutdown)
        return;
    m_shutdown = true;
    bool any = false;
    for (Target &t : m_targets) {
        any = any || t.phase == Phase::Announcing;
        if (t.phase != Phase::Standby)
            enter(t, Phase::Standby, Clock::now());
    }
    for (auto &entry : m_ports)
        closePort(entry.second);
    m_timer.stop();
    if (any)
        log::info("stopped answering ARP/NDP for the service IPs");
    changed();
}

std::vector<MemberView> Speaker::memberViews() const
{
    std::vector<MemberView> out;
    if (!m_membership)
        return out;
    for (MemberState &m : m_membership->members())
        out.push_back({std::move(m.name), m.alive || m.self, std::move(m.reportedAlive)});
    return out;
}

bool Speaker::isAlive(const std::string &name) const
{
    if (name == m_self)
        return true;
    return std::any_of(m_members.begin(), m_members.end(),
        [&name](const MemberView &m) { return m.name == name && m.alive; });
}

void Speaker::changed()
{
    if (m_onChange)
        m_onChange();
}

void Speaker::enter(Target &t, Phase phase, Clock::time_point now)
{
    if (t.phase == Phase::Conflict && phase != Phase::Conflict && phase != Phase::Probing) {
        for (ConflictRecord &c : t.conflicts)
            c.active = false;
    }
    t.phase = phase;
    t.since = now;
    t.sinceText = isoTimeNow();
    t.takeover = false;
    if (phase == Phase::Probing) {
        t.probesSent = 0;
        t.nextProbe = now;
    } else if (phase == Phase::Conflict) {
        t.nextRecheck = now + m_settings.conflictRecheck;
    }
}

void Speaker::startAnnouncing(Target &t, Clock::time_point now, bool takeover)
{
    const bool recheck = std::any_of(
        t.conflicts.begin(), t.conflicts.end(), [](const auto &c) { return c.active; });
    enter(t, Phase::Announcing, now);
    for (ConflictRecord &c : t.conflicts)
        c.active = false;
    t.takeover = takeover;
    t.nextGarp = now;
    t.garpUntil = now + m_settings.garpDuration;
    std::string interfaces;
    for (Responder *r : usableResponders(t))
        interfaces += (interfaces.empty() ? "" : ", ") + r->link().name;
    const std::string why = takeover ? "took over from " + t.lastOther + ", which is gone"
        : recheck                    ? "the conflicting station no longer answers probes"
        : m_settings.probeCount > 0
        ? "no answer to " + std::to_string(m_settings.probeCount) + " probes"
        : "probing is off";
    log::info("announcing " + t.ip.toString() + " (" + servicesText(t.services) + ") on "
        + interfaces + ": " + why);
    t.lastOther.clear();
}

void Speaker::elect()
{
    if (m_shutdown)
        return;
    const Clock::time_point now = Clock::now();
    m_members = memberViews();
    m_settled = m_membership && m_membership->settled();
    bool changedAny = false;
    for (Target &t : m_targets) {
        AnnouncerChoice c;
        if (m_membership) {
            c = chooseAnnouncer(t.eligible, m_self, m_members, m_settled);
        } else {
            c.why = "L2 announcement is off: " + m_error;
        }
        if (c.announcer != t.choice.announcer || c.selfWaits != t.choice.selfWaits
            || c.waitingFor != t.choice.waitingFor)
            changedAny = true;
        if (!c.announcer.empty() && c.announcer != m_self)
            t.lastOther = c.announcer;
        t.choice = std::move(c);

        if (t.choice.announcer != m_self || !m_membership) {
            if (t.phase != Phase::Standby) {
                if (t.active())
                    log::info("stopped announcing " + t.ip.toString() + ": "
                        + (t.choice.announcer.empty() ? std::string("no eligible node is alive")
                                                      : t.choice.announcer + " announces it now"));
                enter(t, Phase::Standby, now);
                changedAny = true;
            }
            continue;
        }
        // Once started, this node keeps the address while it ranks first among the live nodes
        // (a lower-ranked node that restarts does not hear us yet: no reason to stop).
        if (t.active())
            continue;
        if (!t.choice.selfAnnounces) {
            if (t.phase != Phase::Waiting) {
                enter(t, Phase::Waiting, now);
                changedAny = true;
            }
            continue;
        }
        if (usableResponders(t).empty()) {
            if (t.phase != Phase::Unusable) {
                std::string why;
                usableResponders(t, &why);
                log::warning("cannot announce " + t.ip.toString() + ": " + why);
                enter(t, Phase::Unusable, now);
                changedAny = true;
            }
            continue;
        }
        changedAny = true;
        const bool takeover = !t.lastOther.empty() && !isAlive(t.lastOther);
        if (takeover || m_settings.probeCount == 0) {
            startAnnouncing(t, now, takeover);
        } else {
            log::info("probing for " + t.ip.toString() + " before announcing it (RFC 5227)");
            enter(t, Phase::Probing, now);
        }
    }
    if (changedAny) {
        rebuildWatched();
        changed();
    }
    runSchedules(now);
    armTimer(Clock::now());
}

void Speaker::tick()
{
    m_timer.acknowledge();
    if (m_shutdown)
        return;
    const Clock::time_point now = Clock::now();
    if (now >= m_nextRescan) {
        rescanInterfaces();
    } else if (m_membership && !m_settled) {
        elect();
    } else {
        runSchedules(now);
        armTimer(Clock::now());
    }
}

void Speaker::runSchedules(Clock::time_point now)
{
    bool watchedChanged = false;
    for (Target &t : m_targets) {
        switch (t.phase) {
        case Phase::Probing:
            if (t.probesSent < m_settings.probeCount && t.nextProbe <= now) {
                sendProbes(t);
                ++t.probesSent;
                t.nextProbe = now + m_settings.probeInterval;
            } else if (t.probesSent >= m_settings.probeCount && t.nextProbe <= now) {
                startAnnouncing(t, now, false);
                watchedChanged = true;
            }
            break;
        case Phase::Announcing:
            if (t.nextGarp <= now && t.nextGarp <= t.garpUntil) {
                // Answers start with the first gratuitous ARP: the lists are rebuilt first.
                if (watchedChanged) {
                    rebuildWatched();
                    watchedChanged = false;
                }
                sendGratuitous(t, now);
                if (t.takeover) {
                    // A station that held the address meanwhile answers a probe (the last
                    // announcer was ours, so nobody else should).
                    sendProbes(t);
                    t.takeover = false;
                }
                t.nextGarp += m_settings.garpInterval;
                if (t.nextGarp < now)
                    t.nextGarp = now + m_settings.garpInterval;
                changed();
            }
            break;
        case Phase::Conflict:
            if (t.nextRecheck <= now) {
                enter(t, Phase::Probing, now);
                watchedChanged = true;
                sendProbes(t);
                t.probesSent = 1;
                t.nextProbe = now + m_settings.probeInterval;
            }
            break;
        default:
            break;
        }
    }
    if (watchedChanged) {
        rebuildWatched();
        changed();
    }
}

void Speaker::armTimer(Clock::time_point now)
{
    if (m_shutdown)
        return;
    Clock::time_point next = m_nextRescan;
    if (m_membership && !m_settled)
        next = std::min(next, now + settlePoll);
    for (const Target &t : m_targets) {
        if (t.phase == Phase::Probing)
            next = std::min(next, t.nextProbe);
        else if (t.phase == Phase::Announcing && t.nextGarp <= t.garpUntil)
            next = std::min(next, t.nextGarp);
        else if (t.phase == Phase::Conflict)
            next = std::min(next, t.nextRecheck);
    }
    const auto delay = std::chrono::ceil<std::chrono::milliseconds>(next - now);
    m_timer.fireWithin(std::max(delay, std::chrono::milliseconds(0)));
}

void Speaker::onClaim(
    int ifindex, bool isV6, const std::uint8_t *ip, const l2::Mac &mac, ClaimKind kind)
{
    Target *t = findTarget(isV6, ip);
    if (!t || !t->active())
        return;
    if (isClusterMac(mac)) {
        // Another node of the cluster, during a handover; the election settles it.
        if (m_peerNoted.insert({t->ip, mac}).second)
            log::info(t->ip.toString() + ": cluster node " + macText(mac) + " also claims it ("
                + claimKindName(kind) + ")");
        return;
    }
    std::string interface;
    for (const auto &[name, port] : m_ports) {
        if (port.responder && port.responder->link().ifindex == ifindex)
            interface = name;
    }
    const std::string now = isoTimeNow();
    const auto record = std::find_if(t->conflicts.begin(), t->conflicts.end(),
        [&](const ConflictRecord &c) { return c.mac == mac && c.interface == interface; });
    const bool news = record == t->conflicts.end() || !record->active;
    if (record != t->conflicts.end()) {
        record->lastSeen = now;
        record->kind = kind;
        record->active = true;
    } else {
        if (t->conflicts.size() >= maxConflictRecords)
            t->conflicts.erase(t->conflicts.begin());
        t->conflicts.push_back({mac, interface, kind, now, now, true});
    }
    if (news)
        log::warning("address conflict: " + t->ip.toString() + " (" + servicesText(t->services)
            + ") is held by " + macText(mac) + " on " + interface + " (" + claimKindName(kind)
            + "), which is not a cluster node; not announcing it");
    if (t->phase != Phase::Conflict) {
        const Clock::time_point steady = Clock::now();
        enter(*t, Phase::Conflict, steady);
        rebuildWatched();
        armTimer(steady);
    }
    changed();
}

void Speaker::onPeerSeen(bool isV6, const std::uint8_t *ip, const l2::Mac &mac)
{
    if ((mac[0] & 1) || mac == l2::zeroMac)
        return;
    const net::Address address
        = net::Address::fromBytes(ip, isV6 ? net::Family::V6 : net::Family::V4);
    if (m_peerByAddress.count(address) && !m_peerMacs.count(mac))
        m_peerMacs.insert(mac);
}

Speaker::Target *Speaker::findTarget(bool isV6, const std::uint8_t *ip)
{
    const net::Address address
        = net::Address::fromBytes(ip, isV6 ? net::Family::V6 : net::Family::V4);
    const auto it = std::lower_bound(m_targets.begin(), m_targets.end(), address,
        [](const Target &t, const net::Address &a) { return t.ip < a; });
    return it != m_targets.end() && it->ip == address ? &*it : nullptr;
}

} // namespace k3snet::agent
