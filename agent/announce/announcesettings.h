// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/agentconfig.h"

#include <chrono>
#include <optional>
#include <string>

namespace k3snet::agent {

// Timing of the L2 speaker. Where each value comes from, first match wins:
//   1. the `k3snet-agent run` option (--garp-interval-ms, ...),
//   2. its environment variable (K3SNET_GARP_INTERVAL_MS, ...),
//   3. the AgentConfig's `announce` section (absent keys there are the defaults below).
// Options and variables are fixed for the life of the process, so they keep overriding when a
// reload brings new config values; the config is what the app manages for the whole cluster,
// the overrides are for one node's experiments and for tests.
struct AnnounceSettings
{
    // Gratuitous ARP / unsolicited NA on taking over: at once, then every garpInterval until
    // garpDuration has passed (MetalLB: 1.1 s for 5 s, metallb.md §4.3).
    std::chrono::milliseconds garpInterval{1100};
    std::chrono::milliseconds garpDuration{5000};
    // RFC 5227 probes before the first announcement (not on a takeover from a dead node):
    // probeCount probes probeInterval apart, then one more probeInterval of listening.
    int probeCount = 3;
    std::chrono::milliseconds probeInterval{100};
    // While a foreign station holds an address, it is probed again this often; when it no
    // longer answers, this node announces again.
    std::chrono::milliseconds conflictRecheck{10000};

    // Option values (ms or count) as given on the command line; nullopt: not given.
    struct Given
    {
        std::optional<std::string> garpIntervalMs, garpDurationMs, probeCount, probeIntervalMs,
            conflictRecheckMs;
    };

    // The config's values (already range-checked when the file was loaded).
    static AnnounceSettings fromConfig(const model::AgentConfig::Announce &config);
    // config's values overridden by the options given, then by the environment variables for
    // values not given as options. nullopt when an override is not a whole number in the
    // range the config accepts; why names the option or variable.
    static std::optional<AnnounceSettings> from(
        const Given &given, const model::AgentConfig::Announce &config, std::string &why);
    // The same with the config's defaults underneath (checks the overrides before the config
    // is read).
    static std::optional<AnnounceSettings> from(const Given &given, std::string &why)
    {
        return from(given, model::AgentConfig::Announce{}, why);
    }
    std::string describe() const;

    friend bool operator==(const AnnounceSettings &, const AnnounceSettings &) = default;
};

} // namespace k3snet::agent
