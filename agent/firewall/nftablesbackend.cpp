// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/firewall/nftablesbackend.h"

#include "agent/firewall/nftprobe.h"
#include "agent/system/process.h"

namespace k3snet::agent {

NftablesBackend::NftablesBackend()
    : m_nft(findExecutable("nft"))
{
}

std::string NftablesBackend::listing()
{
    const ProcessResult r = runProcess({m_nft, "list", "table", "ip", NatSpec::nftTable});
    return r.ok() ? normalizeListing(r.output) : std::string();
}

bool NftablesBackend::matches(const NatSpec &spec, const std::string &normalized) const
{
    if (normalized.empty())
        return false;
    if (normalized == spec.nftListing())
        return true;
    return !m_lastListing.empty() && normalized == m_lastListing && m_lastSpec == spec;
}

std::vector<std::string> NftablesBackend::check(const NatSpec &spec)
{
    if (!isAvailable())
        return {"nft is not installed"};
    const std::string now = listing();
    if (now.empty())
        return {std::string("nftables table ip ") + NatSpec::nftTable + " is missing"};
    if (!matches(spec, now))
        return {std::string("nftables table ip ") + NatSpec::nftTable
            + " differs from the wanted rules"};
    return {};
}

bool NftablesBackend::ensure(const NatSpec &spec, ApplyLog &log)
{
    if (!isAvailable()) {
        log.failed("cannot install the NAT rules: nft is not installed");
        return false;
    }
    if (matches(spec, listing()))
        return true;
    const ProcessResult r = runProcess({m_nft, "-f", "-"}, spec.nftScript());
    if (!r.ok()) {
        log.failed("installing the NAT rules with nft failed: " + r.describe("nft"));
        return false;
    }
    m_lastListing = listing();
    m_lastSpec = spec;
    log.changed(std::string("installed NAT rules with nft: table ip ") + NatSpec::nftTable);
    return true;
}

bool NftablesBackend::remove(ApplyLog &log)
{
    if (!isAvailable() || probeNftTable(NatSpec::nftTable) == NftTablePresence::Absent)
        return true;
    if (listing().empty())
        return true;
    const ProcessResult r = runProcess({m_nft, "delete", "table", "ip", NatSpec::nftTable});
    if (!r.ok()) {
        log.failed(std::string("removing nftables table ip ") + NatSpec::nftTable
            + " failed: " + r.describe("nft"));
        return false;
    }
    m_lastListing.clear();
    log.changed(std::string("removed nftables table ip ") + NatSpec::nftTable);
    return true;
}

} // namespace k3snet::agent
