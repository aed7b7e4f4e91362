// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/announce/l2frame.h"

#include <optional>
#include <string>
#include <vector>

namespace k3snet::agent {

// What the speaker needs to know of an interface before it answers on it, read from the
// kernel (rtnetlink for the link, getifaddrs for the IPv6 link-local address), and MetalLB's
// test of whether it may (reference metallb.md §4.4).
struct LinkInfo
{
    std::string name;
    int ifindex = 0;
    l2::Mac mac{};
    bool ethernet = false; // ARPHRD_ETHER with a 6-byte address
    bool up = false;
    bool noArp = false;
    bool broadcast = false;
    int master = 0; // ifindex of the bridge or bond it is enslaved to, 0 if none
    std::optional<l2::Ip6> linkLocal;

    // Why no responder may run here at all ("" if one may): down, not Ethernet, enslaved.
    std::string unusableReason() const;
    // Why IPv4 (ARP) / IPv6 (NDP) cannot be answered here ("" if it can).
    std::string arpProblem() const;
    std::string ndpProblem() const;

    friend bool operator==(const LinkInfo &, const LinkInfo &) = default;
};

// Reads one interface of this network namespace; nullopt and why when it cannot.
std::optional<LinkInfo> readLinkInfo(const std::string &name, std::string &why);

// The MAC addresses of every interface of this network namespace (own frames are never a
// conflict, even when they come back through another interface on the same LAN).
std::vector<l2::Mac> localMacs();

std::string macText(const l2::Mac &mac);

} // namespace k3snet::agent
