// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): validating and planning a generated 1,000-node project, and reading
// it from YAML. Prints a markdown table. Build with the release preset.
#include "domain/io/projectfile.h"
#include "domain/plan/plan.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

using namespace k3snet;
using Clock = std::chrono::steady_clock;

namespace {

model::Project generate(int nodes, int pools, int services)
{
    model::Project p;
    p.name = "bench";
    p.network.clusterCIDR = *net::Prefix::parse("10.64.0.0/12");
    p.network.lan.subnet = *net::Prefix::parse("172.16.0.0/16");
    p.network.lan.gateway = *net::Address::parse("172.16.0.1");
    for (int i = 0; i < nodes; ++i) {
        model::Node n;
        n.name = "pi-" + std::to_string(i);
        n.role = i < 3 ? model::NodeRole::Server : model::NodeRole::Agent;
        n.lanIP = *net::Address::v4(0xac100000u + 10u + static_cast<unsigned>(i)).offset(0);
        n.labels["kubernetes.io/arch"] = i % 2 ? "arm64" : "arm";
        n.ssh.user = "pi";
        p.nodes.push_back(std::move(n));
    }
    for (int i = 0; i < pools; ++i) {
        model::IPAddressPool pool;
        pool.name = "pool-" + std::to_string(i);
        pool.addresses.push_back("172.16." + std::to_string(100 + i) + ".0/24");
        p.pools.push_back(std::move(pool));
    }
    model::L2Advertisement all; // no pools named: announces every pool, as MetalLB reads it
    all.name = "all";
    p.l2Advertisements.push_back(all);
    for (int i = 0; i < services; ++i) {
        model::Service s;
        s.namespaceName = "ns" + std::to_string(i % 10);
        s.name = "svc-" + std::to_string(i);
        s.type = "LoadBalancer";
        s.ports.push_back({"http", "TCP", 80, 0});
        p.services.push_back(std::move(s));
    }
    return p;
}

// Runs fn until at least minTime has passed (and at least 3 times); returns the mean in ms.
double measure(const std::function<void()> &fn, std::chrono::milliseconds minTime = std::chrono::milliseconds(500))
{
    int runs = 0;
    auto start = Clock::now();
    do {
        fn();
        ++runs;
    } while (runs < 3 || Clock::now() - start < minTime);
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count() / runs;
}

} // namespace

int main()
{
    std::printf("## Validation and planning\n\n");
    std::printf("| project | nodes | pools | services | validate + plan (ms) | load YAML (ms) | save YAML (ms) | YAML size (KiB) |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int nodes : {10, 100, 1000}) {
        auto project = generate(nodes, 10, nodes);
        std::size_t diagnostics = 0;
        double planMs = measure([&] { diagnostics = plan::makePlan(project).diagnostics.size(); });
        if (diagnostics != 0)
            std::fprintf(stderr, "unexpected: %zu diagnostics on the generated project\n", diagnostics);
        std::string text;
        double saveMs = measure([&] { text = io::saveProjectText(project); });
        bool loaded = false;
        double loadMs = measure([&] { loaded = io::loadProjectText(text, "bench.k3snet.yaml").project.has_value(); });
        if (!loaded)
            std::fprintf(stderr, "unexpected: the generated project does not load back\n");
        std::printf("| generated | %d | 10 | %d | %.2f | %.2f | %.2f | %.0f |\n", nodes, nodes, planMs, loadMs, saveMs,
                    static_cast<double>(text.size()) / 1024.0);
    }

    // MetalLB's webhook validates every pool against every other on each change; k3snet does it
    // on every edit in the app, so 1,000 pools must stay well inside one frame of interaction.
    std::printf("\n## Validating many MetalLB pools\n\n");
    std::printf("| pools | addresses each | L2 advertisements | validate + plan (ms) | diagnostics |\n");
    std::printf("|---:|---:|---:|---:|---:|\n");
    for (int pools : {100, 1000}) {
        auto project = generate(10, 0, 0);
        project.network.lan.subnet = *net::Prefix::parse("172.16.0.0/12");
        for (int i = 0; i < pools; ++i) {
            model::IPAddressPool pool;
            pool.name = "pool-" + std::to_string(i);
            const unsigned base = 0xac110000u + 16u * static_cast<unsigned>(i); // 172.17.0.0 upwards, /28 each
            pool.addresses.push_back(net::Address::v4(base).toString() + "/28");
            project.pools.push_back(std::move(pool));
        }
        std::size_t diagnostics = 0;
        double ms = measure([&] { diagnostics = plan::makePlan(project).diagnostics.size(); });
        std::printf("| %d | 16 | 1 | %.2f | %zu |\n", pools, ms, diagnostics);
    }
    return 0;
}
