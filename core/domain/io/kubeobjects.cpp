// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/io/kubeobjects.h"

#include "domain/io/kubeyaml.h"
#include "domain/io/yamltext.h"
#include "domain/io/yamlwriter.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>

namespace k3snet::io {

namespace {

using Need = YamlReader::Need;
constexpr std::int64_t int32Min = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t int32Max = std::numeric_limits<std::int32_t>::max();

// Metadata that the API server writes; an export must not carry it (a stale resourceVersion
// makes `kubectl apply` fail), so it is dropped on import.
constexpr std::string_view serverMetadata[]
    = {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink",
        "deletionTimestamp", "deletionGracePeriodSeconds"};
constexpr std::string_view lastApplied = "kubectl.kubernetes.io/last-applied-configuration";

bool isServerMetadata(std::string_view key)
{
    return std::find(std::begin(serverMetadata), std::end(serverMetadata), key)
        != std::end(serverMetadata);
}

bool contains(std::initializer_list<std::string_view> list, std::string_view key)
{
    return std::find(list.begin(), list.end(), key) != list.end();
}

// Sets the object the reader's diagnostics are about for the lifetime of the scope.
class ObjectScope
{
public:
    ObjectScope(YamlReader &r, rules::ObjectRef ref)
        : m_reader(r)
    {
        m_reader.setObject(ref.name.empty() ? std::nullopt : std::optional(std::move(ref)));
    }
    ~ObjectScope() { m_reader.setObject(std::nullopt); }
    ObjectScope(const ObjectScope &) = delete;
    ObjectScope &operator=(const ObjectScope &) = delete;

private:
    YamlReader &m_reader;
};

// The fields of one object that k3snet does not model, kept in the structure they had.
class UnknownFields
{
public:
    void keep(std::initializer_list<std::string_view> at, const YamlMap::Entry &e)
    {
        YAML::Node current = m_root;
        for (std::string_view key : at) {
            YAML::Node next = current[std::string(key)];
            if (!next.IsMap()) {
                current[std::string(key)] = YAML::Node(YAML::NodeType::Map);
                next.reset(current[std::string(key)]);
            }
            current.reset(next);
        }
        current.force_insert(e.keyNode, e.value);
    }
    // The YAML text of the kept fields, or "" when there are none; false when they cannot be
    // written (too large once aliases are expanded).
    bool text(std::string &out) const
    {
        out.clear();
        if (m_root.size() == 0)
            return true;
        auto text = writeKubeYaml(m_root);
        if (!text)
            return false;
        out = std::move(*text);
        return true;
    }

private:
    YAML::Node m_root{YAML::NodeType::Map};
};

struct ObjectPaths
{
    std::string kind;
    std::string path; // "pools/default", or the kind while the object has no name
    rules::ObjectRef ref;
};

// Reports a field that k3snet does not model and keeps it. MetalLB fields k3snet knows of
// but does not model are an info; anything else a warning, with the field it was probably
// meant to be.
void keepUnknown(KubeObjectReader &k, const ObjectPaths &o, UnknownFields &unknown,
    std::initializer_list<std::string_view> at, const YamlMap &map, const YamlMap::Entry &e,
    std::initializer_list<std::string_view> known,
    std::initializer_list<std::string_view> notModelled)
{
    unknown.keep(at, e);
    std::string where;
    for (std::string_view part : at)
        where += std::string(part) + ".";
    where += e.key;
    const auto location = k.reader.location(e.keyNode.Mark());
    if (contains(notModelled, e.key)) {
        k.notes.push_back({rules::Severity::Info, "field-preserved",
            o.kind + " field " + where
                + " is not modelled by k3snet; it is kept and written back on export",
            {o.ref}, location});
        return;
    }
    std::string message = "unknown field " + quoteForMessage(where) + " in " + map.path();
    if (std::string hint = suggestKnownKey(e.key, known); !hint.empty())
        message += "; did you mean \"" + hint + "\"?";
    message += " It is kept and written back on export.";
    k.reader.warning("unknown-field", std::move(message), e.keyNode.Mark());
}

// The mapping under key of parent, named path (the object's path, so that its fields are
// recorded where the rules look for them). Absent: an empty mapping, or an error if required.
YamlMap subMap(YamlReader &r, const YamlMap &parent, std::string_view key, const std::string &path,
    Need need = Need::Optional)
{
    const YamlMap::Entry *e = parent.find(key);
    if (!e || e->value.IsNull()) {
        if (need == Need::Required)
            r.error("missing-field",
                "missing required field \"" + std::string(key) + "\" in " + path,
                e ? e->keyNode.Mark() : parent.node().Mark());
        return r.mapping(YAML::Node(YAML::NodeType::Map), path);
    }
    return r.mapping(e->value, path);
}

template<class T, class V> void set(T &target, std::optional<V> value)
{
    if (value)
        target = static_cast<T>(std::move(*value));
}

// metadata: name, namespace, labels, annotations; server-written fields dropped, the rest
// (generateName, ownerReferences, finalizers...) kept.
void readMetadata(KubeObjectReader &k, const ObjectPaths &o, const YamlMap &top,
    UnknownFields *unknown, std::string &name, std::string *ns, model::Labels *labels,
    model::Labels *annotations, std::string *creationTimestamp = nullptr)
{
    YamlReader &r = k.reader;
    if (!top.has("metadata")) {
        r.error(
            "missing-field", "missing required field \"metadata\" in " + o.path, top.node().Mark());
        return;
    }
    const YamlMap m = subMap(r, top, "metadata", o.path);
    set(name, r.string(m, "name", Need::Required));
    if (ns)
        set(*ns, r.string(m, "namespace"));
    if (labels)
        set(*labels, r.stringMap(m, "labels"));
    if (annotations) {
        set(*annotations, r.stringMap(m, "annotations"));
        annotations->erase(std::string(lastApplied));
    }
    if (creationTimestamp)
        set(*creationTimestamp, r.string(m, "creationTimestamp"));
    for (const auto &e : m.entries()) {
        if (contains({"name", "namespace", "labels", "annotations"}, e.key)
            || isServerMetadata(e.key))
            continue;
        if (unknown)
            unknown->keep({"metadata"}, e);
    }
}

// Top-level keys besides apiVersion, kind, metadata, spec and status are kept.
void keepTopLevel(
    KubeObjectReader &k, const ObjectPaths &o, const YamlMap &top, UnknownFields &unknown)
{
    for (const auto &e : top.entries()) {
        if (!contains({"apiVersion", "kind", "metadata", "spec", "status"}, e.key))
            keepUnknown(k, o, unknown, {}, top, e, {"apiVersion", "kind", "metadata", "spec"}, {});
    }
}

bool storeUnknown(KubeObjectReader &k, const ObjectPaths &o, const YamlMap &top,
    const UnknownFields &unknown, std::string &target)
{
    if (unknown.text(target))
        return true;
    k.reader.error("too-large",
        o.path + ": the fields k3snet keeps as they are expand to too many values",
        top.node().Mark());
    return false;
}

ObjectPaths pathsFor(YamlReader &r, const YAML::Node &object, const std::string &kind,
    const std::string &prefix, bool namespaced = false, const std::string &defaultNs = {})
{
    const std::string name = kubeObjectName(r, object);
    std::string display = name;
    if (namespaced && !name.empty())
        display = kubeObjectNamespace(r, object, defaultNs) + "/" + name;
    ObjectPaths o;
    o.kind = kind;
    o.path = display.empty() ? kind : prefix + "/" + display;
    o.ref = {kind, display};
    return o;
}

} // namespace

YAML::Node kubeChild(const YAML::Node &map, std::string_view key)
{
    if (map.IsDefined() && map.IsMap()) {
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == key)
                return it->second;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

std::string kubeObjectName(YamlReader &reader, const YAML::Node &object)
{
    return reader.peekString(kubeChild(object, "metadata"), "name").value_or("");
}

std::string kubeObjectNamespace(
    YamlReader &reader, const YAML::Node &object, const std::string &fallback)
{
    auto ns = reader.peekString(kubeChild(object, "metadata"), "namespace");
    return ns && !ns->empty() ? *ns : fallback;
}

std::optional<model::IPAddressPool> readIPAddressPool(KubeObjectReader &k, const YAML::Node &object)
{
    YamlReader &r = k.reader;
    const ObjectPaths o = pathsFor(r, object, "IPAddressPool", "pools");
    ObjectScope scope(r, o.ref);
    const YamlMap top = r.mapping(object, o.path);
    if (!top.isValid())
        return std::nullopt;
    r.record(o.path, object);
    model::IPAddressPool pool;
    UnknownFields unknown;
    readMetadata(
        k, o, top, &unknown, pool.name, &pool.namespaceName, &pool.labels, &pool.annotations);

    const YamlMap spec = subMap(r, top, "spec", o.path, Need::Required);
    const std::initializer_list<std::string_view> known
        = {"addresses", "autoAssign", "avoidBuggyIPs", "serviceAllocation"};
    for (const auto &e : spec.entries()) {
        if (!contains(known, e.key))
            keepUnknown(k, o, unknown, {"spec"}, spec, e, known, {});
    }
    // Entries stay text: the rules parse them and can then say which entry is wrong and why.
    set(pool.addresses, r.stringList(spec, "addresses"));
    set(pool.autoAssign, r.boolean(spec, "autoAssign"));
    set(pool.avoidBuggyIPs, r.boolean(spec, "avoidBuggyIPs"));
    if (spec.has("serviceAllocation")) {
        const YamlMap sa = r.mapping(spec, "serviceAllocation");
        const std::initializer_list<std::string_view> knownSa
            = {"priority", "namespaces", "namespaceSelectors", "serviceSelectors"};
        for (const auto &e : sa.entries()) {
            if (!contains(knownSa, e.key))
                keepUnknown(k, o, unknown, {"spec", "serviceAllocation"}, sa, e, knownSa, {});
        }
        model::IPAddressPool::ServiceAllocation alloc;
        set(alloc.priority, r.integer(sa, "priority", int32Min, int32Max));
        set(alloc.namespaces, r.stringList(sa, "namespaces"));
        alloc.namespaceSelectors = readLabelSelectors(r, sa, "namespaceSelectors");
        alloc.serviceSelectors = readLabelSelectors(r, sa, "serviceSelectors");
        pool.serviceAllocation = std::move(alloc);
    }
    keepTopLevel(k, o, top, unknown);
    storeUnknown(k, o, top, unknown, pool.unknownFields);
    return pool;
}

std::optional<model::L2Advertisement> readL2Advertisement(
    KubeObjectReader &k, const YAML::Node &object)
{
    YamlReader &r = k.reader;
    const ObjectPaths o = pathsFor(r, object, "L2Advertisement", "l2Advertisements");
    ObjectScope scope(r, o.ref);
    const YamlMap top = r.mapping(object, o.path);
    if (!top.isValid())
        return std::nullopt;
    r.record(o.path, object);
    model::L2Advertisement l2;
    UnknownFields unknown;
    readMetadata(k, o, top, &unknown, l2.name, &l2.namespaceName, &l2.labels, &l2.annotations);

    // spec is optional: an L2Advertisement without one announces every pool from every node.
    const YamlMap spec = subMap(r, top, "spec", o.path);
    const std::initializer_list<std::string_view> known = {"ipAddressPools",
        "ipAddressPoolSelectors", "nodeSelectors", "interfaces", "serviceSelectors"};
    for (const auto &e : spec.entries()) {
        if (!contains(known, e.key))
            keepUnknown(k, o, unknown, {"spec"}, spec, e, known, {"preferredNodeSelectors"});
    }
    set(l2.ipAddressPools, r.stringList(spec, "ipAddressPools"));
    l2.ipAddressPoolSelectors = readLabelSelectors(r, spec, "ipAddressPoolSelectors");
    l2.nodeSelectors = readLabelSelectors(r, spec, "nodeSelectors");
    set(l2.interfaces, r.stringList(spec, "interfaces"));
    l2.serviceSelectors = readLabelSelectors(r, spec, "serviceSelectors");
    keepTopLevel(k, o, top, unknown);
    storeUnknown(k, o, top, unknown, l2.unknownFields);
    return l2;
}

std::optional<model::Service> readService(KubeObjectReader &k, const YAML::Node &object)
{
    YamlReader &r = k.reader;
    const ObjectPaths o = pathsFor(r, object, "Service", "services", true, "default");
    ObjectScope scope(r, o.ref);
    const YamlMap top = r.mapping(object, o.path);
    if (!top.isValid())
        return std::nullopt;
    r.record(o.path, object);
    model::Service s;
    UnknownFields unknown;
    readMetadata(k, o, top, &unknown, s.name, &s.namespaceName, &s.labels, &s.annotations,
        &s.creationTimestamp);
    if (s.namespaceName.empty())
        s.namespaceName = "default";

    const YamlMap spec = subMap(r, top, "spec", o.path);
    const std::initializer_list<std::string_view> known = {"type", "selector", "ports", "clusterIP",
        "clusterIPs", "loadBalancerIP", "externalTrafficPolicy", "ipFamilyPolicy", "ipFamilies"};
    for (const auto &e : spec.entries()) {
        if (!contains(known, e.key))
            unknown.keep({"spec"}, e);
    }
    set(s.type, r.string(spec, "type"));
    set(s.selector, r.stringMap(spec, "selector"));
    const auto ports = r.sequence(spec, "ports");
    for (std::size_t i = 0; i < ports.size() && !r.stopped(); ++i) {
        const YamlMap pm
            = r.mapping(ports[i], spec.childPath("ports") + "[" + std::to_string(i) + "]");
        if (!pm.isValid())
            continue;
        r.record(pm.path(), ports[i]);
        model::ServicePort port;
        set(port.name, r.string(pm, "name"));
        set(port.protocol, r.string(pm, "protocol"));
        set(port.port, r.integer(pm, "port", 1, 65535, Need::Required));
        set(port.nodePort, r.integer(pm, "nodePort", 0, 65535));
        s.ports.push_back(std::move(port));
    }
    set(s.clusterIP, r.string(spec, "clusterIP"));
    set(s.clusterIPs, r.stringList(spec, "clusterIPs"));
    set(s.loadBalancerIP, r.string(spec, "loadBalancerIP"));
    set(s.externalTrafficPolicy, r.string(spec, "externalTrafficPolicy"));
    set(s.ipFamilyPolicy, r.string(spec, "ipFamilyPolicy"));
    set(s.ipFamilies, r.stringList(spec, "ipFamilies"));

    // status.loadBalancer.ingress[].ip: what MetalLB already assigned (hostname entries are
    // for cloud load balancers and have no IP).
    const YamlMap status = subMap(r, top, "status", o.path + ".status");
    const YamlMap lb = r.mapping(status, "loadBalancer");
    const auto ingress = r.sequence(lb, "ingress");
    for (std::size_t i = 0; i < ingress.size(); ++i) {
        const YamlMap in
            = r.mapping(ingress[i], lb.childPath("ingress") + "[" + std::to_string(i) + "]");
        if (auto ip = r.string(in, "ip"); ip && !ip->empty()) {
            r.record(o.path + ".ingressIPs[" + std::to_string(s.ingressIPs.size()) + "]",
                in.find("ip")->value);
            s.ingressIPs.push_back(*ip);
        }
    }
    storeUnknown(k, o, top, unknown, s.unknownFields);
    return s;
}

std::optional<model::Node> readNode(KubeObjectReader &k, const YAML::Node &object)
{
    YamlReader &r = k.reader;
    const ObjectPaths o = pathsFor(r, object, "Node", "nodes");
    ObjectScope scope(r, o.ref);
    const YamlMap top = r.mapping(object, o.path);
    if (!top.isValid())
        return std::nullopt;
    r.record(o.path, object);
    model::Node node;
    readMetadata(k, o, top, nullptr, node.name, nullptr, &node.labels, nullptr);
    if (node.labels.contains("node-role.kubernetes.io/control-plane")
        || node.labels.contains("node-role.kubernetes.io/master"))
        node.role = model::NodeRole::Server;

    const YamlMap spec = subMap(r, top, "spec", o.path);
    set(node.podCIDR, r.prefix(spec, "podCIDR"));

    const YamlMap status = subMap(r, top, "status", o.path + ".status");
    std::optional<std::pair<net::Address, YAML::Node>> internal;
    const auto addresses = r.sequence(status, "addresses");
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        const YamlMap a = r.mapping(
            addresses[i], status.childPath("addresses") + "[" + std::to_string(i) + "]");
        if (r.string(a, "type").value_or("") != "InternalIP")
            continue;
        auto ip = r.address(a, "address", Need::Required);
        if (!ip)
            continue;
        // The first IPv4 InternalIP wins; an IPv6 one only when there is no IPv4 one.
        if (!internal || (!internal->first.isV4() && ip->isV4()))
            internal = std::pair(*ip, a.find("address")->value);
    }
    const auto conditions = r.sequence(status, "conditions");
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        const YamlMap c = r.mapping(
            conditions[i], status.childPath("conditions") + "[" + std::to_string(i) + "]");
        if (r.string(c, "type").value_or("") == "NetworkUnavailable"
            && r.string(c, "status").value_or("") == "True")
            node.networkUnavailable = true;
    }
    if (!internal) {
        if (!node.name.empty())
            r.warning("node-without-address",
                "node " + quoteForMessage(node.name)
                    + " has no InternalIP in status.addresses; it is not imported",
                object.Mark());
        return std::nullopt;
    }
    node.lanIP = internal->first;
    r.record(o.path + ".lanIP", internal->second);
    return node;
}

