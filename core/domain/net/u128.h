// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>

namespace k3snet::net {

// An unsigned 128-bit integer for targets whose compiler has none: 32-bit ARM (armhf, the Pi's
// 32-bit OS) lacks unsigned __int128, and the agent shares the address math with the app.
// Wrap-around arithmetic, shifts, bitwise operators and ordering behave exactly as
// unsigned __int128 does (tests/domain/tst_u128.cpp checks them against it on x86-64).
class U128
{
public:
    constexpr U128() = default;
    template<std::unsigned_integral T>
    constexpr U128(T v) // NOLINT(google-explicit-constructor): a drop-in for an integer type
        : m_lo(v)
    {
    }
    template<std::signed_integral T>
    constexpr U128(T v) // two's complement widening, like a conversion to unsigned __int128
        : m_hi(v < 0 ? ~std::uint64_t(0) : 0)
        , m_lo(static_cast<std::uint64_t>(v))
    {
    }
    static constexpr U128 fromParts(std::uint64_t hi, std::uint64_t lo)
    {
        U128 r;
        r.m_hi = hi;
        r.m_lo = lo;
        return r;
    }

    constexpr std::uint64_t high() const { return m_hi; }
    constexpr std::uint64_t low() const { return m_lo; }

    template<std::integral T>
    explicit constexpr operator T() const { return static_cast<T>(m_lo); }
    template<std::floating_point T>
    explicit constexpr operator T() const { return static_cast<T>(m_hi) * T(18446744073709551616.0) + static_cast<T>(m_lo); }
    explicit constexpr operator bool() const { return (m_hi | m_lo) != 0; }

    friend constexpr bool operator==(const U128 &, const U128 &) = default;
    friend constexpr std::strong_ordering operator<=>(const U128 &a, const U128 &b)
    {
        if (a.m_hi != b.m_hi)
            return a.m_hi <=> b.m_hi;
        return a.m_lo <=> b.m_lo;
    }

    friend constexpr U128 operator+(U128 a, U128 b)
    {
        const std::uint64_t lo = a.m_lo + b.m_lo;
        return fromParts(a.m_hi + b.m_hi + (lo < a.m_lo ? 1 : 0), lo);
    }
    friend constexpr U128 operator-(U128 a, U128 b)
    {
        return fromParts(a.m_hi - b.m_hi - (a.m_lo < b.m_lo ? 1 : 0), a.m_lo - b.m_lo);
    }
    constexpr U128 operator-() const { return U128() - *this; }
    constexpr U128 operator~() const { return fromParts(~m_hi, ~m_lo); }
    friend constexpr U128 operator&(U128 a, U128 b) { return fromParts(a.m_hi & b.m_hi, a.m_lo & b.m_lo); }
    friend constexpr U128 operator|(U128 a, U128 b) { return fromParts(a.m_hi | b.m_hi, a.m_lo | b.m_lo); }
    friend constexpr U128 operator^(U128 a, U128 b) { return fromParts(a.m_hi ^ b.m_hi, a.m_lo ^ b.m_lo); }

    // Shift counts of 128 or more are undefined for the built-in type; here they give 0.
    friend constexpr U128 operator<<(U128 a, int n)
    {
        if (n <= 0)
            return a;
        if (n >= 128)
            return U128();
        if (n >= 64)
            return fromParts(a.m_lo << (n - 64), 0);
        return fromParts((a.m_hi << n) | (a.m_lo >> (64 - n)), a.m_lo << n);
    }
    friend constexpr U128 operator>>(U128 a, int n)
    {
        if (n <= 0)
            return a;
        if (n >= 128)
            return U128();
        if (n >= 64)
            return fromParts(0, a.m_hi >> (n - 64));
        return fromParts(a.m_hi >> n, (a.m_lo >> n) | (a.m_hi << (64 - n)));
    }

