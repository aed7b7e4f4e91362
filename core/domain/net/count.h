// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/address.h"

#include <compare>
#include <cstdint>
#include <string>

namespace k3snet::net {

// An exact count of addresses. A whole IPv6 space holds 2^128 addresses, one more than a
// 128-bit integer holds, and a set of both families holds more still, so the count keeps
// a 64-bit high word on top of the 128-bit low word.
class Count
{
public:
    constexpr Count() = default;
    constexpr Count(u128 low)
        : m_low(low)
    {
    }
    static Count pow2(int exponent); // 0..191

    Count &operator+=(const Count &other);
    friend Count operator+(Count a, const Count &b) { return a += b; }
    Count &operator-=(const Count &other); // saturates at zero
    friend Count operator-(Count a, const Count &b) { return a -= b; }

    bool fitsU64() const { return m_high == 0 && m_low <= ~std::uint64_t(0); }
    std::uint64_t toU64() const { return static_cast<std::uint64_t>(m_low); }
    bool isZero() const { return m_high == 0 && m_low == 0; }
    // For display in charts; exact below 2^53.
    double toDouble() const;
    std::string toString() const; // decimal

    friend bool operator==(const Count &, const Count &) = default;
    friend std::strong_ordering operator<=>(const Count &a, const Count &b)
    {
        if (a.m_high != b.m_high)
            return a.m_high <=> b.m_high;
        return a.m_low <=> b.m_low;
    }

private:
    u128 m_low = 0;
    std::uint64_t m_high = 0;
};

} // namespace k3snet::net
