// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/io/metallbexport.h"

#include "domain/io/kubeobjects.h"
#include "domain/io/legacyconfig.h"
#include "domain/io/yamldocument.h"
#include "domain/io/yamlreader.h"
#include "domain/io/yamlwriter.h"

namespace k3snet::io {

namespace {

constexpr std::string_view metallbNamespace = "metallb-system";

YAML::Node stringMap(const model::Labels &labels)
{
    YAML::Node m(YAML::NodeType::Map);
    for (const auto &[k, v] : labels)
        m[k] = yamlString(v);
    return m;
}

YAML::Node stringSeq(const std::vector<std::string> &items)
{
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto &s : items)
        seq.push_back(yamlString(s));
    return seq;
}

YAML::Node selectorNode(const model::LabelSelector &selector)
{
    YAML::Node m(YAML::NodeType::Map);
    if (!selector.matchLabels.empty())
        m["matchLabels"] = stringMap(selector.matchLabels);
    if (!selector.matchExpressions.empty()) {
        YAML::Node list(YAML::NodeType::Sequence);
        for (const auto &e : selector.matchExpressions) {
            YAML::Node x(YAML::NodeType::Map);
            x["key"] = yamlString(e.key);
            x["operator"] = yamlString(e.op);
            if (!e.values.empty())
                x["values"] = stringSeq(e.values);
            list.push_back(x);
        }
        m["matchExpressions"] = list;
    }
    return m;
}

void setSelectorsIf(YAML::Node &map, const char *key, const std::vector<model::LabelSelector> &list)
{
    if (list.empty())
        return;
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto &s : list)
        seq.push_back(selectorNode(s));
    map[key] = seq;
}

void setStringsIf(YAML::Node &map, const char *key, const std::vector<std::string> &list)
{
    if (!list.empty())
        map[key] = stringSeq(list);
}

YAML::Node objectNode(const char *kind, const std::string &name, const std::string &ns,
    const model::Labels &labels, const model::Labels &annotations)
{
    YAML::Node o(YAML::NodeType::Map);
    o["apiVersion"] = yamlString("metallb.io/v1beta1");
    o["kind"] = yamlString(kind);
    YAML::Node metadata(YAML::NodeType::Map);
    metadata["name"] = yamlString(name);
    metadata["namespace"] = yamlString(ns.empty() ? std::string(metallbNamespace) : ns);
    if (!labels.empty())
        metadata["labels"] = stringMap(labels);
    if (!annotations.empty())
        metadata["annotations"] = stringMap(annotations);
    o["metadata"] = metadata;
    return o;
}

YAML::Node childOf(const YAML::Node &map, const std::string &key)
{
    return kubeChild(map, key);
}

// Adds the entries of extra that target does not have, recursing into mappings both have;
// what k3snet models wins over a kept field of the same name.
void mergeUnknown(YAML::Node target, const YAML::Node &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!it->first.IsScalar())
            continue;
        const std::string &key = it->first.Scalar();
        YAML::Node existing = childOf(target, key);
        if (!existing.IsDefined()) {
            target.force_insert(it->first, it->second);
        } else if (existing.IsMap() && it->second.IsMap()) {
            mergeUnknown(existing, it->second);
        }
    }
}

void mergeUnknownText(YAML::Node &object, const std::string &unknownFields)
{
    if (unknownFields.empty())
        return;
    auto parsed = parseYamlDocument(unknownFields, YamlLimits());
    if (const auto *extra = std::get_if<YAML::Node>(&parsed); extra && extra->IsMap())
        mergeUnknown(object, *extra);
}

YAML::Node poolNode(const model::IPAddressPool &pool)
{
    YAML::Node o
        = objectNode("IPAddressPool", pool.name, pool.namespaceName, pool.labels, pool.annotations);
    YAML::Node spec(YAML::NodeType::Map);
    spec["addresses"] = stringSeq(pool.addresses); // required by the CRD, so even when empty
    if (pool.autoAssign)
        spec["autoAssign"] = yamlBool(*pool.autoAssign);
    if (pool.avoidBuggyIPs)
        spec["avoidBuggyIPs"] = yamlBool(*pool.avoidBuggyIPs);
    if (pool.serviceAllocation) {
        const auto &sa = *pool.serviceAllocation;
        YAML::Node alloc(YAML::NodeType::Map);
        if (sa.priority)
            alloc["priority"] = yamlInteger(*sa.priority);
        setStringsIf(alloc, "namespaces", sa.namespaces);
        setSelectorsIf(alloc, "namespaceSelectors", sa.namespaceSelectors);
        setSelectorsIf(alloc, "serviceSelectors", sa.serviceSelectors);
        spec["serviceAllocation"] = alloc;
    }
    o["spec"] = spec;
    mergeUnknownText(o, pool.unknownFields);
    return o;
}

