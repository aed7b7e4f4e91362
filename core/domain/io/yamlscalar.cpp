// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/io/yamlscalar.h"

#include <algorithm>
#include <array>

namespace k3snet::io {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// One UTF-8 sequence at text[i]: its code point and length; an invalid byte gives -1, length 1.
std::pair<long, std::size_t> decodeUtf8(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80)
        return {c, 1};
    std::size_t len = 0;
    long cp = 0;
    if ((c & 0xe0) == 0xc0) {
        len = 2;
        cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
        len = 3;
        cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return {-1, 1};
    }
    if (i + len > text.size())
        return {-1, 1};
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80)
            return {-1, 1};
        cp = (cp << 6) | (byte(i + k) & 0x3f);
    }
    static constexpr std::array<long, 5> minimum = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return {-1, 1};
    return {cp, len};
}

// libyaml's IS_PRINTABLE (which leaves out tab, the BOM and everything above the BMP).
bool isPrintable(long cp)
{
    return cp == 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff)
        || (cp >= 0xe000 && cp <= 0xfffd && cp != 0xfeff);
}

bool isLineBreak(long cp)
{
    return cp == 0x0a || cp == 0x0d || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool isBlankOrEnd(std::string_view text, std::size_t i)
{
    return i >= text.size() || text[i] == ' ' || text[i] == '\t' || text[i] == '\n'
        || text[i] == '\r';
}

// Matches [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? — go-yaml v2's float syntax.
bool isYamlFloat(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    const std::size_t intStart = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    const bool hasInt = i > intStart;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t fracStart = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (!hasInt && i == fracStart)
            return false;
    } else if (!hasInt) {
        return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        const std::size_t expStart = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == expStart)
            return false;
    }
    return i == s.size();
}

// An integer as Go's strconv.ParseInt(s, 0, 64) syntax accepts it (underscores removed).
bool isGoInteger(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i >= s.size())
        return false;
    auto allOf = [&](std::size_t from, auto pred) {
        return from < s.size() && std::all_of(s.begin() + long(from), s.end(), pred);
    };
    if (s[i] == '0' && i + 1 < s.size()) {
        const char p = static_cast<char>(s[i + 1] | 0x20);
        if (p == 'x')
            return allOf(i + 2, [](char c) {
                return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            });
        if (p == 'o')
            return allOf(i + 2, [](char c) { return c >= '0' && c <= '7'; });
        if (p == 'b')
            return allOf(i + 2, [](char c) { return c == '0' || c == '1'; });
    }
    return allOf(i, isDigit);
}

// [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)? — YAML 1.1 base-60, which go-yaml v2 quotes.
bool isBase60(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i >= s.size() || !isDigit(s[i]))
        return false;
    while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
        ++i;
    int groups = 0;
    while (i < s.size() && s[i] == ':') {
        ++i;
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]) && i - start < 2)
            ++i;
        const std::size_t n = i - start;
        if (n == 0 || (n == 2 && s[start] > '5'))
            return false;
        ++groups;
    }
    if (groups == 0)
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
            ++i;
    }
    return i == s.size();
}

// YYYY-M-D, alone or followed by a time: what go-yaml v2 reads as a timestamp.
bool isTimestamp(std::string_view s)
{
    std::size_t i = 0;
    auto digits = [&](std::size_t min, std::size_t max) {
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]) && i - start < max)
            ++i;
        return i - start >= min;
    };
    auto dash = [&] { return i < s.size() && s[i++] == '-'; };
    if (!digits(4, 4) || !dash() || !digits(1, 2) || !dash() || !digits(1, 2))
        return false;
    return i == s.size() || s[i] == 'T' || s[i] == 't' || s[i] == ' ' || s[i] == '\t';
}

} // namespace

