// SPDX-License-Identifier: GPL-3.0-or-later
// Loading of project files; saving is in projectfilewriter.cpp.
#include "domain/io/projectfile.h"

#include "domain/io/kubeobjects.h"
#include "domain/io/kubeyaml.h"
#include "domain/io/yamlreader.h"
#include "domain/io/yamltext.h"
#include "domain/io/yamlwriter.h"

#include <cerrno>
#include <cstdint>
#include <limits>
#include <new>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace k3snet::io {

namespace {

using Need = YamlReader::Need;
constexpr Need required = Need::Required;
constexpr std::int64_t int32Min = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t int32Max = std::numeric_limits<std::int32_t>::max();

// Stores a read value when there was one; absent and bad values leave the default in place.
template<class T, class V> void set(T &target, std::optional<V> value)
{
    if (value)
        target = static_cast<T>(std::move(*value));
}

// Reads the named objects of one top-level list ("nodes", "pools", ...). Each item is named in
// paths by its object name ("nodes/node1"), or by its index while it has none ("nodes[2]"),
// and diagnostics about it carry an ObjectRef of the given kind.
template<class NameOf, class ReadItem>
void readObjects(YamlReader &r, const YamlMap &top, std::string_view key, const char *kind,
    NameOf nameOf, ReadItem readItem)
{
    const auto items = r.sequence(top, key);
    for (std::size_t i = 0; i < items.size() && !r.stopped(); ++i) {
        const std::string name = nameOf(items[i]);
        const std::string path = name.empty() ? std::string(key) + "[" + std::to_string(i) + "]"
                                              : std::string(key) + "/" + name;
        r.setObject(name.empty() ? std::nullopt : std::optional(rules::ObjectRef{kind, name}));
        const YamlMap map = r.mapping(items[i], path);
        if (map.isValid()) {
            r.record(path, items[i]);
            readItem(map);
        }
    }
    r.setObject(std::nullopt);
}

// A mapping kept as YAML text (unknownFields, a kept object): read as a tree and written back
// in the canonical form the importer wrote it in. nullopt after a reported error.
std::optional<std::string> readYamlTree(
    YamlReader &r, const YAML::Node &node, const std::string &path)
{
    const YamlMap m = r.mapping(node, path);
    if (!m.isValid())
        return std::nullopt;
    auto text = writeKubeYaml(node);
    if (!text) {
        r.error("too-large",
            path + " expands to too many values (or has a key that is not a string)", node.Mark());
        return std::nullopt;
    }
    return text;
}

void readUnknownFields(YamlReader &r, const YamlMap &m, std::string &target)
{
    if (const YamlMap::Entry *e = m.find("unknownFields"); e && !e->value.IsNull()) {
        r.record(m.childPath("unknownFields"), e->value);
        set(target, readYamlTree(r, e->value, m.childPath("unknownFields")));
    }
}

void readNetwork(YamlReader &r, const YamlMap &top, model::ClusterNetwork &net)
{
    const YamlMap m = r.mapping(top, "network");
    r.checkKeys(m,
        {"clusterCIDR", "serviceCIDR", "clusterDNS", "clusterDomain", "nodeCIDRMaskSize", "vxlan",
            "lan"});
    set(net.clusterCIDR, r.prefix(m, "clusterCIDR"));
    set(net.serviceCIDR, r.prefix(m, "serviceCIDR"));
    set(net.clusterDNS, r.address(m, "clusterDNS"));
    set(net.clusterDomain, r.string(m, "clusterDomain"));
    set(net.nodeCIDRMaskSize, r.integer(m, "nodeCIDRMaskSize", 0, 128));

    const YamlMap vxlan = r.mapping(m, "vxlan");
    r.checkKeys(vxlan, {"vni", "port", "mtu"});
    set(net.vxlan.vni, r.integer(vxlan, "vni", 0, (1 << 24) - 1)); // VNIs are 24 bits
    set(net.vxlan.port, r.integer(vxlan, "port", 1, 65535));
    set(net.vxlan.mtu, r.integer(vxlan, "mtu", 0, 65535));

    const YamlMap lan = r.mapping(m, "lan");
    r.checkKeys(lan, {"subnet", "gateway", "interface", "mtu"});
    set(net.lan.subnet, r.prefix(lan, "subnet"));
    set(net.lan.gateway, r.address(lan, "gateway"));
    set(net.lan.interface, r.string(lan, "interface"));
    set(net.lan.mtu, r.integer(lan, "mtu", 68, 65535)); // 68: the smallest IPv4 MTU
}

void readNode(YamlReader &r, const YamlMap &m, model::Project &p)
{
    r.checkKeys(m,
        {"name", "role", "lanIP", "interface", "labels", "podCIDR", "networkUnavailable", "ssh"});
    model::Node node;
    set(node.name, r.string(m, "name", required));
    if (auto role = r.string(m, "role")) {
        if (*role == "server")
            node.role = model::NodeRole::Server;
        else if (*role == "agent")
            node.role = model::NodeRole::Agent;
        else
            r.error("invalid-value",
                m.childPath("role") + ": " + quoteForMessage(*role)
                    + " is not a node role (server or agent)",
                m.find("role")->value.Mark());
    }
    set(node.lanIP, r.address(m, "lanIP", required));
    set(node.interface, r.string(m, "interface"));
    set(node.labels, r.stringMap(m, "labels"));
    set(node.podCIDR, r.prefix(m, "podCIDR"));
    set(node.networkUnavailable, r.boolean(m, "networkUnavailable"));
    const YamlMap ssh = r.mapping(m, "ssh");
    r.checkKeys(ssh, {"host", "port", "user"});
    set(node.ssh.host, r.string(ssh, "host"));
    set(node.ssh.port, r.integer(ssh, "port", 1, 65535));
    set(node.ssh.user, r.string(ssh, "user"));
    p.nodes.push_back(std::move(node));
}

void readNamespace(YamlReader &r, const YamlMap &m, model::Project &p)
{
    r.checkKeys(m, {"name", "labels"});
    model::K8sNamespace ns;
    set(ns.name, r.string(m, "name", required));
    set(ns.labels, r.stringMap(m, "labels"));
    p.namespaces.push_back(std::move(ns));
}

void readPool(YamlReader &r, const YamlMap &m, model::Project &p)
{
    r.checkKeys(m,
        {"name", "namespace", "labels", "annotations", "addresses", "autoAssign", "avoidBuggyIPs",
            "serviceAllocation", "unknownFields"});
    model::IPAddressPool pool;
    set(pool.name, r.string(m, "name", required));
    set(pool.namespaceName, r.string(m, "namespace"));
    set(pool.labels, r.stringMap(m, "labels"));
    set(pool.annotations, r.stringMap(m, "annotations"));
    // Entries stay text: the rules parse them and can then say which entry is wrong and why.
    set(pool.addresses, r.stringList(m, "addresses"));
    set(pool.autoAssign, r.boolean(m, "autoAssign"));
    set(pool.avoidBuggyIPs, r.boolean(m, "avoidBuggyIPs"));
    if (m.has("serviceAllocation")) {
        const YamlMap sa = r.mapping(m, "serviceAllocation");
        r.checkKeys(sa, {"priority", "namespaces", "namespaceSelectors", "serviceSelectors"});
        model::IPAddressPool::ServiceAllocation alloc;
        set(alloc.priority, r.integer(sa, "priority", int32Min, int32Max));
        set(alloc.namespaces, r.stringList(sa, "namespaces"));
        alloc.namespaceSelectors = readLabelSelectors(r, sa, "namespaceSelectors");
        alloc.serviceSelectors = readLabelSelectors(r, sa, "serviceSelectors");
        pool.serviceAllocation = std::move(alloc);
    }
    readUnknownFields(r, m, pool.unknownFields);
    p.pools.push_back(std::move(pool));
}

void readL2Advertisement(YamlReader &r, const YamlMap &m, model::Project &p)
{
    r.checkKeys(m,
        {"name", "namespace", "labels", "annotations", "ipAddressPools", "ipAddressPoolSelectors",
            "nodeSelectors", "interfaces", "serviceSelectors", "unknownFields"});
    model::L2Advertisement l2;
    set(l2.name, r.string(m, "name", required));
    set(l2.namespaceName, r.string(m, "namespace"));
    set(l2.labels, r.stringMap(m, "labels"));
    set(l2.annotations, r.stringMap(m, "annotations"));
    set(l2.ipAddressPools, r.stringList(m, "ipAddressPools"));
    l2.ipAddressPoolSelectors = readLabelSelectors(r, m, "ipAddressPoolSelectors");
    l2.nodeSelectors = readLabelSelectors(r, m, "nodeSelectors");
    set(l2.interfaces, r.stringList(m, "interfaces"));
    l2.serviceSelectors = readLabelSelectors(r, m, "serviceSelectors");
    readUnknownFields(r, m, l2.unknownFields);
    p.l2Advertisements.push_back(std::move(l2));
}

void readService(YamlReader &r, const YamlMap &m, model::Project &p)
{
    r.checkKeys(m,
        {"namespace", "name", "type", "labels", "annotations", "selector", "ports", "clusterIP",
            "clusterIPs", "loadBalancerIP", "externalTrafficPolicy", "ipFamilyPolicy", "ipFamilies",
            "ingressIPs", "creationTimestamp", "endpointNodes", "unknownFields"});
    model::Service s;
    set(s.namespaceName, r.string(m, "namespace"));
    set(s.name, r.string(m, "name", required));
    set(s.type, r.string(m, "type"));
    set(s.labels, r.stringMap(m, "labels"));
    set(s.annotations, r.stringMap(m, "annotations"));
    set(s.selector, r.stringMap(m, "selector"));
    const auto ports = r.sequence(m, "ports");
    for (std::size_t i = 0; i < ports.size() && !r.stopped(); ++i) {
        const YamlMap pm
            = r.mapping(ports[i], m.childPath("ports") + "[" + std::to_string(i) + "]");
        if (!pm.isValid())
            continue;
        r.record(pm.path(), ports[i]);
        r.checkKeys(pm, {"name", "protocol", "port", "nodePort"});
        model::ServicePort port;
        set(port.name, r.string(pm, "name"));
        set(port.protocol, r.string(pm, "protocol"));
        set(port.port, r.integer(pm, "port", 1, 65535, required));
        set(port.nodePort, r.integer(pm, "nodePort", 0, 65535));
        s.ports.push_back(std::move(port));
    }
    // Kept as written: "None" is a valid clusterIP, and the rules say what is wrong with the rest.
    set(s.clusterIP, r.string(m, "clusterIP"));
    set(s.clusterIPs, r.stringList(m, "clusterIPs"));
    set(s.loadBalancerIP, r.string(m, "loadBalancerIP"));
    set(s.externalTrafficPolicy, r.string(m, "externalTrafficPolicy"));
    set(s.ipFamilyPolicy, r.string(m, "ipFamilyPolicy"));
    set(s.ipFamilies, r.stringList(m, "ipFamilies"));
    set(s.ingressIPs, r.stringList(m, "ingressIPs"));
    set(s.creationTimestamp, r.string(m, "creationTimestamp"));
    // Present, even empty ("no serving endpoint"), is not the same as absent ("unknown").
    if (m.has("endpointNodes"))
        set(s.endpointNodes, r.stringList(m, "endpointNodes"));
    readUnknownFields(r, m, s.unknownFields);
    p.services.push_back(std::move(s));
}

// A kept object: the object itself as a mapping, as it was imported.
void readPreserved(YamlReader &r, const YamlMap &m, const YAML::Node &node, model::Project &p)
{
    model::PreservedObject o;
    set(o.apiVersion, r.string(m, "apiVersion", required));
    set(o.kind, r.string(m, "kind", required));
    const YAML::Node metadata = kubeChild(node, "metadata");
    o.name = r.peekString(metadata, "name").value_or("");
    o.namespaceName = r.peekString(metadata, "namespace").value_or("");
    if (auto text = readYamlTree(r, node, m.path())) {
        o.yaml = std::move(*text);
        p.preserved.push_back(std::move(o));
    }
}

// Reads the whole document into p; errors are in the reader.
void readProject(YamlReader &r, const YAML::Node &root, model::Project &p)
{
    if (root.IsNull()) {
        r.error("empty-document", "the file is empty; expected a k3snet project",
            model::SourceLocation{r.fileName(), 0, 0});
        return;
    }
    if (!root.IsMap()) {
        r.error("wrong-type",
            "the document is " + describeYamlNode(root)
                + ", not a k3snet project (a mapping with apiVersion and kind)",
            root.Mark());
        return;
    }
    const YamlMap top = r.mapping(root, "");
    // A document of another kind would draw a flood of unknown keys; one error says it all.
    const auto apiVersion = r.string(top, "apiVersion", required);
    if (!apiVersion)
        return;
    if (*apiVersion != model::Project::apiVersion) {
        r.error("unsupported-api-version",
            "apiVersion " + quoteForMessage(*apiVersion) + " is not supported; expected \""
                + model::Project::apiVersion + "\"",
            top.find("apiVersion")->value.Mark());
        return;
    }
    const auto kind = r.string(top, "kind", required);
    if (!kind)
        return;
    if (*kind != model::Project::kind) {
        r.error("wrong-kind",
            "kind " + quoteForMessage(*kind) + " is not a k3snet project; expected \""
                + model::Project::kind + "\"",
            top.find("kind")->value.Mark());
        return;
    }
    r.checkKeys(top,
        {"apiVersion", "kind", "metadata", "network", "nodes", "namespaces", "pools",
            "l2Advertisements", "services", "preserved"});

    const YamlMap metadata = r.mapping(top, "metadata", required);
    r.checkKeys(metadata, {"name", "description"});
    set(p.name, r.string(metadata, "name", required));
    set(p.description, r.string(metadata, "description"));

    readNetwork(r, top, p.network);

    auto byName = [&r](const YAML::Node &item) { return r.peekString(item, "name").value_or(""); };
    readObjects(r, top, "nodes", "Node", byName, [&](const YamlMap &m) { readNode(r, m, p); });
    readObjects(r, top, "namespaces", "Namespace", byName,
        [&](const YamlMap &m) { readNamespace(r, m, p); });
    readObjects(
        r, top, "pools", "IPAddressPool", byName, [&](const YamlMap &m) { readPool(r, m, p); });
    readObjects(r, top, "l2Advertisements", "L2Advertisement", byName,
        [&](const YamlMap &m) { readL2Advertisement(r, m, p); });
    // Services are named namespace/name, as Kubernetes names them.
    auto serviceKey = [&r](const YAML::Node &item) {
        const std::string name = r.peekString(item, "name").value_or("");
        return name.empty() ? name
                            : r.peekString(item, "namespace").value_or("default") + "/" + name;
    };
    readObjects(
        r, top, "services", "Service", serviceKey, [&](const YamlMap &m) { readService(r, m, p); });
    // Kept objects are named kind/namespace/name; diagnostics about them name the kind.
    const auto kept = r.sequence(top, "preserved");
    for (std::size_t i = 0; i < kept.size() && !r.stopped(); ++i) {
        const std::string kind = r.peekString(kept[i], "kind").value_or("");
        const std::string path = "preserved[" + std::to_string(i) + "]";
        const YamlMap m = r.mapping(kept[i], path);
        if (!m.isValid())
            continue;
        r.record(path, kept[i]);
        readPreserved(r, m, kept[i], p);
    }
}

} // namespace

