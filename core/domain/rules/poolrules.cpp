// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/rules/poolrules.h"

#include "domain/net/addressset.h"
#include "domain/rules/networkrules.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>

namespace k3snet::rules {

namespace {

// Built by appending: GCC 12 warns (-Wrestrict, a false positive) on "\"" + s + "\"".
std::string quoted(std::string_view text)
{
    std::string q;
    q.reserve(text.size() + 2);
    q.append(1, '"').append(text).append(1, '"');
    return q;
}

bool fail(std::string *why, std::string reason)
{
    if (why)
        *why = std::move(reason);
    return false;
}

// MetalLB trims each end of a range with Go's strings.TrimSpace.
std::string_view trimSpace(std::string_view s)
{
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

// MetalLB compares range ends with bytes.Compare on Go's 16-byte net.IP form, in which an
// IPv4 address is ::ffff:a.b.c.d. That decides whether a mixed-family range is "start after
// end" (rejected) or accepted and silently empty.
net::u128 goIPOrder(const net::Address &a)
{
    return a.isV4() ? ((net::u128(0xffff) << 32) | a.value()) : a.value();
}

// One parsed address entry of a pool.
struct Entry
{
    std::size_t pool;
    std::size_t index;
    net::Range range;
};

std::string poolPath(const model::IPAddressPool &pool, std::size_t i)
{
    return pool.name.empty() ? "pools[" + std::to_string(i) + "]" : "pools/" + pool.name;
}

std::string poolLabel(const model::IPAddressPool &pool, std::size_t i)
{
    return pool.name.empty() ? "pool #" + std::to_string(i + 1) : "pool " + quoted(pool.name);
}

std::optional<net::Range> parseEntry(RuleContext &ctx, const std::string &owner,
    const std::string &text, const std::vector<ObjectRef> &objects, const std::string &at)
{
    const std::string_view sv(text);
    const auto dash = sv.find('-');
    if (dash == std::string_view::npos) {
        auto prefix = net::Prefix::parse(sv);
        if (prefix)
            return prefix->range();
        std::string hint;
        if (auto a = net::Address::parse(sv))
            hint = " (a single address is written " + a->toString() + (a->isV4() ? "/32" : "/128")
                + ")";
        else if (trimSpace(sv) != sv && net::Prefix::parse(trimSpace(sv)))
            hint = " (MetalLB tolerates spaces only around the \"-\" of a range)";
        ctx.error(
            "pool-invalid-cidr", owner + ": invalid CIDR " + prefix.error() + hint, objects, at);
        return std::nullopt;
    }
    const std::string what = owner + ": invalid IP range " + quoted(text) + ": ";
    auto start = net::Address::parse(trimSpace(sv.substr(0, dash)));
    if (!start) {
        ctx.error("pool-invalid-range", what + "invalid start IP " + start.error(), objects, at);
        return std::nullopt;
    }
    auto end = net::Address::parse(trimSpace(sv.substr(dash + 1)));
    if (!end) {
        ctx.error("pool-invalid-range", what + "invalid end IP " + end.error(), objects, at);
        return std::nullopt;
    }
    const bool mixed = net::Range::isMixedFamily(sv);
    if (goIPOrder(*start) > goIPOrder(*end)) {
        ctx.error("pool-range-start-after-end",
            what + "start IP " + start->toString() + " is after the end IP " + end->toString()
                + (mixed ? " (and the two are of different families)" : ""),
            objects, at);
        return std::nullopt;
    }
    if (mixed) {
        ctx.error("pool-mixed-family-range",
            owner + ": range " + quoted(text) + " goes from an " + net::familyName(start->family())
                + " to an " + net::familyName(end->family())
                + " address; MetalLB accepts it but takes no address from it (write one range "
                  "per family)",
            objects, at);
        return std::nullopt;
    }
    return net::Range(*start, *end);
}

// Where the pool's addresses sit relative to the nodes, the gateway, the cluster's own
// networks and the LAN.
void checkPlacement(RuleContext &ctx, const net::Range &range, const std::string &owner,
    const std::string &text, const std::vector<ObjectRef> &objects, const std::string &at,
    const std::vector<std::pair<net::Address, std::string>> &nodeIPs)
{
    const auto &network = ctx.project().network;
    const auto &lan = network.lan;
    const std::string entry = owner + ": " + quoted(text);

    auto it
        = std::lower_bound(nodeIPs.begin(), nodeIPs.end(), std::pair(range.first(), std::string()));
    std::string held;
    int count = 0;
    auto refs = objects;
    for (; it != nodeIPs.end() && it->first <= range.last(); ++it) {
        held += (held.empty() ? "" : ", ") + it->second + " (" + it->first.toString() + ")";
        ++count;
        refs.push_back({"Node", it->second});
    }
    if (!held.empty())
        ctx.error("pool-contains-node-ip",
            entry + (count == 1 ? " contains the LAN IP of " : " contains the LAN IPs of ") + held
                + ": MetalLB could give it to a service, and the node and the service would both "
                  "answer for it",
            refs, at);

    const bool haveLan = lan.subnet.length() > 0 || lan.subnet.network().value() != 0;
    if (haveLan && lan.gateway.value() != 0 && range.contains(lan.gateway))
        ctx.error("pool-contains-gateway",
            entry + " contains the LAN gateway " + lan.gateway.toString()
                + ": a service given it would cut the LAN off from its router",
            {objects.front(), {"Network", "lan.gateway"}}, at);
    if (range.overlaps(network.clusterCIDR.range()))
        ctx.error("pool-overlaps-cluster-cidr",
            entry + " overlaps the cluster (pod) CIDR " + network.clusterCIDR.toString()
                + ": service IPs would collide with pod addresses",
            {objects.front(), {"Network", "clusterCIDR"}}, at);
    if (range.overlaps(network.serviceCIDR.range()))
        ctx.error("pool-overlaps-service-cidr",
            entry + " overlaps the service CIDR " + network.serviceCIDR.toString()
                + ": load-balancer IPs would collide with ClusterIPs",
            {objects.front(), {"Network", "serviceCIDR"}}, at);

    if (!haveLan || lan.subnet.family() != range.family() || lan.subnet.range().contains(range))
        return;
    const auto outside = net::AddressSet{range}.subtracted(net::AddressSet{lan.subnet.range()});
    const bool whole = outside == net::AddressSet{range};
    ctx.warning("pool-outside-lan",
        (whole ? entry : owner + ": " + outside.toString() + " of " + quoted(text))
            + " is outside the LAN " + lan.subnet.toString()
            + ": LAN hosts send traffic for such addresses to the gateway instead of asking by "
              "ARP/NDP, so the nodes' layer-2 announcements do not reach them",
        {objects.front(), {"Network", "lan.subnet"}}, at);
}

// The first pair of CIDRs, one from each list (both sorted, as Range::toPrefixes returns
// them), that overlap.
std::pair<net::Prefix, net::Prefix> firstOverlap(
    const std::vector<net::Prefix> &a, const std::vector<net::Prefix> &b)
{
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].overlaps(b[j]))
            return {a[i], b[j]};
        if (a[i].last() < b[j].network())
            ++i;
        else
            ++j;
    }
    return {a.front(), b.front()}; // not reached for overlapping ranges
}

