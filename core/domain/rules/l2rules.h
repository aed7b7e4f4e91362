// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rules/rulecontext.h"

namespace k3snet::rules {

// Rules on MetalLB L2Advertisements and on which pools they announce. Errors, as MetalLB
// rejects them: l2-name-missing, l2-duplicate-pool, l2-duplicate-selector (ipAddressPoolSelectors,
// nodeSelectors, serviceSelectors), selector-invalid, selector-duplicate-expression,
// selector-duplicate-value, wrong-namespace. Warnings, which MetalLB accepts silently:
// l2-unknown-pool (a named pool that does not exist), l2-no-eligible-node (nodeSelectors match
// no node), l2-interface-unknown (interfaces that eligible nodes do not have), and
// pool-not-advertised (a pool no advertisement in metallb-system selects; skipped when the
// project keeps a BGPAdvertisement, which may announce it instead).
void checkL2Advertisements(RuleContext &ctx);

} // namespace k3snet::rules
