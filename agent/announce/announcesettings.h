// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace k3snet::agent {

// Timing of the L2 speaker. The AgentConfig has no field for it (yet): `run` takes it from
// options or environment variables, else these defaults.
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

    // Option values (ms or count); the environment variable (K3SNET_GARP_INTERVAL_MS,
    // K3SNET_GARP_DURATION_MS, K3SNET_PROBE_COUNT, K3SNET_PROBE_INTERVAL_MS,
    // K3SNET_CONFLICT_RECHECK_MS) is used for a value not given. why names the bad one.
    struct Given
    {
        std::optional<std::string> garpIntervalMs, garpDurationMs, probeCount, probeIntervalMs,
            conflictRecheckMs;
    };
    static std::optional<AnnounceSettings> from(const Given &given, std::string &why);
    std::string describe() const;
};

} // namespace k3snet::agent