// For every entry, the earliest-defined entry (index into entries) that overlaps it, or
// SIZE_MAX. MetalLB compares each CIDR with every CIDR defined before it; two entries' CIDRs
// overlap exactly when their ranges do, so this works on the ranges, sorted by start, in
// O(n log n): an overlapping entry either sorts before e and still reaches e's start (kept in
// a set while it does), or sorts after e and starts no later than e's end (a contiguous run
// of the sorted order, searched with a sparse table of minimum indices).
std::vector<std::size_t> earliestOverlaps(const std::vector<Entry> &entries)
{
    const std::size_t n = entries.size();
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> best(n, none);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto &fa = entries[a].range.first();
        const auto &fb = entries[b].range.first();
        return fa != fb ? fa < fb : a < b;
    });

    std::set<std::pair<net::Address, std::size_t>> reaching; // (last, index), sorted before e
    std::set<std::size_t> reachingIndices;
    for (std::size_t k : order) {
        while (!reaching.empty() && reaching.begin()->first < entries[k].range.first()) {
            reachingIndices.erase(reaching.begin()->second);
            reaching.erase(reaching.begin());
        }
        if (!reachingIndices.empty())
            best[k] = *reachingIndices.begin();
        reaching.emplace(entries[k].range.last(), k);
        reachingIndices.insert(k);
    }

    // table[l][i]: the smallest index among order[i .. i + 2^l - 1].
    std::vector<std::vector<std::size_t>> table{order};
    for (std::size_t w = 1; 2 * w <= n; w *= 2) {
        const auto &prev = table.back();
        std::vector<std::size_t> level(n - 2 * w + 1);
        for (std::size_t i = 0; i < level.size(); ++i)
            level[i] = std::min(prev[i], prev[i + w]);
        table.push_back(std::move(level));
    }
    for (std::size_t pos = 0; pos < n; ++pos) {
        const std::size_t k = order[pos];
        const auto after
            = std::upper_bound(order.begin() + pos + 1, order.end(), entries[k].range.last(),
                [&](const net::Address &a, std::size_t i) { return a < entries[i].range.first(); });
        const std::size_t lo = pos + 1;
        const std::size_t count = static_cast<std::size_t>(after - order.begin()) - lo;
        if (count == 0)
            continue;
        const int l = std::bit_width(count) - 1;
        const auto &level = table[static_cast<std::size_t>(l)];
        best[k] = std::min({best[k], level[lo], level[lo + count - (std::size_t(1) << l)]});
    }
    return best;
}

