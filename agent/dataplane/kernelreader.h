// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/desiredstate.h"
#include "agent/dataplane/kernelstate.h"

#include <optional>
#include <string>
#include <system_error>

namespace k3snet::agent {

class NetlinkSocket;

// Reads the part of the kernel's state that a node's data plane consists of into a
// KernelState: the three links by name, their IPv4 addresses, and the routes, neighbours and
// FDB entries on the VXLAN device. Nothing is cached between reads: libnl objects live only
// inside the dump callbacks.
class KernelReader
{
public:
    explicit KernelReader(NetlinkSocket &socket)
        : m_socket(socket)
    {
    }

    // On failure error names what could not be read and why.
    std::error_code read(const DesiredState &desired, KernelState &state, std::string &error);
    // One link by name; nullopt (and no error) when there is none.
    std::error_code readLink(
        const std::string &name, std::optional<LinkState> &link, std::string &error);

private:
    std::error_code readOnce(const DesiredState &desired, KernelState &state, std::string &error);
    std::error_code readAddresses(KernelState &state, std::string &error);
    std::error_code readRoutes(int ifindex, KernelState &state, std::string &error);
    std::error_code readNeighbours(int ifindex, KernelState &state, std::string &error);
    std::error_code readFdb(int ifindex, KernelState &state, std::string &error);

    NetlinkSocket &m_socket;
};

} // namespace k3snet::agent
