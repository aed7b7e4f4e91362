// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/clusternetwork.h"
#include "domain/model/ipaddresspool.h"
#include "domain/model/k8snamespace.h"
#include "domain/model/l2advertisement.h"
#include "domain/model/node.h"
#include "domain/model/preservedobject.h"
#include "domain/model/service.h"
#include "domain/model/sourcelocation.h"

#include <string>
#include <vector>

namespace k3snet::model {

// A k3snet project: one cluster's network, as saved in a *.k3snet.yaml file.
struct Project
{
    static constexpr const char *apiVersion = "k3snet.io/v1alpha1";
    static constexpr const char *kind = "Project";

    std::string name;
    std::string description;
    ClusterNetwork network;
    std::vector<Node> nodes;
    std::vector<K8sNamespace> namespaces;
    std::vector<IPAddressPool> pools;
    std::vector<L2Advertisement> l2Advertisements;
    std::vector<Service> services;
    // Objects read from MetalLB/kubectl YAML that k3snet keeps but does not manage.
    std::vector<PreservedObject> preserved;

    // Where each object and field was read from; empty for projects built in memory.
    SourceMap sources;

    const Node *findNode(const std::string &name) const;
    const IPAddressPool *findPool(const std::string &name) const;
    const Service *findService(const std::string &ns, const std::string &name) const;
    const K8sNamespace *findNamespace(const std::string &name) const;

    // Equality of content; where things were read from does not count.
    friend bool operator==(const Project &a, const Project &b)
    {
        return a.name == b.name && a.description == b.description && a.network == b.network
            && a.nodes == b.nodes && a.namespaces == b.namespaces && a.pools == b.pools
            && a.l2Advertisements == b.l2Advertisements && a.services == b.services
            && a.preserved == b.preserved;
    }
};

} // namespace k3snet::model
