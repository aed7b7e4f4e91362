// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/dataplane/dataplaneapplier.h"

#include "agent/dataplane/netlinksocket.h"
#include "agent/system/errors.h"
#include "agent/system/sysctl.h"

namespace k3snet::agent {

namespace {

std::string vxlanDescription(const DesiredState::Vxlan &v)
{
    return v.name + " (VNI " + std::to_string(v.vni) + ", port " + std::to_string(v.port)
        + ", local " + v.local.toString() + ", dev " + v.underlay + ", MAC " + v.mac.toString()
        + ", MTU " + std::to_string(v.mtu) + ")";
}

constexpr const char *vxlanModuleHint
    = "the kernel has no VXLAN support loaded. Load it with `modprobe vxlan`; on Ubuntu's "
      "Raspberry Pi kernels (21.10 to 23.10) the module is in a separate package: "
      "`apt install linux-modules-extra-raspi`, then reboot";

} // namespace

DataplaneApplier::DataplaneApplier(NetlinkSocket &socket)
    : m_socket(socket)
    , m_reader(socket)
    , m_links(socket)
    , m_peers(socket)
{
}

std::string DataplaneApplier::failure(const std::string &what) const
{
    return what + " failed: " + m_socket.lastError();
}

bool DataplaneApplier::applyLinks(const DesiredState &desired, const DataplaneDiff &diff,
    const KernelState &kernel, ApplyLog &log)
{
    if (diff.setIpForward) {
        if (std::error_code ec = sysctl::write("net/ipv4/ip_forward", "1"))
            log.failed("setting net.ipv4.ip_forward=1 failed: " + errorText(ec));
        else
            log.changed("set net.ipv4.ip_forward=1");
    }
    applyBridge(desired, diff.bridge, kernel, log);
    const bool created = applyVxlan(desired, diff, kernel, log);
    return created || diff.bridge.rebuilds();
}

void DataplaneApplier::applyBridge(
    const DesiredState &desired, const LinkPlan &plan, const KernelState &kernel, ApplyLog &log)
{
    const std::string &name = desired.bridge.name;
    int ifindex = kernel.bridge ? kernel.bridge->ifindex : 0;
    if (plan.action == LinkPlan::Action::Recreate) {
        if (m_links.remove(ifindex)) {
            log.failed(failure("deleting " + name + " (" + plan.reason + ")"));
            return;
        }
        log.changed("deleted " + name + ": " + plan.reason);
    }
    if (plan.rebuilds()) {
        if (m_links.createBridge(desired.bridge)) {
            log.failed(failure(
                "creating bridge " + name + " (MTU " + std::to_string(desired.bridge.mtu) + ")"));
            return;
        }
        std::optional<LinkState> link;
        std::string error;
        if (m_reader.readLink(name, link, error) || !link) {
            log.failed("bridge " + name + " was created but cannot be read back: " + error);
            return;
        }
        ifindex = link->ifindex;
        log.changed("created bridge " + name + " (MTU " + std::to_string(desired.bridge.mtu) + ")");
        applyAddresses(ifindex, name, plan, log);
        setUp(ifindex, name, log);
        return;
    }
    if (plan.setMtu) {
        if (m_links.setMtu(ifindex, desired.bridge.mtu))
            log.failed(
                failure("setting MTU " + std::to_string(desired.bridge.mtu) + " on " + name));
        else
            log.changed("set MTU " + std::to_string(desired.bridge.mtu) + " on " + name);
    }
    applyAddresses(ifindex, name, plan, log);
    if (plan.setUp)
        setUp(ifindex, name, log);
}

bool DataplaneApplier::applyVxlan(const DesiredState &desired, const DataplaneDiff &diff,
    const KernelState &kernel, ApplyLog &log)
{
    const LinkPlan &plan = diff.vxlan;
    const std::string &name = desired.vxlan.name;
    if (diff.underlayMissing)
        return false; // a blocker, reported by the caller; nothing to bind the device to
    int ifindex = kernel.vxlan ? kernel.vxlan->ifindex : 0;
    if (plan.action == LinkPlan::Action::Recreate) {
        if (m_links.remove(ifindex)) {
            log.failed(
                failure("deleting incompatible VXLAN device " + name + " (" + plan.reason + ")"));
            return false;
        }
        log.changed("deleted VXLAN device " + name + " to recreate it: " + plan.reason);
    }
    if (plan.rebuilds()) {
        if (!createVxlan(desired, kernel.underlay->ifindex, log, ifindex))
            return false;
        disableAcceptRa(name, log);
        applyAddresses(ifindex, name, plan, log);
        setUp(ifindex, name, log);
        verifyMac(desired, ifindex, log);
        return true;
    }
    if (plan.setMtu) {
        if (const std::error_code ec = m_links.setMtu(ifindex, desired.vxlan.mtu)) {
            std::string hint;
            if (ec == std::errc::invalid_argument && kernel.underlay)
                hint = "; a VXLAN device's MTU can be at most its uplink's minus 50 (IPv4 "
                       "underlay), and "
                    + desired.vxlan.underlay + " has MTU " + std::to_string(kernel.underlay->mtu);
            log.failed(
                failure("setting MTU " + std::to_string(desired.vxlan.mtu) + " on " + name) + hint);
        } else
            log.changed("set MTU " + std::to_string(desired.vxlan.mtu) + " on " + name);
    }
    if (plan.setMac) {
        if (m_links.setMac(ifindex, desired.vxlan.mac))
            log.failed(failure("setting MAC " + desired.vxlan.mac.toString() + " on " + name));
        else
            log.changed("set MAC " + desired.vxlan.mac.toString() + " on " + name);
    }
    if (diff.setAcceptRa)
        disableAcceptRa(name, log);
    applyAddresses(ifindex, name, plan, log);
    if (plan.setUp)
        setUp(ifindex, name, log);
    if (plan.setUp || plan.setMac)
        verifyMac(desired, ifindex, log);
    return false;
}

bool DataplaneApplier::createVxlan(
    const DesiredState &desired, int underlayIndex, ApplyLog &log, int &ifindex)
{
    const std::string what = "creating VXLAN device " + vxlanDescription(desired.vxlan);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (std::error_code ec
            = m_links.createVxlan(desired.vxlan, underlayIndex, m_explicitPort)) {
            if (ec == std::errc::operation_not_supported)
                log.failed(what + " failed: " + m_socket.lastError() + "; " + vxlanModuleHint);
            else
                log.failed(failure(what));
            return false;
        }
        std::optional<LinkState> link;
        std::string error;
        if (m_reader.readLink(desired.vxlan.name, link, error) || !link) {
            log.failed("VXLAN device " + desired.vxlan.name
                + " was created but cannot be read back: " + error);
            return false;
        }
        ifindex = link->ifindex;
        const bool portOk
            = link->vxlan && link->vxlan->port && *link->vxlan->port == desired.vxlan.port;
        if (portOk || m_explicitPort) {
            log.changed("created VXLAN device " + vxlanDescription(desired.vxlan));
            return true;
        }
        // The vxlan module was loaded with another default port: say the port explicitly.
        m_explicitPort = true;
        if (m_links.remove(ifindex)) {
            log.failed(failure(
                "deleting " + desired.vxlan.name + " created with the kernel's default port"));
            return false;
        }
    }
    return false;
}