    friend constexpr U128 operator*(U128 a, U128 b)
    {
        // Schoolbook on 32-bit limbs of the low halves, plus the cross terms that reach the
        // high half; everything above bit 127 wraps away as in the built-in type.
        const std::uint64_t a0 = a.m_lo & 0xffffffffu, a1 = a.m_lo >> 32;
        const std::uint64_t b0 = b.m_lo & 0xffffffffu, b1 = b.m_lo >> 32;
        const std::uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
        const std::uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
        const std::uint64_t lo = (mid << 32) | (p00 & 0xffffffffu);
        const std::uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32) + a.m_hi * b.m_lo
            + a.m_lo * b.m_hi;
        return fromParts(hi, lo);
    }
    // Division by zero is undefined, as for the built-in type.
    friend constexpr U128 operator/(U128 a, U128 b)
    {
        U128 q, r;
        divmod(a, b, q, r);
        return q;
    }
    friend constexpr U128 operator%(U128 a, U128 b)
    {
        U128 q, r;
        divmod(a, b, q, r);
        return r;
    }

    template<typename T> constexpr U128 &operator+=(T b) { return *this = *this + U128(b); }
    template<typename T> constexpr U128 &operator-=(T b) { return *this = *this - U128(b); }
    template<typename T> constexpr U128 &operator*=(T b) { return *this = *this * U128(b); }
    template<typename T> constexpr U128 &operator/=(T b) { return *this = *this / U128(b); }
    template<typename T> constexpr U128 &operator%=(T b) { return *this = *this % U128(b); }
    template<typename T> constexpr U128 &operator&=(T b) { return *this = *this & U128(b); }
    template<typename T> constexpr U128 &operator|=(T b) { return *this = *this | U128(b); }
    template<typename T> constexpr U128 &operator^=(T b) { return *this = *this ^ U128(b); }
    constexpr U128 &operator<<=(int n) { return *this = *this << n; }
    constexpr U128 &operator>>=(int n) { return *this = *this >> n; }
    constexpr U128 &operator++() { return *this += 1u; }
    constexpr U128 &operator--() { return *this -= 1u; }
    constexpr U128 operator++(int) { U128 old = *this; ++*this; return old; }
    constexpr U128 operator--(int) { U128 old = *this; --*this; return old; }

private:
    static constexpr void divmod(U128 a, U128 b, U128 &quotient, U128 &remainder)
    {
        if (b.m_hi == 0 && a.m_hi == 0) {
            quotient = U128(a.m_lo / b.m_lo);
            remainder = U128(a.m_lo % b.m_lo);
            return;
        }
        // Restoring binary long division: at most 128 steps, only on the rare wide path.
        quotient = U128();
        remainder = U128();
        for (int bit = 127; bit >= 0; --bit) {
            remainder = (remainder << 1) | ((a >> bit) & U128(1u));
            if (remainder >= b) {
                remainder = remainder - b;
                quotient = quotient | (U128(1u) << bit);
            }
        }
    }

    std::uint64_t m_hi = 0;
    std::uint64_t m_lo = 0;
};

// Mixed operands (U128 op int) convert the integer, as the built-in type's promotions do.
#define K3SNET_U128_MIXED(op)                                                                      \
    template<std::integral T> constexpr U128 operator op(U128 a, T b) { return a op U128(b); }    \
    template<std::integral T> constexpr U128 operator op(T a, U128 b) { return U128(a) op b; }
K3SNET_U128_MIXED(+)
K3SNET_U128_MIXED(-)
K3SNET_U128_MIXED(*)
K3SNET_U128_MIXED(/)
K3SNET_U128_MIXED(%)
K3SNET_U128_MIXED(&)
K3SNET_U128_MIXED(|)
K3SNET_U128_MIXED(^)
#undef K3SNET_U128_MIXED
template<std::integral T> constexpr bool operator==(U128 a, T b) { return a == U128(b); }
template<std::integral T> constexpr std::strong_ordering operator<=>(U128 a, T b) { return a <=> U128(b); }

} // namespace k3snet::net
