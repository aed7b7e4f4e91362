// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/status/announcestatus.h"

#include "agent/status/jsonfields.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace k3snet::agent {

namespace {

using json = nlohmann::ordered_json;
using namespace jsonfields;

template<class F> void forEachObject(const nlohmann::json &j, const char *key, F &&f)
{
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array())
        return;
    for (const auto &item : *it) {
        if (item.is_object())
            f(item);
    }
}

std::string joined(const std::vector<std::string> &list, const char *separator = ", ")
{
    std::string out;
    for (const std::string &s : list)
        out += (out.empty() ? "" : separator) + s;
    return out;
}

} // namespace

std::vector<std::string> AnnounceStatus::problems() const
{
    std::vector<std::string> out;
    if (!error.empty())
        out.push_back("L2 announcement: " + error);
    for (const Address &a : addresses) {
        for (const Conflict &c : a.conflicts) {
            if (c.active)
                out.push_back(a.ip + ": address conflict: " + c.mac + " on "
                    + c.interface + " holds it (" + c.how + ", last seen " + c.lastSeen
                    + "); this node does not announce it");
        }
        if (a.state == "unusable")
            out.push_back(a.ip + ": " + a.problem);
    }
    return out;
}

nlohmann::ordered_json AnnounceStatus::toJson() const
{
    json j;
    j["enabled"] = enabled;
    j["error"] = error;
    j["updatedAt"] = updatedAt;
    j["settled"] = settled;
    j["schedule"] = {{"garpIntervalMs", garpIntervalMs}, {"garpDurationMs", garpDurationMs},
        {"probeCount", probeCount}, {"probeIntervalMs", probeIntervalMs},
        {"conflictRecheckMs", conflictRecheckMs}};
    json list = json::array();
    for (const Address &a : addresses) {
        json conflicts = json::array();
        for (const Conflict &c : a.conflicts)
            conflicts.push_back({{"mac", c.mac}, {"interface", c.interface}, {"how", c.how},
                {"firstSeen", c.firstSeen}, {"lastSeen", c.lastSeen}, {"active", c.active}});
        list.push_back({{"ip", a.ip}, {"services", jsonArray(a.services)},
            {"eligibleNodes", jsonArray(a.eligibleNodes)}, {"interfaces", jsonArray(a.interfaces)},
            {"announcer", a.announcer}, {"announcing", a.announcing}, {"state", a.state},
            {"since", a.since}, {"lastGratuitous", a.lastGratuitous},
            {"gratuitousSent", a.gratuitousSent}, {"waitingFor", jsonArray(a.waitingFor)},
            {"problem", a.problem}, {"conflicts", conflicts}});
    }
    j["addresses"] = list;
    json members = json::array();
    for (const Member &m : this->members)
        members.push_back({{"name", m.name}, {"self", m.self}, {"alive", m.alive},
            {"lastHeard", m.lastHeard}, {"lastHeardAgoMs", m.lastHeardAgoMs},
            {"heartbeatsReceived", m.heartbeatsReceived}, {"heartbeatsMissed", m.heartbeatsMissed},
            {"heartbeatLossPercent", m.heartbeatLossPercent},
            {"reportedAlive", jsonArray(m.reportedAlive)}});
    j["members"] = members;
    const Counters &c = membership;
    j["membership"] = {{"sent", c.sent}, {"accepted", c.accepted}, {"droppedAuth", c.droppedAuth},
        {"droppedReplay", c.droppedReplay}, {"droppedMalformed", c.droppedMalformed},
        {"droppedUnknownSender", c.droppedUnknownSender}, {"droppedOversized", c.droppedOversized},
        {"sendErrors", c.sendErrors}};
    json ifs = json::array();
    for (const Interface &i : interfaces)
        ifs.push_back({{"name", i.name}, {"ifindex", i.ifindex}, {"mac", i.mac},
            {"problem", i.problem}, {"arpRequests", i.arpRequests}, {"arpReplies", i.arpReplies},
            {"solicitations", i.solicitations}, {"advertisements", i.advertisements},
            {"gratuitous", i.gratuitous}, {"probes", i.probes}, {"malformed", i.malformed},
            {"sendErrors", i.sendErrors}});
    j["interfaces"] = ifs;
    return j;
}

