// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/net/address.h"

#include <array>
#include <cstring>

namespace k3snet::net {

namespace {

// "\"" + std::string(text) + "\"" would do, but GCC 12 at -O2 warns (-Wrestrict, a false
// positive) on that form, and warnings are errors in CI.
std::string quoted(std::string_view text)
{
    std::string q;
    q.reserve(text.size() + 2);
    q.append(1, '"').append(text).append(1, '"');
    return q;
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

// Parses a dotted quad; on failure sets why.
std::optional<std::uint32_t> parseV4(std::string_view s, std::string &why)
{
    std::uint32_t value = 0;
    int octets = 0;
    std::size_t i = 0;
    while (true) {
        if (i >= s.size()) {
            why = s.empty() ? "empty address" : "missing octet";
            return std::nullopt;
        }
        if (s[i] < '0' || s[i] > '9') {
            why = std::string("unexpected character '") + s[i] + "'";
            return std::nullopt;
        }
        std::size_t start = i;
        unsigned octet = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            octet = octet * 10 + static_cast<unsigned>(s[i] - '0');
            if (octet > 255) {
                why = "octet out of range (0-255)";
                return std::nullopt;
            }
            ++i;
        }
        if (i - start > 1 && s[start] == '0') {
            why = "octet with a leading zero";
            return std::nullopt;
        }
        value = (value << 8) | octet;
        ++octets;
        if (octets == 4)
            break;
        if (i >= s.size() || s[i] != '.') {
            why = i >= s.size() ? "too few octets (need 4)"
                                : std::string("unexpected character '") + s[i] + "'";
            return std::nullopt;
        }
        ++i;
    }
    if (i != s.size()) {
        why = s[i] == '.' ? "too many octets" : std::string("unexpected character '") + s[i] + "'";
        return std::nullopt;
    }
    return value;
}

std::optional<u128> parseV6(std::string_view s, std::string &why)
{
    std::array<std::uint16_t, 8> groups{};
    int count = 0;
    int doubleColonAt = -1;
    std::size_t i = 0;
    if (s.empty()) {
        why = "empty address";
        return std::nullopt;
    }
    if (s.find('%') != std::string_view::npos) {
        why = "zone identifiers are not allowed";
        return std::nullopt;
    }
    if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
        doubleColonAt = 0;
        i = 2;
    } else if (s[0] == ':') {
        why = "starts with a single ':'";
        return std::nullopt;
    }
    while (i < s.size()) {
        if (count == 8) {
            why = "too many groups";
            return std::nullopt;
        }
        // An embedded IPv4 address ends the text.
        std::size_t end = i;
        while (end < s.size() && s[end] != ':')
            ++end;
        std::string_view part = s.substr(i, end - i);
        if (part.find('.') != std::string_view::npos) {
            if (end != s.size()) {
                why = "embedded IPv4 address must come last";
                return std::nullopt;
            }
            if (count > 6) {
                why = "too many groups";
                return std::nullopt;
            }
            std::string v4why;
            auto v4 = parseV4(part, v4why);
            if (!v4) {
                why = "embedded IPv4 address: " + v4why;
                return std::nullopt;
            }
            groups[count++] = static_cast<std::uint16_t>(*v4 >> 16);
            groups[count++] = static_cast<std::uint16_t>(*v4 & 0xffff);
            i = end;
            break;
        }
        if (part.empty() || part.size() > 4) {
            why = part.empty() ? "empty group" : "group longer than 4 hex digits";
            return std::nullopt;
        }
        unsigned v = 0;
        for (char c : part) {
            if (!isHex(c)) {
                why = std::string("unexpected character '") + c + "'";
                return std::nullopt;
            }
            v = v * 16 + static_cast<unsigned>(hexValue(c));
        }
        groups[count++] = static_cast<std::uint16_t>(v);
        i = end;
        if (i == s.size())
            break;
        // at a ':'
        if (i + 1 < s.size() && s[i + 1] == ':') {
            if (doubleColonAt >= 0) {
                why = "more than one '::'";
                return std::nullopt;
            }
            doubleColonAt = count;
            i += 2;
        } else {
            ++i;
            if (i == s.size()) {
                why = "ends with a single ':'";
                return std::nullopt;
            }
        }
    }
    if (doubleColonAt >= 0) {
        if (count == 8) {
            why = "'::' stands for no group";
            return std::nullopt;
        }
        std::array<std::uint16_t, 8> full{};
        int tail = count - doubleColonAt;
        for (int k = 0; k < doubleColonAt; ++k)
            full[k] = groups[k];
        for (int k = 0; k < tail; ++k)
            full[8 - tail + k] = groups[doubleColonAt + k];
        groups = full;
    } else if (count != 8) {
        why = "too few groups (need 8, or '::')";
        return std::nullopt;
    }
    u128 value = 0;
    for (auto g : groups)
        value = (value << 16) | g;
    return value;
}

} // namespace

