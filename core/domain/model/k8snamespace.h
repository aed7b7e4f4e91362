// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/labelselector.h"

#include <string>

namespace k3snet::model {

// A Kubernetes Namespace with its labels (pools select namespaces by label).
struct K8sNamespace
{
    std::string name;
    Labels labels;
    friend bool operator==(const K8sNamespace &, const K8sNamespace &) = default;
};

} // namespace k3snet::model
