// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/firewall/iptablesbackend.h"
#include "agent/firewall/nftablesbackend.h"

#include <string>
#include <vector>

namespace k3snet::agent {

// Keeps the pod egress rules in place with the backend the config asks for: "iptables",
// "nftables", or "auto" (iptables when the host has it, as k3s and flannel use it; nft
// otherwise). Switching backends removes the rules from the other one.
class NatManager
{
public:
    explicit NatManager(std::string firewall);

    // The backend in use, or nullptr (with why) when none is available.
    FirewallBackend *backend(std::string *why = nullptr);
    FirewallBackend *other();
    bool ensure(const NatSpec &spec, ApplyLog &log);
    std::vector<std::string> check(const NatSpec &spec);
    // Removes our rules from both backends (uninstall).
    bool removeAll(ApplyLog &log);
    // Removes our rules from the backend not in use (start and backend switch).
    void removeFromOther(ApplyLog &log);
    NftablesBackend &nftables() { return m_nftables; }

private:
    std::string m_firewall;
    IptablesBackend m_iptables;
    NftablesBackend m_nftables;
};

} // namespace k3snet::agent
