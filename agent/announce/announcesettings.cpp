// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/announce/announcesettings.h"

#include <charconv>
#include <cstdlib>

namespace k3snet::agent {

namespace {

// value (an option's text, else the variable's), as an integer in [min, max].
bool readInteger(const std::optional<std::string> &option, const char *optionName,
    const char *variable, long min, long max, long &out, std::string &why)
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
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        why = source + ": \"" + text + "\" is not a whole number from " + std::to_string(min)
            + " to " + std::to_string(max);
        return false;
    }
    out = value;
    return true;
}

} // namespace

std::optional<AnnounceSettings> AnnounceSettings::from(const Given &given, std::string &why)
{
    AnnounceSettings s;
    long garpInterval = s.garpInterval.count(), garpDuration = s.garpDuration.count(),
         probeCount = s.probeCount, probeInterval = s.probeInterval.count(),
         recheck = s.conflictRecheck.count();
    if (!readInteger(given.garpIntervalMs, "garp-interval-ms", "K3SNET_GARP_INTERVAL_MS", 10, 60000,
            garpInterval, why)
        || !readInteger(given.garpDurationMs, "garp-duration-ms", "K3SNET_GARP_DURATION_MS", 0,
            600000, garpDuration, why)
        || !readInteger(
            given.probeCount, "probe-count", "K3SNET_PROBE_COUNT", 0, 10, probeCount, why)
        || !readInteger(given.probeIntervalMs, "probe-interval-ms", "K3SNET_PROBE_INTERVAL_MS", 1,
            10000, probeInterval, why)
        || !readInteger(given.conflictRecheckMs, "conflict-recheck-ms",
            "K3SNET_CONFLICT_RECHECK_MS", 100, 3600000, recheck, why))
        return std::nullopt;
    s.garpInterval = std::chrono::milliseconds(garpInterval);
    s.garpDuration = std::chrono::milliseconds(garpDuration);
    s.probeCount = int(probeCount);
    s.probeInterval = std::chrono::milliseconds(probeInterval);
    s.conflictRecheck = std::chrono::milliseconds(recheck);
    return s;
}

std::string AnnounceSettings::describe() const
{
    return "gratuitous ARP every " + std::to_string(garpInterval.count()) + " ms for "
        + std::to_string(garpDuration.count()) + " ms, " + std::to_string(probeCount) + " probes "
        + std::to_string(probeInterval.count()) + " ms apart";
}

} // namespace k3snet::agent
