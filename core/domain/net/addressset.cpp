// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/net/addressset.h"

namespace k3snet::net {

AddressSet::AddressSet(std::initializer_list<Range> ranges)
{
    for (const auto &r : ranges)
        add(r);
}

std::map<Address, Address>::const_iterator AddressSet::find(const Address &a) const
{
    auto it = m_intervals.upper_bound(a);
    if (it == m_intervals.begin())
        return m_intervals.end();
    --it;
    return it->second >= a ? it : m_intervals.end();
}

void AddressSet::add(const Range &r)
{
    Address first = r.first();
    Address last = r.last();
    // Merge with an interval that overlaps or touches on the left.
    auto it = m_intervals.upper_bound(first);
    if (it != m_intervals.begin()) {
        auto prev = std::prev(it);
        auto after = prev->second.next();
        if (prev->second >= first || (after && *after == first)) {
            first = prev->first;
            if (prev->second > last)
                last = prev->second;
            it = m_intervals.erase(prev);
        }
    }
    // Swallow intervals that start inside or right after [first, last].
    auto beyond = last.next();
    while (it != m_intervals.end()
           && (it->first <= last || (beyond && it->first == *beyond))) {
        if (it->second > last) {
            last = it->second;
            beyond = last.next();
        }
        it = m_intervals.erase(it);
    }
    m_intervals.emplace(first, last);
}

void AddressSet::remove(const Range &r)
{
    auto it = m_intervals.upper_bound(r.first());
    if (it != m_intervals.begin())
        --it;
    while (it != m_intervals.end() && it->first <= r.last()) {
        Address lo = it->first;
        Address hi = it->second;
        if (hi < r.first()) {
            ++it;
            continue;
        }
        it = m_intervals.erase(it);
        if (lo < r.first())
            m_intervals.emplace(lo, *r.first().prev());
        if (hi > r.last()) {
            m_intervals.emplace(*r.last().next(), hi);
            break;
        }
    }
}

bool AddressSet::contains(const Address &a) const
{
    return find(a) != m_intervals.end();
}

bool AddressSet::contains(const Range &r) const
{
    auto it = find(r.first());
    return it != m_intervals.end() && it->second >= r.last();
}

bool AddressSet::overlaps(const Range &r) const
{
    auto it = m_intervals.upper_bound(r.last());
    if (it == m_intervals.begin())
        return false;
    --it; // last interval starting at or before r.last()
    return it->second >= r.first();
}

bool AddressSet::overlaps(const AddressSet &other) const
{
    const auto &small = m_intervals.size() <= other.m_intervals.size() ? *this : other;
    const auto &big = &small == this ? other : *this;
    for (const auto &[lo, hi] : small.m_intervals)
        if (big.overlaps(Range(lo, hi)))
            return true;
    return false;
}

AddressSet AddressSet::united(const AddressSet &other) const
{
    AddressSet out = *this;
    for (const auto &[lo, hi] : other.m_intervals)
        out.add(Range(lo, hi));
    return out;
}

AddressSet AddressSet::intersected(const AddressSet &other) const
{
    AddressSet out;
    auto a = m_intervals.begin();
    auto b = other.m_intervals.begin();
    while (a != m_intervals.end() && b != other.m_intervals.end()) {
        Address lo = std::max(a->first, b->first);
        Address hi = std::min(a->second, b->second);
        if (lo <= hi && lo.family() == hi.family())
            out.m_intervals.emplace_hint(out.m_intervals.end(), lo, hi);
        if (a->second < b->second)
            ++a;
        else
            ++b;
    }
    return out;
}

AddressSet AddressSet::subtracted(const AddressSet &other) const
{
    AddressSet out = *this;
    for (const auto &[lo, hi] : other.m_intervals)
        out.remove(Range(lo, hi));
    return out;
}

Count AddressSet::size() const
{
    Count c;
    for (const auto &[lo, hi] : m_intervals)
        c += Range(lo, hi).size();
    return c;
}

Count AddressSet::size(Family f) const
{
    Count c;
    for (const auto &[lo, hi] : m_intervals)
        if (lo.family() == f)
            c += Range(lo, hi).size();
    return c;
}

std::optional<Address> AddressSet::firstFreeAtOrAfter(const Address &a) const
{
    auto it = find(a);
    if (it == m_intervals.end())
        return a;
    // Intervals never touch, so the address after this interval is free (if it exists).
    return it->second.next();
}

std::optional<Address> AddressSet::firstMemberAtOrAfter(const Address &a) const
{
    auto it = find(a);
    if (it != m_intervals.end())
        return a;
    it = m_intervals.upper_bound(a);
    if (it == m_intervals.end() || it->first.family() != a.family())
        return std::nullopt;
    return it->first;
}

std::vector<Range> AddressSet::ranges() const
{
    std::vector<Range> out;
    out.reserve(m_intervals.size());
    for (const auto &[lo, hi] : m_intervals)
        out.emplace_back(lo, hi);
    return out;
}

std::string AddressSet::toString() const
{
    std::string s;
    for (const auto &[lo, hi] : m_intervals) {
        if (!s.empty())
            s += ", ";
        s += Range(lo, hi).toString();
    }
    return s;
}

} // namespace k3snet::net
