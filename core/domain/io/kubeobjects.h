// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/io/yamlreader.h"
#include "domain/model/project.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Readers for the Kubernetes objects k3snet models, one object (a mapping with apiVersion,
// kind, metadata, spec, status) at a time, as kubectl and MetalLB's manifests write them.
// Each names the object in paths as the project file does ("pools/default.addresses[0]"), so
// that the rules find where a field was read, and reports problems through the reader.
// Used by the MetalLB/kubectl importer (metallbimport.h).
namespace k3snet::io {

// What the readers need besides the object: the reader and where unknown-field notes go.
struct KubeObjectReader
{
    YamlReader &reader;
    // Info diagnostics ("field-preserved") that YamlReader has no severity for.
    rules::Diagnostics &notes;
};

// The value under key of a mapping without changing or reporting anything; an undefined
// node (IsDefined() false) when map is not a mapping or has no such key (yaml-cpp's
// operator[] would insert or throw).
YAML::Node kubeChild(const YAML::Node &map, std::string_view key);
// metadata.name of an object, or empty (peeked without reporting).
std::string kubeObjectName(YamlReader &reader, const YAML::Node &object);
// metadata.namespace of an object, or fallback.
std::string kubeObjectNamespace(
    YamlReader &reader, const YAML::Node &object, const std::string &fallback);

// MetalLB IPAddressPool / L2Advertisement (metallb.io/v1beta1): every field; fields k3snet
// does not know are kept in unknownFields (a warning, with a suggestion when one is close to a
// known field; an info for MetalLB fields k3snet does not model, such as
// preferredNodeSelectors). Server-written metadata (uid, resourceVersion, managedFields, ...)
// and status are dropped. nullopt after errors.
std::optional<model::IPAddressPool> readIPAddressPool(
    KubeObjectReader &k, const YAML::Node &object);
std::optional<model::L2Advertisement> readL2Advertisement(
    KubeObjectReader &k, const YAML::Node &object);
// Service (v1): namespace "default" unless set; type, labels, annotations, selector, ports
// (protocol TCP unless set), clusterIP(s), loadBalancerIP, externalTrafficPolicy,
// ipFamilyPolicy, ipFamilies, status.loadBalancer.ingress[].ip, creationTimestamp. Other spec
// fields are kept in unknownFields without a diagnostic (a cluster's Services have many).
std::optional<model::Service> readService(KubeObjectReader &k, const YAML::Node &object);
// Node (v1): name, labels, role server when labelled node-role.kubernetes.io/control-plane
// or master, lanIP = the first IPv4 InternalIP (else the first InternalIP), spec.podCIDR,
// NetworkUnavailable=True. A node without an InternalIP is left out with a warning.
std::optional<model::Node> readNode(KubeObjectReader &k, const YAML::Node &object);
std::optional<model::K8sNamespace> readNamespace(KubeObjectReader &k, const YAML::Node &object);

// An EndpointSlice (discovery.k8s.io/v1): the service it belongs to ("namespace/name", from
// the kubernetes.io/service-name label) and the nodes of its serving endpoints (ready true or
// unset, or serving true), in order, without repeats. nullopt when it names no service.
std::optional<std::pair<std::string, std::vector<std::string>>> readEndpointSlice(
    KubeObjectReader &k, const YAML::Node &object);

// A copy of the object without what the API server writes (status, metadata.uid,
// resourceVersion, generation, creationTimestamp, managedFields, selfLink, the
// last-applied-configuration annotation), sharing the rest; for objects kept as they are.
YAML::Node withoutServerFields(const YAML::Node &object);

} // namespace k3snet::io