void DataplaneApplier::applyAddresses(
    int ifindex, const std::string &name, const LinkPlan &plan, ApplyLog &log)
{
    for (const AddressState &a : plan.removeAddresses) {
        if (m_links.removeAddress(ifindex, a))
            log.failed(failure("removing stray address " + a.toString() + " from " + name));
        else
            log.changed("removed stray address " + a.toString() + " from " + name);
    }
    for (const AddressState &a : plan.addAddresses) {
        if (m_links.addAddress(ifindex, a))
            log.failed(failure("adding address " + a.toString() + " to " + name));
        else
            log.changed("added address " + a.toString() + " to " + name);
    }
}

void DataplaneApplier::setUp(int ifindex, const std::string &name, ApplyLog &log)
{
    if (m_links.setUp(ifindex))
        log.failed(failure("setting " + name + " up"));
    else
        log.changed("set " + name + " up");
}

void DataplaneApplier::disableAcceptRa(const std::string &name, ApplyLog &log)
{
    const std::error_code ec = sysctl::write("net/ipv6/conf/" + name + "/accept_ra", "0");
    if (ec == std::errc::no_such_file_or_directory)
        return; // IPv6 is disabled on this host: nothing to accept anyway
    if (ec)
        log.failed("setting net.ipv6.conf." + name + ".accept_ra=0 failed: " + errorText(ec));
    else
        log.changed("set net.ipv6.conf." + name + ".accept_ra=0");
}

