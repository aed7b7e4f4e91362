// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/prefix.h"

#include <string>
#include <vector>

namespace k3snet::agent {

// The pod egress rules of one node, equivalent to flannel's FLANNEL-POSTRTG and FLANNEL-FWD
// (flannel-k3s.md §4) under k3snet's own chain names and comments, in both syntaxes the
// agent speaks: iptables (as `iptables -S` prints them) and nftables.
struct NatSpec
{
    net::Prefix clusterCIDR;
    net::Prefix podCIDR;
    bool masquerade = true;
    friend bool operator==(const NatSpec &, const NatSpec &) = default;

    static constexpr const char *postroutingChain = "K3SNET-POSTRTG";
    static constexpr const char *forwardChain = "K3SNET-FWD";
    static constexpr const char *nftTable = "k3snet";

    // "-A K3SNET-POSTRTG ..." in flannel's order: kube-proxy's mark, pod↔pod, then masquerade.
    std::vector<std::string> postroutingRules(bool randomFully) const;
    std::vector<std::string> forwardRules() const;
    static std::string postroutingJump(); // "-A POSTROUTING ... -j K3SNET-POSTRTG"
    static std::string forwardJump(); // "-A FORWARD ... -j K3SNET-FWD"

    // `nft -f` input that replaces table ip k3snet in one transaction (no gap without NAT).
    std::string nftScript() const;
    // The table as `nft list table ip k3snet` prints it (nftables 1.0), for comparison after
    // normalizeListing.
    std::string nftListing() const;
};

// Whitespace-insensitive form of a rule listing: lines trimmed, runs of blanks collapsed,
// empty lines and counters dropped.
std::string normalizeListing(const std::string &text);

} // namespace k3snet::agent
