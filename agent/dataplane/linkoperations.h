// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/desiredstate.h"
#include "agent/dataplane/kernelstate.h"

#include <system_error>

namespace k3snet::agent {

class NetlinkSocket;

// The link-level requests of the data plane (libnl-route-3): create the VXLAN device and the
// bridge, change MTU/MAC/state, add and remove addresses, delete a link. Each returns the
// kernel's errno; the socket's lastError() says why.
class LinkOperations
{
public:
    explicit LinkOperations(NetlinkSocket &socket)
        : m_socket(socket)
    {
    }

    // ip link add <name> address <mac> mtu <mtu> type vxlan id <vni> dev <underlay>
    //   local <lanIP> [dstport <port>] nolearning
    // The MAC goes into the creation request itself, so systemd's MACAddressPolicy cannot
    // replace it before we look (flannel-io/flannel#1155). IFLA_VXLAN_PORT is sent only when
    // explicitPort is set: libnl encodes it in 4 bytes, which the kernel accepts on
    // little-endian hosts but logs as "attribute type 15 has an invalid length"; like
    // flannel, the default 8472 is left to the kernel.
    std::error_code createVxlan(
        const DesiredState::Vxlan &spec, int underlayIndex, bool explicitPort);
    // ip link add <name> mtu <mtu> type bridge
    std::error_code createBridge(const DesiredState::Bridge &spec);
    std::error_code remove(int ifindex);
    std::error_code setMtu(int ifindex, int mtu);
    std::error_code setMac(int ifindex, const MacAddress &mac);
    std::error_code setUp(int ifindex);
    // EEXIST counts as success: the address is there, which is what was asked.
    std::error_code addAddress(int ifindex, const AddressState &address);
    std::error_code removeAddress(int ifindex, const AddressState &address);

private:
    template<class Configure> std::error_code change(int ifindex, Configure &&configure);

    NetlinkSocket &m_socket;
};

} // namespace k3snet::agent
