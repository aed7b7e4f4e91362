// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/dataplanediff.h"

#include <algorithm>
#include <map>
#include <set>

#include <linux/rtnetlink.h>

namespace k3snet::agent {

namespace {

bool contains(const std::vector<AddressState> &list, const AddressState &a)
{
    return std::find(list.begin(), list.end(), a) != list.end();
}

// Addresses: exactly want on the link, nothing else of IPv4 (both links are ours by name).
void planAddresses(LinkPlan &plan, const std::vector<AddressState> &have, const AddressState &want)
{
    if (!contains(have, want))
        plan.addAddresses.push_back(want);
    for (const AddressState &a : have) {
        if (!(a == want))
            plan.removeAddresses.push_back(a);
    }
}

// Why an existing VXLAN device cannot be reused: the attributes flannel's vxlanLinksIncompat
// compares (kind, VNI, underlay, local, port) and learning, which the kernel cannot change on
// a live device on every version. MTU and MAC can be fixed in place.
std::string vxlanIncompatibility(
    const DesiredState::Vxlan &want, const LinkState &link, int underlayIndex)
{
    if (!link.vxlan)
        return "it is a "
            + (link.kind.empty() ? std::string("device without a kind") : link.kind + " device")
            + ", not vxlan";
    const LinkState::Vxlan &v = *link.vxlan;
    if (v.vni != want.vni)
        return "VNI " + std::to_string(v.vni) + ", want " + std::to_string(want.vni);
    if (v.port && *v.port != want.port)
        return "port " + std::to_string(*v.port) + ", want " + std::to_string(want.port);
    if (!v.local || !(*v.local == want.local))
        return "local " + (v.local ? v.local->toString() : std::string("unset")) + ", want "
            + want.local.toString();
    if (underlayIndex > 0 && int(v.underlayIndex) != underlayIndex)
        return "underlay ifindex " + std::to_string(v.underlayIndex) + ", want "
            + std::to_string(underlayIndex) + " (" + want.underlay + ")";
    if (v.learning)
        return "learning is on, want off";
    return {};
}

void planVxlan(DataplaneDiff &diff, const DesiredState &desired, const KernelState &kernel)
{
    LinkPlan &plan = diff.vxlan;
    const AddressState wantAddress{desired.vxlan.address, 32};
    const int underlayIndex = kernel.underlay ? kernel.underlay->ifindex : 0;
    if (!kernel.vxlan) {
        plan.action = LinkPlan::Action::Create;
    } else if (std::string why = vxlanIncompatibility(desired.vxlan, *kernel.vxlan, underlayIndex);
               !why.empty()) {
        plan.action = LinkPlan::Action::Recreate;
        plan.reason = why;
    }
    if (plan.rebuilds()) {
        plan.addAddresses.push_back(wantAddress);
        return;
    }
    const LinkState &link = *kernel.vxlan;
    plan.setMtu = link.mtu != unsigned(desired.vxlan.mtu);
    plan.setMac = !link.mac || !(*link.mac == desired.vxlan.mac);
    plan.setUp = !link.isUp();
    planAddresses(plan, kernel.vxlanAddresses, wantAddress);
    diff.setAcceptRa = kernel.vxlanAcceptRa && *kernel.vxlanAcceptRa != "0";
}

void planBridge(DataplaneDiff &diff, const DesiredState &desired, const KernelState &kernel)
{
    LinkPlan &plan = diff.bridge;
    const AddressState wantAddress{desired.bridge.gateway, desired.bridge.prefixLength};
    if (!kernel.bridge) {
        plan.action = LinkPlan::Action::Create;
    } else if (kernel.bridge->kind != "bridge") {
        plan.action = LinkPlan::Action::Recreate;
        plan.reason = "it is a "
            + (kernel.bridge->kind.empty() ? std::string("device without a kind")
                                           : kernel.bridge->kind + " device")
            + ", not a bridge";
    }
    if (plan.rebuilds()) {
        plan.addAddresses.push_back(wantAddress);
        return;
    }
    // Once pods are attached the kernel lowers a bridge's MTU to its smallest port; the
    // bridge plugin gives the veths the same MTU, so a difference here is real drift.
    plan.setMtu = kernel.bridge->mtu != unsigned(desired.bridge.mtu);
    plan.setUp = !kernel.bridge->isUp();
    planAddresses(plan, kernel.bridgeAddresses, wantAddress);
}

bool routeMatches(const RouteState &r, const DesiredState::Peer &peer)
{
    return r.priority == 0 && r.nexthops == 1 && r.onlink && r.gateway && *r.gateway == peer.gateway
        && r.type == RTN_UNICAST;
}

void planPeers(DataplaneDiff &diff, const DesiredState &desired, const KernelState &kernel)
{
    PeerPlan &plan = diff.peers;
    if (diff.vxlan.rebuilds() || !kernel.vxlan) {
        // A new device starts empty: every peer needs all three objects.
        for (std::size_t i = 0; i < desired.peers.size(); ++i) {
            plan.addNeighbours.push_back(i);
            plan.addFdb.push_back(i);
            plan.addRoutes.push_back(i);
        }
        return;
    }

    std::map<net::Address, std::size_t> byGateway;
    std::set<std::pair<MacAddress, net::Address>> wantedFdb;
    std::map<net::Prefix, std::size_t> byPodCIDR;
    for (std::size_t i = 0; i < desired.peers.size(); ++i) {
        const DesiredState::Peer &p = desired.peers[i];
        byGateway.emplace(p.gateway, i);
        wantedFdb.emplace(p.mac, p.lanIP);
        byPodCIDR.emplace(p.podCIDR, i);
    }

    std::vector<bool> neighbourOk(desired.peers.size(), false);
    for (const NeighbourState &n : kernel.neighbours) {
        const auto it = byGateway.find(n.dst);
        if (it == byGateway.end()) {
            plan.removeNeighbours.push_back(n);
            continue;
        }
        const DesiredState::Peer &p = desired.peers[it->second];
        if (n.isPermanent() && n.lladdr && *n.lladdr == p.mac)
            neighbourOk[it->second] = true;
    }

    std::set<std::pair<MacAddress, net::Address>> haveFdb;
    for (const FdbState &f : kernel.fdb) {
        if (f.dst && wantedFdb.count({f.mac, *f.dst})) {
            if (f.isPermanent())
                haveFdb.emplace(f.mac, *f.dst);
            continue;
        }
        plan.removeFdb.push_back(f);
    }

    std::vector<bool> routeOk(desired.peers.size(), false);
    for (const RouteState &r : kernel.routes) {
        const auto it = byPodCIDR.find(r.dst);
        if (it == byPodCIDR.end()) {
            plan.removeRoutes.push_back(r);
            continue;
        }
        if (r.priority != 0) {
            // Same destination at another metric: not ours, and it would shadow or be
            // shadowed by ours depending on metrics.
            plan.removeRoutes.push_back(r);
            continue;
        }
        // A wrong route at metric 0 is replaced in place by the add.
        if (routeMatches(r, desired.peers[it->second]))
            routeOk[it->second] = true;
    }

    for (std::size_t i = 0; i < desired.peers.size(); ++i) {
        const DesiredState::Peer &p = desired.peers[i];
        if (!neighbourOk[i])
            plan.addNeighbours.push_back(i);
        if (!haveFdb.count({p.mac, p.lanIP}))
            plan.addFdb.push_back(i);
        if (!routeOk[i])
            plan.addRoutes.push_back(i);
    }
}

std::string peerName(const DesiredState &desired, std::size_t i)
{
    return "peer " + desired.peers[i].name;
}

} // namespace

bool LinkPlan::isEmpty() const
{
    return action == Action::Keep && !setMtu && !setMac && !setUp && addAddresses.empty()
        && removeAddresses.empty();
}

bool PeerPlan::isEmpty() const
{
    return removeNeighbours.empty() && removeFdb.empty() && removeRoutes.empty()
        && addNeighbours.empty() && addFdb.empty() && addRoutes.empty();
}

bool DataplaneDiff::isEmpty() const
{
    return !setIpForward && !setAcceptRa && blockers.empty() && vxlan.isEmpty() && bridge.isEmpty()
        && peers.isEmpty();
}

DataplaneDiff diffDataplane(const DesiredState &desired, const KernelState &kernel)
{
    DataplaneDiff diff;
    diff.setIpForward = !kernel.ipForward;
    if (!kernel.underlay) {
        diff.underlayMissing = true;
        diff.blockers.push_back("the uplink interface " + desired.vxlan.underlay
            + " does not exist; the VXLAN device needs it as its underlay");
    } else {
        const bool hasLanIP
            = std::any_of(kernel.underlayAddresses.begin(), kernel.underlayAddresses.end(),
                [&](const AddressState &a) { return a.address == desired.vxlan.local; });
        if (!hasLanIP)
            diff.blockers.push_back("lanIP " + desired.vxlan.local.toString()
                + " is not an address of " + desired.vxlan.underlay
                + "; VXLAN packets would leave with a source the LAN does not route back");
    }
    planBridge(diff, desired, kernel);
    planVxlan(diff, desired, kernel);
    planPeers(diff, desired, kernel);
    return diff;
}

std::vector<std::string> DataplaneDiff::describe(const DesiredState &desired) const
{
    std::vector<std::string> out;
    if (setIpForward)
        out.push_back("net.ipv4.ip_forward is not 1");
    if (setAcceptRa)
        out.push_back(desired.vxlan.name + ": IPv6 accept_ra is not 0");
    for (const std::string &b : blockers)
        out.push_back(b);

    auto describeLink = [&out](const LinkPlan &plan, const std::string &name, const char *kind,
                            int mtu, const MacAddress *mac) {
        if (plan.action == LinkPlan::Action::Create)
            out.push_back(std::string(kind) + " " + name + " is missing");
        else if (plan.action == LinkPlan::Action::Recreate)
            out.push_back(std::string(kind) + " " + name + " must be recreated: " + plan.reason);
        if (plan.rebuilds())
            return;
        if (plan.setMtu)
            out.push_back(name + ": MTU differs, want " + std::to_string(mtu));
        if (plan.setMac && mac)
            out.push_back(name + ": MAC differs, want " + mac->toString());
        if (plan.setUp)
            out.push_back(name + " is down");
        for (const AddressState &a : plan.addAddresses)
            out.push_back(name + ": address " + a.toString() + " is missing");
        for (const AddressState &a : plan.removeAddresses)
            out.push_back(name + ": stray address " + a.toString());
    };
    describeLink(bridge, desired.bridge.name, "bridge", desired.bridge.mtu, nullptr);
    describeLink(vxlan, desired.vxlan.name, "VXLAN device", desired.vxlan.mtu, &desired.vxlan.mac);

    const std::string &dev = desired.vxlan.name;
    for (const NeighbourState &n : peers.removeNeighbours)
        out.push_back("stray neighbour " + n.toString(dev));
    for (const FdbState &f : peers.removeFdb)
        out.push_back("stray FDB entry " + f.toString(dev));
    for (const RouteState &r : peers.removeRoutes)
        out.push_back("stray route " + r.toString(dev));
    if (vxlan.rebuilds() || underlayMissing) {
        if (!desired.peers.empty())
            out.push_back(std::to_string(desired.peers.size())
                + " peers need their neighbour, FDB entry and route");
        return out;
    }
    for (std::size_t i : peers.addNeighbours) {
        const auto &p = desired.peers[i];
        out.push_back(peerName(desired, i) + ": neighbour " + p.gateway.toString() + " lladdr "
            + p.mac.toString() + " is missing or wrong");
    }
    for (std::size_t i : peers.addFdb) {
        const auto &p = desired.peers[i];
        out.push_back(peerName(desired, i) + ": FDB entry " + p.mac.toString() + " dst "
            + p.lanIP.toString() + " is missing");
    }
    for (std::size_t i : peers.addRoutes) {
        const auto &p = desired.peers[i];
        out.push_back(peerName(desired, i) + ": route " + p.podCIDR.toString() + " via "
            + p.gateway.toString() + " dev " + dev + " onlink is missing or wrong");
    }
    return out;
}

} // namespace k3snet::agent
