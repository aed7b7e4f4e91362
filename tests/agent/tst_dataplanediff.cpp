// SPDX-License-Identifier: GPL-3.0-or-later
// diffDataplane: the pure comparison of the desired data plane with the kernel's (no netlink).
// A plain C++ test: every failed check is printed, and main() returns 1 if any failed.

#include "checks.h"
#include "agent/dataplane/dataplanediff.h"

#include <linux/if.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include <iostream>
#include <string>
#include <vector>

using namespace k3snet;
using namespace k3snet::agent;

namespace {

net::Address ip(const char *text) { return *net::Address::parse(text); }
net::Prefix prefix(const char *text) { return *net::Prefix::parse(text); }
MacAddress mac(const char *text) { return *MacAddress::parse(text); }

// Node 192.0.2.11, pod subnet 10.42.0.0/24, with two peers.
DesiredState desired()
{
    DesiredState d;
    d.clusterCIDR = prefix("10.42.0.0/16");
    d.podCIDR = prefix("10.42.0.0/24");
    d.vxlan.name = "flannel.1";
    d.vxlan.vni = 1;
    d.vxlan.port = 8472;
    d.vxlan.mtu = 1450;
    d.vxlan.mac = mac("0a:58:c0:00:02:0b");
    d.vxlan.underlay = "eth0";
    d.vxlan.local = ip("192.0.2.11");
    d.vxlan.address = ip("10.42.0.0");
    d.bridge.name = "cni0";
    d.bridge.mtu = 1450;
    d.bridge.gateway = ip("10.42.0.1");
    d.bridge.prefixLength = 24;
    d.peers.push_back({"pi2", prefix("10.42.1.0/24"), ip("10.42.1.0"), ip("192.0.2.12"),
        mac("0a:58:c0:00:02:0c")});
    d.peers.push_back({"pi3", prefix("10.42.2.0/24"), ip("10.42.2.0"), ip("192.0.2.13"),
        mac("0a:58:c0:00:02:0d")});
    return d;
}

RouteState routeFor(const DesiredState::Peer &p, int oif)
{
    RouteState r;
    r.dst = p.podCIDR;
    r.gateway = p.gateway;
    r.oif = oif;
    r.onlink = true;
    r.type = RTN_UNICAST;
    r.scope = RT_SCOPE_UNIVERSE;
    r.protocol = RTPROT_BOOT;
    return r;
}

// The kernel exactly as a converged agent leaves it.
KernelState converged(const DesiredState &d)
{
    KernelState k;
    k.ipForward = true;
    k.vxlanAcceptRa = "0";
    LinkState eth0;
    eth0.ifindex = 2;
    eth0.name = "eth0";
    eth0.kind = "veth";
    eth0.flags = IFF_UP;
    eth0.mtu = 1500;
    k.underlay = eth0;
    k.underlayAddresses = {{ip("192.0.2.11"), 24}};

    LinkState vx;
    vx.ifindex = 5;
    vx.name = d.vxlan.name;
    vx.kind = "vxlan";
    vx.flags = IFF_UP;
    vx.mtu = 1450;
    vx.mac = d.vxlan.mac;
    vx.vxlan = LinkState::Vxlan{d.vxlan.vni, d.vxlan.port, d.vxlan.local, 2, false};
    k.vxlan = vx;
    k.vxlanAddresses = {{d.vxlan.address, 32}};

    LinkState br;
    br.ifindex = 4;
    br.name = d.bridge.name;
    br.kind = "bridge";
    br.flags = IFF_UP;
    br.mtu = 1450;
    k.bridge = br;
    k.bridgeAddresses = {{d.bridge.gateway, 24}};

    for (const DesiredState::Peer &p : d.peers) {
        k.neighbours.push_back({p.gateway, p.mac, NUD_PERMANENT});
        k.fdb.push_back({p.mac, p.lanIP, NUD_PERMANENT, NTF_SELF});
        k.routes.push_back(routeFor(p, 5));
    }
    return k;
}

void testNothingToDo()
{
    const DesiredState d = desired();
    const DataplaneDiff diff = diffDataplane(d, converged(d));
    CHECK(diff.isEmpty());
    CHECK(diff.blockers.empty());
    CHECK(diff.vxlan.action == LinkPlan::Action::Keep);
    CHECK(diff.bridge.action == LinkPlan::Action::Keep);
    CHECK(diff.peers.isEmpty());
    CHECK(diff.describe(d).empty());
}

void testMissingDevice()
{
    const DesiredState d = desired();
    KernelState k = converged(d);
    k.vxlan.reset();
    k.vxlanAddresses.clear();
    k.vxlanAcceptRa.reset();
    // With the device gone the kernel took its neighbours, FDB entries and routes along.
    k.neighbours.clear();
    k.fdb.clear();
    k.routes.clear();
    const DataplaneDiff diff = diffDataplane(d, k);
    CHECK(!diff.isEmpty());
    CHECK(diff.vxlan.action == LinkPlan::Action::Create);
    CHECK(diff.vxlan.addAddresses.size() == 1
        && diff.vxlan.addAddresses[0] == (AddressState{d.vxlan.address, 32}));
    CHECK(diff.bridge.isEmpty());
    CHECK(diff.peers.addNeighbours == (std::vector<std::size_t>{0, 1}));
    CHECK(diff.peers.addFdb == (std::vector<std::size_t>{0, 1}));
    CHECK(diff.peers.addRoutes == (std::vector<std::size_t>{0, 1}));
    const auto lines = diff.describe(d);
    CHECK(!lines.empty() && lines[0] == "VXLAN device flannel.1 is missing");

    KernelState noBridge = converged(d);
    noBridge.bridge.reset();
    noBridge.bridgeAddresses.clear();
    const DataplaneDiff b = diffDataplane(d, noBridge);
    CHECK(b.bridge.action == LinkPlan::Action::Create);
    CHECK(b.vxlan.isEmpty() && b.peers.isEmpty());
}

void testWrongVniRecreates()
{
    const DesiredState d = desired();
    KernelState k = converged(d);
    k.vxlan->vxlan->vni = 2;
    const DataplaneDiff diff = diffDataplane(d, k);
    CHECK(diff.vxlan.action == LinkPlan::Action::Recreate);
    CHECK(diff.vxlan.rebuilds());
    CHECK(diff.vxlan.reason == "VNI 2, want 1");
    // A new device starts empty: every peer's objects are planned again, nothing removed.
    CHECK(diff.peers.addNeighbours.size() == 2 && diff.peers.addFdb.size() == 2
        && diff.peers.addRoutes.size() == 2);
    CHECK(diff.peers.removeNeighbours.empty() && diff.peers.removeFdb.empty()
        && diff.peers.removeRoutes.empty());

    // Learning on is also a reason to recreate; an MTU or MAC difference is fixed in place.
    KernelState learning = converged(d);
    learning.vxlan->vxlan->learning = true;
    CHECK(diffDataplane(d, learning).vxlan.action == LinkPlan::Action::Recreate);
    KernelState mtu = converged(d);
    mtu.vxlan->mtu = 1500;
    const DataplaneDiff m = diffDataplane(d, mtu);
    CHECK(m.vxlan.action == LinkPlan::Action::Keep && m.vxlan.setMtu && m.peers.isEmpty());
}

void testExtraPeerEntriesRemoved()
{
    const DesiredState d = desired();
    KernelState k = converged(d);
    // A peer that left the config: its neighbour, FDB entry and route are still there.
    const DesiredState::Peer gone{"pi4", prefix("10.42.3.0/24"), ip("10.42.3.0"),
        ip("192.0.2.14"), mac("0a:58:c0:00:02:0e")};
    k.neighbours.push_back({gone.gateway, gone.mac, NUD_PERMANENT});
    k.fdb.push_back({gone.mac, gone.lanIP, NUD_PERMANENT, NTF_SELF});
    k.routes.push_back(routeFor(gone, 5));
    const DataplaneDiff diff = diffDataplane(d, k);
    CHECK(diff.vxlan.isEmpty() && diff.bridge.isEmpty());
    CHECK(diff.peers.removeNeighbours.size() == 1
        && diff.peers.removeNeighbours[0].dst == gone.gateway);
    CHECK(diff.peers.removeFdb.size() == 1 && diff.peers.removeFdb[0].mac == gone.mac);
    CHECK(diff.peers.removeRoutes.size() == 1 && diff.peers.removeRoutes[0].dst == gone.podCIDR);
    CHECK(diff.peers.addNeighbours.empty() && diff.peers.addFdb.empty()
        && diff.peers.addRoutes.empty());
}

void testAddOrder()
{
    // The applier walks the peers in config order and, per peer, adds the neighbour, then the
    // FDB entry, then the route (so the kernel never ARPs for the route's gateway). The diff
    // feeds it: the add lists are in config order, and describe() lists them in that order.
    const DesiredState d = desired();
    KernelState k = converged(d);
    k.neighbours.clear();
    k.fdb.clear();
    k.routes.clear();
    const DataplaneDiff diff = diffDataplane(d, k);
    CHECK(diff.peers.addNeighbours == (std::vector<std::size_t>{0, 1}));
    CHECK(diff.peers.addFdb == (std::vector<std::size_t>{0, 1}));
    CHECK(diff.peers.addRoutes == (std::vector<std::size_t>{0, 1}));
    const auto lines = diff.describe(d);
    auto indexOf = [&lines](const std::string &start) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].rfind(start, 0) == 0)
                return int(i);
        }
        return -1;
    };
    const int neighbour = indexOf("peer pi2: neighbour");
    const int fdb = indexOf("peer pi2: FDB entry");
    const int route = indexOf("peer pi2: route");
    CHECK(neighbour >= 0 && fdb > neighbour && route > fdb);
    CHECK(indexOf("peer pi2: neighbour") < indexOf("peer pi3: neighbour"));

    // Only the route missing: only the route is planned.
    KernelState noRoute = converged(d);
    noRoute.routes.pop_back();
    const DataplaneDiff r = diffDataplane(d, noRoute);
    CHECK(r.peers.addRoutes == (std::vector<std::size_t>{1}));
    CHECK(r.peers.addNeighbours.empty() && r.peers.addFdb.empty());
    // A wrong neighbour MAC is replaced, not removed.
    KernelState wrongMac = converged(d);
    wrongMac.neighbours[0].lladdr = mac("0a:58:c0:00:02:ff");
    const DataplaneDiff w = diffDataplane(d, wrongMac);
    CHECK(w.peers.addNeighbours == (std::vector<std::size_t>{0}));
    CHECK(w.peers.removeNeighbours.empty());
}

} // namespace

int main()
{
    testNothingToDo();
    testMissingDevice();
    testWrongVniRecreates();
    testExtraPeerEntriesRemoved();
    testAddOrder();
    return k3snet::tests::checksSummary();
}
