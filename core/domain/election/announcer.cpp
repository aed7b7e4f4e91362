// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/election/announcer.h"

#include "domain/election/rankingcache.h"
#include "domain/election/sha256.h"
#include "domain/net/address.h"

#include <algorithm>
#include <utility>

namespace k3snet::election {

namespace {

template<class Selectors> bool anyMatches(const Selectors &selectors, const model::Labels &labels)
{
    return std::any_of(
        selectors.begin(), selectors.end(), [&](const auto &s) { return s.matches(labels); });
}

} // namespace

bool advertisementSelectsPool(const model::L2Advertisement &ad, const std::string &poolName,
                              const model::IPAddressPool *pool)
{
    if (ad.ipAddressPools.empty() && ad.ipAddressPoolSelectors.empty())
        return true;
    if (std::find(ad.ipAddressPools.begin(), ad.ipAddressPools.end(), poolName) != ad.ipAddressPools.end())
        return true;
    return pool && anyMatches(ad.ipAddressPoolSelectors, pool->labels);
}

bool advertisementSelectsService(const model::L2Advertisement &ad, const model::Service &service)
{
    return ad.serviceSelectors.empty() || anyMatches(ad.serviceSelectors, service.labels);
}

bool advertisementSelectsNode(const model::L2Advertisement &ad, const model::Node &node)
{
    return ad.nodeSelectors.empty() || anyMatches(ad.nodeSelectors, node.labels);
}

std::vector<std::string> rankAnnouncers(std::vector<std::string> candidates, std::string_view ip)
{
    std::string text(ip);
    if (auto parsed = net::Address::parse(ip))
        text = parsed->toString();

    // Sort small (digest, index) pairs rather than the names themselves: the plan ranks every
    // node for every service IP, so the moves of strings dominated (1,000 x 1,000 in a bench).
    std::vector<std::pair<Digest, std::size_t>> keyed;
    keyed.reserve(candidates.size());
    std::string key;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        key.assign(candidates[i]).append("#").append(text);
        keyed.emplace_back(sha256(key), i);
    }
    // std::array compares lexicographically, byte by byte: Go's bytes.Compare. Equal digests
    // mean equal names, so duplicates sit side by side.
    std::sort(keyed.begin(), keyed.end());

    std::vector<std::string> out;
    out.reserve(keyed.size());
    for (std::size_t k = 0; k < keyed.size(); ++k) {
        if (k > 0 && keyed[k].first == keyed[k - 1].first)
            continue; // the same name listed twice (same input, same digest) is one candidate
        out.push_back(std::move(candidates[keyed[k].second]));
    }
    return out;
}

namespace {

std::string joined(const std::vector<std::string> &items)
{
    std::string s;
    for (const auto &i : items)
        s += (s.empty() ? "" : "; ") + i;
    return s;
}

// The ranked eligible nodes from what the cache read of the trusted project once per plan; an
// empty answer leaves the reason to the full pass (which names every excluded node).
std::vector<std::string> rankedFromTrustedCache(const model::Project &project,
    const model::Service &service, const std::vector<const model::L2Advertisement *> &ads,
    RankingCache &cache, const std::string &firstIP)
{
    const std::size_t count = project.nodes.size();
    std::vector<char> eligible(count, 0);
    for (const model::L2Advertisement *ad : ads) {
        const auto adIndex = std::size_t(ad - project.l2Advertisements.data());
        for (std::size_t i = 0; i < count; ++i)
            eligible[i] |= char(cache.advertisementSelectsNode(adIndex, i));
    }
    const bool localEndpointsOnly = service.isLocalTrafficPolicy() && service.endpointNodes;
    for (std::size_t i = 0; i < count; ++i) {
        eligible[i] = eligible[i] && cache.nodeMayAnnounce(i)
            && (!localEndpointsOnly
                || std::find(service.endpointNodes->begin(), service.endpointNodes->end(),
                       project.nodes[i].name)
                    != service.endpointNodes->end());
    }
    std::vector<std::string> ranked;
    ranked.reserve(count);
    for (std::uint32_t index : cache.ranking(firstIP))
        if (eligible[index])
            ranked.push_back(project.nodes[index].name);
    return ranked;
}

} // namespace

