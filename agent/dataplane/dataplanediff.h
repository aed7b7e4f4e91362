// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/desiredstate.h"
#include "agent/dataplane/kernelstate.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace k3snet::agent {

// What must change on one link (the VXLAN device or the bridge) to match the desired state.
struct LinkPlan
{
    enum class Action
    {
        Keep,
        Create,
        Recreate
    };
    Action action = Action::Keep;
    std::string reason; // why Recreate ("VNI 2, want 1")
    bool setMtu = false;
    bool setMac = false;
    bool setUp = false;
    std::vector<AddressState> addAddresses;
    std::vector<AddressState> removeAddresses;

    bool isEmpty() const;
    bool rebuilds() const { return action != Action::Keep; }
};

// The per-peer objects to add (by index into DesiredState::peers) and the entries on the
// device that no peer wants any more.
struct PeerPlan
{
    std::vector<NeighbourState> removeNeighbours;
    std::vector<FdbState> removeFdb;
    std::vector<RouteState> removeRoutes;
    std::vector<std::size_t> addNeighbours;
    std::vector<std::size_t> addFdb;
    std::vector<std::size_t> addRoutes;

    bool isEmpty() const;
};

// The difference between the desired data plane and the kernel's: computed without side
// effects, so that `status` shows exactly what a reconcile would do.
struct DataplaneDiff
{
    bool setIpForward = false;
    bool setAcceptRa = false; // IPv6 router advertisements on the VXLAN device (flannel: off)
    // Conditions the agent cannot fix itself (the uplink is missing, lanIP is not on it).
    std::vector<std::string> blockers;
    bool underlayMissing = false;
    LinkPlan vxlan;
    LinkPlan bridge;
    PeerPlan peers;

    bool isEmpty() const;
    // One line per difference, for logs and `status`.
    std::vector<std::string> describe(const DesiredState &desired) const;
};

DataplaneDiff diffDataplane(const DesiredState &desired, const KernelState &kernel);

} // namespace k3snet::agent
