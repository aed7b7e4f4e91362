// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/net/result.h"
#include "domain/net/u128.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace k3snet::net {

#if defined(__SIZEOF_INT128__) && !defined(K3SNET_PORTABLE_U128)
// __extension__: a GCC/Clang type that -Wpedantic (on for Qt targets) would otherwise flag in
// every file including this header.
__extension__ typedef unsigned __int128 u128;
#else
// 32-bit targets (armhf) have no 128-bit integer; the class behaves the same.
using u128 = U128;
#endif

enum class Family : std::uint8_t { V4, V6 };

inline int familyBits(Family f) { return f == Family::V4 ? 32 : 128; }
const char *familyName(Family f); // "IPv4" / "IPv6"

// An IPv4 or IPv6 address as a number. Ordering is by family first (every IPv4 address sorts
// before every IPv6 address), then numerically, so sets may hold both families.
class Address
{
public:
    Address() = default;
    static Address v4(std::uint32_t value) { return Address(Family::V4, value); }
    static Address v6(u128 value) { return Address(Family::V6, value); }
    static Address fromBytes(const unsigned char *bytes, Family family);

    // Accepts dotted-quad IPv4 ("10.0.0.1", no leading zeros) and every RFC 4291 text form of
    // IPv6 ("2001:db8::1", "::ffff:10.0.0.1"). Zone ids and surrounding spaces are rejected.
    static Result<Address> parse(std::string_view text);

    Family family() const { return m_family; }
    bool isV4() const { return m_family == Family::V4; }
    u128 value() const { return m_value; }
    int bits() const { return familyBits(m_family); }
    u128 maxValue() const;
    bool isMax() const { return m_value == maxValue(); }

    // Neighbouring addresses; nullopt past the end of the family's space.
    std::optional<Address> next() const;
    std::optional<Address> prev() const;
    // This address plus an offset, or nullopt when it would leave the family's space.
    std::optional<Address> offset(u128 delta) const;

    // 16 (IPv6) or 4 (IPv4) bytes, network order.
    void toBytes(unsigned char *out) const;
    // IPv4 dotted quad; IPv6 in RFC 5952 canonical form.
    std::string toString() const;
    // The last byte of the address, for MetalLB's avoidBuggyIPs (.0/.255).
    unsigned lastOctet() const { return static_cast<unsigned>(m_value & 0xff); }

    friend bool operator==(const Address &, const Address &) = default;
    friend std::strong_ordering operator<=>(const Address &a, const Address &b)
    {
        if (a.m_family != b.m_family)
            return a.m_family <=> b.m_family;
        return a.m_value <=> b.m_value;
    }

private:
    Address(Family f, u128 v)
        : m_family(f)
        , m_value(v)
    {
    }
    Family m_family = Family::V4;
    u128 m_value = 0;
};

// Decimal text of a 128-bit number (for sizes and tests).
std::string toDecimal(u128 value);

} // namespace k3snet::net
