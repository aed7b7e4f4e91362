// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/address.h"
#include "domain/net/prefix.h"

#include <cstdint>
#include <string>

namespace k3snet::model {

// The cluster-wide network settings: what k3s is started with (cluster/service CIDR, DNS,
// domain, per-node mask), the VXLAN overlay that k3snet-agent builds, and the LAN the nodes sit on.
struct ClusterNetwork
{
    net::Prefix clusterCIDR = net::Prefix(net::Address::v4(0x0a2a0000), 16); // 10.42.0.0/16
    net::Prefix serviceCIDR = net::Prefix(net::Address::v4(0x0a2b0000), 16); // 10.43.0.0/16
    net::Address clusterDNS = net::Address::v4(0x0a2b000a);                   // 10.43.0.10
    std::string clusterDomain = "cluster.local";
    int nodeCIDRMaskSize = 24;

    struct Vxlan
    {
        std::uint32_t vni = 1;
        std::uint16_t port = 8472; // the Linux kernel's default, which flannel uses
        int mtu = 0;               // 0: the LAN MTU minus VXLAN's 50 bytes
        friend bool operator==(const Vxlan &, const Vxlan &) = default;
    } vxlan;

    struct Lan
    {
        net::Prefix subnet;
        net::Address gateway;
        std::string interface = "eth0";
        int mtu = 1500;
        friend bool operator==(const Lan &, const Lan &) = default;
    } lan;

    static constexpr int vxlanOverhead = 50;
    int effectiveVxlanMtu() const { return vxlan.mtu > 0 ? vxlan.mtu : lan.mtu - vxlanOverhead; }

    friend bool operator==(const ClusterNetwork &, const ClusterNetwork &) = default;
};

} // namespace k3snet::model
