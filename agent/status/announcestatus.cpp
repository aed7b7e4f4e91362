// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/status/announcestatus.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace k3snet::agent {

namespace {

using json = nlohmann::ordered_json;

json strings(const std::vector<std::string> &list)
{
    json a = json::array();
    for (const std::string &s : list)
        a.push_back(s);
    return a;
}

std::string str(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flag(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

long long integer(const nlohmann::json &j, const char *key, long long fallback = 0)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}

std::uint64_t count(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    if (it == j.end())
        return 0;
    if (it->is_number_unsigned())
        return it->get<std::uint64_t>();
    return it->is_number_integer() && it->get<long long>() > 0 ? std::uint64_t(it->get<long long>())
                                                               : 0;
}

double number(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::vector<std::string> stringList(const nlohmann::json &j, const char *key)
{
    std::vector<std::string> out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array())
        return out;
    for (const auto &item : *it) {
        if (item.is_string())
            out.push_back(item.get<std::string>());
    }
    return out;
}

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
        list.push_back({{"ip", a.ip}, {"services", strings(a.services)},
            {"eligibleNodes", strings(a.eligibleNodes)}, {"interfaces", strings(a.interfaces)},
            {"announcer", a.announcer}, {"announcing", a.announcing}, {"state", a.state},
            {"since", a.since}, {"lastGratuitous", a.lastGratuitous},
            {"gratuitousSent", a.gratuitousSent}, {"waitingFor", strings(a.waitingFor)},
            {"problem", a.problem}, {"conflicts", conflicts}});
    }
    j["addresses"] = list;
    json members = json::array();
    for (const Member &m : this->members)
        members.push_back({{"name", m.name}, {"self", m.self}, {"alive", m.alive},
            {"lastHeard", m.lastHeard}, {"lastHeardAgoMs", m.lastHeardAgoMs},
            {"heartbeatsReceived", m.heartbeatsReceived}, {"heartbeatsMissed", m.heartbeatsMissed},
            {"heartbeatLossPercent", m.heartbeatLossPercent},
            {"reportedAlive", strings(m.reportedAlive)}});
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
    s.enabled = flag(j, "enabled");
    s.error = str(j, "error");
    s.updatedAt = str(j, "updatedAt");
    s.settled = flag(j, "settled");
    if (const auto it = j.find("schedule"); it != j.end() && it->is_object()) {
        s.garpIntervalMs = integer(*it, "garpIntervalMs");
        s.garpDurationMs = integer(*it, "garpDurationMs");
        s.probeCount = integer(*it, "probeCount");
        s.probeIntervalMs = integer(*it, "probeIntervalMs");
        s.conflictRecheckMs = integer(*it, "conflictRecheckMs");
    }
    forEachObject(j, "addresses", [&s](const nlohmann::json &o) {
        Address a;
        a.ip = str(o, "ip");
        a.services = stringList(o, "services");
        a.eligibleNodes = stringList(o, "eligibleNodes");
        a.interfaces = stringList(o, "interfaces");
        a.announcer = str(o, "announcer");
        a.announcing = flag(o, "announcing");
        a.state = str(o, "state");
        a.since = str(o, "since");
        a.lastGratuitous = str(o, "lastGratuitous");
        a.gratuitousSent = count(o, "gratuitousSent");
        a.waitingFor = stringList(o, "waitingFor");
        a.problem = str(o, "problem");
        forEachObject(o, "conflicts", [&a](const nlohmann::json &c) {
            a.conflicts.push_back({str(c, "mac"), str(c, "interface"), str(c, "how"),
                str(c, "firstSeen"), str(c, "lastSeen"), flag(c, "active")});
        });
        s.addresses.push_back(std::move(a));
    });
    forEachObject(j, "members", [&s](const nlohmann::json &o) {
        Member m;
        m.name = str(o, "name");
        m.self = flag(o, "self");
        m.alive = flag(o, "alive");
        m.lastHeard = str(o, "lastHeard");
        m.lastHeardAgoMs = integer(o, "lastHeardAgoMs", -1);
        m.heartbeatsReceived = count(o, "heartbeatsReceived");
        m.heartbeatsMissed = count(o, "heartbeatsMissed");
        m.heartbeatLossPercent = number(o, "heartbeatLossPercent");
        m.reportedAlive = stringList(o, "reportedAlive");
        s.members.push_back(std::move(m));
    });
    if (const auto it = j.find("membership"); it != j.end() && it->is_object()) {
        Counters &c = s.membership;
        c.sent = count(*it, "sent");
        c.accepted = count(*it, "accepted");
        c.droppedAuth = count(*it, "droppedAuth");
        c.droppedReplay = count(*it, "droppedReplay");
        c.droppedMalformed = count(*it, "droppedMalformed");
        c.droppedUnknownSender = count(*it, "droppedUnknownSender");
        c.droppedOversized = count(*it, "droppedOversized");
        c.sendErrors = count(*it, "sendErrors");
    }
    forEachObject(j, "interfaces", [&s](const nlohmann::json &o) {
        Interface i;
        i.name = str(o, "name");
        i.ifindex = int(integer(o, "ifindex"));
        i.mac = str(o, "mac");
        i.problem = str(o, "problem");
        i.arpRequests = count(o, "arpRequests");
        i.arpReplies = count(o, "arpReplies");
        i.solicitations = count(o, "solicitations");
        i.advertisements = count(o, "advertisements");
        i.gratuitous = count(o, "gratuitous");
        i.probes = count(o, "probes");
        i.malformed = count(o, "malformed");
        i.sendErrors = count(o, "sendErrors");
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
