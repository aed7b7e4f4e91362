// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/labelselector.h"

#include <string>
#include <vector>

namespace k3snet::model {

// MetalLB L2Advertisement (metallb.io/v1beta1), stored faithfully.
struct L2Advertisement
{
    std::string name;
    std::string namespaceName = "metallb-system";
    Labels labels;
    Labels annotations;
    std::vector<std::string> ipAddressPools;
    std::vector<LabelSelector> ipAddressPoolSelectors;
    std::vector<LabelSelector> nodeSelectors;
    std::vector<std::string> interfaces;
    std::vector<LabelSelector> serviceSelectors;
    // Fields k3snet does not understand, as a YAML mapping mirroring the object's structure
    // ({"spec": {"newField": 1}}); export merges them back so nothing is lost.
    std::string unknownFields;

    friend bool operator==(const L2Advertisement &, const L2Advertisement &) = default;
};

} // namespace k3snet::model