void DataplaneApplier::verifyMac(const DesiredState &desired, int ifindex, ApplyLog &log)
{
    // After link-up is when udev/systemd-networkd may have rewritten the MAC (flannel#1795);
    // peers address this node's pods by the MAC in their config, so a drift breaks them all.
    const std::string &name = desired.vxlan.name;
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::optional<LinkState> link;
        std::string error;
        if (m_reader.readLink(name, link, error) || !link) {
            log.failed("verifying the MAC of " + name
                + " failed: " + (error.empty() ? "the device is gone" : error));
            return;
        }
        if (link->mac && *link->mac == desired.vxlan.mac)
            return;
        const std::string have = link->mac ? link->mac->toString() : std::string("none");
        if (attempt == 1 || m_links.setMac(ifindex, desired.vxlan.mac)) {
            log.failed(name + " has MAC " + have + " after link-up, want "
                + desired.vxlan.mac.toString()
                + "; something rewrites it (systemd MACAddressPolicy, NetworkManager?): "
                + (attempt == 1 ? std::string("it changed back") : m_socket.lastError()));
            return;
        }
        log.changed("restored MAC " + desired.vxlan.mac.toString() + " on " + name + " (it was "
            + have + " after link-up)");
    }
}

void DataplaneApplier::applyPeers(
    const DesiredState &desired, const DataplaneDiff &diff, int ifindex, ApplyLog &log)
{
    const PeerPlan &plan = diff.peers;
    const std::string &dev = desired.vxlan.name;
    for (const NeighbourState &n : plan.removeNeighbours) {
        if (m_peers.removeNeighbour(ifindex, n.dst))
            log.failed(failure("removing stray neighbour " + n.toString(dev)));
        else
            log.changed("removed stray neighbour " + n.toString(dev));
    }
    for (const FdbState &f : plan.removeFdb) {
        if (m_peers.removeFdb(ifindex, f))
            log.failed(failure("removing stray FDB entry " + f.toString(dev)));
        else
            log.changed("removed stray FDB entry " + f.toString(dev));
    }
    for (const RouteState &r : plan.removeRoutes) {
        if (m_peers.removeRoute(ifindex, r))
            log.failed(failure("removing stray route " + r.toString(dev)));
        else
            log.changed("removed stray route " + r.toString(dev));
    }

    std::vector<bool> addNeighbour(desired.peers.size()), addFdb(desired.peers.size()),
        addRoute(desired.peers.size());
    for (std::size_t i : plan.addNeighbours)
        addNeighbour[i] = true;
    for (std::size_t i : plan.addFdb)
        addFdb[i] = true;
    for (std::size_t i : plan.addRoutes)
        addRoute[i] = true;

    for (std::size_t i = 0; i < desired.peers.size(); ++i) {
        const DesiredState::Peer &p = desired.peers[i];
        const std::string who = " (peer " + p.name + ")";
        const std::string neighbour = "neighbour " + p.gateway.toString() + " lladdr "
            + p.mac.toString() + " dev " + dev + " permanent";
        const std::string fdb = "FDB entry " + p.mac.toString() + " dst " + p.lanIP.toString()
            + " dev " + dev + " self permanent";
        const std::string route = "route " + p.podCIDR.toString() + " via " + p.gateway.toString()
            + " dev " + dev + " onlink";
        // The route goes last so that the kernel never ARPs for its gateway; when a later
        // step fails the earlier ones are taken back, as flannel does.
        if (addNeighbour[i]) {
            if (m_peers.replaceNeighbour(ifindex, p.gateway, p.mac)) {
                log.failed(failure("adding " + neighbour + who));
                continue;
            }
            log.changed("added " + neighbour + who);
        }
        if (addFdb[i]) {
            if (m_peers.replaceFdb(ifindex, p.mac, p.lanIP)) {
                log.failed(failure("adding " + fdb + who));
                m_peers.removeNeighbour(ifindex, p.gateway);
                continue;
            }
            log.changed("added " + fdb + who);
        }
        if (addRoute[i]) {
            if (m_peers.replaceRoute(ifindex, p.podCIDR, p.gateway)) {
                log.failed(failure("adding " + route + who));
                m_peers.removeNeighbour(ifindex, p.gateway);
                m_peers.removeFdb(ifindex, FdbState{p.mac, p.lanIP, 0, 0});
                continue;
            }
            log.changed("added " + route + who);
        }
    }
}

} // namespace k3snet::agent
