// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/io/yamlreader.h"

#include "domain/io/yamltext.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace k3snet::io {

namespace {

// Longest text an address or prefix can have ("ffff:...:255.255.255.255/128" is 50); longer
// values are rejected without handing megabytes to the parsers and into messages.
constexpr std::size_t maxAddressText = 64;

std::string where(const std::string &path)
{
    return path.empty() ? "the document" : path;
}

// A plain (unquoted, untagged) scalar, or one explicitly tagged with the wanted core type.
bool isPlainOr(const YAML::Node &node, std::string_view coreTag)
{
    const std::string &tag = node.Tag();
    return tag.empty() || tag == "?" || tag == coreTag;
}

} // namespace

const YamlMap::Entry *YamlMap::find(std::string_view key) const
{
    for (const auto &e : m_entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

bool YamlMap::has(std::string_view key) const
{
    const Entry *e = find(key);
    return e && !e->value.IsNull();
}

std::string YamlMap::childPath(std::string_view key) const
{
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

YamlReader::YamlReader(std::string fileName, YamlLimits limits)
    : m_fileName(std::move(fileName))
    , m_limits(limits)
{
}

std::optional<YAML::Node> YamlReader::parse(std::string_view text)
{
    auto parsed = parseYamlDocument(text, m_limits);
    if (const auto *e = std::get_if<YamlParseError>(&parsed)) {
        error(e->code, e->message, e->mark);
        return std::nullopt;
    }
    return std::get<YAML::Node>(std::move(parsed));
}

YamlMap YamlReader::mapping(const YAML::Node &node, std::string path)
{
    YamlMap map;
    map.m_path = std::move(path);
    map.m_node = node;
    if (!visit())
        return map;
    if (!node.IsMap()) {
        error("wrong-type",
            "expected a mapping for " + where(map.m_path) + ", got " + describeYamlNode(node),
            node.Mark());
        return map;
    }
    map.m_valid = true;
    std::unordered_map<std::string, YAML::Mark> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!visit())
            break;
        // Copies: it-> hands out a temporary, so a reference would dangle.
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            error("wrong-type",
                "keys in " + where(map.m_path) + " must be strings, got " + describeYamlNode(key),
                key.Mark());
            continue;
        }
        auto [first, inserted] = seen.try_emplace(key.Scalar(), key.Mark());
        if (!inserted) {
            error("duplicate-key",
                "duplicate key " + quoteForMessage(key.Scalar()) + " in " + where(map.m_path)
                    + " (first at line " + std::to_string(first->second.line + 1) + ")",
                key.Mark());
            continue;
        }
        map.m_entries.push_back({key.Scalar(), key, it->second});
    }
    return map;
}

YamlMap YamlReader::mapping(const YamlMap &parent, std::string_view key, Need need)
{
    if (const YamlMap::Entry *e = field(parent, key, need))
        return mapping(e->value, parent.childPath(key));
    // Absent or null: an empty section, unless it was required (reported by field()), in which
    // case its own required fields are not reported again.
    YamlMap empty;
    empty.m_path = parent.childPath(key);
    const YamlMap::Entry *e = parent.find(key);
    empty.m_node = e ? e->keyNode : parent.node();
    empty.m_valid = parent.isValid() && need == Need::Optional && !m_stopped;
    return empty;
}

void YamlReader::checkKeys(const YamlMap &map, std::initializer_list<std::string_view> known)
{
    for (const auto &e : map.entries()) {
        if (!visit())
            return;
        if (std::find(known.begin(), known.end(), e.key) != known.end())
            continue;
        std::string message = "unknown key " + quoteForMessage(e.key) + " in " + where(map.path());
        if (std::string hint = suggestKnownKey(e.key, known); !hint.empty())
            message += "; did you mean \"" + hint + "\"?";
        error("unknown-key", std::move(message), e.keyNode.Mark());
    }
}

std::vector<YAML::Node> YamlReader::sequence(const YamlMap &map, std::string_view key, Need need)
{
    std::vector<YAML::Node> items;
    const YamlMap::Entry *e = field(map, key, need);
    if (!e)
        return items;
    if (!e->value.IsSequence()) {
        error("wrong-type",
            "expected a list for " + map.childPath(key) + ", got " + describeYamlNode(e->value),
            markOf(*e));
        return items;
    }
    for (auto it = e->value.begin(); it != e->value.end(); ++it) {
        if (!visit())
            break;
        items.push_back(*it);
    }
    return items;
}

std::optional<std::string> YamlReader::peekString(const YAML::Node &node, std::string_view key)
{
    if (!node.IsMap())
        return std::nullopt;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!visit())
            return std::nullopt;
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->second.IsScalar() ? std::optional(it->second.Scalar()) : std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> YamlReader::string(const YamlMap &map, std::string_view key, Need need)
{
    const YamlMap::Entry *e = field(map, key, need);
    if (!e)
        return std::nullopt;
    if (!e->value.IsScalar()) {
        error("wrong-type",
            "expected a string for " + map.childPath(key) + ", got " + describeYamlNode(e->value),
            markOf(*e));
        return std::nullopt;
    }
    return e->value.Scalar();
}

