// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"

#include <string>

// Generated clusters for the topology tests.
namespace topologytest {

// n nodes pi1..piN on subnet from .20 (pi1 the server), the pool "lan-pool" of poolRange, one
// L2Advertisement for every pool, and `services` LoadBalancer services apps/app1...
inline k3snet::model::Project cluster(int n, int services,
    const std::string &poolRange = "10.0.0.100-10.0.0.199", const char *subnet = "10.0.0.0/24")
{
    using namespace k3snet;
    model::Project p;
    p.name = "big";
    p.network.lan.subnet = *net::Prefix::parse(subnet);
    p.network.lan.gateway = *net::Address::parse("10.0.0.1");
    for (int i = 0; i < n; ++i) {
        model::Node node;
        node.name = "pi" + std::to_string(i + 1);
        node.role = i == 0 ? model::NodeRole::Server : model::NodeRole::Agent;
        node.lanIP = *net::Address::parse("10.0.0." + std::to_string(20 + i));
        p.nodes.push_back(node);
    }
    model::IPAddressPool pool;
    pool.name = "lan-pool";
    pool.addresses = {poolRange};
    p.pools.push_back(pool);
    model::L2Advertisement ad;
    ad.name = "all";
    p.l2Advertisements.push_back(ad);
    for (int i = 0; i < services; ++i) {
        model::Service s;
        s.namespaceName = "apps";
        s.name = "app" + std::to_string(i + 1);
        s.type = "LoadBalancer";
        s.ports.push_back({"http", "TCP", 80, 0});
        p.services.push_back(s);
    }
    return p;
}

} // namespace topologytest
