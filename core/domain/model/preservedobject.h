// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace k3snet::model {

// A Kubernetes object k3snet reads but does not manage (BGPPeer, BGPAdvertisement, BFDProfile,
// Community, ...): kept as the YAML text it was read as, and written back untouched on export.
struct PreservedObject
{
    std::string apiVersion;
    std::string kind;
    std::string name;
    std::string namespaceName;
    std::string yaml; // the whole object, one YAML document without "---"
    friend bool operator==(const PreservedObject &, const PreservedObject &) = default;
};

} // namespace k3snet::model