AnnouncerElection electAnnouncer(const model::Project &project, const model::Service &service,
    const std::string &poolName, const std::string &firstIP, const std::set<std::string> *liveNodes,
    RankingCache *cache)
{
    AnnouncerElection e;
    if (service.endpointNodes && service.endpointNodes->empty()) {
        e.reason = "the service has no ready endpoint, so no node announces it";
        return e;
    }
    if (project.l2Advertisements.empty()) {
        e.reason = "there is no L2Advertisement, so nothing is announced in layer 2";
        return e;
    }
    const model::IPAddressPool *pool = project.findPool(poolName);
    std::vector<const model::L2Advertisement *> ads;
    bool forPool = false;
    for (const auto &ad : project.l2Advertisements) {
        if (!advertisementSelectsPool(ad, poolName, pool))
            continue;
        forPool = true;
        if (advertisementSelectsService(ad, service))
            ads.push_back(&ad);
    }
    if (!forPool) {
        e.reason = "no L2Advertisement selects pool \"" + poolName + "\"";
        return e;
    }
    if (ads.empty()) {
        e.reason = "the L2Advertisements for pool \"" + poolName
            + "\" select other services (serviceSelectors)";
        return e;
    }

    const bool trusted = cache && cache->trusts(&project.nodes);
    const bool cached = cache && (trusted ? cache->usable() : cache->setNodes(project.nodes));
    if (cached && trusted && !liveNodes) {
        e.ranked = rankedFromTrustedCache(project, service, ads, *cache, firstIP);
        if (!e.ranked.empty())
            return e;
    }
    std::vector<std::string> candidates, excluded;
    std::vector<char> eligible(cached ? project.nodes.size() : 0, 0);
    bool anySelected = false;
    // Once per service, not per node: two string compares per node were a tenth of an edit.
    const bool localEndpointsOnly = service.isLocalTrafficPolicy() && service.endpointNodes;
    // A std::string made once: the label is longer than the short-string buffer, so looking it
    // up by its C string allocated for every node of every service.
    static const std::string excludeLabel = excludeFromLoadBalancersLabel;
    for (std::size_t index = 0; index < project.nodes.size(); ++index) {
        const model::Node &node = project.nodes[index];
        const bool selected
            = std::any_of(ads.begin(), ads.end(), [&](const model::L2Advertisement *ad) {
                  return advertisementSelectsNode(*ad, node);
              });
        if (!selected)
            continue;
        anySelected = true;
        if (node.labels.count(excludeLabel))
            excluded.push_back(node.name + " is labelled " + excludeFromLoadBalancersLabel);
        else if (node.networkUnavailable)
            excluded.push_back(node.name + " has NetworkUnavailable");
        else if (liveNodes && !liveNodes->count(node.name))
            excluded.push_back(node.name + " is not alive");
        else if (localEndpointsOnly
            && std::find(service.endpointNodes->begin(), service.endpointNodes->end(), node.name)
                == service.endpointNodes->end())
            excluded.push_back(node.name + " hosts no endpoint (externalTrafficPolicy: Local)");
        else if (cached)
            eligible[index] = 1;
        else
            candidates.push_back(node.name);
    }
    if (project.nodes.empty())
        e.reason = "the project has no nodes";
    else if (!anySelected)
        e.reason = "the nodeSelectors of the L2Advertisements for pool \"" + poolName
            + "\" match no node";
    if (cached) {
        const std::vector<std::uint32_t> &ranking = cache->ranking(firstIP);
        e.ranked.reserve(ranking.size());
        for (std::uint32_t index : ranking) {
            if (eligible[index])
                e.ranked.push_back(project.nodes[index].name);
        }
    } else {
        e.ranked = rankAnnouncers(std::move(candidates), firstIP);
    }
    if (e.ranked.empty() && anySelected)
        e.reason = "no eligible node is left: " + joined(excluded);
    return e;
}

} // namespace k3snet::election