const char *familyName(Family f)
{
    return f == Family::V4 ? "IPv4" : "IPv6";
}

Address Address::fromBytes(const unsigned char *bytes, Family family)
{
    u128 v = 0;
    int n = family == Family::V4 ? 4 : 16;
    for (int k = 0; k < n; ++k)
        v = (v << 8) | bytes[k];
    return Address(family, v);
}

Result<Address> Address::parse(std::string_view text)
{
    std::string why;
    if (text.empty())
        return Result<Address>::failure("\"\": empty address");
    if (text.find(':') != std::string_view::npos) {
        if (auto v = parseV6(text, why))
            return Address::v6(*v);
        return Result<Address>::failure(quoted(text) + ": not an IPv6 address: " + why);
    }
    if (auto v = parseV4(text, why))
        return Address::v4(*v);
    return Result<Address>::failure(quoted(text) + ": not an IPv4 address: " + why);
}

u128 Address::maxValue() const
{
    return m_family == Family::V4 ? u128(0xffffffffu) : ~u128(0);
}

std::optional<Address> Address::next() const
{
    if (isMax())
        return std::nullopt;
    return Address(m_family, m_value + 1);
}

std::optional<Address> Address::prev() const
{
    if (m_value == 0)
        return std::nullopt;
    return Address(m_family, m_value - 1);
}

std::optional<Address> Address::offset(u128 delta) const
{
    if (maxValue() - m_value < delta)
        return std::nullopt;
    return Address(m_family, m_value + delta);
}

void Address::toBytes(unsigned char *out) const
{
    int n = m_family == Family::V4 ? 4 : 16;
    u128 v = m_value;
    for (int k = n - 1; k >= 0; --k) {
        out[k] = static_cast<unsigned char>(v & 0xff);
        v >>= 8;
    }
}

std::string Address::toString() const
{
    if (m_family == Family::V4) {
        auto v = static_cast<std::uint32_t>(m_value);
        return std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 0xff) + "."
            + std::to_string((v >> 8) & 0xff) + "." + std::to_string(v & 0xff);
    }
    // RFC 5952 §5: IPv4-mapped addresses (::ffff:0:0/96) are written in mixed notation, as Go
    // (and so MetalLB and Kubernetes) prints them. Other embedding prefixes stay in hex: they
    // cannot be told from ordinary addresses by the address alone.
    if ((m_value >> 32) == 0xffff)
        return "::ffff:" + Address::v4(static_cast<std::uint32_t>(m_value)).toString();
    std::array<unsigned, 8> g{};
    for (int k = 0; k < 8; ++k)
        g[k] = static_cast<unsigned>((m_value >> (16 * (7 - k))) & 0xffff);
    // RFC 5952: compress the longest run (>= 2) of zero groups, the first one on a tie.
    int bestStart = -1, bestLen = 0;
    for (int k = 0; k < 8;) {
        if (g[k] != 0) {
            ++k;
            continue;
        }
        int start = k;
        while (k < 8 && g[k] == 0)
            ++k;
        if (k - start > bestLen && k - start >= 2) {
            bestStart = start;
            bestLen = k - start;
        }
    }
    static const char *digits = "0123456789abcdef";
    std::string out;
    for (int k = 0; k < 8; ++k) {
        if (k == bestStart) {
            out += "::";
            k += bestLen - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':')
            out += ':';
        char buf[5];
        int n = 0;
        unsigned v = g[k];
        char tmp[4];
        do {
            tmp[n++] = digits[v & 0xf];
            v >>= 4;
        } while (v);
        for (int j = 0; j < n; ++j)
            buf[j] = tmp[n - 1 - j];
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

std::string toDecimal(u128 value)
{
    if (value == 0)
        return "0";
    std::string s;
    while (value) {
        s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
        value /= 10;
    }
    return s;
}

} // namespace k3snet::net
