// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/address.h"
#include "domain/net/prefix.h"

#include <cstdint>
#include <string>
#include <vector>

namespace k3snet::model {

// The one contract between the app and k3snet-agent: the desired state of one node, pushed as
// /etc/k3snet/agent.yaml (apiVersion k3snet.io/v1alpha1, kind AgentConfig). The agent converges
// the node to it and keeps it there; it never needs the whole project.
struct AgentConfig
{
    static constexpr const char *apiVersion = "k3snet.io/v1alpha1";
    static constexpr const char *kind = "AgentConfig";

    struct Self
    {
        std::string name;
        std::string interface; // the uplink: VXLAN underlay and L2 announcements
        net::Address lanIP;    // the VTEP's local (underlay) address
        friend bool operator==(const Self &, const Self &) = default;
    } node;

    struct Vxlan
    {
        std::string device = "flannel.1";
        std::uint32_t vni = 1;
        std::uint16_t port = 8472;
        int mtu = 1450;
        std::string vtepMAC; // "aa:bb:cc:dd:ee:ff", set at creation and verified after link-up
        friend bool operator==(const Vxlan &, const Vxlan &) = default;
    } vxlan;

    net::Prefix clusterCIDR;
    net::Prefix podCIDR;           // this node's: flannel.1 gets .0/32, cni0 gets .1/len
    std::string bridge = "cni0";

    // Every other node of the cluster: one neighbour, one FDB entry and one onlink route each.
    struct Peer
    {
        std::string name;
        net::Address lanIP;
        net::Prefix podCIDR;
        std::string vtepMAC;
        friend bool operator==(const Peer &, const Peer &) = default;
    };
    std::vector<Peer> peers;

    // Pod egress NAT (flannel's FLANNEL-POSTRTG / FLANNEL-FWD) and CNI configuration.
    struct Cni
    {
        bool masquerade = true;
        std::string firewall = "auto"; // auto, iptables, nftables
        std::string confDir = "/etc/cni/net.d";
        std::string binDir = "/opt/cni/bin";
        std::string subnetEnv = "/run/flannel/subnet.env";
        friend bool operator==(const Cni &, const Cni &) = default;
    } cni;

    // Service IPs this node may announce on the LAN (filled by the L2 announcement work).
    struct ServiceIP
    {
        net::Address ip;
        std::string service; // "namespace/name"
        // In MetalLB's election order for the service: the first of them that is alive announces.
        std::vector<std::string> eligibleNodes;
        std::vector<std::string> interfaces; // empty: the uplink
        friend bool operator==(const ServiceIP &, const ServiceIP &) = default;
    };
    std::vector<ServiceIP> serviceIPs;

    struct Membership
    {
        std::uint16_t port = 7947; // not memberlist's 7946, so k3snet can run beside MetalLB
        int intervalMs = 10;
        int misses = 3;
        std::string keyFile = "/etc/k3snet/cluster.key";
        friend bool operator==(const Membership &, const Membership &) = default;
    } membership;

    // Timing of the L2 speaker (the whole section is optional; absent keys keep these
    // defaults). `k3snet-agent run` options and K3SNET_* environment variables override it.
    struct Announce
    {
        // Gratuitous ARP / unsolicited NA on taking over: at once, then every garpIntervalMs
        // until garpDurationMs have passed (MetalLB: every 1.1 s for 5 s).
        int garpIntervalMs = 1100;
        int garpDurationMs = 5000;
        // RFC 5227 probes before a first announcement (0: announce at once).
        int probeCount = 3;
        int probeIntervalMs = 100;
        // An address a station outside the cluster holds is probed again this often.
        int conflictRecheckMs = 10000;

        // The accepted ranges, shared by the file reader and the agent's options.
        struct Range
        {
            int min, max;
        };
        static constexpr Range garpIntervalRange{10, 60000};
        static constexpr Range garpDurationRange{0, 600000};
        static constexpr Range probeCountRange{0, 10};
        static constexpr Range probeIntervalRange{1, 10000};
        static constexpr Range conflictRecheckRange{100, 3600000};

        friend bool operator==(const Announce &, const Announce &) = default;
    } announce;

    int reconcileIntervalSeconds = 30;
    std::string statusFile = "/run/k3snet/status.json";

    friend bool operator==(const AgentConfig &, const AgentConfig &) = default;
};

} // namespace k3snet::model