AnnounceStatus AnnounceStatus::fromJson(const nlohmann::json &j)
{
    AnnounceStatus s;
    if (!j.is_object())
        return s;
    s.enabled = flagAt(j, "enabled");
    s.error = stringAt(j, "error");
    s.updatedAt = stringAt(j, "updatedAt");
    s.settled = flagAt(j, "settled");
    if (const auto it = j.find("schedule"); it != j.end() && it->is_object()) {
        s.garpIntervalMs = integerAt(*it, "garpIntervalMs");
        s.garpDurationMs = integerAt(*it, "garpDurationMs");
        s.probeCount = integerAt(*it, "probeCount");
        s.probeIntervalMs = integerAt(*it, "probeIntervalMs");
        s.conflictRecheckMs = integerAt(*it, "conflictRecheckMs");
    }
    forEachObject(j, "addresses", [&s](const nlohmann::json &o) {
        Address a;
        a.ip = stringAt(o, "ip");
        a.services = stringsAt(o, "services");
        a.eligibleNodes = stringsAt(o, "eligibleNodes");
        a.interfaces = stringsAt(o, "interfaces");
        a.announcer = stringAt(o, "announcer");
        a.announcing = flagAt(o, "announcing");
        a.state = stringAt(o, "state");
        a.since = stringAt(o, "since");
        a.lastGratuitous = stringAt(o, "lastGratuitous");
        a.gratuitousSent = countAt(o, "gratuitousSent");
        a.waitingFor = stringsAt(o, "waitingFor");
        a.problem = stringAt(o, "problem");
        forEachObject(o, "conflicts", [&a](const nlohmann::json &c) {
            a.conflicts.push_back({stringAt(c, "mac"), stringAt(c, "interface"), stringAt(c, "how"),
                stringAt(c, "firstSeen"), stringAt(c, "lastSeen"), flagAt(c, "active")});
        });
        s.addresses.push_back(std::move(a));
    });
    forEachObject(j, "members", [&s](const nlohmann::json &o) {
        Member m;
        m.name = stringAt(o, "name");
        m.self = flagAt(o, "self");
        m.alive = flagAt(o, "alive");
        m.lastHeard = stringAt(o, "lastHeard");
        m.lastHeardAgoMs = integerAt(o, "lastHeardAgoMs", -1);
        m.heartbeatsReceived = countAt(o, "heartbeatsReceived");
        m.heartbeatsMissed = countAt(o, "heartbeatsMissed");
        m.heartbeatLossPercent = numberAt(o, "heartbeatLossPercent");
        m.reportedAlive = stringsAt(o, "reportedAlive");
        s.members.push_back(std::move(m));
    });
    if (const auto it = j.find("membership"); it != j.end() && it->is_object()) {
        Counters &c = s.membership;
        c.sent = countAt(*it, "sent");
        c.accepted = countAt(*it, "accepted");
        c.droppedAuth = countAt(*it, "droppedAuth");
        c.droppedReplay = countAt(*it, "droppedReplay");
        c.droppedMalformed = countAt(*it, "droppedMalformed");
        c.droppedUnknownSender = countAt(*it, "droppedUnknownSender");
        c.droppedOversized = countAt(*it, "droppedOversized");
        c.sendErrors = countAt(*it, "sendErrors");
    }
    forEachObject(j, "interfaces", [&s](const nlohmann::json &o) {
        Interface i;
        i.name = stringAt(o, "name");
        i.ifindex = int(integerAt(o, "ifindex"));
        i.mac = stringAt(o, "mac");
        i.problem = stringAt(o, "problem");
        i.arpRequests = countAt(o, "arpRequests");
        i.arpReplies = countAt(o, "arpReplies");
        i.solicitations = countAt(o, "solicitations");
        i.advertisements = countAt(o, "advertisements");
        i.gratuitous = countAt(o, "gratuitous");
        i.probes = countAt(o, "probes");
        i.malformed = countAt(o, "malformed");
        i.sendErrors = countAt(o, "sendErrors");
        s.interfaces.push_back(std::move(i));
    });
    return s;
}

void AnnounceStatus::writeText(std::ostream &out) const
{
    out << "L2 announcement: " << (enabled ? "on" : "OFF");
    if (!error.empty())
        out << " (" << error << ")";
    if (enabled && !settled)
        out << ", membership settling";
    out << "\n";
    for (const Address &a : addresses) {
        out << "  " << a.ip << "  " << joined(a.services) << "  announcer "
            << (a.announcer.empty() ? std::string("none") : a.announcer)
            << ", this node: " << a.state;
        if (!a.since.empty())
            out << " since " << a.since;
        if (!a.lastGratuitous.empty())
            out << ", last gratuitous " << a.lastGratuitous;
        out << "\n";
        if (!a.problem.empty())
            out << "      " << a.problem
                << (a.waitingFor.empty() ? std::string() : " (" + joined(a.waitingFor) + ")")
                << "\n";
        for (const Conflict &c : a.conflicts)
            out << "      " << (c.active ? "CONFLICT" : "past conflict") << ": " << c.mac << " on "
                << c.interface << " (" << c.how << "), first " << c.firstSeen << ", last "
                << c.lastSeen << "\n";
    }
    if (!members.empty()) {
        out << "members:\n";
        for (const Member &m : members) {
            out << "  " << m.name << (m.self ? " (this node)" : "") << "  "
                << (m.alive ? "alive" : "DEAD");
            if (!m.self) {
                char loss[32];
                std::snprintf(loss, sizeof loss, "%.2f", m.heartbeatLossPercent);
                out << ", last heard " << (m.lastHeard.empty() ? std::string("never") : m.lastHeard)
                    << ", " << m.heartbeatsReceived << " heartbeats, " << loss << "% lost";
            }
            out << "\n";
        }
    }
    const Counters &c = membership;
    if (enabled)
        out << "heartbeats: " << c.sent << " sent, " << c.accepted
            << " accepted, dropped: " << c.droppedAuth << " bad signature, " << c.droppedReplay
            << " replayed, " << c.droppedMalformed << " malformed, " << c.droppedUnknownSender
            << " unknown sender, " << c.droppedOversized << " oversized\n";
}

} // namespace k3snet::agent
