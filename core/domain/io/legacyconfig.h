// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/io/yamlreader.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

// The configuration format of MetalLB up to v0.12 (ConfigMap "config", key "config", or the
// Helm chart's configInline value: address-pools, peers, bgp-communities, bfd-profiles) and
// its conversion into the CRDs of v0.13+, done exactly as MetalLB's configmaptocrs tool does
// it, so that k3snet's import and `configmaptocrs` agree object for object.
namespace k3snet::io {

// One resource the conversion generates.
struct GeneratedObject
{
    std::string apiVersion;
    std::string kind;
    std::string name;
    // apiVersion, kind, metadata {name, namespace} and spec, as configmaptocrs fills them in;
    // no status (configmaptocrs adds an empty one, which configmaptocrsText() writes).
    YAML::Node object;
    // Where the parts come from in the legacy text, as paths relative to the object
    // ("" for the object, ".addresses[1]") with the marks of the legacy entries.
    std::vector<std::pair<std::string, YAML::Mark>> marks;
};

// A pool whose protocol k3snet reports on: bgp (kept, not managed) or unknown (no advertisement).
struct LegacyPoolNote
{
    std::string name;
    std::string protocol;
    YAML::Mark mark;
};

struct LegacyConversion
{
    // In configmaptocrs's order: BGPPeers, IPAddressPools, BGPAdvertisements,
    // L2Advertisements, BFDProfiles, the Community.
    std::vector<GeneratedObject> objects;
    // The pools whose protocol is bgp, and those whose protocol is neither layer2 nor bgp
    // (such as "l2", which configmaptocrs does not recognise either), for the diagnostics.
    std::vector<LegacyPoolNote> bgpPools;
    std::vector<LegacyPoolNote> unknownProtocolPools;
};

// Reads the legacy configuration mapping at config (diagnostics go to reader: unknown keys,
// wrong types, invalid durations) and converts it; objects go into namespaceName. What cannot
// be read is left out, as configmaptocrs would refuse the whole input.
LegacyConversion convertLegacyConfig(YamlReader &reader, const YAML::Node &config,
    const std::string &namespaceName, const std::string &path);

// Whether a mapping looks like a legacy configuration (has one of its top-level keys).
bool isLegacyConfig(const YAML::Node &node);

// MetalLB's name rule for converted objects (since v0.13.11): a name that is not a valid
// DNS-1035 label is lower-cased, "_" becomes "-", it is cut to 63 characters, and leading
// characters that are not letters are dropped ("01-Pool_A" -> "pool-a").
std::string legacyObjectName(const std::string &name);

// The text configmaptocrs writes for a conversion: its header comment, then each object with
// its keys sorted as sigs.k8s.io/yaml sorts them and its (empty) status, each followed by
// "---".
std::string configmaptocrsText(const LegacyConversion &conversion);

// "2m0s": a whole number of seconds as Go's time.Duration prints it.
std::string goDurationText(long long seconds);
// Go's time.ParseDuration, rounded down to whole seconds as configmaptocrs does; nullopt
// with the reason in *why when the text is not a duration.
std::optional<long long> parseGoDurationSeconds(const std::string &text, std::string *why);

} // namespace k3snet::io
