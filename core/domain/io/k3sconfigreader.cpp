// SPDX-License-Identifier: GPL-3.0-or-later
// The k3s config reader's document handling: loading the YAML, merging its keys as k3s does,
// the values of a key as k3s passes them as flags, and where each was written. Reading the
// networking flags is in k3sconfigvalues.cpp, flag names in k3sconfigflags.cpp.
#include "domain/io/k3sconfig_p.h"

#include <yaml-cpp/depthguard.h> // DeepRecursion, which yaml.h does not declare

#include <exception>
#include <utility>

namespace k3snet::io::detail {

namespace {

// yaml-cpp tags a plain scalar "?" and a quoted one "!".
bool isPlain(const YAML::Node &scalar)
{
    return scalar.Tag() != "!";
}

std::string kindName(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return "mapping";
    case YAML::NodeType::Sequence:
        return "list";
    case YAML::NodeType::Scalar:
        return "single value";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return "null";
}

} // namespace

K3sConfigReader::K3sConfigReader(std::string_view text, const std::string &fileName)
    : m_text(text)
    , m_file(fileName)
{
}

K3sConfigImport K3sConfigReader::read()
{
    try {
        readDocument();
    } catch (const YAML::Exception &e) {
        error("yaml-syntax", e.msg.empty() ? std::string(e.what()) : e.msg, location(e.mark));
    } catch (const std::exception &e) {
        error("yaml-syntax", std::string("could not read the file: ") + e.what(), fileOnly());
    } catch (...) {
        error("yaml-syntax", "could not read the file", fileOnly());
    }
    return std::move(m_result);
}

void K3sConfigReader::readDocument()
{
    std::optional<YAML::Node> root = loadMapping();
    if (!root)
        return;

    std::vector<Entry> entries;
    std::map<std::string, std::size_t> index;
    mergeKeys(*root, entries, index);

    bool serverFlags = false;
    for (const Entry &entry : entries) {
        if (isServerOnlyKey(entry.key))
            serverFlags = true;
        readEntry(entry);
    }
    resolveMask();
    if (serverFlags)
        checkServerSettings(
            index.count("flannel-backend") ? &entries[index["flannel-backend"]] : nullptr,
            index.count("disable") ? &entries[index["disable"]] : nullptr);
}

// The file's top-level mapping, or nothing when it sets nothing or cannot be read (reported).
std::optional<YAML::Node> K3sConfigReader::loadMapping()
{
    YAML::Node root;
    try {
        root = YAML::Load(std::string(m_text));
    } catch (const YAML::DeepRecursion &e) {
        // yaml-cpp's own message for this is "bad file".
        error("yaml-syntax",
            "the YAML nests " + std::to_string(e.depth())
                + " levels deep, where the reader stops; no k3s config nests like that",
            location(e.mark));
        return std::nullopt;
    } catch (const YAML::Exception &e) {
        error("yaml-syntax", e.msg.empty() ? std::string(e.what()) : e.msg, location(e.mark));
        return std::nullopt;
    }
    // An empty file, or one with only comments, is a valid config that sets nothing.
    if (!root || root.IsNull())
        return std::nullopt;
    if (!root.IsMap()) {
        error("wrong-type",
            "a k3s config must be a mapping of flag names to values, not a " + kindName(root),
            location(root.Mark()));
        return std::nullopt;
    }
    return root;
}

// The keys in file order, each once, with the values k3s keeps for it.
void K3sConfigReader::mergeKeys(
    YAML::Node &root, std::vector<Entry> &entries, std::map<std::string, std::size_t> &index)
{
    for (auto it = root.begin(); it != root.end(); ++it) {
        const YAML::Node keyNode = it->first;
        if (!keyNode.IsScalar()) {
            error("wrong-type", "a k3s config key must be a flag name, not a " + kindName(keyNode),
                location(keyNode.Mark()));
            continue;
        }
        std::string key = keyNode.Scalar();
        const bool append = !key.empty() && key.back() == '+';
        if (append)
            key.pop_back();
        const model::SourceLocation keyLocation = location(keyNode.Mark());
        auto found = index.find(key);
        if (found == index.end()) {
            index.emplace(key, entries.size());
            entries.push_back(Entry{key, keyLocation, {it->second}});
            continue;
        }
        Entry &entry = entries[found->second];
        if (append) {
            entry.values.push_back(it->second);
        } else {
            warning("k3s-duplicate-key",
                key + " is set again here; k3s keeps only this value and drops the one on line "
                    + std::to_string(entry.keyLocation.line) + " (write " + key
                    + "+: to add to it instead)",
                keyLocation);
            entry.values = {it->second};
        }
        entry.keyLocation = keyLocation;
    }
}

// The values of a key as k3s passes them: each list entry is one flag, and slice flags
// split each on commas. Null values are empty flags and are skipped.
bool K3sConfigReader::collect(const Entry &e, Split split, std::vector<Item> &out)
{
    bool ok = true;
    for (const YAML::Node &value : e.values) {
        if (!value || value.IsNull())
            continue;
        if (value.IsScalar()) {
            splitScalar(value, split, out);
        } else if (value.IsSequence()) {
            for (const YAML::Node &element : value) {
                if (element.IsNull())
                    continue;
                if (!element.IsScalar()) {
                    error("wrong-type",
                        e.key + " takes a value or a list of values, not a list of "
                            + kindName(element) + "s",
                        location(element.Mark()));
                    ok = false;
                    continue;
                }
                splitScalar(element, split, out);
            }
        } else {
            error("wrong-type",
                e.key + " takes a value or a list of values, not a " + kindName(value),
                location(value.Mark()));
            ok = false;
        }
    }
    return ok;
}

void K3sConfigReader::splitScalar(const YAML::Node &scalar, Split split, std::vector<Item> &out)
{
    const std::string &text = scalar.Scalar();
    if (split == Split::None) {
        out.push_back(Item{text, location(scalar.Mark()), isPlain(scalar)});
        return;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::size_t end = comma == std::string::npos ? text.size() : comma;
        std::size_t from = start, to = end;
        if (split == Split::CommaTrimmed) {
            while (from < to && (text[from] == ' ' || text[from] == '\t'))
                ++from;
            while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t'))
                --to;
        }
        const std::string piece = text.substr(from, to - from);
        // A piece that is the whole value is located where the value starts (at its quote).
        const bool whole = from == 0 && to == text.size();
        out.push_back(Item{piece, whole ? location(scalar.Mark()) : locationIn(scalar, from, piece),
            isPlain(scalar)});
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
}

// The last value of a single-valued flag: when k3s repeats one, the last one wins. A key
// with no value is an empty flag value, which only a boolean flag accepts (as true).
std::optional<K3sConfigReader::Item> K3sConfigReader::lastItem(const Entry &e, bool allowEmpty)
{
    std::vector<Item> items;
    if (!collect(e, Split::None, items))
        return std::nullopt;
    if (!items.empty())
        return items.back();
    if (allowEmpty)
        return Item{"", e.keyLocation, true};
    error("invalid-value", e.key + " has no value", e.keyLocation);
    return std::nullopt;
}

model::SourceLocation K3sConfigReader::location(const YAML::Mark &mark) const
{
    if (mark.is_null() || mark.line < 0)
        return fileOnly();
    return model::SourceLocation{m_file, mark.line + 1, mark.column + 1};
}

// Where a piece of a scalar starts: exact when the piece can be found at that offset in
// the source (plain or simply quoted one-line scalars), the scalar's start otherwise.
model::SourceLocation K3sConfigReader::locationIn(
    const YAML::Node &scalar, std::size_t offset, const std::string &piece)
{
    const YAML::Mark mark = scalar.Mark();
    if (mark.is_null() || mark.pos < 0)
        return location(mark);
    const std::size_t begin = static_cast<std::size_t>(mark.pos);
    const std::size_t at = begin + (isPlain(scalar) ? 0 : 1) + offset;
    if (at + piece.size() <= m_text.size() && m_text.compare(at, piece.size(), piece) == 0
        && m_text.substr(begin, at - begin).find('\n') == std::string_view::npos)
        return model::SourceLocation{
            m_file, mark.line + 1, mark.column + 1 + static_cast<int>(at - begin)};
    return location(mark);
}

void K3sConfigReader::add(rules::Severity severity, const std::string &code, std::string message,
    model::SourceLocation where, const std::string &field)
{
    rules::Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = std::move(message);
    if (!field.empty())
        d.objects.push_back(rules::ObjectRef{"Network", field});
    d.location = std::move(where);
    m_result.diagnostics.push_back(std::move(d));
}

void K3sConfigReader::error(const std::string &code, std::string message,
    model::SourceLocation where, const std::string &field)
{
    add(rules::Severity::Error, code, std::move(message), std::move(where), field);
}

void K3sConfigReader::warning(const std::string &code, std::string message,
    model::SourceLocation where, const std::string &field)
{
    add(rules::Severity::Warning, code, std::move(message), std::move(where), field);
}

void K3sConfigReader::info(const std::string &code, std::string message,
    model::SourceLocation where, const std::string &field)
{
    add(rules::Severity::Info, code, std::move(message), std::move(where), field);
}

} // namespace k3snet::io::detail
