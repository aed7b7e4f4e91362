// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): MetalLB-style allocation of a whole cluster's LoadBalancer services
// with ipam::allocateServices: 10,000 services over 100 pools (a /24 each, all generic
// fallback pools, so they fill in order), the same with avoidBuggyIPs, with half of the
// services sharing an address in pairs, and one re-run after editing one pool when every
// service already holds its address. The plain and avoidBuggyIPs cases also run MetalLB's own
// method as the peer (try every address from the start of each pool until one is free, a hash
// set of used addresses), so the table carries a ratio. Prints a markdown table; build with a
// Release configuration.

#include "domain/ipam/serviceallocator.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_set>
#include <vector>

using namespace k3snet;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kServices = 10000;
constexpr int kPools = 100;
constexpr int kRepeats = 3; // best of, to keep scheduler noise out of the numbers

volatile std::uint64_t g_sink = 0;

struct Row
{
    std::string name;
    double ms = 0;
    double peerMs = 0; // 0: no peer
    std::string note;
};

template<class Fn> double bestOf(Fn fn)
{
    double best = 1e300;
    for (int r = 0; r < kRepeats; ++r) {
        const auto t0 = Clock::now();
        fn();
        best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return best;
}

std::string timestamp(int i)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "2024-01-%02dT%02d:%02d:%02dZ", 1 + i / 86400, i / 3600 % 24,
        i / 60 % 60, i % 60);
    return buf;
}

model::Project makeProject(bool avoidBuggy, bool sharing)
{
    model::Project p;
    p.namespaces = {{"default", {}}};
    for (int i = 0; i < kPools; ++i) {
        model::IPAddressPool pool;
        pool.name = "pool-" + std::to_string(i);
        pool.addresses = {"10.1." + std::to_string(i) + ".0/24"};
        if (avoidBuggy)
            pool.avoidBuggyIPs = true;
        p.pools.push_back(std::move(pool));
    }
    for (int i = 0; i < kServices; ++i) {
        model::Service s;
        s.name = "svc-" + std::to_string(i);
        s.type = "LoadBalancer";
        s.clusterIP = "10.43." + std::to_string(i / 250) + "." + std::to_string(1 + i % 250);
        s.creationTimestamp = timestamp(i);
        int port = 80;
        // Half the services share in pairs: 4k on TCP/80 and 4k+2 on TCP/443 under one key.
        if (sharing && i % 2 == 0) {
            s.annotations["metallb.io/allow-shared-ip"] = "pair-" + std::to_string(i / 4);
            port = i % 4 == 0 ? 80 : 443;
        }
        s.ports = {{"", "TCP", port, 0}};
        p.services.push_back(std::move(s));
    }
    return p;
}

std::size_t allocatedCount(const ipam::AllocationResult &r)
{
    return static_cast<std::size_t>(std::count_if(r.services.begin(), r.services.end(),
        [](const auto &kv) { return !kv.second.ips.empty(); }));
}

std::size_t distinctAddresses(const ipam::AllocationResult &r)
{
    std::unordered_set<std::string> ips;
    for (const auto &[key, a] : r.services)
        for (const auto &ip : a.ips)
            ips.insert(ip.toString());
    return ips.size();
}

// MetalLB's method: for each service, each pool in order, each address from the first on,
// until one is not in use. Same answers as allocateServices for these projects.
double peer(bool avoidBuggy)
{
    return bestOf([avoidBuggy] {
        std::unordered_set<std::uint32_t> used;
        const std::uint32_t base = (10u << 24) | (1u << 16);
        for (int s = 0; s < kServices; ++s) {
            bool done = false;
            for (std::uint32_t pool = 0; pool < kPools && !done; ++pool) {
                for (std::uint32_t host = 0; host < 256; ++host) {
                    const std::uint32_t ip = base | (pool << 8) | host;
                    if (avoidBuggy && (host == 0 || host == 255))
                        continue;
                    if (used.insert(ip).second) {
                        done = true;
                        break;
                    }
                }
            }
        }
        g_sink = g_sink + used.size();
    });
}

Row fresh(const char *name, bool avoidBuggy, bool sharing, bool withPeer)
{
    const auto p = makeProject(avoidBuggy, sharing);
    ipam::AllocationResult last;
    Row row{name, bestOf([&] { last = ipam::allocateServices(p); }), 0, {}};
    if (withPeer)
        row.peerMs = peer(avoidBuggy);
    row.note = std::to_string(allocatedCount(last)) + " allocated, "
        + std::to_string(distinctAddresses(last)) + " addresses";
    return row;
}

Row reallocation()
{
    auto p = makeProject(false, false);
    const auto first = ipam::allocateServices(p);
    for (auto &s : p.services)
        for (const auto &ip : first.find(s.key())->ips)
            s.ingressIPs.push_back(ip.toString());
    p.pools[0].addresses
        = {"10.1.0.0/25"}; // shrink the first pool: 128 services lose their address
    ipam::AllocationResult last;
    Row row{"re-run after shrinking one pool (all services hold addresses)",
        bestOf([&] { last = ipam::allocateServices(p); }), 0, {}};
    std::size_t kept = 0;
    for (const auto &[key, a] : last.services)
        kept += a.kept ? 1 : 0;
    row.note = std::to_string(kept) + " kept, " + std::to_string(allocatedCount(last) - kept)
        + " re-allocated";
    return row;
}

} // namespace

int main()
{
    std::vector<Row> rows;
    rows.push_back(fresh("10,000 services, 100 pools", false, false, true));
    rows.push_back(fresh("same, avoidBuggyIPs", true, false, true));
    rows.push_back(fresh("same, half the services sharing in pairs", false, true, false));
    rows.push_back(reallocation());

    std::printf("## bench_allocation: ipam::allocateServices\n\n");
    std::printf("%d services, %d pools of a /24; best of %d runs. Peer: MetalLB's "
                "address-by-address scan.\n\n",
        kServices, kPools, kRepeats);
    std::printf("| case | ms | µs/service | peer ms | peer/ours | result |\n");
    std::printf("|---|---:|---:|---:|---:|---|\n");
    for (const auto &r : rows) {
        char peerMs[32] = "-", ratio[32] = "-";
        if (r.peerMs > 0) {
            std::snprintf(peerMs, sizeof peerMs, "%.1f", r.peerMs);
            std::snprintf(ratio, sizeof ratio, "%.1f", r.peerMs / r.ms);
        }
        std::printf("| %s | %.1f | %.2f | %s | %s | %s |\n", r.name.c_str(), r.ms,
            r.ms * 1000.0 / kServices, peerMs, ratio, r.note.c_str());
    }
    return 0;
}
