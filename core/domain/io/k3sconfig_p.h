// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to k3sconfig*.cpp: the reader behind importK3sConfig and what its parts share. The
// reader is split by meaning: k3sconfigreader.cpp turns the YAML into k3s's merged flags and
// their values, k3sconfigvalues.cpp reads the networking flags' values and checks them against
// each other, k3sconfigflags.cpp knows k3s's flag names and suggests fixes for misspelt ones.

#include "domain/io/k3sconfig.h"
#include "domain/model/sourcelocation.h"
#include "domain/rules/diagnostic.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace k3snet::io::detail {

template<std::size_t N> bool contains(const std::array<const char *, N> &list, std::string_view key)
{
    return std::find(list.begin(), list.end(), key) != list.end();
}

// kube-controller-manager's per-node mask when none is given (k3s does not set one).
inline int defaultNodeMask(net::Family family)
{
    return family == net::Family::V4 ? 24 : 64;
}

inline std::string quoted(std::string_view s)
{
    // Appended, not `"\"" + std::string(s)`: GCC 12 at -O3 reports a false -Wrestrict there.
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    out += '"';
    return out;
}

// A key k3s knows as a server or agent flag (k3sconfigflags.cpp).
bool isKnownKey(std::string_view key);
// A flag only a server takes. A file with none of them is an agent's, so the absence of
// flannel-backend or of disable servicelb says nothing there.
bool isServerOnlyKey(std::string_view key);

// Reads one config.yaml. k3s turns the file into command-line flags (pkg/configfilearg) and
// this mirrors what that does: a YAML list repeats the flag, a later key replaces an earlier
// one, key+ appends, and the slice flags then split their values on commas.
class K3sConfigReader
{
public:
    K3sConfigReader(std::string_view text, const std::string &fileName);

    K3sConfigImport read();

private:
    // One value of a flag with where it was written.
    struct Item
    {
        std::string text;
        model::SourceLocation location;
        bool plain = true; // unquoted in the file, so YAML 1.1 resolves it (yes, on, ...)
    };

    // A key of the file after k3s's merge: repeated keys replace, key+ appends.
    struct Entry
    {
        std::string key;
        model::SourceLocation keyLocation;
        std::vector<YAML::Node> values;
    };

    struct MaskArg
    {
        int value = 0;
        model::SourceLocation location;
    };

    enum class Split
    {
        None,
        Comma,
        CommaTrimmed
    };

    // --- the document and its values (k3sconfigreader.cpp) ---
    void readDocument();
    std::optional<YAML::Node> loadMapping();
    void mergeKeys(
        YAML::Node &root, std::vector<Entry> &entries, std::map<std::string, std::size_t> &index);
    bool collect(const Entry &e, Split split, std::vector<Item> &out);
    void splitScalar(const YAML::Node &scalar, Split split, std::vector<Item> &out);
    std::optional<Item> lastItem(const Entry &e, bool allowEmpty = false);

    // --- the networking flags (k3sconfigvalues.cpp) ---
    void readEntry(const Entry &e);
    template<class T>
    void readDualStack(
        const Entry &e, const std::string &field, std::optional<T> &target, bool *dualStack);
    void readDomain(const Item &item);
    void readFlannelBackend(const Item &item);
    void readBool(const Item &item, const std::string &key, std::optional<bool> &target);
    void readControllerManagerArg(const Item &item);
    void resolveMask();
    std::optional<MaskArg> chooseMask(const net::Prefix &cluster);
    void checkServerSettings(const Entry *backend, const Entry *disable);

    // --- flag names (k3sconfigflags.cpp) ---
    void checkComponent(const Item &item);
    void suggestForUnknownKey(const Entry &e);

    // --- locations and diagnostics (k3sconfigreader.cpp) ---
    model::SourceLocation location(const YAML::Mark &mark) const;
    model::SourceLocation fileOnly() const { return model::SourceLocation{m_file, 0, 0}; }
    model::SourceLocation locationIn(
        const YAML::Node &scalar, std::size_t offset, const std::string &piece);
    void add(rules::Severity severity, const std::string &code, std::string message,
        model::SourceLocation where, const std::string &field);
    void error(const std::string &code, std::string message, model::SourceLocation where,
        const std::string &field = {});
    void warning(const std::string &code, std::string message, model::SourceLocation where,
        const std::string &field = {});
    void info(const std::string &code, std::string message, model::SourceLocation where,
        const std::string &field = {});

    std::string_view m_text;
    std::string m_file;
    K3sConfigImport m_result;
    bool m_clusterDualStack = false;
    bool m_clusterCIDRWritten = false;
    model::SourceLocation m_clusterCIDRLocation; // of the cluster-cidr key, when written
    std::optional<MaskArg> m_maskV4, m_maskV6, m_maskAny;
    model::SourceLocation m_flannelBackendLocation;
};

} // namespace k3snet::io::detail
