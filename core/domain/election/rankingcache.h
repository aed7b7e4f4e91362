// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace k3snet::election {

// Election orders of all of a project's nodes, per service IP, kept from one plan to the next.
//
// The app plans again after every edit, and the announcer election hashes every eligible node
// for every service IP (2,000 services x 100 nodes: 200,000 SHA-256). An edit moves services
// between addresses, but the addresses in use and the nodes hardly change, so the order of all
// nodes for an IP is worth keeping: a service's eligible nodes, in that order, are its ranking
// (ranking a subset is filtering the ranking of the whole set). Memory is one index per node per
// IP seen, bounded: it starts over when full, which costs one round of digests, never a wrong
// answer.
class RankingCache
{
public:
    // The nodes every ranking orders, by name. A different list of names starts over. Returns
    // false when names repeat: rankAnnouncers drops duplicates then, so the cache is not used.
    bool setNodes(const std::vector<model::Node> &nodes);
    bool usable() const { return m_unique; }

    // Within one plan the project is read once: setNodes, then trust(&project) until
    // trust(nullptr). Comparing 100 names for each of 2,000 services was a tenth of an edit, and
    // reading every node's labels and every advertisement's node selectors per service was most
    // of the rest. While trusted, the cache answers what electAnnouncer asks of each node.
    void trust(const model::Project *project);
    bool trusts(const std::vector<model::Node> *nodes) const
    {
        return m_trusted && nodes == &m_trusted->nodes;
    }
    // For the trusted project: whether node index may announce at all (no exclusion label, no
    // NetworkUnavailable), and whether advertisement adIndex selects it (its nodeSelectors).
    bool nodeMayAnnounce(std::size_t node) const { return m_mayAnnounce[node]; }
    bool advertisementSelectsNode(std::size_t adIndex, std::size_t node) const
    {
        return m_selects[adIndex * m_names.size() + node];
    }

    // Indices into the nodes given to setNodes, in MetalLB's election order for ip (written
    // canonically first, as rankAnnouncers does). The answer holds until the next call.
    const std::vector<std::uint32_t> &ranking(std::string_view ip);

    // From share(true) to share(false), ranking() may be called from several threads at once
    // (a plan elects in parallel): it only reads the orders kept, and an IP it has none for is
    // ranked for the calling thread alone, then kept when the sharing ends. Nothing else may
    // be called meanwhile.
    void share(bool shared);

    std::size_t size() const { return m_byIP.size(); }

private:
    std::vector<std::string> m_names;
    bool m_unique = true;
    const model::Project *m_trusted = nullptr;
    std::vector<char> m_mayAnnounce; // per node of the trusted project
    std::vector<char> m_selects; // per advertisement, per node

    std::vector<std::uint32_t> orderFor(const std::string &ip) const;
    const std::vector<std::uint32_t> &keep(std::string ip, std::vector<std::uint32_t> order);

    std::unordered_map<std::string, std::vector<std::uint32_t>> m_byIP;
    bool m_shared = false;
    std::mutex m_learntMutex; // guards m_learnt while shared
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> m_learnt;
};

} // namespace k3snet::election
