// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/firewall/firewallbackend.h"

namespace k3snet::agent {

// The rules through nftables, in a table of their own (ip k3snet) with base chains on the
// postrouting and forward hooks. The table is replaced in one `nft -f` transaction whenever
// `nft list table ip k3snet` differs from both the wanted listing and what the last apply
// left (nft versions print some details differently).
// Note: unlike iptables' FORWARD chain, an accept in our own table cannot override a drop
// policy in another table's forward chain; hosts whose firewall drops forwarded traffic must
// allow the cluster CIDR there.
class NftablesBackend : public FirewallBackend
{
public:
    NftablesBackend();
    const char *name() const override { return "nftables"; }
    bool isAvailable() const override { return !m_nft.empty(); }
    bool ensure(const NatSpec &spec, ApplyLog &log) override;
    std::vector<std::string> check(const NatSpec &spec) override;
    bool remove(ApplyLog &log) override;
    std::string listing() override;
    // The listing the last apply left, to compare against in a later process (`status`).
    void setKnownListing(std::string normalized, const NatSpec &spec)
    {
        m_lastListing = std::move(normalized);
        m_lastSpec = spec;
    }

private:
    bool matches(const NatSpec &spec, const std::string &normalized) const;

    std::string m_nft;
    std::string m_lastListing; // normalized
    NatSpec m_lastSpec;
};

} // namespace k3snet::agent
