// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/labelselector.h"

#include <optional>
#include <string>
#include <vector>

namespace k3snet::model {

// MetalLB IPAddressPool (metallb.io/v1beta1), stored faithfully: fields keep what the user
// wrote (address entries as text, optional fields unset when absent) so that export writes
// back what was read. Rules in rules/ parse and judge them.
struct IPAddressPool
{
    std::string name;
    std::string namespaceName = "metallb-system";
    Labels labels;
    Labels annotations;
    std::vector<std::string> addresses;
    std::optional<bool> autoAssign; // unset means true
    std::optional<bool> avoidBuggyIPs; // unset means false

    struct ServiceAllocation
    {
        std::optional<int> priority;
        std::vector<std::string> namespaces;
        std::vector<LabelSelector> namespaceSelectors;
        std::vector<LabelSelector> serviceSelectors;
        friend bool operator==(const ServiceAllocation &, const ServiceAllocation &) = default;
    };
    std::optional<ServiceAllocation> serviceAllocation;
    // Fields k3snet does not understand, as a YAML mapping mirroring the object's structure
    // ({"spec": {"newField": 1}}); export merges them back so nothing is lost.
    std::string unknownFields;

    bool isAutoAssign() const { return autoAssign.value_or(true); }
    bool isAvoidBuggyIPs() const { return avoidBuggyIPs.value_or(false); }

    friend bool operator==(const IPAddressPool &, const IPAddressPool &) = default;
};

} // namespace k3snet::model