void checkOverlaps(RuleContext &ctx, const std::vector<model::IPAddressPool> &pools,
    const std::vector<Entry> &entries)
{
    const auto best = earliestOverlaps(entries);
    for (std::size_t k = 0; k < entries.size(); ++k) {
        if (best[k] >= k)
            continue; // overlaps nothing defined before it
        const Entry &later = entries[k];
        const Entry &earlier = entries[best[k]];
        const auto &lp = pools[later.pool];
        const auto &ep = pools[earlier.pool];
        const auto [mine, theirs]
            = firstOverlap(later.range.toPrefixes(), earlier.range.toPrefixes());
        auto from = [](const std::string &text, const net::Prefix &p) {
            return text == p.toString() ? std::string() : " (from " + quoted(text) + ")";
        };
        const bool samePool = later.pool == earlier.pool;
        std::vector<ObjectRef> objects{{"IPAddressPool", lp.name}};
        if (!samePool && ep.name != lp.name)
            objects.push_back({"IPAddressPool", ep.name});
        ctx.error("pool-overlap",
            poolLabel(lp, later.pool) + ": CIDR " + mine.toString()
                + from(lp.addresses[later.index], mine) + " overlaps CIDR " + theirs.toString()
                + from(ep.addresses[earlier.index], theirs)
                + (samePool ? " of the same pool" : " of " + poolLabel(ep, earlier.pool))
                + "; MetalLB rejects overlapping addresses",
            objects, poolPath(lp, later.pool) + ".addresses[" + std::to_string(later.index) + "]");
    }
}

bool isLabelToken(std::string_view s, std::string *why)
{
    if (s.size() > 63)
        return fail(why, "longer than 63 characters");
    auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    if (!alnum(s.front()) || !alnum(s.back()))
        return fail(why, "must start and end with a letter or digit");
    for (char c : s)
        if (!alnum(c) && c != '-' && c != '_' && c != '.')
            return fail(
                why, std::string("contains '") + c + "' (allowed: letters, digits, '-', '_', '.')");
    return true;
}

// What metav1.LabelSelectorAsSelector accepts: known operators with the right values, and
// label keys and values Kubernetes allows.
bool isConvertible(const model::LabelSelector &s, std::string *why)
{
    if (!s.isValid(why))
        return false;
    std::string w;
    for (const auto &[k, v] : s.matchLabels) {
        if (!isLabelKey(k, &w))
            return fail(why, "label key " + quoted(k) + ": " + w);
        if (!isLabelValue(v, &w))
            return fail(why, "value " + quoted(v) + " of label " + quoted(k) + ": " + w);
    }
    for (const auto &e : s.matchExpressions) {
        if (!isLabelKey(e.key, &w))
            return fail(why, "label key " + quoted(e.key) + ": " + w);
        for (const auto &v : e.values)
            if (!isLabelValue(v, &w))
                return fail(why, "value " + quoted(v) + " for key " + quoted(e.key) + ": " + w);
    }
    return true;
}

// MetalLB sorts each expression's values before comparing selectors and expressions.
model::LabelSelector canonical(model::LabelSelector s)
{
    for (auto &e : s.matchExpressions)
        std::sort(e.values.begin(), e.values.end());
    return s;
}

std::string render(const model::LabelSelector &s)
{
    return s.isEmpty() ? std::string("{} (everything)") : quoted(s.toString());
}

} // namespace

bool isLabelKey(const std::string &key, std::string *why)
{
    std::string_view name = key;
    if (auto slash = key.find('/'); slash != std::string::npos) {
        const std::string prefix = key.substr(0, slash);
        std::string w;
        if (!isDns1123Subdomain(prefix, &w))
            return fail(why, "prefix " + quoted(prefix) + " is not a DNS subdomain: " + w);
        name = name.substr(slash + 1);
    }
    if (name.empty())
        return fail(why, "name is empty");
    return isLabelToken(name, why);
}

bool isLabelValue(const std::string &value, std::string *why)
{
    return value.empty() || isLabelToken(value, why);
}

