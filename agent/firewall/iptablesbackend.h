// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/firewall/firewallbackend.h"

namespace k3snet::agent {

// The rules through iptables (legacy or nf_tables flavour, whichever `iptables` is), the way
// k3s's flannel does it: our chains are read with `iptables -S CHAIN` and compared with the
// canonical text; when they differ, `iptables-restore --noflush` replaces them in one commit
// per table (declaring a user chain in a --noflush restore flushes it), so there is no moment
// without NAT. The jumps from POSTROUTING and FORWARD are appended once.
class IptablesBackend : public FirewallBackend
{
public:
    IptablesBackend();
    const char *name() const override { return "iptables"; }
    bool isAvailable() const override { return !m_iptables.empty() && !m_restore.empty(); }
    bool ensure(const NatSpec &spec, ApplyLog &log) override;
    std::vector<std::string> check(const NatSpec &spec) override;
    bool remove(ApplyLog &log) override;
    std::string listing() override;

private:
    struct Chain
    {
        bool exists = false;
        std::vector<std::string> rules; // "-A CHAIN ..." lines
    };
    // A whole table in `iptables -S` form. Starting iptables costs more than the netlink work
    // of a whole reconcile, so each reconcile reads both tables with one `iptables-save`
    // (declarations turned into -P/-N lines) and only falls back to `iptables -S` per table.
    struct Table
    {
        bool ok = false;
        std::vector<std::string> lines;
    };
    struct Tables
    {
        Table nat;
        Table filter;
    };
    Table readTable(const char *table);
    Tables readTables();
    static Chain chainOf(const Table &table, const char *chain);
    static int countJumps(const Table &table, const std::string &jump);
    bool removeTable(const char *table, const char *builtin, const std::string &jump,
        const char *chain, ApplyLog &log);
    bool restore(const std::string &input, std::string &error);

    std::string m_iptables;
    std::string m_restore;
    std::string m_save;
    bool m_randomFully = true;
};

} // namespace k3snet::agent
