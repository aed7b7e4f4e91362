// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/io/kubeyaml.h"

namespace k3snet::io {

std::optional<model::LabelSelector> readLabelSelector(
    YamlReader &reader, const YAML::Node &node, const std::string &path)
{
    const YamlMap map = reader.mapping(node, path);
    if (!map.isValid())
        return std::nullopt;
    reader.record(path, node);
    reader.checkKeys(map, {"matchLabels", "matchExpressions"});
    model::LabelSelector selector;
    bool ok = true;
    if (map.has("matchLabels")) {
        auto labels = reader.stringMap(map, "matchLabels");
        ok = ok && labels.has_value();
        if (labels)
            selector.matchLabels = std::move(*labels);
    }
    const auto expressions = reader.sequence(map, "matchExpressions");
    for (std::size_t i = 0; i < expressions.size(); ++i) {
        const YamlMap e = reader.mapping(
            expressions[i], map.childPath("matchExpressions") + "[" + std::to_string(i) + "]");
        if (!e.isValid()) {
            ok = false;
            continue;
        }
        reader.record(e.path(), expressions[i]);
        reader.checkKeys(e, {"key", "operator", "values"});
        model::LabelSelectorRequirement r;
        auto key = reader.string(e, "key", YamlReader::Need::Required);
        auto op = reader.string(e, "operator", YamlReader::Need::Required);
        auto values = reader.stringList(e, "values");
        if (!key || !op || (e.has("values") && !values)) {
            ok = false;
            continue;
        }
        r.key = std::move(*key);
        r.op = std::move(*op);
        if (values)
            r.values = std::move(*values);
        selector.matchExpressions.push_back(std::move(r));
    }
    return ok && !reader.stopped() ? std::optional(std::move(selector)) : std::nullopt;
}

std::vector<model::LabelSelector> readLabelSelectors(
    YamlReader &reader, const YamlMap &map, std::string_view key)
{
    std::vector<model::LabelSelector> selectors;
    const auto items = reader.sequence(map, key);
    for (std::size_t i = 0; i < items.size() && !reader.stopped(); ++i) {
        const std::string path = map.childPath(key) + "[" + std::to_string(i) + "]";
        if (auto s = readLabelSelector(reader, items[i], path))
            selectors.push_back(std::move(*s));
    }
    return selectors;
}

void writeString(YAML::Emitter &out, std::string_view key, const std::string &value)
{
    out << YAML::Key << std::string(key) << YAML::Value << value;
}

void writeStringIf(YAML::Emitter &out, std::string_view key, const std::string &value)
{
    if (!value.empty())
        writeString(out, key, value);
}

void writeLabelsIf(YAML::Emitter &out, std::string_view key, const model::Labels &labels)
{
    if (labels.empty())
        return;
    out << YAML::Key << std::string(key) << YAML::Value << YAML::BeginMap;
    for (const auto &[k, v] : labels)
        out << YAML::Key << k << YAML::Value << v;
    out << YAML::EndMap;
}

void writeStringListIf(
    YAML::Emitter &out, std::string_view key, const std::vector<std::string> &list)
{
    if (list.empty())
        return;
    out << YAML::Key << std::string(key) << YAML::Value << YAML::BeginSeq;
    for (const auto &s : list)
        out << s;
    out << YAML::EndSeq;
}

void writeLabelSelector(YAML::Emitter &out, const model::LabelSelector &selector)
{
    // An empty selector matches everything and must survive a save as "{}".
    if (selector.isEmpty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        return;
    }
    out << YAML::BeginMap;
    writeLabelsIf(out, "matchLabels", selector.matchLabels);
    if (!selector.matchExpressions.empty()) {
        out << YAML::Key << "matchExpressions" << YAML::Value << YAML::BeginSeq;
        for (const auto &e : selector.matchExpressions) {
            out << YAML::BeginMap;
            writeString(out, "key", e.key);
            writeString(out, "operator", e.op);
            writeStringListIf(out, "values", e.values);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

void writeLabelSelectorsIf(
    YAML::Emitter &out, std::string_view key, const std::vector<model::LabelSelector> &selectors)
{
    if (selectors.empty())
        return;
    out << YAML::Key << std::string(key) << YAML::Value << YAML::BeginSeq;
    for (const auto &s : selectors)
        writeLabelSelector(out, s);
    out << YAML::EndSeq;
}

} // namespace k3snet::io