LoadResult loadProjectText(std::string_view text, const std::string &fileName)
{
    YamlLimits limits;
    limits.maxBytes = maxProjectFileBytes;
    YamlReader reader(fileName, limits);
    LoadResult result;
    try {
        if (auto root = reader.parse(text)) {
            model::Project project;
            readProject(reader, *root, project);
            if (!reader.hasErrors()) {
                project.sources = reader.takeSources();
                result.project = std::move(project);
            }
        }
    } catch (const std::bad_alloc &) {
        reader.error("too-large", "out of memory while reading the project",
            model::SourceLocation{fileName, 0, 0});
        result.project.reset();
    } catch (const std::exception &e) {
        // yaml-cpp may throw while a node is looked at; nothing may leave this module.
        reader.error("yaml-syntax", std::string("cannot read the project: ") + e.what(),
            model::SourceLocation{fileName, 0, 0});
        result.project.reset();
    }
    result.diagnostics = reader.takeDiagnostics();
    return result;
}

std::variant<std::string, rules::Diagnostic> readInputFile(
    const std::string &path, std::size_t maxBytes, const std::string &what)
{
    auto failure = [&path](const char *code, std::string message) {
        return rules::Diagnostic{
            rules::Severity::Error, code, std::move(message), {}, {path, 0, 0}};
    };
    auto ioError = [&](const char *action, int err) {
        return failure("io-error",
            std::string(action) + " \"" + path + "\": " + std::system_category().message(err));
    };

    // O_NONBLOCK: opening a FIFO must not hang waiting for a writer.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return ioError("cannot open", errno);
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};

    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return ioError("cannot read", errno);
    if (S_ISDIR(st.st_mode))
        return ioError("cannot read", EISDIR);
    if (!S_ISREG(st.st_mode))
        return failure("io-error", "cannot read \"" + path + "\": not a regular file");
    const std::string limit = std::to_string(maxBytes / (1024 * 1024)) + " MiB";
    if (static_cast<std::uint64_t>(st.st_size) > maxBytes)
        return failure("too-large",
            "\"" + path + "\" is " + std::to_string(st.st_size) + " bytes, more than the limit of "
                + limit + " for " + what);

    // Read up to one byte past the limit: the size may have changed since fstat.
    std::string text;
    try {
        text.resize(static_cast<std::size_t>(st.st_size) + 1);
        std::size_t used = 0;
        for (;;) {
            if (used == text.size()) {
                if (text.size() > maxBytes)
                    return failure("too-large",
                        "\"" + path + "\" grew past the limit of " + limit + " for " + what
                            + " while being read");
                text.resize(std::min(text.size() * 2, maxBytes + 1));
            }
            const ssize_t n = ::read(fd, text.data() + used, text.size() - used);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return ioError("cannot read", errno);
            if (n == 0)
                break;
            used += static_cast<std::size_t>(n);
        }
        text.resize(used);
    } catch (const std::bad_alloc &) {
        return failure("too-large", "not enough memory to read \"" + path + "\"");
    }
    return text;
}

