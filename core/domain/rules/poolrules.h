// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rules/rulecontext.h"

#include <string>
#include <vector>

namespace k3snet::rules {

// The namespace MetalLB reads its objects from (and its webhooks accept them in).
inline constexpr const char *metallbNamespace = "metallb-system";

// Rules on MetalLB IPAddressPools. First everything MetalLB's controller and webhook reject
// (errors): pool-name-missing, pool-no-addresses, pool-invalid-cidr, pool-invalid-range,
// pool-range-start-after-end, pool-duplicate, pool-overlap (any two CIDRs, within a pool or
// across pools; adjacent is fine), pool-duplicate-namespace, pool-duplicate-selector,
// selector-duplicate-expression, selector-duplicate-value, selector-invalid, wrong-namespace.
// Then what MetalLB accepts but breaks the cluster: pool-mixed-family-range,
// pool-contains-node-ip, pool-contains-gateway, pool-overlaps-cluster-cidr,
// pool-overlaps-service-cidr (errors) and pool-outside-lan (warning; only entries of the LAN's
// family are compared, since the project describes one LAN subnet).
void checkPools(RuleContext &ctx);

// MetalLB's checks of one list of label selectors at `path` ("pools/web.serviceAllocation.
// namespaceSelectors"): each must convert to a Kubernetes selector (selector-invalid), no
// expression may repeat a value (selector-duplicate-value) or an earlier expression
// (selector-duplicate-expression), and no selector may repeat an earlier one (duplicateCode).
// `owner` starts each message ("pool \"web\"").
void checkSelectorList(RuleContext &ctx, const std::vector<model::LabelSelector> &selectors,
    const std::string &path, const std::string &owner, const std::string &duplicateCode,
    const std::vector<ObjectRef> &objects);

// A Kubernetes label key (an optional DNS-subdomain prefix and "/", then a name of at most 63
// characters) and a label value; set why on failure.
bool isLabelKey(const std::string &key, std::string *why = nullptr);
bool isLabelValue(const std::string &value, std::string *why = nullptr);

} // namespace k3snet::rules
