// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/status/agentstatus.h"

#include <nlohmann/json.hpp>

namespace k3snet::agent {

namespace {

using json = nlohmann::ordered_json;

json stringList(const std::vector<std::string> &list)
{
    json a = json::array();
    for (const std::string &s : list)
        a.push_back(s);
    return a;
}

std::string getString(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

long getInteger(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<long>() : 0;
}

// 64 bits on every target (long is 32 bits on armhf).
std::uint64_t getUnsigned(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

std::vector<std::string> getStringList(const nlohmann::json &j, const char *key)
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

} // namespace

void AgentStatus::addError(std::string time, std::string message)
{
    recentErrors.push_back({std::move(time), std::move(message)});
    if (recentErrors.size() > maxRecentErrors)
        recentErrors.erase(recentErrors.begin(), recentErrors.end() - long(maxRecentErrors));
}

nlohmann::ordered_json AgentStatus::toJson() const
{
    json j;
    j["kind"] = "K3snetAgentStatus";
    j["version"] = version;
    j["pid"] = pid;
    j["pidNamespace"] = pidNamespace;
    j["processStart"] = processStart;
    j["startedAt"] = startedAt;
    j["configFile"] = configFile;
    j["configLoadedAt"] = configLoadedAt;
    j["node"] = node;
    j["device"] = device;
    j["bridge"] = bridge;
    j["reconciles"] = reconciles;
    j["lastConvergedAt"] = lastConvergedAt;
    if (lastReconcile) {
        const Reconcile &r = *lastReconcile;
        j["lastReconcile"] = {
            {"time", r.time},
            {"trigger", r.trigger},
            {"result", r.ok ? "ok" : "failed"},
            {"durationMs", r.durationMs},
            {"changes", stringList(r.changes)},
            {"errors", stringList(r.errors)},
            {"problems", stringList(r.problems)},
        };
    } else {
        j["lastReconcile"] = nullptr;
    }
    json errors = json::array();
    for (const TimedError &e : recentErrors)
        errors.push_back({{"time", e.time}, {"message", e.message}});
    j["recentErrors"] = errors;
    j["firewall"] = {{"backend", firewallBackend}, {"listing", firewallListing}};
    json peerList = json::array();
    for (const Peer &p : peers)
        peerList.push_back(
            {{"name", p.name}, {"lanIP", p.lanIP}, {"podCIDR", p.podCIDR}, {"vtepMAC", p.vtepMAC}});
    j["peers"] = peerList;
    j["announce"] = announce.toJson();
    return j;
}

std::string AgentStatus::toJsonText() const
{
    return toJson().dump(2) + "\n";
}

std::optional<AgentStatus> AgentStatus::parse(std::string_view text, std::string &why)
{
    const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        why = "not a JSON object";
        return std::nullopt;
    }
    if (getString(j, "kind") != "K3snetAgentStatus") {
        why = "not a k3snet agent status (kind is not K3snetAgentStatus)";
        return std::nullopt;
    }
    AgentStatus s;
    s.version = getString(j, "version");
    s.pid = getInteger(j, "pid");
    s.pidNamespace = getString(j, "pidNamespace");
    s.processStart = getUnsigned(j, "processStart");
    s.startedAt = getString(j, "startedAt");
    s.configFile = getString(j, "configFile");
    s.configLoadedAt = getString(j, "configLoadedAt");
    s.node = getString(j, "node");
    s.device = getString(j, "device");
    s.bridge = getString(j, "bridge");
    s.reconciles = std::uint64_t(std::max(0L, getInteger(j, "reconciles")));
    s.lastConvergedAt = getString(j, "lastConvergedAt");
    if (const auto it = j.find("lastReconcile"); it != j.end() && it->is_object()) {
        Reconcile r;
        r.time = getString(*it, "time");
        r.trigger = getString(*it, "trigger");
        r.ok = getString(*it, "result") == "ok";
        r.durationMs = getInteger(*it, "durationMs");
        r.changes = getStringList(*it, "changes");
        r.errors = getStringList(*it, "errors");
        r.problems = getStringList(*it, "problems");
        s.lastReconcile = r;
    }
    if (const auto it = j.find("recentErrors"); it != j.end() && it->is_array()) {
        for (const auto &e : *it) {
            if (e.is_object())
                s.recentErrors.push_back({getString(e, "time"), getString(e, "message")});
        }
    }
    if (const auto it = j.find("firewall"); it != j.end() && it->is_object()) {
        s.firewallBackend = getString(*it, "backend");
        s.firewallListing = getString(*it, "listing");
    }
    if (const auto it = j.find("peers"); it != j.end() && it->is_array()) {
        for (const auto &p : *it) {
            if (p.is_object())
                s.peers.push_back({getString(p, "name"), getString(p, "lanIP"),
                    getString(p, "podCIDR"), getString(p, "vtepMAC")});
        }
    }
    if (const auto it = j.find("announce"); it != j.end() && it->is_object())
        s.announce = AnnounceStatus::fromJson(*it);
    return s;
}

} // namespace k3snet::agent