std::optional<model::K8sNamespace> readNamespace(KubeObjectReader &k, const YAML::Node &object)
{
    YamlReader &r = k.reader;
    const ObjectPaths o = pathsFor(r, object, "Namespace", "namespaces");
    ObjectScope scope(r, o.ref);
    const YamlMap top = r.mapping(object, o.path);
    if (!top.isValid())
        return std::nullopt;
    r.record(o.path, object);
    model::K8sNamespace ns;
    readMetadata(k, o, top, nullptr, ns.name, nullptr, &ns.labels, nullptr);
    return ns;
}

std::optional<std::pair<std::string, std::vector<std::string>>> readEndpointSlice(
    KubeObjectReader &k, const YAML::Node &object)
{
    YamlReader &r = k.reader;
    const ObjectPaths o = pathsFor(r, object, "EndpointSlice", "endpointslices", true, "default");
    ObjectScope scope(r, o.ref);
    const YamlMap top = r.mapping(object, o.path);
    if (!top.isValid())
        return std::nullopt;
    std::string name;
    std::string ns = "default";
    model::Labels labels;
    readMetadata(k, o, top, nullptr, name, &ns, &labels, nullptr);
    const auto service = labels.find("kubernetes.io/service-name");
    if (service == labels.end() || service->second.empty())
        return std::nullopt;
    std::vector<std::string> nodes;
    const auto endpoints = r.sequence(top, "endpoints");
    for (std::size_t i = 0; i < endpoints.size(); ++i) {
        const YamlMap e
            = r.mapping(endpoints[i], top.childPath("endpoints") + "[" + std::to_string(i) + "]");
        const auto nodeName = r.string(e, "nodeName");
        const YamlMap c = r.mapping(e, "conditions");
        const auto ready = r.boolean(c, "ready");
        const auto serving = r.boolean(c, "serving");
        // MetalLB: an endpoint serves when ready is true or unset, or serving is true.
        const bool isServing = ready.value_or(true) || serving.value_or(false);
        if (nodeName && !nodeName->empty() && isServing
            && std::find(nodes.begin(), nodes.end(), *nodeName) == nodes.end())
            nodes.push_back(*nodeName);
    }
    return std::pair((ns.empty() ? std::string("default") : ns) + "/" + service->second, nodes);
}

YAML::Node withoutServerFields(const YAML::Node &object)
{
    if (!object.IsMap())
        return object;
    YAML::Node out(YAML::NodeType::Map);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
        if (key == "status")
            continue;
        if (key != "metadata" || !it->second.IsMap()) {
            out.force_insert(it->first, it->second);
            continue;
        }
        YAML::Node metadata(YAML::NodeType::Map);
        for (auto m = it->second.begin(); m != it->second.end(); ++m) {
            const std::string mkey = m->first.IsScalar() ? m->first.Scalar() : std::string();
            if (isServerMetadata(mkey))
                continue;
            if (mkey == "annotations" && m->second.IsMap()) {
                YAML::Node annotations(YAML::NodeType::Map);
                for (auto a = m->second.begin(); a != m->second.end(); ++a) {
                    if (!(a->first.IsScalar() && a->first.Scalar() == lastApplied))
                        annotations.force_insert(a->first, a->second);
                }
                if (annotations.size() > 0)
                    metadata.force_insert(m->first, annotations);
                continue;
            }
            metadata.force_insert(m->first, m->second);
        }
        out.force_insert(it->first, metadata);
    }
    return out;
}

} // namespace k3snet::io
