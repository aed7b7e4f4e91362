// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/status/agentstatus.h"

#include "agent/status/jsonfields.h"

#include <nlohmann/json.hpp>

namespace k3snet::agent {

namespace {

using json = nlohmann::ordered_json;
using namespace jsonfields;

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
            {"changes", jsonArray(r.changes)},
            {"errors", jsonArray(r.errors)},
            {"problems", jsonArray(r.problems)},
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
    if (stringAt(j, "kind") != "K3snetAgentStatus") {
        why = "not a k3snet agent status (kind is not K3snetAgentStatus)";
        return std::nullopt;
    }
    AgentStatus s;
    s.version = stringAt(j, "version");
    s.pid = integerAt(j, "pid");
    s.pidNamespace = stringAt(j, "pidNamespace");
    s.processStart = countAt(j, "processStart");
    s.startedAt = stringAt(j, "startedAt");
    s.configFile = stringAt(j, "configFile");
    s.configLoadedAt = stringAt(j, "configLoadedAt");
    s.node = stringAt(j, "node");
    s.device = stringAt(j, "device");
    s.bridge = stringAt(j, "bridge");
    s.reconciles = countAt(j, "reconciles");
    s.lastConvergedAt = stringAt(j, "lastConvergedAt");
    if (const auto it = j.find("lastReconcile"); it != j.end() && it->is_object()) {
        Reconcile r;
        r.time = stringAt(*it, "time");
        r.trigger = stringAt(*it, "trigger");
        r.ok = stringAt(*it, "result") == "ok";
        r.durationMs = integerAt(*it, "durationMs");
        r.changes = stringsAt(*it, "changes");
        r.errors = stringsAt(*it, "errors");
        r.problems = stringsAt(*it, "problems");
        s.lastReconcile = r;
    }
    if (const auto it = j.find("recentErrors"); it != j.end() && it->is_array()) {
        for (const auto &e : *it) {
            if (e.is_object())
                s.recentErrors.push_back({stringAt(e, "time"), stringAt(e, "message")});
        }
    }
    if (const auto it = j.find("firewall"); it != j.end() && it->is_object()) {
        s.firewallBackend = stringAt(*it, "backend");
        s.firewallListing = stringAt(*it, "listing");
    }
    if (const auto it = j.find("peers"); it != j.end() && it->is_array()) {
        for (const auto &p : *it) {
            if (p.is_object())
                s.peers.push_back({stringAt(p, "name"), stringAt(p, "lanIP"),
                    stringAt(p, "podCIDR"), stringAt(p, "vtepMAC")});
        }
    }
    if (const auto it = j.find("announce"); it != j.end() && it->is_object())
        s.announce = AnnounceStatus::fromJson(*it);
    return s;
}

} // namespace k3snet::agent
