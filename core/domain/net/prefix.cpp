// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/net/prefix.h"

#include "domain/net/range.h"

namespace k3snet::net {

u128 prefixMask(int bits, int length)
{
    if (length <= 0)
        return 0;
    u128 all = bits == 32 ? u128(0xffffffffu) : ~u128(0);
    if (length >= bits)
        return all;
    return all & ~((u128(1) << (bits - length)) - 1);
}

Prefix::Prefix(Address address, int length)
    : m_length(length)
{
    u128 mask = prefixMask(address.bits(), length);
    m_network = address.isV4() ? Address::v4(static_cast<std::uint32_t>(address.value() & mask))
                               : Address::v6(address.value() & mask);
}

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

Result<Prefix> parsePrefix(std::string_view text, bool strict)
{
    const std::string q = quoted(text);
    auto slash = text.find('/');
    if (slash == std::string_view::npos)
        return Result<Prefix>::failure(q + ": not a CIDR prefix: missing \"/length\"");
    const std::string_view addrText = text.substr(0, slash);
    auto addr = Address::parse(addrText);
    if (!addr) {
        // Keep the address parser's reason but name the whole input. The reason follows the
        // quoted address text, which may itself contain ": ", so skip it by length.
        const auto &why = addr.error();
        const std::string named = quoted(addrText) + ": ";
        const bool hasName = why.compare(0, named.size(), named) == 0;
        return Result<Prefix>::failure(q + ": " + (hasName ? why.substr(named.size()) : why));
    }
    std::string_view lenText = text.substr(slash + 1);
    if (lenText.empty())
        return Result<Prefix>::failure(q + ": missing prefix length after \"/\"");
    int len = 0;
    for (char c : lenText) {
        if (c < '0' || c > '9')
            return Result<Prefix>::failure(q + ": prefix length is not a number");
        len = len * 10 + (c - '0');
        if (len > 255)
            break;
    }
    if (lenText.size() > 1 && lenText[0] == '0')
        return Result<Prefix>::failure(q + ": prefix length with a leading zero");
    if (len > addr->bits())
        return Result<Prefix>::failure(q + ": prefix length " + std::string(lenText)
                                       + " is longer than " + std::to_string(addr->bits())
                                       + " bits of " + familyName(addr->family()));
    Prefix p(*addr, len);
    if (strict && p.network() != *addr)
        return Result<Prefix>::failure(q + ": host bits are set (did you mean "
                                       + p.toString() + "?)");
    return p;
}

} // namespace

Result<Prefix> Prefix::parse(std::string_view text)
{
    return parsePrefix(text, false);
}

Result<Prefix> Prefix::parseStrict(std::string_view text)
{
    return parsePrefix(text, true);
}

Address Prefix::last() const
{
    u128 hostMask = ~prefixMask(m_network.bits(), m_length) & m_network.maxValue();
    return m_network.isV4() ? Address::v4(static_cast<std::uint32_t>(m_network.value() | hostMask))
                            : Address::v6(m_network.value() | hostMask);
}

Range Prefix::range() const
{
    return Range(m_network, last());
}

bool Prefix::contains(const Address &a) const
{
    return a.family() == family() && a >= m_network && a <= last();
}

bool Prefix::contains(const Prefix &p) const
{
    return p.family() == family() && p.m_length >= m_length && contains(p.m_network);
}

bool Prefix::overlaps(const Prefix &p) const
{
    return contains(p) || p.contains(*this);
}

std::optional<Prefix> Prefix::subnet(int newLength, u128 index) const
{
    if (newLength < m_length || newLength > m_network.bits())
        return std::nullopt;
    int extra = newLength - m_length;
    if (extra < 128 && index >= (u128(1) << extra))
        return std::nullopt;
    int shift = m_network.bits() - newLength;
    u128 offset = shift >= 128 ? 0 : index << shift;
    auto start = m_network.offset(offset);
    if (!start)
        return std::nullopt;
    return Prefix(*start, newLength);
}

std::string Prefix::toString() const
{
    return m_network.toString() + "/" + std::to_string(m_length);
}

} // namespace k3snet::net
