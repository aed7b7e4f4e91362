// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/address.h"
#include "domain/net/count.h"

#include <compare>

namespace k3snet::net {

class Range;

// A CIDR prefix: a network address with its host bits cleared, and a length.
class Prefix
{
public:
    Prefix() = default;
    // Clears host bits of address; length must be within the family's bits.
    Prefix(Address address, int length);

    // "10.0.0.0/24", "2001:db8::/64". Like Go's net.ParseCIDR (and so MetalLB and k3s), host
    // bits are allowed and cleared ("10.0.0.5/24" is 10.0.0.0/24). A bare address without
    // "/len" is rejected.
    static Result<Prefix> parse(std::string_view text);
    // As parse, but host bits set is an error (for settings where they signal a typo).
    static Result<Prefix> parseStrict(std::string_view text);

    const Address &network() const { return m_network; }
    int length() const { return m_length; }
    Family family() const { return m_network.family(); }
    Address last() const;
    Range range() const;
    Count size() const { return Count::pow2(m_network.bits() - m_length); }

    bool contains(const Address &a) const;
    bool contains(const Prefix &p) const;
    bool overlaps(const Prefix &p) const;

    // The index-th subnet of the given (longer) length; nullopt when out of range.
    std::optional<Prefix> subnet(int newLength, u128 index) const;

    std::string toString() const;

    friend bool operator==(const Prefix &, const Prefix &) = default;
    friend auto operator<=>(const Prefix &a, const Prefix &b)
    {
        if (auto c = a.m_network <=> b.m_network; std::is_neq(c))
            return c;
        return a.m_length <=> b.m_length;
    }

private:
    Address m_network;
    int m_length = 0;
};

// Mask with the top `length` bits of a `bits`-wide number set.
u128 prefixMask(int bits, int length);

} // namespace k3snet::net
