// SPDX-License-Identifier: GPL-3.0-or-later
// AgentConfig files: reading the fields (what they say together is checked in
// agentconfigcheck.cpp) and writing them in their canonical form.
#include "domain/io/agentconfig.h"

#include "domain/io/agentconfigcheck.h"
#include "domain/io/projectfile.h"
#include "domain/io/yamlreader.h"
#include "domain/io/yamlscalar.h"
#include "domain/io/yamltext.h"

#include <limits>
#include <new>
#include <set>

namespace k3snet::io {

namespace {

using Need = YamlReader::Need;
constexpr Need required = Need::Required;

// Reads the fields into a config and remembers which could not be read (present but bad,
// missing although required, or in a section that is not a mapping), so that the checks of
// the content judge only values that were really given, and do not pile on follow-up errors.
struct FieldReader
{
    YamlReader &r;
    std::set<std::string> bad;

    YamlMap section(const YamlMap &parent, std::string_view key, Need need = Need::Optional)
    {
        YamlMap m = r.mapping(parent, key, need);
        if (!m.isValid())
            bad.insert(m.path());
        return m;
    }

    template<class T, class V>
    void keep(T &target, std::optional<V> value, const YamlMap &m, std::string_view key, Need need)
    {
        if (value)
            target = static_cast<T>(std::move(*value));
        else if (need == required || m.has(key))
            bad.insert(m.childPath(key));
    }

    void string(
        std::string &target, const YamlMap &m, std::string_view key, Need need = Need::Optional)
    {
        keep(target, r.string(m, key, need), m, key, need);
    }
    void address(net::Address &target, const YamlMap &m, std::string_view key)
    {
        keep(target, r.address(m, key, required), m, key, required);
    }
    void prefix(net::Prefix &target, const YamlMap &m, std::string_view key)
    {
        keep(target, r.prefix(m, key, required), m, key, required);
    }
    void boolean(bool &target, const YamlMap &m, std::string_view key)
    {
        keep(target, r.boolean(m, key), m, key, Need::Optional);
    }
    void stringList(std::vector<std::string> &target, const YamlMap &m, std::string_view key)
    {
        keep(target, r.stringList(m, key), m, key, Need::Optional);
    }

