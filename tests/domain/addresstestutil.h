// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/address.h"
#include "domain/net/addressset.h"
#include "domain/net/count.h"
#include "domain/net/prefix.h"
#include "domain/net/range.h"

#include <QByteArray>
#include <QByteArrayList>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// Helpers shared by the address tests (tst_address*.cpp): test data is written as text and
// turned into addresses, prefixes, ranges and sets here, and results are checked by properties
// a CIDR cover or an interval set must have.
namespace addresstest {

// The helpers speak the types of the code under test unqualified, as the tests do.
using namespace k3snet::net;

inline std::string_view view(const QByteArray &b)
{
    return {b.constData(), static_cast<std::size_t>(b.size())};
}

inline QByteArray bytes(const std::string &s)
{
    return QByteArray::fromStdString(s);
}

// Test data is written as text; a literal that does not parse is a bug in the test itself, so
// it throws (Qt Test reports the exception as a failure of the running test function).
inline Address address(std::string_view text)
{
    auto r = Address::parse(text);
    if (!r)
        throw std::invalid_argument("bad test address: " + r.error());
    return *r;
}

inline Prefix prefix(std::string_view text)
{
    auto r = Prefix::parse(text);
    if (!r)
        throw std::invalid_argument("bad test prefix: " + r.error());
    return *r;
}

inline Range entry(std::string_view text)
{
    auto r = Range::parsePoolEntry(text);
    if (!r)
        throw std::invalid_argument("bad test pool entry: " + r.error());
    return *r;
}

// "10.0.0.0/24, 10.1.0.1 - 10.1.0.9" -> the union of the entries ("" is the empty set).
inline AddressSet setOf(const QByteArray &text)
{
    AddressSet s;
    for (const QByteArray &part : text.split(',')) {
        const QByteArray e = part.trimmed();
        if (!e.isEmpty())
            s.add(entry(view(e)));
    }
    return s;
}

// Hex text without "0x" -> 128-bit number (Qt Test columns have no 128-bit type).
inline u128 hex128(const QByteArray &text)
{
    u128 v = 0;
    for (char c : text) {
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        v = (v << 4) | static_cast<u128>(d);
    }
    return v;
}

inline QByteArray optionalText(const std::optional<Address> &a)
{
    return a ? bytes(a->toString()) : QByteArray("none");
}

inline QByteArray optionalText(const std::optional<Prefix> &p)
{
    return p ? bytes(p->toString()) : QByteArray("none");
}

inline QByteArray joined(const std::vector<Prefix> &prefixes)
{
    QByteArray out;
    for (const auto &p : prefixes) {
        if (!out.isEmpty())
            out += ' ';
        out += bytes(p.toString());
    }
    return out;
}

// 2^h - 1 for h in 0..128.
inline u128 lowMask(int hostBits)
{
    return hostBits >= 128 ? ~u128(0) : (u128(1) << hostBits) - 1;
}

// A second, independent way to the minimal CIDR cover: walk the binary prefix tree and take
// every node that lies wholly inside the range. Each taken node's parent is not wholly inside,
// so no two taken siblings could be merged; this is the canonical minimal cover.
inline void treeCover(
    u128 base, int hostBits, u128 first, u128 last, Family f, std::vector<Prefix> &out)
{
    const u128 end = base | lowMask(hostBits);
    if (end < first || base > last)
        return;
    const int bits = familyBits(f);
    if (base >= first && end <= last) {
        out.emplace_back(
            f == Family::V4 ? Address::v4(static_cast<std::uint32_t>(base)) : Address::v6(base),
            bits - hostBits);
        return;
    }
    treeCover(base, hostBits - 1, first, last, f, out);
    treeCover(base | (u128(1) << (hostBits - 1)), hostBits - 1, first, last, f, out);
}

// Checks what a CIDR list for a range must satisfy; returns an empty string or what is wrong.
inline std::string checkCover(const Range &r, const std::vector<Prefix> &ps)
{
    if (ps.empty())
        return "no prefixes";
    if (ps.front().network() != r.first())
        return "does not start at the range's first address";
    if (ps.back().last() != r.last())
        return "does not end at the range's last address";
    Count total;
    std::vector<int> hostBits;
    for (std::size_t k = 0; k < ps.size(); ++k) {
        const Prefix &p = ps[k];
        const int h = p.network().bits() - p.length();
        hostBits.push_back(h);
        if (p.family() != r.family())
            return "prefix " + p.toString() + " of the wrong family";
        if ((p.network().value() & lowMask(h)) != 0)
            return "prefix " + p.toString() + " not aligned";
        total += p.size();
        if (k == 0)
            continue;
        const Prefix &prev = ps[k - 1];
        auto after = prev.last().next();
        if (!after || *after != p.network())
            return "gap or overlap between " + prev.toString() + " and " + p.toString();
        // Equal-size neighbours are siblings when the left one starts a block of twice the size;
        // then one shorter prefix would do.
        if (prev.length() == p.length() && h < p.network().bits()
            && (prev.network().value() & lowMask(h + 1)) == 0)
            return "siblings " + prev.toString() + " and " + p.toString() + " not merged";
    }
    if (total != r.size())
        return "sizes add up to " + total.toString() + ", range has " + r.size().toString();
    // A minimal cover grows strictly, may repeat its largest size once, then shrinks strictly.
    std::size_t k = 1;
    while (k < hostBits.size() && hostBits[k] > hostBits[k - 1])
        ++k;
    if (k < hostBits.size() && hostBits[k] == hostBits[k - 1])
        ++k;
    while (k < hostBits.size() && hostBits[k] < hostBits[k - 1])
        ++k;
    if (k != hostBits.size())
        return "sizes are not first growing then shrinking";
    return {};
}

// Sorted, disjoint, non-adjacent, single-family intervals; returns what is wrong, or "".
inline std::string checkIntervals(const AddressSet &s)
{
    const auto rs = s.ranges();
    for (std::size_t k = 0; k < rs.size(); ++k) {
        if (rs[k].first().family() != rs[k].last().family())
            return "interval " + rs[k].toString() + " mixes families";
        if (rs[k].first() > rs[k].last())
            return "interval " + rs[k].toString() + " is reversed";
        if (k == 0)
            continue;
        if (rs[k - 1].last() >= rs[k].first())
            return "intervals " + rs[k - 1].toString() + " and " + rs[k].toString() + " overlap";
        auto after = rs[k - 1].last().next();
        if (after && *after == rs[k].first())
            return "intervals " + rs[k - 1].toString() + " and " + rs[k].toString() + " touch";
    }
    return {};
}

} // namespace addresstest
