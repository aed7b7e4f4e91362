// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/status/statusreport.h"

#include "agent/system/clock.h"
#include "agent/system/files.h"

#include <nlohmann/json.hpp>

#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

namespace k3snet::agent {

namespace {

using json = nlohmann::ordered_json;

bool inList(const std::vector<std::size_t> &list, std::size_t i)
{
    return std::find(list.begin(), list.end(), i) != list.end();
}

json linkJson(const std::optional<LinkState> &link, const std::vector<AddressState> &addresses,
    const std::string &name)
{
    json j;
    j["name"] = name;
    j["present"] = link.has_value();
    if (!link)
        return j;
    j["ifindex"] = link->ifindex;
    j["kind"] = link->kind;
    j["up"] = link->isUp();
    j["mtu"] = link->mtu;
    j["mac"] = link->mac ? link->mac->toString() : std::string();
    if (link->vxlan) {
        j["vni"] = link->vxlan->vni;
        j["port"] = link->vxlan->port ? json(*link->vxlan->port) : json(nullptr);
        j["local"] = link->vxlan->local ? link->vxlan->local->toString() : std::string();
        j["underlayIndex"] = link->vxlan->underlayIndex;
        j["learning"] = link->vxlan->learning;
    }
    json a = json::array();
    for (const AddressState &s : addresses)
        a.push_back(s.toString());
    j["addresses"] = a;
    return j;
}

json stringArray(const std::vector<std::string> &list)
{
    json a = json::array();
    for (const std::string &s : list)
        a.push_back(s);
    return a;
}

std::string linkText(
    const std::optional<LinkState> &link, const std::vector<AddressState> &addresses)
{
    if (!link)
        return "missing";
    std::ostringstream out;
    out << (link->isUp() ? "up" : "DOWN") << ", ifindex " << link->ifindex;
    if (link->vxlan) {
        out << ", VNI " << link->vxlan->vni;
        if (link->vxlan->port)
            out << ", port " << *link->vxlan->port;
        if (link->vxlan->local)
            out << ", local " << link->vxlan->local->toString();
        out << ", underlay ifindex " << link->vxlan->underlayIndex;
    } else if (!link->kind.empty()) {
        out << ", " << link->kind;
    }
    out << ", MTU " << link->mtu;
    if (link->mac)
        out << ", MAC " << link->mac->toString();
    for (const AddressState &a : addresses)
        out << ", " << a.toString();
    return out.str();
}

} // namespace

StatusReport::StatusReport(Reconciler &reconciler, const std::string &configPath)
    : m_config(reconciler.config())
    , m_desired(reconciler.desired())
    , m_configPath(configPath)
{
    // The status file first: for nftables it holds what the agent's last apply left.
    const std::string &statusPath = m_config.statusFile;
    if (const auto text = readSmallFile(statusPath)) {
        std::string why;
        m_agent = AgentStatus::parse(*text, why);
        if (!m_agent)
            m_agentProblem = statusPath + ": " + why;
        struct stat st
        {
        };
        if (::stat(statusPath.c_str(), &st) == 0)
            m_statusWrittenAt = isoTimeUtc(std::chrono::system_clock::time_point(
                std::chrono::duration_cast<std::chrono::system_clock::duration>(
                    std::chrono::seconds(st.st_mtim.tv_sec)
                    + std::chrono::nanoseconds(st.st_mtim.tv_nsec))));
    } else {
        m_agentProblem = statusPath + " cannot be read (is the agent running?)";
    }
    if (m_agent) {
        m_liveness
            = AgentLiveness::of({m_agent->pid, m_agent->pidNamespace, m_agent->processStart});
        if (m_liveness.state == AgentLiveness::State::NotRunning)
            m_problems.push_back("agent not running (" + lastAgentText() + "): " + m_liveness.why);
        else if (m_liveness.state == AgentLiveness::State::Unknown)
            m_problems.push_back(
                "cannot tell whether the agent runs (" + lastAgentText() + "): " + m_liveness.why);
    } else {
        m_liveness = {AgentLiveness::State::Unknown, m_agentProblem};
        m_problems.push_back("no agent status: " + m_agentProblem);
    }
    if (m_agent && !m_agent->firewallListing.empty())
        reconciler.nat().nftables().setKnownListing(m_agent->firewallListing, reconciler.natSpec());

    // iptables and nft need root to read the rules; without it they are not judged.
    m_firewallChecked = ::geteuid() == 0;
    if (FirewallBackend *b = reconciler.nat().backend())
        m_firewallBackend = b->name();
    m_inspection = reconciler.inspect(m_firewallChecked);

    if (!m_inspection.readError.empty())
        m_problems.push_back(m_inspection.readError);
    for (const auto *list : {&m_inspection.dataplaneProblems, &m_inspection.firewallProblems,
             &m_inspection.cniProblems})
        m_problems.insert(m_problems.end(), list->begin(), list->end());

    const DataplaneDiff &diff = m_inspection.diff;
    const bool allMissing
        = !m_inspection.readError.empty() || !m_inspection.kernel.vxlan || diff.vxlan.rebuilds();
    for (std::size_t i = 0; i < m_desired.peers.size(); ++i) {
        m_peers.push_back({&m_desired.peers[i], !allMissing && !inList(diff.peers.addNeighbours, i),
            !allMissing && !inList(diff.peers.addFdb, i),
            !allMissing && !inList(diff.peers.addRoutes, i)});
    }
}

std::string StatusReport::lastAgentText() const
{
    return "last pid " + std::to_string(m_agent ? m_agent->pid : 0) + ", status written at "
        + (m_statusWrittenAt.empty() ? std::string("an unknown time") : m_statusWrittenAt);
}

nlohmann::ordered_json StatusReport::toJson() const
{
    const KernelState &k = m_inspection.kernel;
    const DataplaneDiff &diff = m_inspection.diff;
    json j;
    j["converged"] = converged();
    j["problems"] = stringArray(m_problems);
    j["node"] = m_config.node.name;
    j["config"] = m_configPath;

    json agent;
    // running: true, false, or null when it cannot be told from here (runningWhy says why).
    agent["running"]
        = m_liveness.state == AgentLiveness::State::Unknown ? json(nullptr) : json(agentRunning());
    agent["runningState"] = AgentLiveness::stateName(m_liveness.state);
    agent["runningWhy"] = m_liveness.why;
    agent["statusFile"] = m_config.statusFile;
    agent["statusWrittenAt"] = m_statusWrittenAt;
    if (m_agent) {
        agent["pid"] = m_agent->pid;
        agent["pidNamespace"] = m_agent->pidNamespace;
        agent["version"] = m_agent->version;
        agent["startedAt"] = m_agent->startedAt;
        agent["configLoadedAt"] = m_agent->configLoadedAt;
        agent["reconciles"] = m_agent->reconciles;
        agent["lastConvergedAt"] = m_agent->lastConvergedAt;
    } else {
        agent["problem"] = m_agentProblem;
    }
    j["agent"] = agent;
    json full = m_agent ? m_agent->toJson() : json();
    j["lastReconcile"] = m_agent ? full["lastReconcile"] : json(nullptr);
    j["recentErrors"] = m_agent ? full["recentErrors"] : json::array();

    j["ipForward"] = k.ipForward;
    j["underlay"] = linkJson(k.underlay, k.underlayAddresses, m_desired.vxlan.underlay);
    j["device"] = linkJson(k.vxlan, k.vxlanAddresses, m_desired.vxlan.name);
    j["device"]["want"] = {{"vni", m_desired.vxlan.vni}, {"port", m_desired.vxlan.port},
        {"local", m_desired.vxlan.local.toString()}, {"underlay", m_desired.vxlan.underlay},
        {"mtu", m_desired.vxlan.mtu}, {"mac", m_desired.vxlan.mac.toString()},
        {"address", m_desired.vxlan.address.toString() + "/32"}};
    j["bridge"] = linkJson(k.bridge, k.bridgeAddresses, m_desired.bridge.name);

    json peers = json::array();
    for (const PeerRow &row : m_peers) {
        peers.push_back({{"name", row.peer->name}, {"lanIP", row.peer->lanIP.toString()},
            {"podCIDR", row.peer->podCIDR.toString()}, {"vtepMAC", row.peer->mac.toString()},
            {"neighbour", row.neighbour}, {"fdb", row.fdb}, {"route", row.route}});
    }
    j["peers"] = peers;
    const std::string &dev = m_desired.vxlan.name;
    json stray = {{"neighbours", json::array()}, {"fdb", json::array()}, {"routes", json::array()}};
    for (const auto &n : diff.peers.removeNeighbours)
        stray["neighbours"].push_back(n.toString(dev));
    for (const auto &f : diff.peers.removeFdb)
        stray["fdb"].push_back(f.toString(dev));
    for (const auto &r : diff.peers.removeRoutes)
        stray["routes"].push_back(r.toString(dev));
    j["stray"] = stray;
    j["firewall"] = {{"backend", m_firewallBackend}, {"checked", m_firewallChecked},
        {"problems", stringArray(m_inspection.firewallProblems)}};
    j["cni"] = {{"conflist", CniFiles(m_config).conflistPath()},
        {"subnetEnv", m_config.cni.subnetEnv}, {"problems", stringArray(m_inspection.cniProblems)}};
    // The running agent's view (announcements live in the agent, not in the kernel); they do
    // not count for `converged`, which is about the data plane.
    if (m_agent) {
        j["announce"] = m_agent->announce.toJson();
        j["announce"]["problems"] = stringArray(m_agent->announce.problems());
    } else {
        j["announce"] = nullptr;
    }
    return j;
}

std::string StatusReport::toText() const
{
    const KernelState &k = m_inspection.kernel;
    std::ostringstream out;
    out << "node " << m_config.node.name << ": " << (converged() ? "converged" : "NOT converged")
        << "\n";
    if (m_agent && agentRunning()) {
        out << "agent: running (pid " << m_agent->pid << ", " << m_agent->version << ", started "
            << m_agent->startedAt << ", " << m_agent->reconciles << " reconciles)\n";
    } else if (m_agent) {
        out << "agent: "
            << (m_liveness.state == AgentLiveness::State::NotRunning ? "NOT running"
                                                                     : "UNKNOWN whether it runs")
            << " (last pid " << m_agent->pid << ", " << m_agent->version << ", started "
            << m_agent->startedAt << ", status written at "
            << (m_statusWrittenAt.empty() ? std::string("?") : m_statusWrittenAt)
            << "): " << m_liveness.why << "\n";
    }
    if (m_agent) {
        if (m_agent->lastReconcile) {
            const auto &r = *m_agent->lastReconcile;
            out << "last reconcile: " << r.time << " (" << r.trigger
                << "): " << (r.ok ? "ok" : "failed") << ", " << r.changes.size() << " changes, "
                << r.durationMs << " ms\n";
        }
    } else {
        out << "agent: no status (" << m_agentProblem << ")\n";
    }
    out << "device " << m_desired.vxlan.name << ": " << linkText(k.vxlan, k.vxlanAddresses) << "\n";
    out << "bridge " << m_desired.bridge.name << ": " << linkText(k.bridge, k.bridgeAddresses)
        << "\n";
    out << "uplink " << m_desired.vxlan.underlay << ": "
        << linkText(k.underlay, k.underlayAddresses) << "\n";
    out << "peers (" << m_peers.size() << "):\n";
    for (const PeerRow &row : m_peers) {
        out << "  " << row.peer->name << "  " << row.peer->lanIP.toString() << "  "
            << row.peer->podCIDR.toString() << "  " << row.peer->mac.toString() << "  neighbour "
            << (row.neighbour ? "ok" : "MISSING") << ", fdb " << (row.fdb ? "ok" : "MISSING")
            << ", route " << (row.route ? "ok" : "MISSING") << "\n";
    }
    out << "firewall: " << (m_firewallBackend.empty() ? std::string("none") : m_firewallBackend)
        << ", "
        << (!m_firewallChecked                             ? std::string("not checked (needs root)")
                   : m_inspection.firewallProblems.empty() ? std::string("rules ok")
                                                           : std::string("rules differ"))
        << "\n";
    out << "cni: " << CniFiles(m_config).conflistPath() << ", " << m_config.cni.subnetEnv << ": "
        << (m_inspection.cniProblems.empty() ? "ok" : "differ") << "\n";
    if (!m_problems.empty()) {
        out << "problems:\n";
        for (const std::string &p : m_problems)
            out << "  - " << p << "\n";
    }
    if (m_agent && agentRunning()
        && (m_agent->announce.enabled || !m_agent->announce.error.empty()
            || !m_agent->announce.addresses.empty()))
        m_agent->announce.writeText(out);
    if (m_agent && !m_agent->recentErrors.empty()) {
        out << "recent errors:\n";
        const std::size_t from
            = m_agent->recentErrors.size() > 5 ? m_agent->recentErrors.size() - 5 : 0;
        for (std::size_t i = from; i < m_agent->recentErrors.size(); ++i)
            out << "  " << m_agent->recentErrors[i].time << " " << m_agent->recentErrors[i].message
                << "\n";
    }
    return out.str();
}

} // namespace k3snet::agent