LoadResult loadProjectFile(const std::string &path)
{
    auto read = readInputFile(path, maxProjectFileBytes, "a project file");
    if (auto *failure = std::get_if<rules::Diagnostic>(&read)) {
        LoadResult result;
        result.diagnostics.push_back(std::move(*failure));
        return result;
    }
    return loadProjectText(std::get<std::string>(read), path);
}

bool isProjectText(std::string_view text)
{
    if (text.starts_with("\xef\xbb\xbf"))
        text.remove_prefix(3);
    bool sawApiVersion = false;
    bool projectKind = false;
    bool content = false;
    auto valueOf = [](std::string_view line, std::string_view key) {
        std::string_view v = line.substr(key.size());
        if (const auto hash = v.find(" #"); hash != std::string_view::npos)
            v = v.substr(0, hash);
        const auto first = v.find_first_not_of(" \t");
        const auto last = v.find_last_not_of(" \t\r");
        v = first == std::string_view::npos ? std::string_view()
                                            : v.substr(first, last - first + 1);
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
            v = v.substr(1, v.size() - 2);
        return v;
    };
    for (std::size_t p = 0; p < text.size();) {
        std::size_t e = text.find('\n', p);
        if (e == std::string_view::npos)
            e = text.size();
        const std::string_view line = text.substr(p, e - p);
        p = e + 1;
        if (line.starts_with("---")) {
            if (content)
                break; // only the first document counts
            continue;
        }
        if (!line.empty() && line.front() != '#' && line.front() != ' ')
            content = true;
        if (line.starts_with("apiVersion:")) {
            sawApiVersion = true;
            if (valueOf(line, "apiVersion:").starts_with("k3snet.io/"))
                return true;
        } else if (line.starts_with("kind:") && valueOf(line, "kind:") == "Project") {
            projectKind = true;
        }
    }
    return projectKind && !sawApiVersion;
}

} // namespace k3snet::io
