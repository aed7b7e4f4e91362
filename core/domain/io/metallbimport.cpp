// SPDX-License-Identifier: GPL-3.0-or-later
// The importer's document handling: streams of documents, Lists, the kinds k3snet models or
// keeps, and the legacy MetalLB configuration. Reading each kind is in kubeobjects.cpp, the
// conversion of the legacy format in legacyconfig.cpp, merging in importmerge.cpp.
#include "domain/io/metallbimport.h"

#include "domain/io/kubeobjects.h"
#include "domain/io/legacyconfig.h"
#include "domain/io/yamldocument.h"
#include "domain/io/yamlreader.h"
#include "domain/io/yamltext.h"
#include "domain/io/yamlwriter.h"

#include <algorithm>
#include <new>
#include <optional>

namespace k3snet::io {

namespace {

constexpr std::string_view metallbNamespace = "metallb-system";
constexpr int maxListDepth = 8;

// Kinds that do not describe the network's configuration (workloads, access control, cluster
// plumbing); a dump of a whole cluster holds many, and keeping them would only bloat the
// project.
constexpr std::string_view droppedKinds[] = {"Pod", "Deployment", "ReplicaSet", "DaemonSet",
    "StatefulSet", "Job", "CronJob", "ControllerRevision", "Event", "Endpoints", "Lease",
    "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding",
    "PodDisruptionBudget", "HorizontalPodAutoscaler", "PersistentVolume", "PersistentVolumeClaim",
    "CustomResourceDefinition", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
    "PodSecurityPolicy", "PriorityClass", "StorageClass", "CSIDriver", "CSINode", "APIService"};
// Status that MetalLB's controller and speakers write; not configuration.
constexpr std::string_view metallbStatusKinds[]
    = {"ServiceL2Status", "ServiceBGPStatus", "ConfigurationState"};

template<std::size_t N> bool isOneOf(const std::string_view (&list)[N], std::string_view s)
{
    return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

std::string groupOf(const std::string &apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

// Maps marks inside a string that holds YAML (a ConfigMap's data.config) to the file: exact
// for a literal block scalar ("config: |"), else every mark is the string's own.
struct MarkMapper
{
    bool exact = true;
    int lineOffset = 0;
    int columnOffset = 0;
    YAML::Mark fallback = YAML::Mark::null_mark();

    YAML::Mark map(const YAML::Mark &m) const
    {
        if (!exact || m.is_null() || m.line < 0)
            return exact && lineOffset == 0 ? m : fallback;
        YAML::Mark out = m;
        out.line += lineOffset;
        out.column += columnOffset;
        return out;
    }
};

class Importer
{
public:
    Importer(std::string_view text, const std::string &fileName)
        : m_text(text.starts_with("\xef\xbb\xbf") ? text.substr(3) : text)
        , m_fileName(fileName)
        , m_reader(fileName, m_limits)
    {
    }

    ImportResult run(std::string_view text)
    {
        try {
            auto parsed = parseYamlDocuments(text, m_limits);
            if (const auto *e = std::get_if<YamlParseError>(&parsed)) {
                m_reader.error(e->code, e->message, e->mark);
            } else {
                for (const auto &doc : std::get<std::vector<YAML::Node>>(parsed)) {
                    if (m_reader.stopped())
                        break;
                    document(doc, "the document", 0, {}, {});
                }
            }
            applyEndpoints();
        } catch (const std::bad_alloc &) {
            m_reader.error("too-large", "out of memory while reading the documents",
                model::SourceLocation{m_fileName, 0, 0});
        } catch (const std::exception &e) {
            // yaml-cpp may throw while a node is looked at; nothing may leave this module.
            m_reader.error("yaml-syntax",
                std::string("cannot read the documents: ") + printableText(e.what(), 200),
                model::SourceLocation{m_fileName, 0, 0});
        }
        m_result.diagnostics = m_reader.takeDiagnostics();
        // A dump of a whole cluster may drop or keep thousands of objects; the infos about
        // them are cut short (errors and warnings from legacy configurations never are).
        const std::size_t maxInfos = 2 * m_limits.maxErrors;
        std::size_t infos = 0;
        std::erase_if(m_notes, [&](const rules::Diagnostic &d) {
            return d.severity == rules::Severity::Info && ++infos > maxInfos;
        });
        if (infos > maxInfos)
            m_notes.push_back({rules::Severity::Info, "too-many-notes",
                std::to_string(infos - maxInfos) + " more notes left out", {}, {m_fileName, 0, 0}});
        m_result.diagnostics.insert(m_result.diagnostics.end(), m_notes.begin(), m_notes.end());
        std::stable_sort(m_result.diagnostics.begin(), m_result.diagnostics.end(),
            [](const rules::Diagnostic &a, const rules::Diagnostic &b) {
                return std::pair(a.location.line, a.location.column)
                    < std::pair(b.location.line, b.location.column);
            });
        m_result.project.sources = m_reader.takeSources();
        return std::move(m_result);
    }

private:
    void note(rules::Severity severity, std::string code, std::string message,
        const YAML::Mark &mark, std::vector<rules::ObjectRef> objects = {})
    {
        m_notes.push_back({severity, std::move(code), std::move(message), std::move(objects),
            m_reader.location(mark)});
    }

    void addObject(
        std::string kind, std::string name, ImportedObject::Fate fate, const YAML::Mark &mark)
    {
        m_result.objects.push_back(
            {std::move(kind), std::move(name), fate, m_reader.location(mark)});
    }

    void document(const YAML::Node &node, const std::string &where, int depth,
        const std::string &listApiVersion, const std::string &listKind)
    {
        if (!node.IsMap()) {
            m_reader.error("wrong-type",
                where + " is " + describeYamlNode(node)
                    + ", not a Kubernetes object (a mapping with apiVersion and kind) or a "
                      "MetalLB configuration",
                node.Mark());
            return;
        }
        auto apiVersion = m_reader.peekString(node, "apiVersion");
        auto kind = m_reader.peekString(node, "kind");
        if (!apiVersion && !kind && listKind.empty()) {
            legacyDocument(node);
            return;
        }
        if (!apiVersion)
            apiVersion = listApiVersion;
        if (!kind)
            kind = listKind;
        if (apiVersion->empty() || kind->empty()) {
            m_reader.error("missing-field",
                std::string("missing required field \"") + (kind->empty() ? "kind" : "apiVersion")
                    + "\" in " + where,
                node.Mark());
            return;
        }
        if (apiVersion->starts_with("k3snet.io/")) {
            m_reader.error("k3snet-project",
                "this is a k3snet project, not Kubernetes YAML; give it as the project to "
                "merge into (import --base)",
                node.Mark());
            return;
        }
        const YAML::Node items = kubeChild(node, "items");
        if (kind->ends_with("List") && (items.IsDefined() || *kind == "List")) {
            // kubectl writes "items: []" for nothing found; an absent or null items is empty too.
            if (items.IsDefined() && !items.IsNull())
                list(node, items, *apiVersion, *kind, depth);
            return;
        }
        object(node, *apiVersion, *kind);
    }

    void list(const YAML::Node &node, const YAML::Node &items, const std::string &apiVersion,
        const std::string &kind, int depth)
    {
        if (depth >= maxListDepth) {
            m_reader.error("too-deep",
                "Lists are nested more than " + std::to_string(maxListDepth) + " levels deep",
                node.Mark());
            return;
        }
        if (!items.IsSequence()) {
            m_reader.error("wrong-type",
                "expected a list for items, got " + describeYamlNode(items), items.Mark());
            return;
        }
        // A typed list (ServiceList) may leave kind and apiVersion out of its items.
        const std::string itemKind
            = kind == "List" ? std::string() : kind.substr(0, kind.size() - 4);
        std::size_t i = 0;
        for (auto it = items.begin(); it != items.end() && !m_reader.stopped(); ++it, ++i)
            document(*it, "items[" + std::to_string(i) + "]", depth + 1,
                itemKind.empty() ? std::string() : apiVersion, itemKind);
    }

    void object(const YAML::Node &node, const std::string &apiVersion, const std::string &kind)
    {
        const std::string group = groupOf(apiVersion);
        KubeObjectReader k{m_reader, m_notes};
        auto &p = m_result.project;
        const std::string name = kubeObjectName(m_reader, node);
        using Fate = ImportedObject::Fate;
        if (group == "metallb.io" && (kind == "IPAddressPool" || kind == "L2Advertisement")) {
            if (apiVersion != "metallb.io/v1beta1") {
                m_reader.warning("unsupported-api-version",
                    kind + " " + quoteForMessage(name) + " has apiVersion "
                        + quoteForMessage(apiVersion)
                        + "; k3snet reads metallb.io/v1beta1 and keeps this one as it is",
                    node.Mark());
                preserve(node, apiVersion, kind, Fate::Preserved);
                return;
            }
            if (kind == "IPAddressPool") {
                if (auto pool = readIPAddressPool(k, node))
                    p.pools.push_back(std::move(*pool));
            } else if (auto l2 = readL2Advertisement(k, node)) {
                p.l2Advertisements.push_back(std::move(*l2));
            }
            addObject(kind, name, Fate::Imported, node.Mark());
        } else if (apiVersion == "v1" && kind == "Service") {
            if (auto s = readService(k, node)) {
                addObject(kind, s->key(), Fate::Imported, node.Mark());
                p.services.push_back(std::move(*s));
            }
        } else if (apiVersion == "v1" && kind == "Node") {
            if (auto n = readNode(k, node)) {
                p.nodes.push_back(std::move(*n));
                addObject(kind, name, Fate::Imported, node.Mark());
            }
        } else if (apiVersion == "v1" && kind == "Namespace") {
            if (auto ns = readNamespace(k, node))
                p.namespaces.push_back(std::move(*ns));
            addObject(kind, name, Fate::Imported, node.Mark());
        } else if (group == "discovery.k8s.io" && kind == "EndpointSlice") {
            if (auto slice = readEndpointSlice(k, node)) {
                auto &nodes = m_result.endpointNodes[slice->first];
                for (auto &n : slice->second) {
                    if (std::find(nodes.begin(), nodes.end(), n) == nodes.end())
                        nodes.push_back(std::move(n));
                }
                addObject(kind, kubeObjectNamespace(m_reader, node, "default") + "/" + name,
                    Fate::Applied, node.Mark());
            }
        } else if (apiVersion == "v1" && kind == "ConfigMap") {
            configMap(node, apiVersion, kind);
        } else if (group == "metallb.io" && isOneOf(metallbStatusKinds, kind)) {
            drop(node, kind, name, "it is status that MetalLB writes, not configuration");
        } else if (apiVersion == "v1" && kind == "Secret") {
            drop(node, kind, name, "k3snet does not keep secrets in projects");
        } else if (isOneOf(droppedKinds, kind)) {
            drop(node, kind, name, "k3snet imports the network's configuration, not workloads");
        } else {
            preserve(node, apiVersion, kind, Fate::Preserved);
        }
    }

    void drop(const YAML::Node &node, const std::string &kind, const std::string &name,
        const std::string &why)
    {
        note(rules::Severity::Info, "object-dropped",
            kind + " " + quoteForMessage(name) + " is not kept: " + why, node.Mark(),
            {{kind, name}});
        addObject(kind, name, ImportedObject::Fate::Dropped, node.Mark());
    }

    void preserve(const YAML::Node &node, const std::string &apiVersion, const std::string &kind,
        ImportedObject::Fate fate, KeyOrder order = KeyOrder::AsGiven,
        std::optional<YAML::Mark> at = std::nullopt)
    {
        const YAML::Mark mark = at.value_or(node.Mark());
        const std::string name = kubeObjectName(m_reader, node);
        const std::string ns = kubeObjectNamespace(m_reader, node, "");
        YAML::Node clean = withoutServerFields(node);
        if (!kubeChild(clean, "kind").IsDefined()) {
            // An item of a typed List: it gets the apiVersion and kind it would have alone.
            YAML::Node full(YAML::NodeType::Map);
            full["apiVersion"] = yamlString(apiVersion);
            full["kind"] = yamlString(kind);
            for (auto it = clean.begin(); it != clean.end(); ++it)
                full.force_insert(it->first, it->second);
            clean = full;
        }
        auto text = writeKubeYaml(clean, order);
        if (!text) {
            m_reader.error("too-large",
                kind + " " + quoteForMessage(name)
                    + " cannot be kept: it expands to too many values, or has a key that "
                      "is not a string",
                mark);
            return;
        }
        m_result.project.preserved.push_back({apiVersion, kind, name, ns, std::move(*text)});
        const bool exported = groupOf(apiVersion) == "metallb.io" || ns == metallbNamespace;
        note(rules::Severity::Info, "object-preserved",
            kind + " " + quoteForMessage(name) + " is kept as it is: k3snet does not manage it"
                + (exported ? ", and writes it back with `export --metallb`"
                            : " (it is not part of `export --metallb`)"),
            mark, {{kind, name}});
        addObject(kind, ns.empty() ? name : ns + "/" + name, fate, mark);
    }

    void configMap(const YAML::Node &node, const std::string &apiVersion, const std::string &kind)
    {
        const std::string name = kubeObjectName(m_reader, node);
        const std::string ns = kubeObjectNamespace(m_reader, node, std::string(metallbNamespace));
        const YAML::Node config = kubeChild(kubeChild(node, "data"), "config");
        // MetalLB's own ConfigMap by its place and name (then even a broken configuration is
        // reported as one), or any ConfigMap whose data.config reads as MetalLB's.
        const bool metallbPlace = kubeObjectNamespace(m_reader, node, "") == metallbNamespace
            && (name == "config" || name == "metallb" || name == "metallb-config");
        bool legacy = config.IsScalar() && metallbPlace;
        if (config.IsScalar() && !legacy) {
            auto inner = parseYamlDocument(config.Scalar(), m_limits);
            legacy = std::holds_alternative<YAML::Node>(inner)
                && isLegacyConfig(std::get<YAML::Node>(inner));
        }
        if (legacy) {
            note(rules::Severity::Info, "legacy-configmap-deprecated",
                "ConfigMap " + quoteForMessage(ns + "/" + name)
                    + " holds MetalLB's configuration in the format of v0.12 and before, which "
                      "MetalLB ignores since v0.13; it is converted to CRDs as MetalLB's "
                      "configmaptocrs converts it",
                node.Mark(), {{kind, name}});
            addObject(kind, ns + "/" + name, ImportedObject::Fate::Converted, node.Mark());
            legacyFromText(config, ns, "data.config");
        } else if (kubeObjectNamespace(m_reader, node, "") == metallbNamespace) {
            preserve(node, apiVersion, kind, ImportedObject::Fate::Preserved);
        } else {
            drop(node, kind, name, "it is not MetalLB's configuration");
        }
    }

    // A document without apiVersion and kind: a bare legacy configuration (the ConfigMap's
    // data), or Helm values with configInline.
    void legacyDocument(const YAML::Node &node)
    {
        if (isLegacyConfig(node)) {
            note(rules::Severity::Info, "legacy-configmap-deprecated",
                "this is MetalLB's configuration in the format of v0.12 and before, which "
                "MetalLB ignores since v0.13; it is converted to CRDs as MetalLB's "
                "configmaptocrs converts it",
                node.Mark());
            apply(convertLegacyConfig(m_reader, node, std::string(metallbNamespace), ""), {});
            return;
        }
        const YAML::Node inlineConfig = kubeChild(node, "configInline");
        if (!inlineConfig.IsDefined()) {
            m_reader.error("not-a-kubernetes-object",
                "the document has no apiVersion and kind: it is neither a Kubernetes object "
                "nor a MetalLB configuration (address-pools, or Helm values with configInline)",
                node.Mark());
            return;
        }
        note(rules::Severity::Info, "legacy-configinline-deprecated",
            "Helm's configInline is refused by the MetalLB chart since v0.13; its "
            "configuration is converted to CRDs as MetalLB's configmaptocrs converts it",
            inlineConfig.Mark());
        if (inlineConfig.IsScalar())
            legacyFromText(inlineConfig, std::string(metallbNamespace), "configInline");
        else
            apply(convertLegacyConfig(
                      m_reader, inlineConfig, std::string(metallbNamespace), "configInline"),
                {});
    }

    MarkMapper mapperFor(const YAML::Node &value) const
    {
        MarkMapper m;
        m.exact = false;
        m.fallback = value.Mark();
        const int pos = value.Mark().pos;
        if (pos < 0 || static_cast<std::size_t>(pos) >= m_text.size() || m_text[pos] != '|')
            return m;
        const std::size_t eol = m_text.find('\n', static_cast<std::size_t>(pos));
        if (eol == std::string_view::npos)
            return m;
        const std::string_view header = m_text.substr(pos + 1, eol - pos - 1);
        if (std::any_of(header.begin(), header.end(), [](char c) { return c >= '1' && c <= '9'; }))
            return m; // an explicit indentation indicator: not worth the arithmetic
        for (std::size_t p = eol + 1; p < m_text.size();) {
            std::size_t e = m_text.find('\n', p);
            if (e == std::string_view::npos)
                e = m_text.size();
            const std::string_view line = m_text.substr(p, e - p);
            const std::size_t indent = line.find_first_not_of(' ');
            if (indent != std::string_view::npos && line[indent] != '\r') {
                m.exact = true;
                m.lineOffset = value.Mark().line + 1;
                m.columnOffset = static_cast<int>(indent);
                break;
            }
            p = e + 1;
        }
        return m;
    }

    // A legacy configuration held in a string: parsed with a reader of its own, whose
    // locations are then mapped into the file.
    void legacyFromText(const YAML::Node &value, const std::string &ns, const std::string &path)
    {
        const MarkMapper mapper = mapperFor(value);
        YamlReader inner(m_fileName, m_limits);
        LegacyConversion conversion;
        if (auto root = inner.parse(value.Scalar())) {
            if (root->IsNull())
                inner.error("empty-document", path + " is empty", YAML::Mark::null_mark());
            else
                conversion = convertLegacyConfig(inner, *root, ns, path);
        }
        for (auto d : inner.takeDiagnostics()) {
            if (mapper.exact && d.location.line > 0) {
                d.location.line += mapper.lineOffset;
                d.location.column += mapper.columnOffset;
            } else {
                d.location = m_reader.location(mapper.fallback);
            }
            m_notes.push_back(std::move(d));
        }
        apply(conversion, mapper);
    }

    void apply(const LegacyConversion &conversion, const MarkMapper &mapper)
    {
        for (const auto &pool : conversion.bgpPools)
            note(rules::Severity::Warning, "legacy-bgp-not-managed",
                "pool " + quoteForMessage(pool.name)
                    + " uses protocol bgp: its BGPAdvertisement and the BGPPeers are kept as "
                      "they are, but k3snet only plans layer 2 announcements",
                mapper.map(pool.mark), {{"IPAddressPool", pool.name}});
        for (const auto &pool : conversion.unknownProtocolPools)
            note(rules::Severity::Warning, "legacy-unknown-protocol",
                "pool " + quoteForMessage(pool.name)
                    + (pool.protocol.empty() ? std::string(" has no protocol")
                                             : " has protocol " + quoteForMessage(pool.protocol))
                    + ", which is neither layer2 nor bgp: configmaptocrs makes no advertisement "
                      "for it, so its addresses are handed out but never announced",
                mapper.map(pool.mark), {{"IPAddressPool", pool.name}});
        using Fate = ImportedObject::Fate;
        for (const auto &o : conversion.objects) {
            const YAML::Mark mark = mapper.map(o.marks.front().second);
            if (o.kind != "IPAddressPool" && o.kind != "L2Advertisement") {
                preserve(o.object, o.apiVersion, o.kind, Fate::Converted, KeyOrder::Go, mark);
                continue;
            }
            // Generated objects are read like any other (they are valid by construction; a
            // scratch reader keeps their mark-less locations out of the project's sources).
            YamlReader scratch(m_fileName, m_limits);
            rules::Diagnostics scratchNotes;
            KubeObjectReader k{scratch, scratchNotes};
            std::string prefix;
            if (o.kind == "IPAddressPool") {
                if (auto pool = readIPAddressPool(k, o.object))
                    m_result.project.pools.push_back(std::move(*pool));
                prefix = "pools/" + o.name;
            } else {
                if (auto l2 = readL2Advertisement(k, o.object))
                    m_result.project.l2Advertisements.push_back(std::move(*l2));
                prefix = "l2Advertisements/" + o.name;
            }
            for (auto d : scratch.takeDiagnostics()) {
                d.location = m_reader.location(mark);
                m_notes.push_back(std::move(d));
            }
            for (const auto &[rel, m] : o.marks)
                m_reader.record(prefix + rel, mapper.map(m));
            addObject(o.kind, o.name, Fate::Converted, mark);
        }
    }

    void applyEndpoints()
    {
        for (auto &s : m_result.project.services) {
            if (auto it = m_result.endpointNodes.find(s.key()); it != m_result.endpointNodes.end())
                s.endpointNodes = it->second;
        }
    }

    std::string_view m_text;
    std::string m_fileName;
    YamlLimits m_limits;
    YamlReader m_reader;
    rules::Diagnostics m_notes;
    ImportResult m_result;
};

} // namespace

ImportResult importKubernetesYaml(std::string_view text, const std::string &fileName)
{
    Importer importer(text, fileName);
    return importer.run(text);
}

} // namespace k3snet::io
