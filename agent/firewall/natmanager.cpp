// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/firewall/natmanager.h"

namespace k3snet::agent {

NatManager::NatManager(std::string firewall)
    : m_firewall(std::move(firewall))
{
}

FirewallBackend *NatManager::backend(std::string *why)
{
    FirewallBackend *chosen = nullptr;
    if (m_firewall == "iptables")
        chosen = &m_iptables;
    else if (m_firewall == "nftables")
        chosen = &m_nftables;
    else
        chosen
            = m_iptables.isAvailable() ? static_cast<FirewallBackend *>(&m_iptables) : &m_nftables;
    if (!chosen->isAvailable()) {
        if (why) {
            *why = m_firewall == "auto" ? std::string("neither iptables nor nft is installed")
                                        : std::string(chosen->name())
                    + " is not installed (cni.firewall: " + m_firewall + ")";
        }
        return nullptr;
    }
    return chosen;
}

FirewallBackend *NatManager::other()
{
    FirewallBackend *used = backend();
    if (used == &m_iptables)
        return &m_nftables;
    if (used == &m_nftables)
        return &m_iptables;
    return nullptr;
}

bool NatManager::ensure(const NatSpec &spec, ApplyLog &log)
{
    std::string why;
    FirewallBackend *b = backend(&why);
    if (!b) {
        log.failed("cannot install the NAT rules: " + why);
        return false;
    }
    return b->ensure(spec, log);
}

std::vector<std::string> NatManager::check(const NatSpec &spec)
{
    std::string why;
    FirewallBackend *b = backend(&why);
    if (!b)
        return {"NAT rules cannot be installed: " + why};
    return b->check(spec);
}

bool NatManager::removeAll(ApplyLog &log)
{
    const bool a = m_iptables.remove(log);
    const bool b = m_nftables.remove(log);
    return a && b;
}

void NatManager::removeFromOther(ApplyLog &log)
{
    if (FirewallBackend *o = other())
        o->remove(log);
}

} // namespace k3snet::agent
