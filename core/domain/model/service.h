// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/labelselector.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace k3snet::model {

struct ServicePort
{
    std::string name;
    std::string protocol = "TCP"; // TCP, UDP, SCTP
    int port = 0;
    int nodePort = 0; // 0: none / unknown
    friend bool operator==(const ServicePort &, const ServicePort &) = default;
};

// A Kubernetes Service as far as networking is concerned: what MetalLB reads to allocate a
// LoadBalancer IP, and what the plan shows.
struct Service
{
    std::string namespaceName = "default";
    std::string name;
    std::string type = "ClusterIP"; // ClusterIP, NodePort, LoadBalancer, ExternalName
    Labels labels;
    Labels annotations;      // metallb.io/* requests live here, as in Kubernetes
    Labels selector;         // pod selector (MetalLB's backend key for Local services)
    std::vector<ServicePort> ports;
    std::string clusterIP;   // as written ("None" for headless)
    std::vector<std::string> clusterIPs;
    std::string loadBalancerIP;          // spec.loadBalancerIP (deprecated in Kubernetes)
    std::string externalTrafficPolicy;   // "Cluster" (default) or "Local"
    std::string ipFamilyPolicy;          // SingleStack, PreferDualStack, RequireDualStack
    std::vector<std::string> ipFamilies; // IPv4, IPv6
    std::vector<std::string> ingressIPs; // status.loadBalancer.ingress[].ip: already assigned
    std::string creationTimestamp;       // RFC 3339, for MetalLB's allocation order
    // Nodes that host a serving endpoint, when known (from an EndpointSlice dump): MetalLB
    // announces externalTrafficPolicy: Local services only from these. Unset: unknown.
    std::optional<std::vector<std::string>> endpointNodes;
    std::string unknownFields; // as for IPAddressPool

    bool isLoadBalancer() const { return type == "LoadBalancer"; }
    bool isLocalTrafficPolicy() const { return externalTrafficPolicy == "Local"; }
    std::string key() const { return namespaceName + "/" + name; }

    friend bool operator==(const Service &, const Service &) = default;
};

} // namespace k3snet::model
