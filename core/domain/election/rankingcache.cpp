// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/election/rankingcache.h"

#include "domain/election/announcer.h"
#include "domain/election/sha256.h"
#include "domain/net/address.h"

#include <algorithm>
#include <unordered_set>

namespace k3snet::election {

namespace {

// 16,384 IPs x 100 nodes is 6.5 MB of indices; a project rarely uses a tenth of that.
constexpr std::size_t maxIPs = 1 << 14;

} // namespace

bool RankingCache::setNodes(const std::vector<model::Node> &nodes)
{
    const bool same = nodes.size() == m_names.size()
        && std::equal(nodes.begin(), nodes.end(), m_names.begin(),
            [](const model::Node &n, const std::string &name) { return n.name == name; });
    if (same)
        return m_unique;
    m_trusted = nullptr;
    m_mayAnnounce.clear();
    m_selects.clear();
    m_byIP.clear();
    m_names.clear();
    m_names.reserve(nodes.size());
    std::unordered_set<std::string_view> seen;
    m_unique = true;
    for (const model::Node &n : nodes) {
        m_names.push_back(n.name);
        m_unique = m_unique && seen.insert(n.name).second;
    }
    return m_unique;
}

void RankingCache::trust(const model::Project *project)
{
    m_trusted = project;
    m_mayAnnounce.clear();
    m_selects.clear();
    if (!project || project->nodes.size() != m_names.size())
        return;
    static const std::string excludeLabel = excludeFromLoadBalancersLabel;
    for (const model::Node &node : project->nodes)
        m_mayAnnounce.push_back(!node.labels.count(excludeLabel) && !node.networkUnavailable);
    for (const model::L2Advertisement &ad : project->l2Advertisements)
        for (const model::Node &node : project->nodes)
            m_selects.push_back(election::advertisementSelectsNode(ad, node));
}

const std::vector<std::uint32_t> &RankingCache::ranking(std::string_view ip)
{
    // Keys are written canonically, so an address found as given is canonical already (the
    // plan's are: it writes them itself), and needs no parsing.
    if (auto it = m_byIP.find(std::string(ip)); it != m_byIP.end())
        return it->second;
    std::string text(ip);
    if (auto parsed = net::Address::parse(ip))
        text = parsed->toString();
    if (auto it = m_byIP.find(text); it != m_byIP.end())
        return it->second;
    std::vector<std::uint32_t> order = orderFor(text);
    if (!m_shared)
        return keep(std::move(text), std::move(order));
    thread_local std::vector<std::uint32_t> scratch;
    scratch = order;
    const std::lock_guard lock(m_learntMutex);
    m_learnt.emplace_back(std::move(text), std::move(order));
    return scratch;
}

void RankingCache::share(bool shared)
{
    m_shared = shared;
    if (shared)
        return;
    for (auto &[ip, order] : m_learnt)
        if (!m_byIP.count(ip))
            keep(std::move(ip), std::move(order));
    m_learnt.clear();
}

// The same order as rankAnnouncers: ascending digests of "name#ip", compared as bytes.
std::vector<std::uint32_t> RankingCache::orderFor(const std::string &ip) const
{
    std::vector<std::pair<Digest, std::uint32_t>> keyed;
    keyed.reserve(m_names.size());
    std::string key;
    for (std::uint32_t i = 0; i < m_names.size(); ++i) {
        key.assign(m_names[i]).append("#").append(ip);
        keyed.emplace_back(sha256(key), i);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::uint32_t> order;
    order.reserve(keyed.size());
    for (const auto &k : keyed)
        order.push_back(k.second);
    return order;
}

const std::vector<std::uint32_t> &RankingCache::keep(
    std::string ip, std::vector<std::uint32_t> order)
{
    if (m_byIP.size() >= maxIPs)
        m_byIP.clear();
    return m_byIP.emplace(std::move(ip), std::move(order)).first->second;
}

} // namespace k3snet::election
