// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/rules/rulecontext.h"

namespace k3snet::rules {

// Rules on the cluster-wide settings: CIDRs that overlap, DNS outside the service CIDR, MTU,
// VXLAN identifiers, the LAN and its gateway. Codes: cluster-cidr-overlaps-service-cidr,
// cluster-cidr-overlaps-lan, service-cidr-overlaps-lan, cluster-dns-outside-service-cidr,
// service-cidr-too-large, vxlan-mtu-too-small, vxlan-mtu-exceeds-lan, vxlan-vni-invalid,
// vxlan-port-invalid, gateway-outside-lan, cluster-domain-invalid, interface-name-invalid.
void checkNetwork(RuleContext &ctx);

// Rules on nodes: names Kubernetes would reject, duplicates, LAN IPs outside the LAN, equal to
// the gateway or reserved. Codes: node-name-invalid, node-name-duplicate, node-ip-outside-lan,
// node-ip-is-gateway, node-ip-duplicate, node-ip-reserved, interface-name-invalid.
void checkNodes(RuleContext &ctx);

// RFC 1123 DNS subdomain, as Kubernetes requires for node names; sets why on failure.
bool isDns1123Subdomain(const std::string &name, std::string *why = nullptr);
// A Linux interface name: 1..15 bytes, no '/', ':' or whitespace.
bool isInterfaceName(const std::string &name);

} // namespace k3snet::rules
