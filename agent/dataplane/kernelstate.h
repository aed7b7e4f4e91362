// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/macaddress.h"
#include "domain/net/address.h"
#include "domain/net/prefix.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace k3snet::agent {

// What the kernel holds of a node's data plane, read back over netlink into plain values
// (no libnl objects survive the read): the input of the diff and of `status`.
struct LinkState
{
    int ifindex = 0;
    std::string name;
    std::string kind; // "vxlan", "bridge", "" for none
    unsigned flags = 0;
    unsigned mtu = 0;
    std::optional<MacAddress> mac;

    struct Vxlan
    {
        std::uint32_t vni = 0;
        std::optional<std::uint16_t> port;
        std::optional<net::Address> local;
        std::uint32_t underlayIndex = 0;
        bool learning = false;
    };
    std::optional<Vxlan> vxlan;

    bool isUp() const;
};

struct AddressState
{
    net::Address address;
    int prefixLength = 0;
    friend bool operator==(const AddressState &, const AddressState &) = default;
    std::string toString() const;
};

struct RouteState
{
    net::Prefix dst;
    std::optional<net::Address> gateway;
    int oif = 0;
    bool onlink = false;
    std::uint32_t priority = 0;
    std::uint8_t scope = 0;
    std::uint8_t type = 0;
    std::uint8_t protocol = 0;
    int nexthops = 1;
    std::string toString(const std::string &device) const;
};

struct NeighbourState
{
    net::Address dst;
    std::optional<MacAddress> lladdr;
    std::uint16_t state = 0;
    bool isPermanent() const;
    std::string toString(const std::string &device) const;
};

struct FdbState
{
    MacAddress mac;
    std::optional<net::Address> dst;
    std::uint16_t state = 0;
    std::uint8_t flags = 0;
    bool isPermanent() const;
    std::string toString(const std::string &device) const;
};

struct KernelState
{
    bool ipForward = false;
    // net/ipv6/conf/<vxlan>/accept_ra; nullopt without the device or without IPv6.
    std::optional<std::string> vxlanAcceptRa;
    std::optional<LinkState> underlay;
    std::vector<AddressState> underlayAddresses; // IPv4
    std::optional<LinkState> vxlan;
    std::vector<AddressState> vxlanAddresses; // IPv4
    std::optional<LinkState> bridge;
    std::vector<AddressState> bridgeAddresses; // IPv4
    // On the VXLAN device only: routes of the main table, IPv4 neighbours, FDB entries.
    std::vector<RouteState> routes;
    std::vector<NeighbourState> neighbours;
    std::vector<FdbState> fdb;
};

// Neighbour states as `ip neigh` names them ("permanent", "reachable,noarp").
std::string neighbourStateName(std::uint16_t state);

} // namespace k3snet::agent
