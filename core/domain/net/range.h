// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/address.h"
#include "domain/net/count.h"

#include <vector>

namespace k3snet::net {

class Prefix;

// An inclusive range of addresses of one family, first <= last.
class Range
{
public:
    Range() = default;
    Range(Address first, Address last)
        : m_first(first)
        , m_last(last)
    {
    }
    explicit Range(Address single)
        : m_first(single)
        , m_last(single)
    {
    }

    // "10.0.0.100-10.0.0.200", "10.0.0.100 - 10.0.0.200", "a - a": spaces around the dash and
    // around each address are tolerated, as MetalLB does. Both ends must be of one family and
    // the start must not be after the end.
    static Result<Range> parse(std::string_view text);
    // One entry of a MetalLB pool's addresses: a range when it contains '-', else a CIDR.
    static Result<Range> parsePoolEntry(std::string_view text);
    // True for a "start-end" text whose ends parse but are of different families: MetalLB
    // accepts some of these and then silently adds no address.
    static bool isMixedFamily(std::string_view text);

    const Address &first() const { return m_first; }
    const Address &last() const { return m_last; }
    Family family() const { return m_first.family(); }
    Count size() const;
    bool contains(const Address &a) const { return a >= m_first && a <= m_last; }
    bool contains(const Range &r) const { return r.m_first >= m_first && r.m_last <= m_last; }
    bool overlaps(const Range &r) const { return r.m_first <= m_last && m_first <= r.m_last; }
    // The smallest list of CIDR prefixes covering exactly this range.
    std::vector<Prefix> toPrefixes() const;
    // "a-b", or the single address when first == last.
    std::string toString() const;

    friend bool operator==(const Range &, const Range &) = default;

private:
    Address m_first;
    Address m_last;
};

} // namespace k3snet::net