    // An optional integer with its own code when it is a number out of range.
    template<class T>
    void integer(T &target, const YamlMap &m, std::string_view key, std::int64_t min,
        std::int64_t max, const char *code, std::string_view what)
    {
        const auto value = r.integer(m, key, std::numeric_limits<std::int64_t>::min(),
            std::numeric_limits<std::int64_t>::max());
        if (value && (*value < min || *value > max)) {
            r.error(code,
                m.childPath(key) + ": " + std::to_string(*value) + " is not a valid "
                    + std::string(what) + " (" + std::to_string(min) + ".." + std::to_string(max)
                    + ")",
                m.find(key)->value.Mark());
            bad.insert(m.childPath(key));
            return;
        }
        keep(target, value, m, key, Need::Optional);
    }
};

std::string indexed(std::string_view key, std::size_t i)
{
    return std::string(key) + "[" + std::to_string(i) + "]";
}

// The items of a top-level list, each as a mapping named key[i]; too many is one error and
// no items. Items that are not mappings are still returned (invalid, and marked bad), so that
// the config's list indexes stay those of the file.
std::vector<YamlMap> readItems(FieldReader &in, const YamlMap &top, std::string_view key,
    std::size_t limit, const char *tooMany)
{
    std::vector<YamlMap> maps;
    const auto items = in.r.sequence(top, key);
    if (const YamlMap::Entry *e = top.find(key); e && !e->value.IsNull() && !e->value.IsSequence())
        in.bad.insert(std::string(key));
    if (items.size() > limit) {
        in.r.error(tooMany,
            std::string(key) + " has " + std::to_string(items.size()) + " entries, more than "
                + std::to_string(limit),
            top.find(key)->value.Mark());
        in.bad.insert(std::string(key));
        return maps;
    }
    for (std::size_t i = 0; i < items.size() && !in.r.stopped(); ++i) {
        maps.push_back(in.r.mapping(items[i], indexed(key, i)));
        if (maps.back().isValid())
            in.r.record(maps.back().path(), items[i]);
        else
            in.bad.insert(maps.back().path());
    }
    return maps;
}

// False when the document is not an AgentConfig (no mapping, other apiVersion or kind).
bool readConfig(FieldReader &in, const YAML::Node &root, model::AgentConfig &c)
{
    YamlReader &r = in.r;
    if (root.IsNull()) {
        r.error("empty-document", "the file is empty; expected a k3snet AgentConfig",
            model::SourceLocation{r.fileName(), 0, 0});
        return false;
    }
    if (!root.IsMap()) {
        r.error("wrong-type",
            "the document is " + describeYamlNode(root)
                + ", not a k3snet AgentConfig (a mapping with apiVersion and kind)",
            root.Mark());
        return false;
    }
    const YamlMap top = r.mapping(root, "");
    // A document of another kind would draw a flood of unknown keys; one error says it all.
    const auto apiVersion = r.string(top, "apiVersion", required);
    if (!apiVersion)
        return false;
    if (*apiVersion != model::AgentConfig::apiVersion) {
        r.error("unsupported-api-version",
            "apiVersion " + quoteForMessage(*apiVersion) + " is not supported; expected \""
                + model::AgentConfig::apiVersion + "\"",
            top.find("apiVersion")->value.Mark());
        return false;
    }
    const auto kind = r.string(top, "kind", required);
    if (!kind)
        return false;
    if (*kind != model::AgentConfig::kind) {
        r.error("wrong-kind",
            "kind " + quoteForMessage(*kind) + " is not a k3snet AgentConfig; expected \""
                + model::AgentConfig::kind + "\"",
            top.find("kind")->value.Mark());
        return false;
    }
    r.checkKeys(top,
        {"apiVersion", "kind", "node", "vxlan", "clusterCIDR", "podCIDR", "bridge", "peers", "cni",
            "serviceIPs", "membership", "announce", "reconcileIntervalSeconds", "statusFile"});

    const YamlMap node = in.section(top, "node", required);
    r.checkKeys(node, {"name", "interface", "lanIP"});
    in.string(c.node.name, node, "name", required);
    in.string(c.node.interface, node, "interface", required);
    in.address(c.node.lanIP, node, "lanIP");

    const YamlMap vxlan = in.section(top, "vxlan", required);
    r.checkKeys(vxlan, {"device", "vni", "port", "mtu", "vtepMAC"});
    in.string(c.vxlan.device, vxlan, "device");
    // VNIs are 24 bits; 0 is refused as the project's network rules refuse it.
    in.integer(c.vxlan.vni, vxlan, "vni", 1, (1 << 24) - 1, "agent-vni-invalid", "VXLAN VNI");
    in.integer(c.vxlan.port, vxlan, "port", 1, 65535, "agent-port-invalid", "UDP port");
    // 68: the smallest MTU IPv4 allows.
    in.integer(c.vxlan.mtu, vxlan, "mtu", 68, 65535, "agent-mtu-invalid", "MTU");
    in.string(c.vxlan.vtepMAC, vxlan, "vtepMAC", required);

    in.prefix(c.clusterCIDR, top, "clusterCIDR");
    in.prefix(c.podCIDR, top, "podCIDR");
    in.string(c.bridge, top, "bridge");

    for (const YamlMap &m : readItems(in, top, "peers", maxAgentPeers, "agent-too-many-peers")) {
        model::AgentConfig::Peer &peer = c.peers.emplace_back();
        if (!m.isValid())
            continue;
        r.checkKeys(m, {"name", "lanIP", "podCIDR", "vtepMAC"});
        in.string(peer.name, m, "name", required);
        in.address(peer.lanIP, m, "lanIP");
        in.prefix(peer.podCIDR, m, "podCIDR");
        in.string(peer.vtepMAC, m, "vtepMAC", required);
    }

    const YamlMap cni = in.section(top, "cni");
    r.checkKeys(cni, {"masquerade", "firewall", "confDir", "binDir", "subnetEnv"});
    in.boolean(c.cni.masquerade, cni, "masquerade");
    in.string(c.cni.firewall, cni, "firewall");
    in.string(c.cni.confDir, cni, "confDir");
    in.string(c.cni.binDir, cni, "binDir");
    in.string(c.cni.subnetEnv, cni, "subnetEnv");

    for (const YamlMap &m :
        readItems(in, top, "serviceIPs", maxAgentServiceIPs, "agent-too-many-service-ips")) {
        model::AgentConfig::ServiceIP &s = c.serviceIPs.emplace_back();
        if (!m.isValid())
            continue;
        r.checkKeys(m, {"ip", "service", "eligibleNodes", "interfaces"});
        in.address(s.ip, m, "ip");
        in.string(s.service, m, "service", required);
        in.stringList(s.eligibleNodes, m, "eligibleNodes");
        in.stringList(s.interfaces, m, "interfaces");
    }

    const YamlMap membership = in.section(top, "membership");
    r.checkKeys(membership, {"port", "intervalMs", "misses", "keyFile"});
    in.integer(c.membership.port, membership, "port", 1, 65535, "agent-port-invalid", "UDP port");
    in.integer(c.membership.intervalMs, membership, "intervalMs", 1, 60000,
        "agent-membership-interval-invalid", "heartbeat interval in milliseconds");
    in.integer(c.membership.misses, membership, "misses", 1, 100, "agent-membership-misses-invalid",
        "number of missed heartbeats");
    in.string(c.membership.keyFile, membership, "keyFile");

    using Announce = model::AgentConfig::Announce;
    const YamlMap announce = in.section(top, "announce");
    r.checkKeys(announce,
        {"garpIntervalMs", "garpDurationMs", "probeCount", "probeIntervalMs", "conflictRecheckMs"});
    auto timing = [&](int &target, std::string_view key, Announce::Range range, const char *code,
                      std::string_view what) {
        in.integer(target, announce, key, range.min, range.max, code, what);
    };
    timing(c.announce.garpIntervalMs, "garpIntervalMs", Announce::garpIntervalRange,
        "agent-announce-garp-interval-invalid", "gratuitous ARP interval in milliseconds");
    timing(c.announce.garpDurationMs, "garpDurationMs", Announce::garpDurationRange,
        "agent-announce-garp-duration-invalid", "gratuitous ARP duration in milliseconds");
    timing(c.announce.probeCount, "probeCount", Announce::probeCountRange,
        "agent-announce-probe-count-invalid", "number of ARP probes");
    timing(c.announce.probeIntervalMs, "probeIntervalMs", Announce::probeIntervalRange,
        "agent-announce-probe-interval-invalid", "probe interval in milliseconds");
    timing(c.announce.conflictRecheckMs, "conflictRecheckMs", Announce::conflictRecheckRange,
        "agent-announce-conflict-recheck-invalid", "conflict recheck interval in milliseconds");

    in.integer(c.reconcileIntervalSeconds, top, "reconcileIntervalSeconds", 1, 3600,
        "agent-reconcile-interval-invalid", "reconcile interval in seconds");
    in.string(c.statusFile, top, "statusFile");
    return true;
}

} // namespace

AgentConfigLoad loadAgentConfigText(std::string_view text, const std::string &fileName)
{
    YamlLimits limits;
    limits.maxBytes = maxAgentConfigBytes;
    YamlReader reader(fileName, limits);
    AgentConfigLoad result;
    try {
        if (auto root = reader.parse(text)) {
            model::AgentConfig config;
            FieldReader in{reader, {}};
            // The content is judged only in a document that is an AgentConfig at all.
            if (readConfig(in, *root, config) && !reader.stopped())
                checkAgentConfig(reader, reader.takeSources(), in.bad, config);
            if (!reader.hasErrors())
                result.config = std::move(config);
        }
    } catch (const std::bad_alloc &) {
        reader.error("too-large", "out of memory while reading the agent config",
            model::SourceLocation{fileName, 0, 0});
        result.config.reset();
    } catch (const std::exception &e) {
        // yaml-cpp may throw while a node is looked at; nothing may leave this module.
        reader.error("yaml-syntax", std::string("cannot read the agent config: ") + e.what(),
            model::SourceLocation{fileName, 0, 0});
        result.config.reset();
    }
    result.diagnostics = reader.takeDiagnostics();
    return result;
}

AgentConfigLoad loadAgentConfigFile(const std::string &path)
{
    auto read = readInputFile(path, maxAgentConfigBytes, "an agent config");
    if (auto *failure = std::get_if<rules::Diagnostic>(&read)) {
        AgentConfigLoad result;
        result.diagnostics.push_back(std::move(*failure));
        return result;
    }
    return loadAgentConfigText(std::get<std::string>(read), path);
}

namespace {

// A string, double-quoted when it would otherwise read back as something else ("true", "123",
// the empty string); yaml-cpp quotes only what it needs for the text to parse.
void emitString(YAML::Emitter &out, const std::string &value)
{
    if (resolvesAsNonString(value))
        out << YAML::DoubleQuoted;
    out << value;
}

void writeString(YAML::Emitter &out, const char *key, const std::string &value)
{
    out << YAML::Key << key << YAML::Value;
    emitString(out, value);
}

void writeInteger(YAML::Emitter &out, const char *key, std::int64_t value)
{
    out << YAML::Key << key << YAML::Value << value;
}

// Lists are always written, an empty one as []: "no peers" is then visible in the file.
void writeStringList(YAML::Emitter &out, const char *key, const std::vector<std::string> &list)
{
    out << YAML::Key << key << YAML::Value;
    if (list.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
    }
    out << YAML::BeginSeq;
    for (const std::string &item : list)
        emitString(out, item);
    out << YAML::EndSeq;
}

template<class T, class Write>
void writeList(YAML::Emitter &out, const char *key, const std::vector<T> &items, Write write)
{
    out << YAML::Key << key << YAML::Value;
    if (items.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
    }
    out << YAML::BeginSeq;
    for (const T &item : items) {
        out << YAML::BeginMap;
        write(item);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

// A name as it may go into a comment line: a newline in it would end the comment.
std::string commentSafe(std::string_view text)
{
    std::string s(text);
    for (char &c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    return s;
}

} // namespace

std::string saveAgentConfigText(const model::AgentConfig &c)
{
    // The key order is the file format's: changing it changes every written file.
    YAML::Emitter out;
    out << YAML::BeginMap;
    writeString(out, "apiVersion", model::AgentConfig::apiVersion);
    writeString(out, "kind", model::AgentConfig::kind);

    out << YAML::Key << "node" << YAML::Value << YAML::BeginMap;
    writeString(out, "name", c.node.name);
    writeString(out, "interface", c.node.interface);
    writeString(out, "lanIP", c.node.lanIP.toString());
    out << YAML::EndMap;

    out << YAML::Key << "vxlan" << YAML::Value << YAML::BeginMap;
    writeString(out, "device", c.vxlan.device);
    writeInteger(out, "vni", c.vxlan.vni);
    writeInteger(out, "port", c.vxlan.port);
    writeInteger(out, "mtu", c.vxlan.mtu);
    writeString(out, "vtepMAC", c.vxlan.vtepMAC);
    out << YAML::EndMap;

    writeString(out, "clusterCIDR", c.clusterCIDR.toString());
    writeString(out, "podCIDR", c.podCIDR.toString());
    writeString(out, "bridge", c.bridge);

    writeList(out, "peers", c.peers, [&out](const model::AgentConfig::Peer &p) {
        writeString(out, "name", p.name);
        writeString(out, "lanIP", p.lanIP.toString());
        writeString(out, "podCIDR", p.podCIDR.toString());
        writeString(out, "vtepMAC", p.vtepMAC);
    });

    out << YAML::Key << "cni" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "masquerade" << YAML::Value << c.cni.masquerade;
    writeString(out, "firewall", c.cni.firewall);
    writeString(out, "confDir", c.cni.confDir);
    writeString(out, "binDir", c.cni.binDir);
    writeString(out, "subnetEnv", c.cni.subnetEnv);
    out << YAML::EndMap;

    writeList(out, "serviceIPs", c.serviceIPs, [&out](const model::AgentConfig::ServiceIP &s) {
        writeString(out, "ip", s.ip.toString());
        writeString(out, "service", s.service);
        writeStringList(out, "eligibleNodes", s.eligibleNodes);
        writeStringList(out, "interfaces", s.interfaces);
    });

    out << YAML::Key << "membership" << YAML::Value << YAML::BeginMap;
    writeInteger(out, "port", c.membership.port);
    writeInteger(out, "intervalMs", c.membership.intervalMs);
    writeInteger(out, "misses", c.membership.misses);
    writeString(out, "keyFile", c.membership.keyFile);
    out << YAML::EndMap;

    out << YAML::Key << "announce" << YAML::Value << YAML::BeginMap;
    writeInteger(out, "garpIntervalMs", c.announce.garpIntervalMs);
    writeInteger(out, "garpDurationMs", c.announce.garpDurationMs);
    writeInteger(out, "probeCount", c.announce.probeCount);
    writeInteger(out, "probeIntervalMs", c.announce.probeIntervalMs);
    writeInteger(out, "conflictRecheckMs", c.announce.conflictRecheckMs);
    out << YAML::EndMap;

    writeInteger(out, "reconcileIntervalSeconds", c.reconcileIntervalSeconds);
    writeString(out, "statusFile", c.statusFile);
    out << YAML::EndMap;

    return "# k3snet-agent configuration of node " + commentSafe(c.node.name)
        + ", written by k3snet.\n"
          "# Change the k3snet project and export it again rather than editing this file.\n"
        + out.c_str() + "\n";
}

} // namespace k3snet::io
