// SPDX-License-Identifier: GPL-3.0-or-later
// Merging an import into a project (declared in metallbimport.h).
#include "domain/io/metallbimport.h"

#include "domain/io/yamltext.h"

#include <algorithm>

namespace k3snet::io {

namespace {

// Replaces the item of items that has item's key, or appends item; true when it replaced.
template<class T, class Key> bool replaceOrAppend(std::vector<T> &items, const T &item, Key key)
{
    const auto it = std::find_if(
        items.begin(), items.end(), [&](const T &existing) { return key(existing) == key(item); });
    if (it == items.end()) {
        items.push_back(item);
        return false;
    }
    *it = item;
    return true;
}

} // namespace

void mergeImport(
    model::Project &project, const ImportResult &result, rules::Diagnostics &diagnostics)
{
    const model::Project &in = result.project;
    auto replacedNote = [&](const std::string &kind, const std::string &name,
                            const std::string &path, const std::string &extra = {}) {
        diagnostics.push_back({rules::Severity::Info, "object-replaced",
            kind + " " + quoteForMessage(name) + " replaces the one in the project" + extra,
            {{kind, name}}, in.sources.find(path)});
    };

    for (const auto &pool : in.pools) {
        if (replaceOrAppend(project.pools, pool, [](const auto &p) { return p.name; }))
            replacedNote("IPAddressPool", pool.name, "pools/" + pool.name);
    }
    for (const auto &l2 : in.l2Advertisements) {
        if (replaceOrAppend(project.l2Advertisements, l2, [](const auto &a) { return a.name; }))
            replacedNote("L2Advertisement", l2.name, "l2Advertisements/" + l2.name);
    }
    for (const auto &s : in.services) {
        if (replaceOrAppend(project.services, s, [](const auto &x) { return x.key(); }))
            replacedNote("Service", s.key(), "services/" + s.key());
    }
    for (const auto &ns : in.namespaces) {
        if (replaceOrAppend(project.namespaces, ns, [](const auto &x) { return x.name; }))
            replacedNote("Namespace", ns.name, "namespaces/" + ns.name);
    }
    for (const auto &node : in.nodes) {
        // A node read from a cluster knows nothing of how k3snet reaches it or which uplink
        // it uses; those stay as the project had them.
        const auto old = std::find_if(project.nodes.begin(), project.nodes.end(),
            [&](const model::Node &n) { return n.name == node.name; });
        if (old == project.nodes.end()) {
            project.nodes.push_back(node);
            continue;
        }
        model::Node merged = node;
        std::string kept;
        if (merged.ssh == model::SshEndpoint() && old->ssh != model::SshEndpoint()) {
            merged.ssh = old->ssh;
            kept = "SSH settings";
        }
        if (merged.interface.empty() && !old->interface.empty()) {
            merged.interface = old->interface;
            kept += kept.empty() ? "interface" : " and interface";
        }
        if (!merged.podCIDR && old->podCIDR)
            merged.podCIDR = old->podCIDR;
        *old = std::move(merged);
        replacedNote("Node", node.name, "nodes/" + node.name,
            kept.empty() ? std::string() : " (keeping its " + kept + ")");
    }
    for (const auto &p : in.preserved) {
        const auto key = [](const model::PreservedObject &o) {
            return o.kind + "/" + o.namespaceName + "/" + o.name;
        };
        if (replaceOrAppend(project.preserved, p, key))
            diagnostics.push_back({rules::Severity::Info, "object-replaced",
                p.kind + " " + quoteForMessage(p.name) + " replaces the one in the project",
                {{p.kind, p.name}}, {}});
    }
    for (const auto &entry : result.endpointNodes) {
        // Not a structured binding: lambdas may capture those only from C++20 compilers newer
        // than Debian 12's clang 14, which builds the fuzz targets.
        const std::string &service = entry.first;
        const std::vector<std::string> &nodes = entry.second;
        const auto it = std::find_if(project.services.begin(), project.services.end(),
            [&](const model::Service &s) { return s.key() == service; });
        if (it != project.services.end()) {
            it->endpointNodes = nodes;
            continue;
        }
        diagnostics.push_back({rules::Severity::Info, "endpoints-without-service",
            "EndpointSlices name service " + quoteForMessage(service)
                + ", which the project does not have; import the Service too",
            {{"Service", service}}, {}});
    }
    project.sources.merge(in.sources);
}

} // namespace k3snet::io
