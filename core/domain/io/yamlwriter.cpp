// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/io/yamlwriter.h"

#include "domain/io/yamlscalar.h"

#include <algorithm>
#include <vector>

namespace k3snet::io {

namespace {

constexpr const char *stringTag = "!";
constexpr std::string_view coreStringTag = "tag:yaml.org,2002:str";

enum class ScalarStyle : std::uint8_t
{
    Plain,
    Single,
    Double,
    Literal
};

ScalarStyle styleFor(const YAML::Node &node, bool isKey)
{
    const std::string &text = node.Scalar();
    const bool string = isStringScalar(node);
    if (string && text.find('\n') != std::string::npos)
        return !isKey && isLiteralBlockable(text) ? ScalarStyle::Literal : ScalarStyle::Double;
    if (string && resolvesAsNonString(text))
        return ScalarStyle::Double;
    if (isPlainSafe(text))
        return ScalarStyle::Plain;
    return isSingleQuotable(text) ? ScalarStyle::Single : ScalarStyle::Double;
}

// The tag to write before a scalar or collection, or empty.
std::string tagText(const YAML::Node &node)
{
    const std::string &tag = node.Tag();
    if (tag.empty() || tag == "?" || tag == stringTag)
        return {};
    if (tag == coreStringTag && node.IsScalar())
        return {}; // written as a quoted string when it needs to be
    constexpr std::string_view core = "tag:yaml.org,2002:";
    if (tag.starts_with(core))
        return "!!" + tag.substr(core.size());
    if (tag.starts_with("!"))
        return tag;
    return "!<" + tag + ">";
}

class Writer
{
public:
    Writer(KeyOrder order, std::size_t maxNodes)
        : m_order(order)
        , m_budget(maxNodes)
    {
    }

    bool write(const YAML::Node &node)
    {
        if (isBlock(node)) {
            block(node, 0, false);
        } else {
            inlineValue(node, 0);
            m_out += '\n';
        }
        return !m_failed;
    }
    std::string take() { return std::move(m_out); }

private:
    static bool isBlock(const YAML::Node &node)
    {
        return (node.IsMap() || node.IsSequence()) && node.size() > 0;
    }

    bool visit()
    {
        if (m_failed || m_budget == 0) {
            m_failed = true;
            return false;
        }
        --m_budget;
        return true;
    }

    void indent(int n) { m_out.append(static_cast<std::size_t>(n), ' '); }

    void scalar(const YAML::Node &node, int contentIndent, bool isKey)
    {
        const std::string &text = node.Scalar();
        switch (styleFor(node, isKey)) {
        case ScalarStyle::Plain:
            m_out += text;
            break;
        case ScalarStyle::Single: {
            m_out += '\'';
            for (char c : text) {
                m_out += c;
                if (c == '\'')
                    m_out += '\'';
            }
            m_out += '\'';
            break;
        }
        case ScalarStyle::Double:
            appendDoubleQuoted(m_out, text);
            break;
        case ScalarStyle::Literal: {
            std::size_t end = text.size();
            while (end > 0 && text[end - 1] == '\n')
                --end;
            const std::size_t trailing = text.size() - end;
            m_out += trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
            std::size_t start = 0;
            const std::string_view body = std::string_view(text).substr(0, end);
            while (start <= body.size()) {
                std::size_t nl = body.find('\n', start);
                if (nl == std::string_view::npos)
                    nl = body.size();
                m_out += '\n';
                if (nl > start) {
                    indent(contentIndent);
                    m_out.append(body.substr(start, nl - start));
                }
                start = nl + 1;
            }
            for (std::size_t i = 1; i < trailing; ++i)
                m_out += '\n';
            break;
        }
        }
    }

    // A value that fits on the line of its key or dash: a scalar, null, {} or [].
    void inlineValue(const YAML::Node &node, int contentIndent)
    {
        if (!visit())
            return;
        const std::string tag = tagText(node);
        if (!tag.empty())
            m_out += tag + (node.IsNull() ? "" : " ");
        if (node.IsNull())
            m_out += tag.empty() ? "null" : "";
        else if (node.IsMap())
            m_out += "{}";
        else if (node.IsSequence())
            m_out += "[]";
        else if (node.IsScalar())
            scalar(node, contentIndent, false);
        else
            m_out += "null";
    }