std::optional<std::int64_t> YamlReader::integer(
    const YamlMap &map, std::string_view key, std::int64_t min, std::int64_t max, Need need)
{
    const YamlMap::Entry *e = field(map, key, need);
    if (!e)
        return std::nullopt;
    const std::string path = map.childPath(key);
    if (!e->value.IsScalar() || !isPlainOr(e->value, "tag:yaml.org,2002:int")) {
        error("wrong-type",
            "expected an integer for " + path + ", got " + describeYamlNode(e->value), markOf(*e));
        return std::nullopt;
    }
    std::string_view text = e->value.Scalar();
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || end != text.data() + text.size()
        || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
        error("invalid-value",
            path + ": " + quoteForMessage(e->value.Scalar()) + " is not an integer", markOf(*e));
        return std::nullopt;
    }
    if (ec == std::errc::result_out_of_range || value < min || value > max) {
        error("invalid-value",
            path + ": " + e->value.Scalar() + " is out of range (" + std::to_string(min) + ".."
                + std::to_string(max) + ")",
            markOf(*e));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> YamlReader::boolean(const YamlMap &map, std::string_view key, Need need)
{
    const YamlMap::Entry *e = field(map, key, need);
    if (!e)
        return std::nullopt;
    const std::string path = map.childPath(key);
    if (!e->value.IsScalar() || !isPlainOr(e->value, "tag:yaml.org,2002:bool")) {
        error("wrong-type",
            "expected true or false for " + path + ", got " + describeYamlNode(e->value),
            markOf(*e));
        return std::nullopt;
    }
    // YAML 1.2 booleans only: "yes"/"on" are YAML 1.1 and mean a string to Kubernetes.
    const std::string &text = e->value.Scalar();
    if (text == "true" || text == "True" || text == "TRUE")
        return true;
    if (text == "false" || text == "False" || text == "FALSE")
        return false;
    error(
        "invalid-value", path + ": " + quoteForMessage(text) + " is not true or false", markOf(*e));
    return std::nullopt;
}

std::optional<std::vector<std::string>> YamlReader::stringList(
    const YamlMap &map, std::string_view key, Need need)
{
    const YamlMap::Entry *e = field(map, key, need);
    if (!e)
        return std::nullopt;
    const std::string path = map.childPath(key);
    if (!e->value.IsSequence()) {
        error("wrong-type",
            "expected a list of strings for " + path + ", got " + describeYamlNode(e->value),
            markOf(*e));
        return std::nullopt;
    }
    std::vector<std::string> list;
    bool ok = true;
    std::size_t index = 0;
    for (auto it = e->value.begin(); it != e->value.end(); ++it, ++index) {
        auto text = scalar(*it, path + "[" + std::to_string(index) + "]");
        if (!text) {
            ok = false;
            if (m_stopped)
                break;
            continue;
        }
        list.push_back(std::move(*text));
    }
    return ok ? std::optional(std::move(list)) : std::nullopt;
}

std::optional<model::Labels> YamlReader::stringMap(
    const YamlMap &map, std::string_view key, Need need)
{
    const YamlMap::Entry *e = field(map, key, need);
    if (!e)
        return std::nullopt;
    const YamlMap entries = mapping(e->value, map.childPath(key));
    if (!entries.isValid())
        return std::nullopt;
    model::Labels result;
    bool ok = true;
    for (const auto &entry : entries.entries()) {
        if (!visit())
            return std::nullopt;
        const std::string path = entries.path() + "[" + entry.key + "]";
        if (entry.value.IsNull()) {
            // "key:" with nothing after it: Kubernetes reads an empty value.
            result[entry.key] = std::string();
        } else if (entry.value.IsScalar()) {
            result[entry.key] = entry.value.Scalar();
        } else {
            error("wrong-type",
                "expected a string for " + path + ", got " + describeYamlNode(entry.value),
                entry.value.Mark());
            ok = false;
            continue;
        }
        record(path, markOf(entry));
    }
    return ok ? std::optional(std::move(result)) : std::nullopt;
}

std::optional<net::Address> YamlReader::address(const YamlMap &map, std::string_view key, Need need)
{
    auto text = string(map, key, need);
    if (!text)
        return std::nullopt;
    const YAML::Mark mark = markOf(*map.find(key));
    if (text->size() > maxAddressText) {
        error("invalid-value",
            map.childPath(key) + ": " + quoteForMessage(*text) + " is not an address", mark);
        return std::nullopt;
    }
    auto parsed = net::Address::parse(*text);
    if (!parsed) {
        error("invalid-value", map.childPath(key) + ": " + parsed.error(), mark);
        return std::nullopt;
    }
    return *parsed;
}

std::optional<net::Prefix> YamlReader::prefix(const YamlMap &map, std::string_view key, Need need)
{
    auto text = string(map, key, need);
    if (!text)
        return std::nullopt;
    const YAML::Mark mark = markOf(*map.find(key));
    if (text->size() > maxAddressText) {
        error("invalid-value",
            map.childPath(key) + ": " + quoteForMessage(*text) + " is not a CIDR prefix", mark);
        return std::nullopt;
    }
    auto parsed = net::Prefix::parse(*text);
    if (!parsed) {
        error("invalid-value", map.childPath(key) + ": " + parsed.error(), mark);
        return std::nullopt;
    }
    if (auto strict = net::Prefix::parseStrict(*text); !strict)
        warning("host-bits-set",
            map.childPath(key) + ": " + strict.error() + "; read as " + parsed->toString(), mark);
    return *parsed;
}

std::optional<std::string> YamlReader::scalar(const YAML::Node &node, const std::string &path)
{
    if (!visit())
        return std::nullopt;
    if (!node.IsScalar()) {
        error("wrong-type", "expected a string for " + path + ", got " + describeYamlNode(node),
            node.Mark());
        return std::nullopt;
    }
    record(path, node);
    return node.Scalar();
}

void YamlReader::error(std::string code, std::string message, const YAML::Mark &mark)
{
    add(rules::Severity::Error, std::move(code), std::move(message), location(mark));
}

void YamlReader::error(std::string code, std::string message, model::SourceLocation location)
{
    add(rules::Severity::Error, std::move(code), std::move(message), std::move(location));
}

void YamlReader::warning(std::string code, std::string message, const YAML::Mark &mark)
{
    add(rules::Severity::Warning, std::move(code), std::move(message), location(mark));
}

void YamlReader::record(const std::string &path, const YAML::Node &node)
{
    record(path, node.Mark());
}

void YamlReader::record(const std::string &path, const YAML::Mark &mark)
{
    if (!m_stopped)
        m_sources.set(path, location(mark));
}

model::SourceLocation YamlReader::location(const YAML::Mark &mark) const
{
    if (mark.is_null() || mark.line < 0)
        return {m_fileName, 0, 0};
    return {m_fileName, mark.line + 1, mark.column + 1};
}

rules::Diagnostics YamlReader::takeDiagnostics()
{
    // File-level diagnostics (line 0) first, then in the order of the text.
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
        [](const rules::Diagnostic &a, const rules::Diagnostic &b) {
            return std::pair(a.location.line, a.location.column)
                < std::pair(b.location.line, b.location.column);
        });
    return std::move(m_diagnostics);
}

