// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/dataplane/applylog.h"
#include "agent/firewall/natspec.h"

#include <string>
#include <vector>

namespace k3snet::agent {

// One way of installing the NAT rules: the host's iptables, or nftables. Both run the host's
// own tools (fork/exec with an argv, no shell) and are idempotent: ensure() changes nothing
// when the rules are already as wanted.
class FirewallBackend
{
public:
    virtual ~FirewallBackend() = default;
    virtual const char *name() const = 0;
    // Whether the tool exists on this host.
    virtual bool isAvailable() const = 0;
    // Makes the kernel's rules match spec; returns false on failure (logged into log).
    virtual bool ensure(const NatSpec &spec, ApplyLog &log) = 0;
    // What differs from spec now, one line each; empty when the rules match.
    virtual std::vector<std::string> check(const NatSpec &spec) = 0;
    // Removes every rule, jump and chain/table of ours; changes only what exists.
    virtual bool remove(ApplyLog &log) = 0;
    // A text that identifies the installed rules (for `status` to compare against).
    virtual std::string listing() = 0;
};

} // namespace k3snet::agent
