// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/net/count.h"

#include <algorithm>
#include <cmath>

namespace k3snet::net {

Count Count::pow2(int exponent)
{
    Count c;
    if (exponent < 128)
        c.m_low = u128(1) << exponent;
    else
        c.m_high = std::uint64_t(1) << (exponent - 128);
    return c;
}

Count &Count::operator+=(const Count &other)
{
    u128 low = m_low + other.m_low;
    m_high += other.m_high + (low < m_low ? 1 : 0);
    m_low = low;
    return *this;
}

Count &Count::operator-=(const Count &other)
{
    if (*this <= other) {
        *this = Count();
        return *this;
    }
    std::uint64_t borrow = m_low < other.m_low ? 1 : 0;
    m_low -= other.m_low;
    m_high -= other.m_high + borrow;
    return *this;
}

double Count::toDouble() const
{
    return std::ldexp(static_cast<double>(m_high), 128) + static_cast<double>(m_low);
}

std::string Count::toString() const
{
    if (m_high == 0)
        return toDecimal(m_low);
    // Long division of the 192-bit value by 10, in 32-bit limbs.
    std::uint32_t limbs[6];
    for (int k = 0; k < 4; ++k)
        limbs[5 - k] = static_cast<std::uint32_t>(m_low >> (32 * k));
    limbs[1] = static_cast<std::uint32_t>(m_high);
    limbs[0] = static_cast<std::uint32_t>(m_high >> 32);
    std::string digits;
    while (std::any_of(std::begin(limbs), std::end(limbs), [](auto l) { return l != 0; })) {
        std::uint64_t rem = 0;
        for (auto &l : limbs) {
            std::uint64_t cur = (rem << 32) | l;
            l = static_cast<std::uint32_t>(cur / 10);
            rem = cur % 10;
        }
        digits.push_back(static_cast<char>('0' + rem));
    }
    std::reverse(digits.begin(), digits.end());
    return digits;
}

} // namespace k3snet::net
