// SPDX-License-Identifier: GPL-3.0-or-later
// Saving of project files in their canonical form; loading is in projectfile.cpp. The key
// order here is the file format's: changing it changes every saved file.
#include "domain/io/atomicfile.h"
#include "domain/io/kubeyaml.h"
#include "domain/io/projectfile.h"
#include "domain/io/yamldocument.h"
#include "domain/io/yamlwriter.h"

#include <new>

namespace k3snet::io {

namespace {

template<class T> void writeValue(YAML::Emitter &out, std::string_view key, const T &value)
{
    out << YAML::Key << std::string(key) << YAML::Value << value;
}

// YAML kept as text (unknownFields, kept objects) is written as the tree it holds, so that the
// project file shows it like everything else. Text that does not parse (only possible for
// objects built in memory) is written as a string, which loading then reports.
void writeYamlTree(YAML::Emitter &out, const std::string &text)
{
    auto parsed = parseYamlDocument(text, YamlLimits());
    if (const auto *node = std::get_if<YAML::Node>(&parsed); node && node->IsMap()) {
        YAML::Emitter probe;
        if (emitYamlNode(probe, *node)) {
            emitYamlNode(out, *node);
            return;
        }
    }
    out << text;
}

void writeUnknownFieldsIf(YAML::Emitter &out, const std::string &unknownFields)
{
    if (unknownFields.empty())
        return;
    out << YAML::Key << "unknownFields" << YAML::Value;
    writeYamlTree(out, unknownFields);
}

void writeNetwork(YAML::Emitter &out, const model::ClusterNetwork &net)
{
    // Always written in full, defaults included: these settings are the point of the file,
    // and a reader should not need to know k3s's defaults to see them.
    out << YAML::Key << "network" << YAML::Value << YAML::BeginMap;
    writeString(out, "clusterCIDR", net.clusterCIDR.toString());
    writeString(out, "serviceCIDR", net.serviceCIDR.toString());
    writeString(out, "clusterDNS", net.clusterDNS.toString());
    writeString(out, "clusterDomain", net.clusterDomain);
    writeValue(out, "nodeCIDRMaskSize", net.nodeCIDRMaskSize);

    out << YAML::Key << "vxlan" << YAML::Value << YAML::BeginMap;
    writeValue(out, "vni", net.vxlan.vni);
    writeValue(out, "port", net.vxlan.port);
    if (net.vxlan.mtu != 0) // 0: derived from the LAN MTU
        writeValue(out, "mtu", net.vxlan.mtu);
    out << YAML::EndMap;

    const model::ClusterNetwork::Lan unset;
    out << YAML::Key << "lan" << YAML::Value << YAML::BeginMap;
    if (net.lan.subnet != unset.subnet)
        writeString(out, "subnet", net.lan.subnet.toString());
    if (net.lan.gateway != unset.gateway)
        writeString(out, "gateway", net.lan.gateway.toString());
    writeString(out, "interface", net.lan.interface);
    writeValue(out, "mtu", net.lan.mtu);
    out << YAML::EndMap;

    out << YAML::EndMap;
}

void writeNode(YAML::Emitter &out, const model::Node &node)
{
    out << YAML::BeginMap;
    writeString(out, "name", node.name);
    writeString(out, "role", model::nodeRoleName(node.role));
    writeString(out, "lanIP", node.lanIP.toString());
    writeStringIf(out, "interface", node.interface);
    writeLabelsIf(out, "labels", node.labels);
    if (node.podCIDR)
        writeString(out, "podCIDR", node.podCIDR->toString());
    if (node.networkUnavailable)
        writeValue(out, "networkUnavailable", true);
    const model::SshEndpoint unset;
    if (node.ssh != unset) {
        out << YAML::Key << "ssh" << YAML::Value << YAML::BeginMap;
        writeStringIf(out, "host", node.ssh.host);
        if (node.ssh.port != unset.port)
            writeValue(out, "port", node.ssh.port);
        writeStringIf(out, "user", node.ssh.user);
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

void writeNamespace(YAML::Emitter &out, const model::K8sNamespace &ns)
{
    out << YAML::BeginMap;
    writeString(out, "name", ns.name);
    writeLabelsIf(out, "labels", ns.labels);
    out << YAML::EndMap;
}

void writePool(YAML::Emitter &out, const model::IPAddressPool &pool)
{
    const model::IPAddressPool unset;
    out << YAML::BeginMap;
    writeString(out, "name", pool.name);
    if (pool.namespaceName != unset.namespaceName)
        writeString(out, "namespace", pool.namespaceName);
    writeLabelsIf(out, "labels", pool.labels);
    writeLabelsIf(out, "annotations", pool.annotations);
    writeStringListIf(out, "addresses", pool.addresses);
    if (pool.autoAssign)
        writeValue(out, "autoAssign", *pool.autoAssign);
    if (pool.avoidBuggyIPs)
        writeValue(out, "avoidBuggyIPs", *pool.avoidBuggyIPs);
    if (pool.serviceAllocation) {
        const auto &sa = *pool.serviceAllocation;
        out << YAML::Key << "serviceAllocation" << YAML::Value;
        if (sa == model::IPAddressPool::ServiceAllocation{}) {
            // Set but empty is not the same as unset, so it is written as "{}".
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        } else {
            out << YAML::BeginMap;
            if (sa.priority)
                writeValue(out, "priority", *sa.priority);
            writeStringListIf(out, "namespaces", sa.namespaces);
            writeLabelSelectorsIf(out, "namespaceSelectors", sa.namespaceSelectors);
            writeLabelSelectorsIf(out, "serviceSelectors", sa.serviceSelectors);
            out << YAML::EndMap;
        }
    }
    writeUnknownFieldsIf(out, pool.unknownFields);
    out << YAML::EndMap;
}

void writeL2Advertisement(YAML::Emitter &out, const model::L2Advertisement &l2)
{
    out << YAML::BeginMap;
    writeString(out, "name", l2.name);
    if (l2.namespaceName != model::L2Advertisement().namespaceName)
        writeString(out, "namespace", l2.namespaceName);
    writeLabelsIf(out, "labels", l2.labels);
    writeLabelsIf(out, "annotations", l2.annotations);
    writeStringListIf(out, "ipAddressPools", l2.ipAddressPools);
    writeLabelSelectorsIf(out, "ipAddressPoolSelectors", l2.ipAddressPoolSelectors);
    writeLabelSelectorsIf(out, "nodeSelectors", l2.nodeSelectors);
    writeStringListIf(out, "interfaces", l2.interfaces);
    writeLabelSelectorsIf(out, "serviceSelectors", l2.serviceSelectors);
    writeUnknownFieldsIf(out, l2.unknownFields);
    out << YAML::EndMap;
}

void writeService(YAML::Emitter &out, const model::Service &s)
{
    // namespace, name and type are always written, as kubectl shows them.
    out << YAML::BeginMap;
    writeString(out, "namespace", s.namespaceName);
    writeString(out, "name", s.name);
    writeString(out, "type", s.type);
    writeStringIf(out, "clusterIP", s.clusterIP);
    writeStringListIf(out, "clusterIPs", s.clusterIPs);
    writeLabelsIf(out, "labels", s.labels);
    writeLabelsIf(out, "annotations", s.annotations);
    writeLabelsIf(out, "selector", s.selector);
    if (!s.ports.empty()) {
        out << YAML::Key << "ports" << YAML::Value << YAML::BeginSeq;
        for (const auto &port : s.ports) {
            out << YAML::BeginMap;
            writeStringIf(out, "name", port.name);
            writeString(out, "protocol", port.protocol);
            writeValue(out, "port", port.port);
            if (port.nodePort != 0)
                writeValue(out, "nodePort", port.nodePort);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    writeStringIf(out, "loadBalancerIP", s.loadBalancerIP);
    writeStringIf(out, "externalTrafficPolicy", s.externalTrafficPolicy);
    writeStringIf(out, "ipFamilyPolicy", s.ipFamilyPolicy);
    writeStringListIf(out, "ipFamilies", s.ipFamilies);
    writeStringListIf(out, "ingressIPs", s.ingressIPs);
    writeStringIf(out, "creationTimestamp", s.creationTimestamp);
    if (s.endpointNodes) {
        // Written even when empty: "no node serves it" differs from "not known".
        out << YAML::Key << "endpointNodes" << YAML::Value;
        if (s.endpointNodes->empty())
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        else
            out << *s.endpointNodes;
    }
    writeUnknownFieldsIf(out, s.unknownFields);
    out << YAML::EndMap;
}

template<class T, class Write>
void writeList(YAML::Emitter &out, std::string_view key, const std::vector<T> &items, Write write)
{
    if (items.empty())
        return;
    out << YAML::Key << std::string(key) << YAML::Value << YAML::BeginSeq;
    for (const auto &item : items)
        write(out, item);
    out << YAML::EndSeq;
}

} // namespace

std::string saveProjectText(const model::Project &p)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    writeString(out, "apiVersion", model::Project::apiVersion);
    writeString(out, "kind", model::Project::kind);
    out << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
    writeString(out, "name", p.name);
    writeStringIf(out, "description", p.description);
    out << YAML::EndMap;
    writeNetwork(out, p.network);
    writeList(out, "nodes", p.nodes, writeNode);
    writeList(out, "namespaces", p.namespaces, writeNamespace);
    writeList(out, "pools", p.pools, writePool);
    writeList(out, "l2Advertisements", p.l2Advertisements, writeL2Advertisement);
    writeList(out, "services", p.services, writeService);
    writeList(out, "preserved", p.preserved,
        [](YAML::Emitter &o, const model::PreservedObject &kept) { writeYamlTree(o, kept.yaml); });
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

std::optional<std::string> saveProjectFile(const model::Project &project, const std::string &path)
{
    try {
        return writeFileAtomically(path, saveProjectText(project));
    } catch (const std::bad_alloc &) {
        return "cannot save \"" + path + "\": out of memory";
    } catch (const std::exception &e) {
        return "cannot save \"" + path + "\": " + e.what();
    }
}

} // namespace k3snet::io
