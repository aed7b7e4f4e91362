// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/rules/diagnostic.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

// Import of what a cluster (or its manifests) says about its network into a k3snet project:
// MetalLB resources (IPAddressPool, L2Advertisement; the legacy ConfigMap and Helm
// configInline, converted as configmaptocrs converts them), Services, Nodes, Namespaces and
// EndpointSlices, from manifests with several documents or `kubectl get ... -o yaml` dumps.
namespace k3snet::io {

// One object an import read, for telling the user what was imported.
struct ImportedObject
{
    enum class Fate : std::uint8_t
    {
        Imported, // into the model (pools, advertisements, services, nodes, namespaces)
        Converted, // generated from a legacy configuration, then imported or preserved
        Preserved, // kept as YAML, written back on export
        Applied, // EndpointSlice: applied to its service's endpointNodes
        Dropped // not kept (workloads, secrets, runtime status)
    };
    std::string kind;
    std::string name; // "namespace/name" for namespaced kinds other than MetalLB's
    Fate fate = Fate::Imported;
    model::SourceLocation location;
};

struct ImportResult
{
    // The objects read, in file order within each list; network settings stay at their
    // defaults. sources holds where each object and field was read.
    model::Project project;
    std::vector<ImportedObject> objects;
    // The nodes that serve each service ("namespace/name"), from the EndpointSlices read;
    // already applied to the services in project, and applied by mergeImport to the
    // services of the project merged into.
    std::map<std::string, std::vector<std::string>> endpointNodes;
    // In file order. Errors (the text cannot be read faithfully): yaml-syntax, too-large,
    // too-deep, wrong-type, missing-field, invalid-value, duplicate-key, empty-document,
    // unknown-key (legacy configuration, which MetalLB read strictly),
    // not-a-kubernetes-object, k3snet-project. Warnings: unknown-field,
    // legacy-bgp-not-managed, legacy-unknown-protocol, node-without-address,
    // unsupported-api-version, host-bits-set. Infos: object-preserved, object-dropped,
    // field-preserved, legacy-configmap-deprecated, legacy-configinline-deprecated,
    // too-many-notes.
    rules::Diagnostics diagnostics;

    bool hasErrors() const { return rules::hasErrors(diagnostics); }
};

// Reads every document of text (several separated by "---", and kind: List with items,
// nested Lists too). Never throws; whatever the text holds ends up as diagnostics located
// at fileName:line:column.
ImportResult importKubernetesYaml(std::string_view text, const std::string &fileName);

// Merges an import into project: an object with the same kind and name (namespace/name for
// services and kept objects) replaces the project's (an info "object-replaced" says so; a
// node keeps the SSH settings and interface of the one it replaces when it has none), others
// are appended. The EndpointSlices' nodes are applied to the project's services; one for a
// service the project does not have draws an info "endpoints-without-service".
void mergeImport(
    model::Project &project, const ImportResult &result, rules::Diagnostics &diagnostics);

} // namespace k3snet::io