void checkSelectorList(RuleContext &ctx, const std::vector<model::LabelSelector> &selectors,
    const std::string &path, const std::string &owner, const std::string &duplicateCode,
    const std::vector<ObjectRef> &objects)
{
    const std::string field = path.substr(path.rfind('.') + 1);
    std::vector<model::LabelSelector> seen;
    for (std::size_t i = 0; i < selectors.size(); ++i) {
        const auto &s = selectors[i];
        const std::string index = "[" + std::to_string(i) + "]";
        const std::string at = path + index;
        const std::string name = owner + ": " + field + index + " " + render(s);
        std::string why;
        if (!isConvertible(s, &why))
            ctx.error(
                "selector-invalid", name + " is not a valid label selector: " + why, objects, at);
        const auto c = canonical(s);
        for (std::size_t j = 0; j < c.matchExpressions.size(); ++j) {
            const auto &e = c.matchExpressions[j];
            const std::string eat = at + ".matchExpressions[" + std::to_string(j) + "]";
            auto dup = std::adjacent_find(e.values.begin(), e.values.end());
            if (dup != e.values.end())
                ctx.error("selector-duplicate-value",
                    name + ": expression on key " + quoted(e.key) + " lists value " + quoted(*dup)
                        + " twice; MetalLB rejects duplicate values",
                    objects, eat);
            for (std::size_t k = 0; k < j; ++k)
                if (c.matchExpressions[k] == e) {
                    ctx.error("selector-duplicate-expression",
                        name + ": matchExpressions[" + std::to_string(j)
                            + "] repeats matchExpressions[" + std::to_string(k)
                            + "]; MetalLB rejects duplicate expressions",
                        objects, eat);
                    break;
                }
        }
        auto earlier = std::find(seen.begin(), seen.end(), c);
        if (earlier != seen.end())
            ctx.error(duplicateCode,
                name + " repeats " + field + "[" + std::to_string(earlier - seen.begin())
                    + "]; MetalLB rejects duplicate selectors",
                objects, at);
        seen.push_back(c);
    }
}

void checkPools(RuleContext &ctx)
{
    const auto &p = ctx.project();
    std::vector<std::pair<net::Address, std::string>> nodeIPs;
    for (const auto &node : p.nodes)
        nodeIPs.emplace_back(node.lanIP, node.name);
    std::sort(nodeIPs.begin(), nodeIPs.end());

    std::set<std::string> names;
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < p.pools.size(); ++i) {
        const auto &pool = p.pools[i];
        const std::string base = poolPath(pool, i);
        const std::string owner = poolLabel(pool, i);
        const std::vector<ObjectRef> objects{{"IPAddressPool", pool.name}};

        if (pool.name.empty())
            ctx.error("pool-name-missing",
                "IPAddressPool #" + std::to_string(i + 1)
                    + " has no name; MetalLB rejects it (\"missing pool name\")",
                objects, base);
        else if (!names.insert(pool.name).second)
            ctx.error("pool-duplicate",
                owner
                    + " is defined more than once; MetalLB rejects the configuration "
                      "(\"duplicate definition of pool\")",
                objects, base);
        if (pool.namespaceName != metallbNamespace)
            ctx.error("wrong-namespace",
                owner
                    + (pool.namespaceName.empty()
                            ? " has no namespace"
                            : " is in namespace " + quoted(pool.namespaceName))
                    + "; MetalLB only reads pools in " + quoted(metallbNamespace)
                    + " and its webhook rejects others",
                objects, base + ".namespace");
        if (pool.addresses.empty())
            ctx.error("pool-no-addresses",
                owner + " has no addresses; MetalLB rejects it (\"pool has no prefixes defined\")",
                objects, base + ".addresses");

        for (std::size_t j = 0; j < pool.addresses.size(); ++j) {
            const std::string at = base + ".addresses[" + std::to_string(j) + "]";
            if (auto r = parseEntry(ctx, owner, pool.addresses[j], objects, at)) {
                checkPlacement(ctx, *r, owner, pool.addresses[j], objects, at, nodeIPs);
                entries.push_back({i, j, *r});
            }
        }

        if (pool.serviceAllocation) {
            const auto &sa = *pool.serviceAllocation;
            const std::string sap = base + ".serviceAllocation";
            std::set<std::string> namespaces;
            for (std::size_t k = 0; k < sa.namespaces.size(); ++k)
                if (!namespaces.insert(sa.namespaces[k]).second)
                    ctx.error("pool-duplicate-namespace",
                        owner + ": namespace " + quoted(sa.namespaces[k])
                            + " is listed twice in serviceAllocation.namespaces; MetalLB rejects "
                              "duplicates",
                        objects, sap + ".namespaces[" + std::to_string(k) + "]");
            checkSelectorList(ctx, sa.namespaceSelectors, sap + ".namespaceSelectors", owner,
                "pool-duplicate-selector", objects);
            checkSelectorList(ctx, sa.serviceSelectors, sap + ".serviceSelectors", owner,
                "pool-duplicate-selector", objects);
        }
    }
    checkOverlaps(ctx, p.pools, entries);
}

} // namespace k3snet::rules