bool YamlReader::visit()
{
    if (m_stopped)
        return false;
    if (++m_visits > m_limits.maxVisits) {
        add(rules::Severity::Error, "too-large",
            "the document expands to more than " + std::to_string(m_limits.maxVisits)
                + " values (anchors and aliases repeat their content); refusing to read it",
            {m_fileName, 0, 0});
        m_stopped = true;
        return false;
    }
    return true;
}

const YamlMap::Entry *YamlReader::field(const YamlMap &map, std::string_view key, Need need)
{
    if (m_stopped)
        return nullptr;
    const YamlMap::Entry *e = map.find(key);
    if (!e || e->value.IsNull()) {
        if (need == Need::Required && map.isValid())
            error("missing-field",
                "missing required field \"" + std::string(key) + "\" in " + where(map.path()),
                e ? markOf(*e) : map.node().Mark());
        return nullptr;
    }
    if (!visit())
        return nullptr;
    record(map.childPath(key), markOf(*e));
    return e;
}

YAML::Mark YamlReader::markOf(const YamlMap::Entry &e)
{
    // yaml-cpp marks an empty value where the next token starts, often the next line; the key
    // is where the user looks.
    return e.value.IsNull() ? e.keyNode.Mark() : e.value.Mark();
}

void YamlReader::add(
    rules::Severity severity, std::string code, std::string message, model::SourceLocation location)
{
    if (m_stopped)
        return;
    if (severity == rules::Severity::Error) {
        if (m_errorCount == m_limits.maxErrors) {
            m_diagnostics.push_back({rules::Severity::Error, "too-many-errors",
                "more than " + std::to_string(m_limits.maxErrors) + " errors; stopped reading", {},
                {m_fileName, 0, 0}});
            m_stopped = true;
            return;
        }
        ++m_errorCount;
    } else if (m_diagnostics.size() >= 2 * m_limits.maxErrors) {
        return; // warnings beyond this many only bury the errors
    }
    rules::Diagnostic d{severity, std::move(code), std::move(message), {}, std::move(location)};
    if (m_object)
        d.objects.push_back(*m_object);
    m_diagnostics.push_back(std::move(d));
}

} // namespace k3snet::io
