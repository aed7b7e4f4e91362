// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/prefix.h"

#include <string>

namespace k3snet::net {

// An address as configured on an interface, with its prefix length and host bits kept
// (cni0's 10.42.1.1/24), unlike Prefix, which is a network.
struct InterfaceAddress
{
    Address address;
    int length = 0;

    Prefix network() const { return Prefix(address, length); }
    std::string toString() const { return address.toString() + "/" + std::to_string(length); }
    friend bool operator==(const InterfaceAddress &, const InterfaceAddress &) = default;
};

} // namespace k3snet::net
