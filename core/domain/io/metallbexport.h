// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/rules/diagnostic.h"

#include <string>
#include <string_view>

// Export of a project's MetalLB configuration as the CRDs MetalLB v0.13+ reads, and the
// conversion of a legacy configuration in the exact form MetalLB's configmaptocrs writes.
namespace k3snet::io {

// The MetalLB resources of a project, ready for `kubectl apply -f`: a comment naming the
// project, then the IPAddressPools in project order, the L2Advertisements, and the kept
// objects that belong to MetalLB (group metallb.io, or in the metallb-system namespace) in
// their order, separated by "---". apiVersion metallb.io/v1beta1, each object in its own
// namespace (metallb-system unless the project says otherwise); fields that are unset are
// left out, and the unknownFields kept on import are merged back in. Deterministic text.
std::string exportMetalLB(const model::Project &project);

// What MetalLB's configmaptocrs writes for a legacy configuration (a ConfigMap with
// data.config, the bare data, or Helm values with configInline): byte for byte the same as
// its golden files. Empty, with the reasons in *diagnostics, when the text cannot be read.
std::string exportLegacyConversion(std::string_view legacyText, const std::string &fileName,
    rules::Diagnostics *diagnostics = nullptr);

} // namespace k3snet::io
