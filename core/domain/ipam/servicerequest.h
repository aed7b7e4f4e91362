// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/net/address.h"
#include "domain/rules/diagnostic.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace k3snet::ipam {

// The address families a LoadBalancer service asks for (MetalLB's ipfamily.ForService).
enum class StackFamily : std::uint8_t
{
    V4,
    V6,
    Dual
};
// "IPv4", "IPv6", "dual-stack (IPv4 and IPv6)"
const char *stackFamilyName(StackFamily f);
// The family of a list of addresses: one address, or two of different families; nullopt else.
std::optional<StackFamily> stackFamilyOf(const std::vector<net::Address> &ips);

// One protocol/port pair of a service: services sharing an IP must not repeat one.
struct PortKey
{
    std::string protocol;
    int port = 0;
    std::string toString() const { return protocol + "/" + std::to_string(port); } // "TCP/80"
    friend auto operator<=>(const PortKey &, const PortKey &) = default;
};

// A point in time from an RFC 3339 timestamp, for ordering services by creation.
struct Timestamp
{
    std::int64_t seconds = 0; // since 1970-01-01T00:00:00Z
    std::int32_t nanos = 0;
    friend auto operator<=>(const Timestamp &, const Timestamp &) = default;
};
// "2024-05-01T10:00:00Z", "2024-05-01T12:00:00.5+02:00"; nullopt when it is not RFC 3339.
std::optional<Timestamp> parseRfc3339(std::string_view text);

// What one LoadBalancer service asks of the allocator, read from its spec, its status and its
// metallb.io annotations (the deprecated metallb.universe.tf keys are honoured too).
struct ServiceRequest
{
    std::size_t index = 0; // in project.services
    const model::Service *service = nullptr;
    std::string key; // "namespace/name"

    StackFamily family = StackFamily::V4;
    net::Family primary = net::Family::V4; // first of ipFamilies / clusterIPs
    std::string familySource; // for messages: "cluster IP 10.43.0.5", "ipFamilies"
    std::string policy; // SingleStack (also when empty), PreferDualStack, ...

    std::vector<net::Address> requestedIPs;
    std::string requestedFrom; // the annotation key or "spec.loadBalancerIP"
    std::string requestedPool;
    std::string poolFrom; // the annotation key the pool came from
    std::string sharingKey;
    std::string backendKey; // the pod selector for externalTrafficPolicy: Local, else empty
    std::vector<PortKey> ports;

    std::vector<net::Address> heldIPs; // status.loadBalancer.ingress, when all parse
    std::optional<Timestamp> created;

    // Set when the requested IPs cannot be read (an error diagnostic says so). MetalLB then
    // leaves a held address alone, but cannot allocate a new one.
    std::string invalidRequest;
    // Set when the service cannot get an address whatever the pools (RequireDualStack with a
    // single cluster IP); a held address is cleared, as MetalLB does.
    std::string refusal;

    bool isPreferDualStack() const { return policy == "PreferDualStack"; }
    bool isRequireDualStack() const { return policy == "RequireDualStack"; }
};

inline constexpr const char *annotationLoadBalancerIPs = "metallb.io/loadBalancerIPs";
inline constexpr const char *annotationAddressPool = "metallb.io/address-pool";
inline constexpr const char *annotationAllowSharedIP = "metallb.io/allow-shared-ip";
inline constexpr const char *deprecatedAnnotationPrefix = "metallb.universe.tf/";

// Reads project.services[index] (a LoadBalancer). Requests MetalLB rejects add errors
// (service-both-ip-requests, service-invalid-ip-request) and deprecated annotation keys add
// warnings (service-deprecated-annotation) to out.
//
// The family comes from the cluster IPs (clusterIPs, else clusterIP) as in MetalLB. A designed
// service may have none: then ipFamilies and ipFamilyPolicy decide (PreferDualStack and
// RequireDualStack ask for both families, the first of ipFamilies being primary), and when
// nothing at all says which family, the requested or held addresses do, else IPv4.
ServiceRequest readServiceRequest(
    const model::Project &project, std::size_t index, rules::Diagnostics &out);

} // namespace k3snet::ipam
