// SPDX-License-Identifier: GPL-3.0-or-later
// The speaker's interfaces: one responder (packet socket) per interface an address of this
// node may be announced on, what each answers and watches, and which MACs are the cluster's.
#include "agent/announce/speaker.h"

#include "agent/dataplane/macaddress.h"
#include "agent/system/clock.h"
#include "agent/system/errors.h"
#include "agent/system/files.h"
#include "agent/system/log.h"

#include <algorithm>
#include <sstream>

namespace k3snet::agent {

namespace {

using namespace std::chrono_literals;

// /proc/net/arp is read at most this often (when a frame from an unknown MAC claims an address).
constexpr auto neighbourReadInterval = 1s;

} // namespace

void Speaker::closePort(Port &port)
{
    if (!port.responder)
        return;
    m_loop.remove(port.responder->fd());
    port.responder.reset();
}

void Speaker::syncPorts()
{
    std::set<std::string> needed;
    if (!m_shutdown) {
        for (const Target &t : m_targets) {
            if (t.selfEligible)
                needed.insert(t.interfaces.begin(), t.interfaces.end());
        }
    }
    for (auto it = m_ports.begin(); it != m_ports.end();) {
        if (needed.count(it->first)) {
            ++it;
            continue;
        }
        closePort(it->second);
        it = m_ports.erase(it);
    }

    std::vector<std::uint32_t> peers4;
    std::vector<l2::Ip6> peers6;
    for (const auto &entry : m_peerByAddress) {
        if (entry.first.isV4()) {
            peers4.push_back(std::uint32_t(entry.first.value()));
        } else {
            l2::Ip6 b;
            entry.first.toBytes(b.data());
            peers6.push_back(b);
        }
    }

    const Clock::time_point now = Clock::now();
    for (const std::string &name : needed) {
        Port &port = m_ports[name];
        std::string why;
        std::optional<LinkInfo> info = readLinkInfo(name, why);
        if (info)
            why = info->unusableReason();
        if (!why.empty()) {
            if (port.problem != why)
                log::warning("not answering ARP/NDP on " + name + ": " + why);
            port.problem = why;
            port.link = info;
            closePort(port);
            continue;
        }
        bool regarp = false;
        if (port.responder && port.responder->link().ifindex != info->ifindex)
            closePort(port);
        if (!port.responder) {
            auto responder = std::make_unique<Responder>(static_cast<ResponderEvents &>(*this));
            if (const std::error_code ec = responder->open(*info)) {
                why = "cannot open a packet socket on " + name + ": " + errorText(ec);
                if (port.problem != why)
                    log::error(why);
                port.problem = why;
                continue;
            }
            Responder *raw = responder.get();
            if (const std::error_code ec
                = m_loop.add(raw->fd(), [raw](std::uint32_t) { raw->drain(); })) {
                port.problem = "cannot watch the packet socket on " + name + ": " + errorText(ec);
                log::error(port.problem);
                continue;
            }
            port.responder = std::move(responder);
            if (!port.problem.empty() || port.link)
                log::info("answering ARP/NDP on " + name + " again");
            regarp = true;
        } else if (!(port.responder->link() == *info)) {
            regarp = port.responder->link().mac != info->mac;
            port.responder->update(*info);
        }
        port.problem.clear();
        port.link = info;
        port.responder->setPeerAddresses(peers4, peers6);
        if (regarp) {
            // A new socket or a new MAC: neighbours must learn the address again.
            for (Target &t : m_targets) {
                if (t.phase == Phase::Announcing
                    && std::find(t.interfaces.begin(), t.interfaces.end(), name)
                        != t.interfaces.end()) {
                    t.nextGarp = now;
                    t.garpUntil = now + m_settings.garpDuration;
                }
            }
        }
    }
    for (const l2::Mac &mac : localMacs())
        m_ownMacs.insert(mac);
}

void Speaker::rebuildWatched()
{
    for (auto &[name, port] : m_ports) {
        if (!port.responder)
            continue;
        const LinkInfo &link = port.responder->link();
        const bool arp = link.arpProblem().empty();
        const bool ndp = link.ndpProblem().empty();
        std::vector<Responder::Watch4> v4;
        std::vector<Responder::Watch6> v6;
        for (const Target &t : m_targets) {
            if (!t.active()
                || std::find(t.interfaces.begin(), t.interfaces.end(), name) == t.interfaces.end())
                continue;
            const bool answer = t.phase == Phase::Announcing;
            const bool probing = t.phase == Phase::Probing;
            if (!t.isV6() && arp)
                v4.push_back({t.v4, answer, probing});
            else if (t.isV6() && ndp)
                v6.push_back({t.v6, answer, probing});
        }
        std::sort(v4.begin(), v4.end());
        std::sort(v6.begin(), v6.end());
        port.responder->setWatched(std::move(v4), std::move(v6));
        if (!port.responder->groupError().empty())
            log::warning(port.responder->groupError());
    }
}

std::vector<Responder *> Speaker::usableResponders(const Target &t, std::string *why) const
{
    std::vector<Responder *> out;
    std::vector<std::string> problems;
    for (const std::string &name : t.interfaces) {
        const auto it = m_ports.find(name);
        if (it == m_ports.end() || !it->second.responder) {
            problems.push_back(it == m_ports.end() || it->second.problem.empty()
                    ? "interface " + name + " is not open"
                    : it->second.problem);
            continue;
        }
        const LinkInfo &link = it->second.responder->link();
        const std::string problem = t.isV6() ? link.ndpProblem() : link.arpProblem();
        if (!problem.empty()) {
            problems.push_back(problem);
            continue;
        }
        out.push_back(it->second.responder.get());
    }
    if (why) {
        std::ostringstream text;
        for (std::size_t i = 0; i < problems.size(); ++i)
            text << (i ? "; " : "") << problems[i];
        *why = text.str();
    }
    return out;
}

void Speaker::sendGratuitous(Target &t, Clock::time_point)
{
    for (Responder *r : usableResponders(t)) {
        if (t.isV6())
            r->sendGratuitous6(t.v6);
        else
            r->sendGratuitous4(t.v4);
    }
    ++t.gratuitousSent;
    t.lastGratuitous = isoTimeNow();
}

void Speaker::sendProbes(Target &t)
{
    for (Responder *r : usableResponders(t)) {
        if (t.isV6())
            r->sendProbe6(t.v6);
        else
            r->sendProbe4(t.v4);
    }
}

bool Speaker::isClusterMac(const l2::Mac &mac)
{
    if (m_ownMacs.count(mac) || m_peerMacs.count(mac))
        return true;
    refreshNeighbourMacs();
    return m_ownMacs.count(mac) || m_peerMacs.count(mac);
}

// The kernel's ARP table holds the uplink MAC of every peer this node exchanged heartbeats
// with; frames of a peer whose ARP traffic we never saw are known by it.
void Speaker::refreshNeighbourMacs()
{
    const Clock::time_point now = Clock::now();
    if (now - m_lastNeighbourRead < neighbourReadInterval)
        return;
    m_lastNeighbourRead = now;
    for (const l2::Mac &mac : localMacs())
        m_ownMacs.insert(mac);
    const std::optional<std::string> table = readSmallFile("/proc/net/arp");
    if (!table)
        return;
    std::istringstream lines(*table);
    std::string line;
    std::getline(lines, line); // header
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string ip, type, flags, mac;
        if (!(fields >> ip >> type >> flags >> mac))
            continue;
        const auto address = net::Address::parse(ip);
        const auto parsed = MacAddress::parse(mac);
        if (address && parsed && !parsed->isZero() && m_peerByAddress.count(*address))
            m_peerMacs.insert(parsed->bytes());
    }
}

} // namespace k3snet::agent