void appendDoubleQuoted(std::string &out, std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, len] = decodeUtf8(text, i);
        const unsigned char byte = static_cast<unsigned char>(text[i]);
        switch (cp) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case 0:
            out += "\\0";
            break;
        case 0x07:
            out += "\\a";
            break;
        case 0x08:
            out += "\\b";
            break;
        case 0x0b:
            out += "\\v";
            break;
        case 0x0c:
            out += "\\f";
            break;
        case 0x1b:
            out += "\\e";
            break;
        case 0x85:
            out += "\\N";
            break;
        case 0x2028:
            out += "\\L";
            break;
        case 0x2029:
            out += "\\P";
            break;
        case 0xfeff:
            out += "\\uFEFF";
            break;
        default:
            // Bytes that are not UTF-8 cannot be kept as bytes; \xNN is the nearest text.
            if (cp < 0 || cp < 0x20 || cp == 0x7f) {
                out += "\\x";
                out += hex[byte >> 4];
                out += hex[byte & 0xf];
            } else {
                out.append(text.substr(i, len));
            }
        }
        i += len;
    }
    out += '"';
}

bool isSingleQuotable(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, len] = decodeUtf8(text, i);
        if (cp < 0 || !isPrintable(cp) || isLineBreak(cp))
            return false;
        i += len;
    }
    return true;
}

bool isLiteralBlockable(std::string_view text)
{
    if (text.empty() || text.front() == ' ' || text.front() == '\n')
        return false;
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, len] = decodeUtf8(text, i);
        if (cp < 0 || (cp != '\n' && (!isPrintable(cp) || isLineBreak(cp))))
            return false;
        if (cp == ' ' && (i + 1 == text.size() || text[i + 1] == '\n'))
            return false;
        i += len;
    }
    return true;
}

// go-yaml v2's keyList.Less, for string keys.
bool goKeyLess(std::string_view a, std::string_view b)
{
    auto isLetter = [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    };
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        const auto ac = static_cast<unsigned char>(a[i]);
        const auto bc = static_cast<unsigned char>(b[i]);
        if (ac == bc)
            continue;
        const bool al = isLetter(ac);
        const bool bl = isLetter(bc);
        if (al && bl)
            return ac < bc;
        if (al || bl)
            return bl;
        long long an = 0;
        long long bn = 0;
        if (ac == '0' || bc == '0') {
            for (std::size_t j = i; j-- > 0 && isDigit(a[j]);) {
                if (a[j] != '0') {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        std::size_t ai = i;
        std::size_t bi = i;
        for (; ai < a.size() && isDigit(a[ai]); ++ai)
            an = an * 10 + (a[ai] - '0');
        for (; bi < b.size() && isDigit(b[bi]); ++bi)
            bn = bn * 10 + (b[bi] - '0');
        if (an != bn)
            return an < bn;
        if (ai != bi)
            return ai < bi;
        return ac < bc;
    }
    return a.size() < b.size();
}

bool resolvesAsNonString(std::string_view text)
{
    static constexpr std::array<std::string_view, 30> words = {"~", "null", "Null", "NULL", "y",
        "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
        "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "<<", ".nan", ".NaN", ".NAN"};
    if (text.empty() || std::find(words.begin(), words.end(), text) != words.end())
        return true;
    std::string_view unsigned_ = text;
    if (unsigned_.front() == '+' || unsigned_.front() == '-')
        unsigned_.remove_prefix(1);
    if (unsigned_ == ".inf" || unsigned_ == ".Inf" || unsigned_ == ".INF")
        return true;
    const char first = text.front();
    if (!isDigit(first) && first != '+' && first != '-' && first != '.')
        return false;
    std::string plain;
    plain.reserve(text.size());
    for (char c : text) {
        if (c != '_')
            plain += c;
    }
    return isGoInteger(plain) || isYamlFloat(plain) || isBase60(text) || isTimestamp(text);
}

bool isPlainSafe(std::string_view text)
{
    if (text.empty())
        return false;
    if (text.starts_with("---") || text.starts_with("..."))
        return false;
    constexpr std::string_view indicators = "#,[]{}&*!|>'\"%@`";
    const char first = text.front();
    if (indicators.find(first) != std::string_view::npos)
        return false;
    if ((first == '?' || first == ':' || first == '-') && isBlankOrEnd(text, 1))
        return false;
    if (text.front() == ' ' || text.back() == ' ')
        return false;
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, len] = decodeUtf8(text, i);
        if (cp < 0 || !isPrintable(cp) || isLineBreak(cp))
            return false;
        if (cp == ':' && isBlankOrEnd(text, i + 1))
            return false;
        if (cp == '#' && i > 0 && text[i - 1] == ' ')
            return false;
        i += len;
    }
    return true;
}

} // namespace k3snet::io
