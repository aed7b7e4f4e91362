// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/io/yamldocument.h"
#include "domain/model/labelselector.h"
#include "domain/model/sourcelocation.h"
#include "domain/net/address.h"
#include "domain/net/prefix.h"
#include "domain/rules/diagnostic.h"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace k3snet::io {

// One mapping of a YAML document as read by YamlReader: its entries in document order (with
// the key nodes, for their marks) and the path that names it in messages and the SourceMap.
class YamlMap
{
public:
    struct Entry
    {
        std::string key;
        YAML::Node keyNode;
        YAML::Node value;
    };

    const std::string &path() const { return m_path; }
    const YAML::Node &node() const { return m_node; }
    // False when the node was not a mapping (already reported); such a map has no entries.
    bool isValid() const { return m_valid; }
    const std::vector<Entry> &entries() const { return m_entries; }
    // The first entry with this key, or nullptr.
    const Entry *find(std::string_view key) const;
    // Whether key is present with a non-null value.
    bool has(std::string_view key) const;
    // The path of a field of this map: "network" + "vxlan" -> "network.vxlan".
    std::string childPath(std::string_view key) const;

private:
    friend class YamlReader;
    std::string m_path;
    YAML::Node m_node;
    bool m_valid = false;
    std::vector<Entry> m_entries;
};

// Walks a parsed YAML tree and turns what is wrong with it into rules::Diagnostic entries with
// file:line:column, recording where each field came from in a model::SourceMap. Used for every
// YAML format k3snet reads (project files, MetalLB resources, kubectl dumps); it never throws.
class YamlReader
{
public:
    enum class Need : std::uint8_t
    {
        Optional,
        Required
    };

    explicit YamlReader(std::string fileName, YamlLimits limits = {});

    const std::string &fileName() const { return m_fileName; }
    const YamlLimits &limits() const { return m_limits; }

    // Parses one YAML document (see parseYamlDocument); reports why it cannot and returns
    // nullopt then. An empty document parses as a null node.
    std::optional<YAML::Node> parse(std::string_view text);

    // The mapping at node, named by path; anything else (null too: an empty list item) is
    // "wrong-type" and gives an invalid map. Keys that are not strings and duplicate keys are
    // reported here, since yaml-cpp silently keeps both entries of a duplicate.
    YamlMap mapping(const YAML::Node &node, std::string path);
    // The mapping under key of parent. Absent or null, it is an empty section (valid unless it
    // was required, which is reported).
    YamlMap mapping(const YamlMap &parent, std::string_view key, Need need = Need::Optional);
    // Reports each key of map that is not in known as "unknown-key", suggesting the nearest
    // known key when it is a likely typo.
    void checkKeys(const YamlMap &map, std::initializer_list<std::string_view> known);
    // The items of the sequence under key (empty when absent or not a sequence).
    std::vector<YAML::Node> sequence(
        const YamlMap &map, std::string_view key, Need need = Need::Optional);
    // The text of a scalar without reporting anything (for naming an object before reading
    // it); nullopt when node is not a mapping or key is not a scalar there.
    std::optional<std::string> peekString(const YAML::Node &node, std::string_view key);

    // Typed fields. Absent (or null) optional fields give nullopt silently; a missing required
    // field is "missing-field"; a value of the wrong shape is "wrong-type" and a bad value
    // "invalid-value", both naming the path and the value. Each read field is recorded in the
    // SourceMap under map.childPath(key).
    std::optional<std::string> string(
        const YamlMap &map, std::string_view key, Need need = Need::Optional);
    std::optional<std::int64_t> integer(const YamlMap &map, std::string_view key, std::int64_t min,
        std::int64_t max, Need need = Need::Optional);
    std::optional<bool> boolean(
        const YamlMap &map, std::string_view key, Need need = Need::Optional);
    std::optional<std::vector<std::string>> stringList(
        const YamlMap &map, std::string_view key, Need need = Need::Optional);
    std::optional<model::Labels> stringMap(
        const YamlMap &map, std::string_view key, Need need = Need::Optional);
    std::optional<net::Address> address(
        const YamlMap &map, std::string_view key, Need need = Need::Optional);
    // Host bits are allowed, as k3s and MetalLB allow them, but draw a "host-bits-set" warning.
    std::optional<net::Prefix> prefix(
        const YamlMap &map, std::string_view key, Need need = Need::Optional);

    // The text of a scalar node that is not under a key (a sequence item), named by path.
    std::optional<std::string> scalar(const YAML::Node &node, const std::string &path);

    void error(std::string code, std::string message, const YAML::Mark &mark);
    void error(std::string code, std::string message, model::SourceLocation location);
    void warning(std::string code, std::string message, const YAML::Mark &mark);
    // Records where path was read from (the mark of node).
    void record(const std::string &path, const YAML::Node &node);
    void record(const std::string &path, const YAML::Mark &mark);
    model::SourceLocation location(const YAML::Mark &mark) const;

    // The object the following diagnostics are about ({"Node", "node1"}); nullopt for none.
    void setObject(std::optional<rules::ObjectRef> object) { m_object = std::move(object); }

    // True once reading should stop: the visit budget or the error limit was reached (and
    // reported). Every reader returns nothing from then on.
    bool stopped() const { return m_stopped; }
    bool hasErrors() const { return rules::hasErrors(m_diagnostics); }
    // The diagnostics in file order (file-level ones first), and the recorded locations.
    rules::Diagnostics takeDiagnostics();
    model::SourceMap takeSources() { return std::move(m_sources); }

private:
    // Counts one visited node; false (after reporting once) when over the budget.
    bool visit();
    // The value under key for a typed getter: nullptr when absent, null, or reading stopped;
    // reports a missing required field.
    const YamlMap::Entry *field(const YamlMap &map, std::string_view key, Need need);
    static YAML::Mark markOf(const YamlMap::Entry &e);
    void add(rules::Severity severity, std::string code, std::string message,
        model::SourceLocation location);

    std::string m_fileName;
    YamlLimits m_limits;
    rules::Diagnostics m_diagnostics;
    model::SourceMap m_sources;
    std::optional<rules::ObjectRef> m_object;
    std::size_t m_visits = 0;
    std::size_t m_errorCount = 0;
    bool m_stopped = false;
};

} // namespace k3snet::io
