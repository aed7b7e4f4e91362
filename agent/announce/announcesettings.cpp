// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/announce/announcesettings.h"

#include <charconv>
#include <cstdlib>

namespace k3snet::agent {

namespace {

using Announce = model::AgentConfig::Announce;

// The override of one value: the option's text, else the variable's, as an integer in range;
// out keeps the config's value when neither is given.
bool readOverride(const std::optional<std::string> &option, const char *optionName,
    const char *variable, Announce::Range range, int &out, std::string &why)
{
    std::string text, source;
    if (option) {
        text = *option;
        source = std::string("--") + optionName;
    } else if (const char *env = std::getenv(variable); env && *env) {
        text = env;
        source = variable;
    } else {
        return true;
    }
    long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < range.min
        || value > range.max) {
        why = source + ": \"" + text + "\" is not a whole number from " + std::to_string(range.min)
            + " to " + std::to_string(range.max);
        return false;
    }
    out = int(value);
    return true;
}

} // namespace

AnnounceSettings AnnounceSettings::fromConfig(const Announce &config)
{
    AnnounceSettings s;
    s.garpInterval = std::chrono::milliseconds(config.garpIntervalMs);
    s.garpDuration = std::chrono::milliseconds(config.garpDurationMs);
    s.probeCount = config.probeCount;
    s.probeInterval = std::chrono::milliseconds(config.probeIntervalMs);
    s.conflictRecheck = std::chrono::milliseconds(config.conflictRecheckMs);
    return s;
}

std::optional<AnnounceSettings> AnnounceSettings::from(
    const Given &given, const Announce &config, std::string &why)
{
    Announce merged = config;
    if (!readOverride(given.garpIntervalMs, "garp-interval-ms", "K3SNET_GARP_INTERVAL_MS",
            Announce::garpIntervalRange, merged.garpIntervalMs, why)
        || !readOverride(given.garpDurationMs, "garp-duration-ms", "K3SNET_GARP_DURATION_MS",
            Announce::garpDurationRange, merged.garpDurationMs, why)
        || !readOverride(given.probeCount, "probe-count", "K3SNET_PROBE_COUNT",
            Announce::probeCountRange, merged.probeCount, why)
        || !readOverride(given.probeIntervalMs, "probe-interval-ms", "K3SNET_PROBE_INTERVAL_MS",
            Announce::probeIntervalRange, merged.probeIntervalMs, why)
        || !readOverride(given.conflictRecheckMs, "conflict-recheck-ms",
            "K3SNET_CONFLICT_RECHECK_MS", Announce::conflictRecheckRange, merged.conflictRecheckMs,
            why))
        return std::nullopt;
    return fromConfig(merged);
}

std::string AnnounceSettings::describe() const
{
    return "gratuitous ARP every " + std::to_string(garpInterval.count()) + " ms for "
        + std::to_string(garpDuration.count()) + " ms, " + std::to_string(probeCount) + " probes "
        + std::to_string(probeInterval.count()) + " ms apart, conflicts rechecked every "
        + std::to_string(conflictRecheck.count()) + " ms";
}

} // namespace k3snet::agent
