// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/applylog.h"
#include "agent/dataplane/dataplanediff.h"
#include "agent/dataplane/kernelreader.h"
#include "agent/dataplane/linkoperations.h"
#include "agent/dataplane/peeroperations.h"

namespace k3snet::agent {

class NetlinkSocket;

// Applies a DataplaneDiff to the kernel, and nothing beyond it: an empty diff sends no
// request at all, so a restart over a matching data plane does not interrupt traffic.
// Independent items go on after one fails; every failure names the object and the kernel's
// reason.
class DataplaneApplier
{
public:
    explicit DataplaneApplier(NetlinkSocket &socket);

    // ip_forward, the bridge, the VXLAN device (created, or deleted and recreated when it is
    // incompatible) with its address, state and verified MAC. Returns true when a link was
    // created: the caller then reads the kernel again and diffs the peers anew.
    bool applyLinks(const DesiredState &desired, const DataplaneDiff &diff,
        const KernelState &kernel, ApplyLog &log);
    // Stray entries first (neighbours, FDB, routes, flannel's removal order), then per peer its
    // neighbour, FDB entry and route in that order, with flannel's rollback when a later step
    // fails.
    void applyPeers(
        const DesiredState &desired, const DataplaneDiff &diff, int vxlanIfindex, ApplyLog &log);

private:
    void applyBridge(const DesiredState &desired, const LinkPlan &plan, const KernelState &kernel,
        ApplyLog &log);
    bool applyVxlan(const DesiredState &desired, const DataplaneDiff &diff,
        const KernelState &kernel, ApplyLog &log);
    bool createVxlan(const DesiredState &desired, int underlayIndex, ApplyLog &log, int &ifindex);
    void applyAddresses(int ifindex, const std::string &name, const LinkPlan &plan, ApplyLog &log);
    void setUp(int ifindex, const std::string &name, ApplyLog &log);
    void verifyMac(const DesiredState &desired, int ifindex, ApplyLog &log);
    void disableAcceptRa(const std::string &name, ApplyLog &log);
    std::string failure(const std::string &what) const;

    NetlinkSocket &m_socket;
    KernelReader m_reader;
    LinkOperations m_links;
    PeerOperations m_peers;
    // Set once the kernel is seen to default to another VXLAN port than 8472.
    bool m_explicitPort = false;
};

} // namespace k3snet::agent
