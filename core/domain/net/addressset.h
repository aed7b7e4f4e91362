// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/prefix.h"
#include "domain/net/range.h"

#include <map>
#include <optional>
#include <vector>

namespace k3snet::net {

// A set of addresses of either family, kept as sorted, disjoint, non-adjacent intervals, so
// membership, insertion and "first free address at or after X" are O(log n) in the number of
// intervals.
class AddressSet
{
public:
    AddressSet() = default;
    AddressSet(std::initializer_list<Range> ranges);

    void add(const Range &r);
    void add(const Prefix &p) { add(p.range()); }
    void add(const Address &a) { add(Range(a)); }
    void remove(const Range &r);
    void remove(const Address &a) { remove(Range(a)); }
    void clear() { m_intervals.clear(); }

    bool isEmpty() const { return m_intervals.empty(); }
    bool contains(const Address &a) const;
    bool contains(const Range &r) const;
    bool overlaps(const Range &r) const;
    bool overlaps(const AddressSet &other) const;

    AddressSet united(const AddressSet &other) const;
    AddressSet intersected(const AddressSet &other) const;
    AddressSet subtracted(const AddressSet &other) const;

    Count size() const;
    Count size(Family f) const;

    // The lowest address >= a that is NOT in the set (same family as a), or nullopt when every
    // address from a to the end of the family's space is in the set.
    std::optional<Address> firstFreeAtOrAfter(const Address &a) const;
    // The lowest address >= a that IS in the set (same family as a), or nullopt.
    std::optional<Address> firstMemberAtOrAfter(const Address &a) const;

    std::vector<Range> ranges() const;
    std::size_t intervalCount() const { return m_intervals.size(); }
    std::string toString() const; // "a-b, c, d-e"

    friend bool operator==(const AddressSet &, const AddressSet &) = default;

private:
    // Interval containing a, or end().
    std::map<Address, Address>::const_iterator find(const Address &a) const;
    std::map<Address, Address> m_intervals; // first -> last
};

} // namespace k3snet::net
