// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/io/yamltext.h"

#include <algorithm>
#include <vector>

namespace k3snet::io {

namespace {

// Keys longer than this are no typos of a known key; also bounds the edit-distance work.
constexpr std::size_t maxSuggestedKeyLength = 64;

// The length of the valid UTF-8 sequence text starts with (2 to 4), or 0.
std::size_t utf8SequenceLength(std::string_view text)
{
    const auto byte = [&text](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xbf; // allowed range of the second byte
    if (lead >= 0xc2 && lead <= 0xdf) {
        n = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        n = 3;
        low = lead == 0xe0 ? 0xa0 : 0x80; // no overlong forms
        high = lead == 0xed ? 0x9f : 0xbf; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        n = 4;
        low = lead == 0xf0 ? 0x90 : 0x80;
        high = lead == 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (text.size() < n || byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t i = 2; i < n; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xbf)
            return 0;
    }
    return n;
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Optimal string alignment distance (Levenshtein plus adjacent transposition), ignoring ASCII
// case: "clusterCidr" is 0 from "clusterCIDR", "namesapce" 1 from "namespace".
std::size_t editDistance(std::string_view a, std::string_view b)
{
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2])
                && lower(a[i - 2]) == lower(b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace

std::string quoteForMessage(std::string_view value)
{
    // Appending, not operator+ on a literal: GCC 12 warns falsely (-Wrestrict) on the latter.
    std::string out(1, '"');
    out += printableText(value, 60);
    out += '"';
    return out;
}

std::string printableText(std::string_view text, std::size_t maxChars)
{
    static const char hex[] = "0123456789abcdef";
    std::string out;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < text.size(); ++shown) {
        if (shown >= maxChars) {
            out += "...";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else if (const std::size_t n = utf8SequenceLength(text.substr(i)); c >= 0x80 && n > 0) {
            out += text.substr(i, n);
            i += n;
            continue;
        } else {
            // Control characters and bytes that are not UTF-8 (binary input) would garble
            // whatever shows the message.
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
        ++i;
    }
    return out;
}

std::string describeYamlNode(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
        return "nothing";
    case YAML::NodeType::Null:
        return "null";
    case YAML::NodeType::Scalar:
        return (node.Tag() == "!" ? "the string " : "the value ") + quoteForMessage(node.Scalar());
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Map:
        return "a mapping";
    }
    return "an unknown node";
}

std::string suggestKnownKey(std::string_view key, std::initializer_list<std::string_view> known)
{
    if (key.size() > maxSuggestedKeyLength)
        return {};
    std::string_view best;
    std::size_t bestDistance = 0;
    for (std::string_view candidate : known) {
        const std::size_t d = editDistance(key, candidate);
        if (best.empty() || d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    // Only close calls: one edit in four characters ("nmae" -> "name", "lanIp" -> "lanIP"),
    // so that "foo" suggests nothing rather than a random key.
    const std::size_t allowed = std::max<std::size_t>(1, (best.size() + 2) / 4);
    return !best.empty() && bestDistance <= allowed ? std::string(best) : std::string();
}

} // namespace k3snet::io