YAML::Node l2Node(const model::L2Advertisement &l2)
{
    YAML::Node o
        = objectNode("L2Advertisement", l2.name, l2.namespaceName, l2.labels, l2.annotations);
    YAML::Node spec(YAML::NodeType::Map);
    setStringsIf(spec, "ipAddressPools", l2.ipAddressPools);
    setSelectorsIf(spec, "ipAddressPoolSelectors", l2.ipAddressPoolSelectors);
    setSelectorsIf(spec, "nodeSelectors", l2.nodeSelectors);
    setStringsIf(spec, "interfaces", l2.interfaces);
    setSelectorsIf(spec, "serviceSelectors", l2.serviceSelectors);
    // An advertisement without a spec (all pools, all nodes) is written as it was read.
    if (spec.size() > 0)
        o["spec"] = spec;
    mergeUnknownText(o, l2.unknownFields);
    return o;
}

bool belongsToMetalLB(const model::PreservedObject &o)
{
    return o.apiVersion.starts_with("metallb.io/") || o.namespaceName == metallbNamespace;
}

} // namespace

std::string exportMetalLB(const model::Project &project)
{
    std::vector<std::string> documents;
    for (const auto &pool : project.pools)
        documents.push_back(writeKubeYaml(poolNode(pool)).value_or(""));
    for (const auto &l2 : project.l2Advertisements)
        documents.push_back(writeKubeYaml(l2Node(l2)).value_or(""));
    for (const auto &o : project.preserved) {
        if (belongsToMetalLB(o))
            documents.push_back(o.yaml);
    }
    std::string text = "# MetalLB resources of the k3snet project \"" + project.name + "\"\n";
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (i > 0)
            text += "---\n";
        text += documents[i];
    }
    return text;
}

std::string exportLegacyConversion(
    std::string_view legacyText, const std::string &fileName, rules::Diagnostics *diagnostics)
{
    YamlReader reader(fileName);
    LegacyConversion conversion;
    bool found = false;
    bool innerFailed = false;
    try {
        if (auto root = reader.parse(legacyText); root && root->IsMap()) {
            std::string ns(metallbNamespace);
            YAML::Node config = *root;
            std::string path;
            std::optional<YAML::Node> inner;
            if (reader.peekString(*root, "kind").value_or("") == "ConfigMap") {
                ns = kubeObjectNamespace(reader, *root, ns);
                const YAML::Node text = kubeChild(kubeChild(*root, "data"), "config");
                if (text.IsScalar()) {
                    // configmaptocrs reads the data as its own document; so does this.
                    YamlReader innerReader(fileName);
                    inner = innerReader.parse(text.Scalar());
                    innerFailed = innerReader.hasErrors();
                    auto innerDiagnostics = innerReader.takeDiagnostics();
                    if (diagnostics)
                        diagnostics->insert(
                            diagnostics->end(), innerDiagnostics.begin(), innerDiagnostics.end());
                }
                if (inner) {
                    config = *inner;
                    path = "data.config";
                }
                found = inner.has_value();
            } else if (isLegacyConfig(*root)) {
                found = true;
            } else if (YAML::Node values = kubeChild(*root, "configInline"); values.IsMap()) {
                config = values;
                path = "configInline";
                found = true;
            }
            if (found)
                conversion = convertLegacyConfig(reader, config, ns, path);
        }
    } catch (const std::exception &e) {
        reader.error("yaml-syntax", std::string("cannot read the configuration: ") + e.what(),
            model::SourceLocation{fileName, 0, 0});
    }
    if (!found && !reader.hasErrors() && !innerFailed)
        reader.error("not-a-legacy-config",
            "no legacy MetalLB configuration (a ConfigMap with data.config, address-pools, or "
            "configInline) found",
            model::SourceLocation{fileName, 0, 0});
    const bool failed = innerFailed || reader.hasErrors();
    auto read = reader.takeDiagnostics();
    if (diagnostics)
        diagnostics->insert(diagnostics->end(), read.begin(), read.end());
    if (failed)
        return {};
    return configmaptocrsText(conversion);
}

} // namespace k3snet::io