    // The entries of a non-empty mapping or the items of a non-empty list at indent n; the
    // first one continues the current line when inlineFirst (after "- ").
    void block(const YAML::Node &node, int n, bool inlineFirst)
    {
        if (!visit())
            return;
        bool first = true;
        auto lead = [&] {
            if (!(first && inlineFirst))
                indent(n);
            first = false;
        };
        if (node.IsSequence()) {
            for (auto it = node.begin(); it != node.end() && !m_failed; ++it) {
                lead();
                m_out += "-";
                item(*it, n);
            }
            return;
        }
        std::vector<std::pair<YAML::Node, YAML::Node>> entries;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!visit())
                return;
            if (!it->first.IsScalar()) {
                m_failed = true;
                return;
            }
            entries.emplace_back(it->first, it->second);
        }
        // Sorted through indices: assigning a YAML::Node writes into the node it refers to,
        // so moving the nodes themselves around would rewrite the tree.
        std::vector<std::size_t> order(entries.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        if (m_order == KeyOrder::Go)
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return goKeyLess(entries[a].first.Scalar(), entries[b].first.Scalar());
            });
        for (std::size_t index : order) {
            const auto &[key, value] = entries[index];
            if (m_failed)
                return;
            lead();
            scalar(key, n + 2, true);
            m_out += ':';
            if (!isBlock(value)) {
                m_out += ' ';
                inlineValue(value, n + 2);
                m_out += '\n';
                continue;
            }
            const std::string tag = tagText(value);
            if (!tag.empty())
                m_out += ' ' + tag;
            m_out += '\n';
            // kubectl's layout: list items at the key's own indentation.
            block(value, value.IsSequence() ? n : n + 2, false);
        }
    }

    void item(const YAML::Node &node, int n)
    {
        if (!isBlock(node)) {
            m_out += ' ';
            inlineValue(node, n + 2);
            m_out += '\n';
            return;
        }
        const std::string tag = tagText(node);
        if (!tag.empty()) {
            m_out += ' ' + tag + '\n';
            block(node, n + 2, false);
            return;
        }
        m_out += ' ';
        block(node, n + 2, true);
    }

    KeyOrder m_order;
    std::size_t m_budget;
    bool m_failed = false;
    std::string m_out;
};

class EmitWalker
{
public:
    EmitWalker(YAML::Emitter &out, std::size_t maxNodes)
        : m_out(out)
        , m_budget(maxNodes)
    {
    }

    bool emit(const YAML::Node &node)
    {
        if (m_budget == 0)
            return false;
        --m_budget;
        const std::string &tag = node.Tag();
        const std::string written = tagText(node);
        if (!written.empty())
            m_out << YAML::VerbatimTag(tag);
        if (node.IsNull()) {
            m_out << YAML::Null;
        } else if (node.IsScalar()) {
            scalar(node, false);
        } else if (node.IsSequence()) {
            if (node.size() == 0) {
                m_out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
                return true;
            }
            m_out << YAML::BeginSeq;
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (!emit(*it))
                    return false;
            }
            m_out << YAML::EndSeq;
        } else if (node.IsMap()) {
            if (node.size() == 0) {
                m_out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
                return true;
            }
            m_out << YAML::BeginMap;
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (!it->first.IsScalar() || m_budget == 0)
                    return false;
                --m_budget;
                m_out << YAML::Key;
                scalar(it->first, true);
                m_out << YAML::Value;
                if (!emit(it->second))
                    return false;
            }
            m_out << YAML::EndMap;
        } else {
            m_out << YAML::Null;
        }
        return m_out.good();
    }

private:
    void scalar(const YAML::Node &node, bool isKey)
    {
        // yaml-cpp quotes what it must for the text to parse, but writes "true" or "123"
        // plain, which would no longer be strings.
        if (isStringScalar(node) && resolvesAsNonString(node.Scalar()))
            m_out << YAML::DoubleQuoted;
        (void)isKey;
        m_out << node.Scalar();
    }

    YAML::Emitter &m_out;
    std::size_t m_budget;
};

} // namespace

YAML::Node yamlString(std::string_view text)
{
    YAML::Node node{std::string(text)};
    node.SetTag(stringTag);
    return node;
}

YAML::Node yamlInteger(std::int64_t value)
{
    return YAML::Node(std::to_string(value));
}

YAML::Node yamlBool(bool value)
{
    return YAML::Node(std::string(value ? "true" : "false"));
}

bool isStringScalar(const YAML::Node &node)
{
    return node.IsScalar() && (node.Tag() == stringTag || node.Tag() == coreStringTag);
}

std::optional<std::string> writeKubeYaml(
    const YAML::Node &node, KeyOrder order, std::size_t maxNodes)
{
    Writer writer(order, maxNodes);
    try {
        if (!writer.write(node))
            return std::nullopt;
    } catch (const std::exception &) {
        return std::nullopt; // yaml-cpp throws on nodes it cannot walk; callers report it
    }
    return writer.take();
}

bool emitYamlNode(YAML::Emitter &out, const YAML::Node &node, std::size_t maxNodes)
{
    try {
        return EmitWalker(out, maxNodes).emit(node);
    } catch (const std::exception &) {
        return false;
    }
}

} // namespace k3snet::io
